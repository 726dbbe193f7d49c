// The bundled workshop scenarios (scenarios/*.clausier.json): each is a complete project file with a teaching
// brief; the five model cases pass every check with no blocking finding, and "pieges" (pitfalls) triggers
// the findings trainers expect participants to spot.
#include <catch2/catch.hpp>
#include "checks/checks.h"
#include "library/cpv.h"
#include "project/scenarios.h"
#include <algorithm>
#include <set>

using namespace clausier;

namespace {

const char* const kModelScenarios[] = {"restauration-scolaire", "nettoyage-insertion", "renovation-ecole",
                                       "espaces-verts-reserve", "informatique-reemploi"};

Project load(const Scenario& s) {
    Project p;
    std::string error;
    INFO(s.name << " : " << error);
    REQUIRE(project_from_text(s.text, p, error));
    return p;
}

// Sentences of a brief: cut after . ? ! followed by a space or the end.
int sentences(const std::string& text) {
    int n = 0;
    for (size_t i = 0; i < text.size(); ++i)
        if ((text[i] == '.' || text[i] == '?' || text[i] == '!') && (i + 1 == text.size() || text[i + 1] == ' ')) ++n;
    return n;
}

std::string list_findings(const std::vector<Finding>& findings) {
    std::string out;
    for (const Finding& f : findings) out += "[" + std::string(enum_name(f.severity)) + "] " + f.rule + " " + f.where() + " : " + f.message + "\n";
    return out;
}

std::set<std::string> rule_set(const std::vector<Finding>& findings) {
    std::set<std::string> out;
    for (const Finding& f : findings) out.insert(f.rule);
    return out;
}

}  // namespace

TEST_CASE("scenarios: the eight workshop scenarios are bundled, each with a title and a teaching brief", "[scenarios]") {
    std::set<std::string> names;
    for (const Scenario& s : bundled_scenarios()) names.insert(s.name);
    CHECK(names == std::set<std::string>{"restauration-scolaire", "nettoyage-insertion", "renovation-ecole",
                                         "espaces-verts-reserve", "informatique-reemploi", "pieges",
                                         "spaser-agglomeration", "groupement-restauration"});
    for (const Scenario& s : bundled_scenarios()) {
        INFO(s.name);
        CHECK(find_scenario(s.name) == &s);
        CHECK_FALSE(s.title.empty());
        CHECK(valid_utf8(s.title));
        CHECK(sentences(s.brief) >= 4);
        CHECK(sentences(s.brief) <= 8);
        const Project p = load(s);
        REQUIRE(p.unknown.contains("scenario"));
        CHECK(p.unknown["scenario"].value("name", "") == s.name);
        CHECK(p.unknown["scenario"].value("title", "") == s.title);
        CHECK_FALSE(p.title.empty());
        CHECK_FALSE(p.need.object.empty());
        // Saving keeps the scenario block (it is not part of the model).
        Project again;
        std::string error;
        REQUIRE(project_from_text(project_to_text(p), again, error));
        CHECK(again.unknown["scenario"] == p.unknown["scenario"]);
    }
    CHECK(find_scenario("inconnu") == nullptr);
}

TEST_CASE("scenarios: every scenario uses real library ids, CPV codes and families, with values in bounds", "[scenarios]") {
    const Library& lib = bundled_library();
    for (const Scenario& s : bundled_scenarios()) {
        INFO(s.name);
        const Project p = load(s);
        CHECK(p.need.launch_date >= "2026-08-21");
        REQUIRE(lib.family(p.need.family) != nullptr);
        REQUIRE_FALSE(p.need.cpv.empty());
        for (const std::string& code : p.need.cpv) {
            INFO(code);
            CHECK(code.size() == 8);
            CHECK(find_cpv(code) != nullptr);
        }
        const Family* suggested = family_for_cpv(lib, p.need.cpv[0]);
        REQUIRE(suggested != nullptr);
        CHECK(suggested->id == p.need.family);
        for (const std::string& g : p.goals) CHECK(lib.goal(g) != nullptr);
        CHECK_FALSE(p.clauses.empty());
        for (const ChosenClause& ch : p.clauses) {
            INFO(ch.id);
            const Clause* c = lib.find(ch.id);
            REQUIRE(c != nullptr);
            CHECK(c->valid_on(parse_date(p.need.launch_date)));
            for (const auto& [name, value] : ch.values) {
                const Variable* v = c->variable(name);
                INFO(name);
                REQUIRE(v != nullptr);
                std::string error;
                CHECK(check_value(*v, value, error));
            }
            CHECK(ch.lot <= int(p.lots.size()));
        }
        for (const AwardCriterion& k : p.criteria)
            if (!k.clause.empty()) {
                INFO(k.clause);
                REQUIRE(lib.find(k.clause) != nullptr);
                CHECK(lib.find(k.clause)->kind == ClauseKind::critere);
                CHECK(std::any_of(p.clauses.begin(), p.clauses.end(), [&](const ChosenClause& c) { return c.id == k.clause; }));
            }
    }
}

TEST_CASE("scenarios: the model scenarios meet the obligations with no blocking finding", "[scenarios]") {
    const Library& lib = bundled_library();
    for (const char* name : kModelScenarios) {
        INFO(name);
        const Scenario* s = find_scenario(name);
        REQUIRE(s != nullptr);
        const Project p = load(*s);
        const std::vector<Finding> findings = run_checks(p, project_procedure(p));
        INFO(list_findings(findings));
        CHECK(std::none_of(findings.begin(), findings.end(), [](const Finding& f) { return f.severity == Severity::bloquant; }));
        // What makes them good examples, spelled out.
        double weights = 0;
        for (const AwardCriterion& k : p.criteria) weights += k.weight;
        CHECK(weights == Approx(100));
        CHECK(p.criteria.size() >= 3);
        CHECK(p.lots.size() >= 2);
        CHECK_FALSE(p.sourcing.empty());
        for (const SourcingContact& c : p.sourcing) CHECK_FALSE(c.shared.empty());
        for (const ChosenClause& ch : p.clauses) {
            const Clause* c = lib.find(ch.id);
            if (!c || c->kind != ClauseKind::condition_execution) continue;
            INFO(ch.id << " sans ligne de suivi");
            CHECK(std::any_of(p.monitoring.begin(), p.monitoring.end(), [&](const Commitment& m) { return m.clause == ch.id; }));
        }
    }
}

TEST_CASE("scenarios: the pitfalls scenario triggers the findings trainers expect", "[scenarios]") {
    const Scenario* s = find_scenario("pieges");
    REQUIRE(s != nullptr);
    const Project p = load(*s);
    CHECK(p.need.launch_date > "2026-08-21");
    const std::vector<Finding> findings = run_checks(p, project_procedure(p));
    INFO(list_findings(findings));
    const std::set<std::string> found = rule_set(findings);
    const std::vector<std::string> implemented = implemented_rules();
    const char* const expected[] = {
        "art35-critere-unique",            // price is the only weighted criterion
        "art35-critere-environnemental",   // no environmental criterion
        "art35-condition-environnementale",  // launched after 21 August 2026 with no environmental condition
        "art35-condition-sociale",         // above the EU threshold, no social condition, no justification
        "localisme-critere",               // "Proximité de l'entreprise (moins de 50 km)"
        "localisme-specification",         // "produits locaux du département"
        "label-sans-equivalent",           // "Les produits porteront l'Écolabel européen."
        "marque-sans-equivalent",          // "de marque Kärcher"
        "lots-unique-non-justifie",        // one lot, no justification
        "sourcing-prix-promesse",          // "une remise de 10 % si…"
    };
    for (const char* rule : expected) {
        INFO(rule);
        CHECK(std::find(implemented.begin(), implemented.end(), rule) != implemented.end());
        CHECK(found.count(rule) == 1);
    }
    CHECK(std::any_of(findings.begin(), findings.end(), [](const Finding& f) { return f.severity == Severity::bloquant; }));
}
