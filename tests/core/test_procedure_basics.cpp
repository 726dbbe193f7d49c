// Foundation tests for the model, text helpers, bundle and procedure sizing.
#include "base/bundle.h"
#include "law/legal.h"
#include "library/library.h"
#include "library/cpv.h"
#include <catch2/catch.hpp>

using namespace clausier;

TEST_CASE("French formatting of amounts and dates", "[text]") {
    CHECK(french_euros(60000) == "60\u202F000\u00A0€");
    CHECK(french_number(12.5) == "12,5");
    CHECK(french_date(parse_date("2026-11-22")) == "22 novembre 2026");
    CHECK(french_date(parse_date("2026-04-01")) == "1er avril 2026");
    CHECK_FALSE(parse_date("2026-02-30").valid());
    CHECK(fold("Œuvre Économique") == "oeuvre economique");
    CHECK(french_typography("Note : 10 ; « prix »") == "Note\u202F: 10\u202F; «\u202Fprix\u202F»");
}

TEST_CASE("The bundle carries the data folders", "[bundle]") {
    CHECK_FALSE(bundle_file("data/legal/thresholds.json").empty());
    CHECK_FALSE(bundle_file("clauses/families.json").empty());
    CHECK(bundle_file("nope").empty());
}

TEST_CASE("Project files round-trip and keep unknown fields", "[model]") {
    Project p;
    std::string error;
    const std::string text = R"({"format":"clausier-projet","schema_version":1,"title":"Test","future_field":{"a":1},
        "need":{"object":"Nettoyage","nature":"services","duration_months":12,"renewals":3,"renewal_months":12},
        "lots":[{"title":"Lot 1","value":50000},{"title":"Lot 2","value":25000}]})";
    REQUIRE(project_from_text(text, p, error));
    CHECK(total_estimated_value(p) == Approx(300000));
    Project q;
    REQUIRE(project_from_text(project_to_text(p), q, error));
    CHECK(project_to_text(q) == project_to_text(p));
    CHECK(project_to_json(q)["future_field"]["a"] == 1);
}

TEST_CASE("Bad project files are refused with a French sentence and leave the project untouched", "[model]") {
    Project p;
    p.title = "En cours";
    std::string error;
    CHECK_FALSE(project_from_text("{not json", p, error));
    CHECK(error.find("JSON") != std::string::npos);
    CHECK_FALSE(project_from_text(R"({"format":"clausier-projet","schema_version":99})", p, error));
    CHECK(error.find("plus récente") != std::string::npos);
    CHECK_FALSE(project_from_text(R"({"format":"clausier-projet","schema_version":1,"need":{"nature":"bijoux"}})", p, error));
    CHECK(error.find("need.nature") != std::string::npos);
    CHECK_FALSE(project_from_text(R"({"format":"clausier-projet","schema_version":1,"lots":[{"value":"cher"}]})", p, error));
    CHECK(error.find("lots[1].value") != std::string::npos);
    CHECK(p.title == "En cours");
}

TEST_CASE("Version 0 files are migrated", "[model]") {
    Project p;
    std::string error;
    REQUIRE(project_from_text(R"({"format":"clausier-projet","schema_version":0,"need":{"amount":120000},"clauses":["NET-E-001"]})", p, error));
    REQUIRE(p.lots.size() == 1);
    CHECK(p.lots[0].value == 120000);
    REQUIRE(p.clauses.size() == 1);
    CHECK(p.clauses[0].id == "NET-E-001");
}

TEST_CASE("Procedure sizing follows the example of the CLI contract", "[procedure]") {
    ProcedureInput in;
    in.buyer = BuyerType::collectivite;
    in.nature = Nature::services;
    in.amount = 250000;
    in.date = parse_date("2026-11-22");
    ProcedureResult r = size_procedure(in);
    CHECK(r.procedure == Procedure::formalisee);
    CHECK(r.publicity == Publicity::joue);
    CHECK(r.eu_threshold == 216000);
    CHECK(r.dispense_threshold == 60000);
    CHECK(r.electronic);
}

TEST_CASE("The bundled library loads", "[library]") {
    const Library& lib = bundled_library();
    CHECK(lib.families.size() >= 18);
    CHECK(lib.articles.size() >= 50);
}

TEST_CASE("Clause variables render the French way and out-of-range values fall back to defaults", "[library]") {
    Clause c;
    c.text = "Au moins {{taux}} des heures, soit {{heures}}, avant le {{date}}.";
    c.variables = {{"taux", "percent", "Taux", 10, 0, 100, {}, 500},
                   {"heures", "hours", "Heures", 1500, 0, 100000, {}, 500},
                   {"date", "date", "Date", "2027-01-01", 0, 0, {}, 500}};
    CHECK(render_clause(c) == "Au moins 10\u00A0% des heures, soit 1\u202F500\u00A0heures, avant le 1er janvier 2027.");
    CHECK(render_clause(c, {{"taux", 150}}).find("10\u00A0%") != std::string::npos);
    CHECK(render_clause(c, {{"taux", 25}}).find("25\u00A0%") != std::string::npos);
}

TEST_CASE("CPV search by code prefix and by words, accent-insensitive", "[cpv]") {
    CHECK(cpv_codes().size() == 9454);
    auto by_code = search_cpv("9091");
    REQUIRE_FALSE(by_code.empty());
    CHECK(by_code[0]->code.rfind("9091", 0) == 0);
    auto by_words = search_cpv("NETTOYAGE batiments");
    REQUIRE_FALSE(by_words.empty());
    for (auto* c : by_words) CHECK(fold(c->label).find("nettoyage") != std::string::npos);
    CHECK_FALSE(search_cpv("électricité").empty());
    CHECK(search_cpv("electricite").size() == search_cpv("ÉLECTRICITÉ").size());
}
