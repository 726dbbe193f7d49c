// French numbers and amounts (base/number.h): what a person types in a money, percentage, quantity or count
// field, read by the one parser the app and the CLI share, and the formatter that shows it back.
#include <catch2/catch.hpp>
#include "base/number.h"
#include "base/text.h"
#include <cmath>

using namespace clausier;

namespace {

const std::string nb = "\u00A0", nn = "\u202F";

struct Case {
    std::string input;
    NumberKind kind;
    bool ok;
    double value;               // when ok
    const char* error_has;      // when refused: a piece of the French message
};

const NumberKind E = NumberKind::euros, P = NumberKind::percent, Q = NumberKind::quantity, N = NumberKind::count;

const Case kCases[] = {
    // What the issue lists, with every kind of space.
    {"59 999,50", E, true, 59999.5, ""},
    {"59" + nb + "999,50", E, true, 59999.5, ""},
    {"59" + nn + "999,50", E, true, 59999.5, ""},
    {"59\u2009999,50", E, true, 59999.5, ""},                  // thin space
    {"59999,50", E, true, 59999.5, ""},
    {"1 234 567,89 €", E, true, 1234567.89, ""},
    {"1" + nn + "234" + nn + "567,89" + nb + "€", E, true, 1234567.89, ""},   // what french_euros writes
    {"1.234.567,89", E, true, 1234567.89, ""},
    {"60 000 € HT", E, true, 60000, ""},
    {"60 000 €HT", E, true, 60000, ""},
    {"60000 HT", E, true, 60000, ""},
    {"60 000 EUR", E, true, 60000, ""},
    {"60 000 euros HT", E, true, 60000, ""},
    {"€ 60 000", E, true, 60000, ""},
    {"  250000  ", E, true, 250000, ""},
    {"\t250000\n", E, true, 250000, ""},
    {"0", E, true, 0, ""},
    {"0,5", E, true, 0.5, ""},
    {"22,5 €", E, true, 22.5, ""},
    {"12.5", E, true, 12.5, ""},                               // a dot not followed by three digits: decimal point
    {"1 234.50", E, true, 1234.5, ""},
    {"60.000 €", E, true, 60000, ""},                          // money never has three decimals: thousands
    {"1.234", E, true, 1234, ""},
    {"007", E, true, 7, ""},
    {"12,5 %", P, true, 12.5, ""},
    {"12,5%", P, true, 12.5, ""},
    {"12,5", P, true, 12.5, ""},
    {"100 %", P, true, 100, ""},
    {"0.125", Q, true, 0.125, ""},                             // a group never starts with 0: decimal point
    {"1 250,5", Q, true, 1250.5, ""},
    {"12", N, true, 12, ""},
    {"1 000", N, true, 1000, ""},
    // Refused, each with its reason.
    {"1,234,567", E, false, 0, "virgule sépare les décimales"},
    {"1,234", E, false, 0, "pour les milliers, écrivez 1 234"},
    {"59 999,505", E, false, 0, "au plus 2 décimales"},
    {"12abc", E, false, 0, "n'est pas un montant"},
    {"-5", E, false, 0, "ne peut pas être négatif"},
    {"\u2212" "5 000", E, false, 0, "ne peut pas être négatif"},   // the typographic minus sign
    {"-12 %", P, false, 0, "négative"},
    {"", E, false, 0, "vide"},
    {"   ", E, false, 0, "vide"},
    {"NC", E, false, 0, "n'est pas un montant"},
    {"1e5", E, false, 0, "n'est pas un montant"},
    {"60 000 € TTC", E, false, 0, "hors taxes"},
    {"50 %", E, false, 0, "pas un pourcentage"},
    {"12 €", P, false, 0, "pas un montant en euros"},
    {"1.234", P, false, 0, "ambigu"},
    {"1.234", Q, false, 0, "ambigu"},
    {"1 234.567", E, false, 0, "mêle deux façons"},
    {"5 9999", E, false, 0, "groupent par trois"},
    {"1 23 456", E, false, 0, "groupent par trois"},
    {"12,", E, false, 0, "après la virgule"},
    {",5", E, false, 0, "avant la virgule"},
    {"12,5", N, false, 0, "nombre entier"},
    {"12,345 %", P, false, 0, "au plus 2 décimales"},
    {"1 000 000 000 000 000", E, false, 0, "trop grand"},
    {"20 000 000 000 000", E, false, 0, "comprise entre"},     // above kMaxAmount
    {"€", E, false, 0, "n'est pas un montant"},
    {"1/2", Q, false, 0, "n'est pas une quantité"},
};

}  // namespace

TEST_CASE("number: the French number parser accepts what a person means and refuses what is ambiguous", "[number]") {
    STATIC_REQUIRE(sizeof(kCases) / sizeof(kCases[0]) >= 40);
    for (const Case& c : kCases) {
        INFO("input « " << c.input << " », kind " << int(c.kind));
        double value = -42;
        std::string error;
        const bool ok = parse_number(c.input, c.kind, value, error);
        REQUIRE(ok == c.ok);
        if (c.ok) {
            CHECK(value == Approx(c.value).margin(1e-9));
            CHECK(error.empty());
        } else {
            CHECK(value == -42);                       // the stored value never changes on a refusal
            CHECK(error.find(c.error_has) != std::string::npos);
            CHECK(valid_utf8(error));
            CHECK(error.back() == '.');                // a French sentence
        }
    }
}

TEST_CASE("number: messages say what is expected, with an example", "[number]") {
    double v = 0;
    std::string error;
    REQUIRE_FALSE(parse_number("12abc", NumberKind::euros, v, error));
    CHECK(error == "« 12abc » n'est pas un montant en euros HT : seuls des chiffres, des espaces et une virgule "
                   "décimale sont attendus, par exemple 59 999,50 ou 60 000 € HT.");
    REQUIRE_FALSE(parse_number("1,234,567", NumberKind::euros, v, error));
    CHECK(error.find("1 234 567") != std::string::npos);
    REQUIRE_FALSE(parse_number("1.234", NumberKind::percent, v, error));
    CHECK(error == "« 1.234 » est ambigu : écrivez 1 234 pour un nombre entier, ou 1,234 avec la virgule décimale.");
}

TEST_CASE("number: bounds given by the field are checked and named in French", "[number]") {
    double v = 7;
    std::string error;
    CHECK_FALSE(parse_number("150", NumberKind::percent, v, error, 0, 100));
    CHECK(v == 7);
    CHECK(error == "La valeur doit être comprise entre 0" + nb + "% et 100" + nb + "% ; « 150 » est hors de ces limites.");
    CHECK_FALSE(parse_number("0,5", NumberKind::euros, v, error, 1, 1e6));
    CHECK(error.find("1" + nb + "€ et 1" + nn + "000" + nn + "000" + nb + "€") != std::string::npos);
    CHECK(parse_number("35", NumberKind::euros, v, error, 1, 1e6));
    CHECK(v == 35);
}

TEST_CASE("number: euros show cents with two decimals and whole amounts without", "[number]") {
    CHECK(french_euros(22.5) == "22,50" + nb + "€");
    CHECK(french_euros(22.05) == "22,05" + nb + "€");
    CHECK(french_euros(60000) == "60" + nn + "000" + nb + "€");
    CHECK(french_euros(59999.5) == "59" + nn + "999,50" + nb + "€");
    CHECK(french_euros(1234567.89) == "1" + nn + "234" + nn + "567,89" + nb + "€");
    CHECK(french_euros(0) == "0" + nb + "€");
    CHECK(french_euros(0.999) == "1" + nb + "€");               // rounded to the cent first
    CHECK(french_euros(59999.999) == "60" + nn + "000" + nb + "€");
    CHECK(french_euros(0.1) == "0,10" + nb + "€");
    CHECK(french_euros(-12.5) == "-12,50" + nb + "€");
    CHECK(french_percent(12.5) == "12,5" + nb + "%");
    CHECK(format_number(12.5, NumberKind::percent) == "12,5" + nb + "%");
    CHECK(format_number(1250.125, NumberKind::quantity) == "1" + nn + "250,125");
    CHECK(format_number(12, NumberKind::count) == "12");
}

TEST_CASE("number: a count agrees its noun, 0 and 1 in the singular as French wants", "[number]") {
    CHECK(counted(0, "marché", "marchés") == "0 marché");
    CHECK(counted(1, "point bloquant reste ouvert", "points bloquants restent ouverts") == "1 point bloquant reste ouvert");
    CHECK(counted(2, "point bloquant reste ouvert", "points bloquants restent ouverts") == "2 points bloquants restent ouverts");
    CHECK(counted(1234, "projet", "projets") == "1" + nn + "234 projets");
}

TEST_CASE("number: what the formatter shows, the parser reads back to the same value", "[number]") {
    const double amounts[] = {0, 0.01, 0.1, 1, 22.5, 999.99, 1000, 59999.5, 60000, 215999.99, 1234567.89, 9999999999.99};
    for (double a : amounts) {
        INFO(a);
        double back = -1;
        std::string error;
        REQUIRE(parse_number(format_number(a, NumberKind::euros), NumberKind::euros, back, error));
        CHECK(back == Approx(a).margin(1e-9));
        REQUIRE(parse_number(format_number(a, NumberKind::quantity), NumberKind::quantity, back, error));
        CHECK(back == Approx(a).margin(1e-9));
    }
    for (double p : {0.0, 5.0, 12.5, 33.33, 100.0}) {
        double back = -1;
        std::string error;
        REQUIRE(parse_number(format_number(p, NumberKind::percent), NumberKind::percent, back, error));
        CHECK(back == Approx(p));
    }
}
