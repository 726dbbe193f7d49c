// Dates as a French user types them (base/date.h): accepted forms, stored ISO, impossible dates refused
// with a message naming what is wrong.
#include <catch2/catch.hpp>
#include "base/date.h"

using namespace clausier;

TEST_CASE("date: French and ISO forms are read and stored ISO", "[date]") {
    const std::pair<const char*, const char*> accepted[] = {
        {"15/01/2027", "2027-01-15"},
        {"15/1/2027", "2027-01-15"},
        {"5/1/2027", "2027-01-05"},
        {"2027-01-15", "2027-01-15"},
        {"2027-1-5", "2027-01-05"},
        {"15-01-2027", "2027-01-15"},
        {"15.01.2027", "2027-01-15"},
        {" 15 / 01 / 2027 ", "2027-01-15"},
        {"15\u00A0/\u00A001/\u00A02027", "2027-01-15"},
        {"29/02/2028", "2028-02-29"},             // a leap year
        {"15 janvier 2027", "2027-01-15"},
        {"1er avril 2027", "2027-04-01"},
        {"3 FÉVRIER 2027", "2027-02-03"},
        {"3 fevrier 2027", "2027-02-03"},
        {"31 décembre 2199", "2199-12-31"},
    };
    for (const auto& [typed, iso] : accepted) {
        INFO(typed);
        Date d;
        std::string error;
        REQUIRE(parse_french_date(typed, d, error));
        CHECK(iso_date(d) == iso);
        CHECK(error.empty());
    }
}

TEST_CASE("date: impossible and ambiguous dates are refused and the stored date is kept", "[date]") {
    const std::pair<const char*, const char*> refused[] = {
        {"31/02/2027", "Le 31 février 2027 n'existe pas : ce mois compte 28 jours."},
        {"29/02/2027", "Le 29 février 2027 n'existe pas : ce mois compte 28 jours."},
        {"31/04/2027", "Le 31 avril 2027 n'existe pas : ce mois compte 30 jours."},
        {"2027-13-01", "Le mois 13 n'existe pas"},
        {"00/01/2027", "Le jour 0 n'existe pas"},
        {"32/01/2027", "Le jour 32 n'existe pas"},
        {"15/01/27", "quatre chiffres"},
        {"15/01-2027", "n'est pas une date reconnue"},
        {"2027/15", "n'est pas une date reconnue"},
        {"demain", "n'est pas une date reconnue"},
        {"15 brumaire 2027", "n'est pas une date reconnue"},
        {"", "Aucune date saisie"},
        {"15/01/1850", "hors des dates admises"},
        {"01/15/2027", "Le mois 15 n'existe pas"},       // American order: month 15 does not exist
    };
    for (const auto& [typed, message] : refused) {
        INFO(typed);
        Date d{2026, 11, 22};
        std::string error;
        REQUIRE_FALSE(parse_french_date(typed, d, error));
        CHECK(error.find(message) != std::string::npos);
        CHECK(iso_date(d) == "2026-11-22");
    }
}

TEST_CASE("date: the strict ISO reader of files and the French forms shown", "[date]") {
    CHECK(iso_date(parse_date("2027-01-15")) == "2027-01-15");
    CHECK_FALSE(parse_date("15/01/2027").valid());      // files hold ISO dates only
    CHECK_FALSE(parse_date("2027-02-30").valid());
    CHECK_FALSE(parse_date("2027-1-15").valid());
    CHECK(short_french_date(Date{2027, 1, 5}) == "05/01/2027");
    CHECK(french_date(Date{2027, 4, 1}) == "1er avril 2027");
    CHECK(short_french_date(Date{}).empty());
    CHECK(days_in_month(2028, 2) == 29);
    CHECK(days_in_month(2100, 2) == 28);
    CHECK(days_in_month(2000, 2) == 29);
    // What a date field shows for editing reads back to the same date.
    Date back;
    std::string error;
    REQUIRE(parse_french_date(short_french_date(Date{2027, 12, 31}), back, error));
    CHECK(iso_date(back) == "2027-12-31");
    REQUIRE(parse_french_date(french_date(Date{2027, 8, 1}), back, error));
    CHECK(iso_date(back) == "2027-08-01");
}

TEST_CASE("weekday and French names of months and days", "[date]") {
    CHECK(weekday({2026, 11, 30}) == 0);   // a Monday
    CHECK(weekday({2027, 1, 15}) == 4);    // a Friday
    CHECK(weekday({2028, 2, 29}) == 1);    // a Tuesday, leap day
    CHECK(std::string(french_month(8)) == "août");
    CHECK(std::string(french_weekday(weekday({2027, 1, 15}))) == "vendredi");
}
