// The rule table (data/legal/rules.json) against the engine, the legal data, the article table and the
// documentation; and realistic project files under tests/fixtures/checks with the rules they must trigger.
#include <catch2/catch.hpp>
#include "test_checks_fixture.h"
#include "test_files.h"
#include <dirent.h>
#include <fstream>
#include <set>
#include <sstream>

using namespace clausier;
using namespace clausier::testing;

namespace {

// Articles cited by rules that the article table does not list yet (reported to the table's owner).
const std::set<std::string> kPendingArticles = {};

}  // namespace

TEST_CASE("rules: the table loads and matches the engine one to one", "[checks]") {
    const RuleSet& rules = bundled_rules();
    REQUIRE(rules.rules.size() >= 30);
    std::set<std::string> ids;
    for (const RuleInfo& r : rules.rules) {
        INFO(r.id);
        CHECK(ids.insert(r.id).second);
    }
    const std::vector<std::string> implemented = implemented_rules();
    CHECK(std::set<std::string>(implemented.begin(), implemented.end()) == ids);
    CHECK(implemented.size() == ids.size());
}

TEST_CASE("rules: every rule is complete and cites known articles", "[checks]") {
    const Library& lib = bundled_library();
    REQUIRE(lib.articles.size() > 50);
    for (const RuleInfo& r : bundled_rules().rules) {
        INFO(r.id);
        CHECK((r.severity == Severity::bloquant || r.severity == Severity::alerte || r.severity == Severity::conseil));
        CHECK(r.step != Step::count);
        CHECK_FALSE(r.field.empty());
        CHECK_FALSE(r.title.empty());
        CHECK(r.description.size() > 20);
        CHECK(r.message.size() > 40);
        for (const std::string& a : r.articles) {
            INFO(a);
            CHECK((lib.article(a) != nullptr || kPendingArticles.count(a) == 1));
        }
    }
}

TEST_CASE("rules: dated rules agree with the obligations of thresholds.json", "[checks]") {
    const LegalData& law = bundled_legal_data();
    int dated = 0;
    for (const RuleInfo& r : bundled_rules().rules) {
        if (r.obligation.empty()) continue;
        INFO(r.id);
        const Obligation* o = law.obligation(r.obligation);
        REQUIRE(o != nullptr);
        CHECK(o->from.key() == r.valid_from.key());
        CHECK(std::find(r.articles.begin(), r.articles.end(), o->article) != r.articles.end());
        ++dated;
    }
    CHECK(dated >= 7);
}

TEST_CASE("rules: severity, wording and figures come from the table", "[checks]") {
    Project p = clean_project();
    p.payment_days = 45;
    RuleSet rules = bundled_rules();
    for (RuleInfo& r : rules.rules)
        if (r.id == "paiement-delai") {
            r.severity = Severity::alerte;
            r.message = "Délai de {value} jours (plafond {max}).";
        }
    auto f = first(run_checks(p, project_procedure(p), test_library(), bundled_legal_data(), rules), "paiement-delai");
    REQUIRE(f.has_value());
    CHECK(f->severity == Severity::alerte);
    CHECK(f->message == "Délai de 45 jours (plafond 30).");
    for (RuleInfo& r : rules.rules)
        if (r.id == "paiement-delai") r.params["max_days"] = 60;
    CHECK_FALSE(fires(run_checks(p, project_procedure(p), test_library(), bundled_legal_data(), rules), "paiement-delai"));
    // A rule missing from the table is not run.
    rules.rules.erase(std::remove_if(rules.rules.begin(), rules.rules.end(), [](const RuleInfo& r) { return r.id == "paiement-delai"; }),
                      rules.rules.end());
    p.payment_days = 90;
    CHECK_FALSE(fires(run_checks(p, project_procedure(p), test_library(), bundled_legal_data(), rules), "paiement-delai"));
}

TEST_CASE("rules: a broken table is refused with a French message", "[checks]") {
    RuleSet out;
    std::string error;
    CHECK_FALSE(load_rules("pas du JSON", out, error));
    CHECK(error == "Table des règles de vérification illisible.");
    error.clear();
    CHECK_FALSE(load_rules(R"({"rules": [{"id": "x", "severity": "grave", "step": "besoin", "message": "m"}]})", out, error));
    CHECK(error.find("« x »") != std::string::npos);
    CHECK(load_rules(R"({"rules": [{"id": "x", "severity": "conseil", "step": "besoin", "message": "m", "valid_from": "2026-01-01"}]})", out, error));
    REQUIRE(out.rules.size() == 1);
    CHECK(out.rules[0].valid_from.key() == 20260101);
    CHECK(out.terms("absent").empty());
}

TEST_CASE("rules: the documentation lists every rule", "[checks]") {
    const std::string doc = test_files::read(test_files::source("docs/rules.md"));
    REQUIRE_FALSE(doc.empty());
    for (const RuleInfo& r : bundled_rules().rules) {
        INFO(r.id);
        CHECK(doc.find("`" + r.id + "`") != std::string::npos);
    }
}

TEST_CASE("checks: project files in tests/fixtures/checks trigger exactly their expected rules", "[checks]") {
    const std::string dir = test_files::source("tests/fixtures/checks/");
    std::vector<std::string> files;
    for (const std::string& name : test_files::names(dir, "", ".json")) files.push_back(dir + name);
    REQUIRE(files.size() >= 3);
    for (const std::string& path : files) {
        INFO(path);
        Project p;
        std::string error;
        REQUIRE(project_from_text(test_files::read(path), p, error));
        REQUIRE(p.unknown.contains("_attendu"));
        std::set<std::string> expected, actual;
        for (const json& id : p.unknown["_attendu"]) expected.insert(id.get<std::string>());
        for (const Finding& f : check(p)) actual.insert(f.rule);
        std::string missing, extra;
        for (const std::string& id : expected) if (!actual.count(id)) missing += id + " ";
        for (const std::string& id : actual) if (!expected.count(id)) extra += id + " ";
        INFO("manquantes : " << missing << "\nen trop : " << extra);
        CHECK(actual == expected);
    }
}
