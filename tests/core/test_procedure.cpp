// Procedure sizing (size_procedure, legal.cpp) against the rules of the domain brief: at, just below and
// just above every threshold, on both sides of every date boundary, for every buyer type and nature.
// The expected figures are written here from the brief, independently of data/legal/thresholds.json.
#include <catch2/catch.hpp>
#include "law/legal.h"

using namespace clausier;
using Catch::Matchers::Contains;

namespace {

const char* const kBuyers[] = {"etat", "collectivite", "etablissement-sante", "entite-adjudicatrice"};
const char* const kNatures[] = {"fournitures", "services", "travaux"};
// Both sides of every boundary, plus ordinary days inside each period.
const char* const kDates[] = {"2025-06-15", "2025-12-31", "2026-01-01", "2026-03-31", "2026-04-01",
                              "2026-08-20", "2026-08-21", "2026-11-22", "2027-12-31"};

bool before(const char* date, const char* boundary) { return parse_date(date).key() < parse_date(boundary).key(); }

// Figures from the domain brief (section 3).
double dispense(const std::string& nature, const char* date) {
    if (nature == "travaux") return 100000;                        // 2023–2025 temporary, permanent from 2026
    return before(date, "2026-04-01") ? 40000 : 60000;
}
double electronic_floor(const char* date) { return before(date, "2026-04-01") ? 40000 : 60000; }
double eu(const std::string& buyer, const std::string& nature, const char* date) {
    const bool old = before(date, "2026-01-01");
    if (nature == "travaux") return old ? 5538000 : 5404000;
    if (buyer == "etat") return old ? 143000 : 140000;
    if (buyer == "collectivite" || buyer == "etablissement-sante") return old ? 221000 : 216000;   // health: as local authorities
    return old ? 443000 : 432000;
}
const double kPublicity = 90000;

struct Expected {
    std::string procedure, publicity;
    bool electronic;
};

Expected oracle(const std::string& buyer, const std::string& nature, double amount, const char* date) {
    if (amount < dispense(nature, date)) return {"sans-publicite", "aucune", false};
    const bool electronic = amount >= electronic_floor(date);
    if (amount >= eu(buyer, nature, date)) return {"formalisee", "joue", electronic};
    const bool boamp = amount >= kPublicity && buyer != "entite-adjudicatrice";
    return {"adaptee", boamp ? "boamp-ou-jal" : "libre", electronic};
}

ProcedureResult size(const std::string& buyer, const std::string& nature, double amount, const char* date, bool social = false) {
    ProcedureInput in;
    REQUIRE(parse_enum(buyer, in.buyer));
    REQUIRE(parse_enum(nature, in.nature));
    in.amount = amount;
    in.date = parse_date(date);
    in.social_services = social;
    return size_procedure(in);
}

}  // namespace

TEST_CASE("procedure: threshold figures by buyer, nature and date", "[procedure]") {
    for (const char* date : kDates)
        for (const char* buyer : kBuyers)
            for (const char* nature : kNatures) {
                INFO(date << " " << buyer << " " << nature);
                const ProcedureResult r = size(buyer, nature, 1, date);
                CHECK(r.dispense_threshold == dispense(nature, date));
                CHECK(r.eu_threshold == eu(buyer, nature, date));
            }
}

TEST_CASE("procedure: at, just below and just above every threshold", "[procedure]") {
    int checked = 0;
    for (const char* date : kDates)
        for (const char* buyer : kBuyers)
            for (const char* nature : kNatures) {
                const double thresholds[] = {dispense(nature, date), electronic_floor(date), kPublicity, eu(buyer, nature, date)};
                for (double t : thresholds)
                    for (double amount : {t - 0.01, t, t + 0.01}) {
                        INFO(date << " " << buyer << " " << nature << " " << std::fixed << amount);
                        const Expected e = oracle(buyer, nature, amount, date);
                        const ProcedureResult r = size(buyer, nature, amount, date);
                        CHECK(enum_name(r.procedure) == e.procedure);
                        CHECK(enum_name(r.publicity) == e.publicity);
                        CHECK(r.electronic == e.electronic);
                        ++checked;
                    }
            }
    CHECK(checked == 9 * 4 * 3 * 4 * 3);
}

TEST_CASE("procedure: worked cases from the brief", "[procedure]") {
    // Supplies and services: 40 000 € before 1 April 2026, 60 000 € from that day.
    ProcedureResult r = size("collectivite", "services", 40000, "2026-03-31");
    CHECK(r.procedure == Procedure::adaptee);
    CHECK(r.publicity == Publicity::libre);
    CHECK(r.electronic);
    r = size("collectivite", "services", 40000, "2026-04-01");
    CHECK(r.procedure == Procedure::sans_publicite);
    CHECK(r.publicity == Publicity::aucune);
    CHECK_FALSE(r.electronic);
    CHECK(r.articles == std::vector<std::string>{"R.2122-8"});
    r = size("collectivite", "fournitures", 59999.99, "2026-04-01");
    CHECK(r.procedure == Procedure::sans_publicite);
    r = size("collectivite", "fournitures", 60000, "2026-04-01");
    CHECK(r.procedure == Procedure::adaptee);
    CHECK(r.electronic);
    CHECK(r.articles == std::vector<std::string>{"R.2123-1", "R.2131-12", "R.2132-2"});

    // Publicity from 90 000 €: BOAMP or a legal-notice journal.
    CHECK(size("collectivite", "fournitures", 89999.99, "2026-06-01").publicity == Publicity::libre);
    CHECK(size("collectivite", "fournitures", 90000, "2026-06-01").publicity == Publicity::boamp_ou_jal);
    CHECK(size("etat", "services", 90000, "2026-06-01").publicity == Publicity::boamp_ou_jal);

    // EU thresholds change on 1 January 2026.
    CHECK(size("collectivite", "services", 216000, "2025-12-31").procedure == Procedure::adaptee);
    CHECK(size("collectivite", "services", 216000, "2026-01-01").procedure == Procedure::formalisee);
    CHECK(size("collectivite", "services", 220999.99, "2025-12-31").procedure == Procedure::adaptee);
    CHECK(size("collectivite", "services", 221000, "2025-12-31").procedure == Procedure::formalisee);
    CHECK(size("etat", "fournitures", 140000, "2025-12-31").procedure == Procedure::adaptee);
    CHECK(size("etat", "fournitures", 140000, "2026-01-01").procedure == Procedure::formalisee);
    CHECK(size("entite-adjudicatrice", "services", 431999.99, "2026-06-01").procedure == Procedure::adaptee);
    CHECK(size("entite-adjudicatrice", "services", 432000, "2026-06-01").procedure == Procedure::formalisee);
    CHECK(size("collectivite", "travaux", 5404000, "2025-12-31").procedure == Procedure::adaptee);
    r = size("collectivite", "travaux", 5404000, "2026-01-01");
    CHECK(r.procedure == Procedure::formalisee);
    CHECK(r.publicity == Publicity::joue);
    CHECK(r.articles == std::vector<std::string>{"R.2124-1", "R.2131-16", "R.2132-2"});

    // Works: 100 000 € on both sides of 1 January 2026; no electronic obligation without a procedure.
    for (const char* date : {"2025-12-31", "2026-01-01"}) {
        INFO(date);
        r = size("collectivite", "travaux", 99999.99, date);
        CHECK(r.procedure == Procedure::sans_publicite);
        CHECK_FALSE(r.electronic);
        r = size("collectivite", "travaux", 100000, date);
        CHECK(r.procedure == Procedure::adaptee);
        CHECK(r.publicity == Publicity::boamp_ou_jal);
        CHECK(r.electronic);
    }
    CHECK_FALSE(size("collectivite", "travaux", 70000, "2026-06-01").electronic);
}

TEST_CASE("procedure: social and other specific services", "[procedure]") {
    // Below the dispense threshold, no procedure at all.
    CHECK(size("collectivite", "services", 59999.99, "2026-06-01", true).procedure == Procedure::sans_publicite);
    // Adapted procedure whatever the value; a JOUE notice from 750 000 €.
    ProcedureResult r = size("collectivite", "services", 60000, "2026-06-01", true);
    CHECK(r.procedure == Procedure::adaptee);
    CHECK(r.publicity == Publicity::libre);
    CHECK(size("collectivite", "services", 300000, "2026-06-01", true).publicity == Publicity::boamp_ou_jal);
    r = size("collectivite", "services", 749999.99, "2026-06-01", true);
    CHECK(r.procedure == Procedure::adaptee);
    CHECK(r.publicity == Publicity::boamp_ou_jal);
    for (const char* buyer : {"etat", "collectivite"}) {
        r = size(buyer, "services", 750000, "2026-06-01", true);
        CHECK(r.procedure == Procedure::adaptee);
        CHECK(r.publicity == Publicity::joue);
        CHECK(r.electronic);
        CHECK(r.articles == std::vector<std::string>{"R.2123-1", "R.2131-15", "R.2132-2"});
        CHECK(size(buyer, "services", 750000.01, "2026-06-01", true).publicity == Publicity::joue);
    }
    r = size("collectivite", "services", 5000000, "2026-06-01", true);
    CHECK(r.procedure == Procedure::adaptee);
    CHECK(r.publicity == Publicity::joue);
    CHECK_THAT(r.explanation, Contains("quel que soit le montant"));
    // Utilities: the JOUE figure is 1 000 000 €.
    CHECK(size("entite-adjudicatrice", "services", 999999.99, "2026-06-01", true).publicity != Publicity::joue);
    CHECK(size("entite-adjudicatrice", "services", 1000000, "2026-06-01", true).publicity == Publicity::joue);
}

TEST_CASE("procedure: explanation and JSON form", "[procedure]") {
    const ProcedureResult r = size("collectivite", "services", 150000, "2026-11-22");
    CHECK_THAT(r.explanation, Contains("150" + std::string(kNnbsp) + "000" + kNbsp + "€ HT"));
    CHECK_THAT(r.explanation, Contains("216" + std::string(kNnbsp) + "000"));
    CHECK_THAT(r.explanation, Contains("MAPA"));
    const json j = procedure_to_json(r);
    CHECK(j["procedure"] == "adaptee");
    CHECK(j["publicity"] == "boamp-ou-jal");
    CHECK(j["electronic"] == true);
    CHECK(j["dispense_threshold"] == 60000);
    CHECK(j["eu_threshold"] == 216000);
    CHECK(j["articles"].is_array());
}

TEST_CASE("procedure: from a project, value over all lots and renewals", "[procedure]") {
    Project p;
    p.buyer.type = BuyerType::collectivite;
    p.need.nature = Nature::services;
    p.need.launch_date = "2026-11-22";
    p.need.duration_months = 12;
    p.need.renewals = 3;
    p.lots = {{"A", 30000, "", ""}, {"B", 25000, "", ""}};   // 55 000 € a year, 220 000 € over four years
    const ProcedureInput in = procedure_input(p);
    CHECK(in.amount == Approx(220000));
    CHECK(in.date.key() == 20261122);
    CHECK(size_procedure(in).procedure == Procedure::formalisee);
}
