// Rules as data (issue 12, point 19): every rule of data/legal/rules.json carries a « fires » and a « quiet »
// example, fragments of the table's example project; they run here against the bundled library. The rule
// table of docs/rules.md is generated from the same data (`clausier rules doc`) and must not go stale.
#include <catch2/catch.hpp>
#include "checks/checks.h"
#include "portfolio/spaser.h"
#include "test_files.h"
#include <set>

using namespace clausier;

namespace {

// The project of `doc` checked, with the SPASER `spaser` when it is not null (a rule example's "_spaser").
std::vector<Finding> check_json(const json& doc, std::string& error, const json& spaser = nullptr) {
    Project p;
    if (!project_from_json(doc, p, error)) return {};
    Spaser s;
    if (!spaser.is_null() && !spaser_from_json(spaser, s, error)) return {};
    return run_checks(p, project_procedure(p), bundled_library(), bundled_legal_data(), bundled_rules(), spaser.is_null() ? nullptr : &s);
}

std::string describe_findings(const std::vector<Finding>& findings) {
    std::string out;
    for (const Finding& f : findings) out += f.rule + " @" + f.where() + " : " + f.message + "\n";
    return out;
}

// The message without the user's own words, which are quoted « » as typed.
std::string outside_quotes(const std::string& s) {
    std::string out;
    int depth = 0;
    for (size_t i = 0; i < s.size(); ++i) {
        if (s.compare(i, 2, "\u00AB") == 0) ++depth;
        else if (s.compare(i, 2, "\u00BB") == 0 && depth > 0) --depth;
        else if (depth == 0) out += s[i];
    }
    return out;
}

}  // namespace

TEST_CASE("rule examples: the example project triggers no rule but the reminders", "[checks][examples]") {
    const RuleSet& rules = bundled_rules();
    REQUIRE_FALSE(rules.example_base.empty());
    std::string error;
    const std::vector<Finding> findings = check_json(rules.example_base, error);
    INFO(error << describe_findings(findings));
    REQUIRE(error.empty());
    for (const Finding& f : findings) {
        INFO(f.rule);
        CHECK(rules.find(f.rule)->reminder);
    }
}

TEST_CASE("rule examples: every rule fires on its « fires » example and stays quiet on its « quiet » one", "[checks][examples]") {
    const RuleSet& rules = bundled_rules();
    const Library& lib = bundled_library();
    for (const RuleInfo& r : rules.rules) {
        INFO(r.id);
        const json fires = rule_example(rules, r, "fires"), quiet = rule_example(rules, r, "quiet");
        REQUIRE(fires.is_object());
        REQUIRE(quiet.is_object());
        std::string error;
        const std::vector<Finding> found = check_json(fires, error, rule_example_spaser(r, "fires"));
        INFO("fires: " << error << "\n" << describe_findings(found));
        REQUIRE(error.empty());
        int hits = 0;
        for (const Finding& f : found) {
            if (f.rule != r.id) continue;
            ++hits;
            // A complete French message: placeholders filled, its articles cited, typographic apostrophes.
            CHECK(f.message.find('{') == std::string::npos);
            CHECK(f.message.find('}') == std::string::npos);
            CHECK_FALSE(f.articles.empty());
            for (const std::string& a : f.articles) {
                INFO(a);
                CHECK(lib.article(a) != nullptr);
            }
            CHECK(outside_quotes(f.message).find('\'') == std::string::npos);
            CHECK(f.severity == r.severity);
        }
        CHECK(hits >= 1);
        const std::vector<Finding> none = check_json(quiet, error, rule_example_spaser(r, "quiet"));
        INFO("quiet: " << error << "\n" << describe_findings(none));
        REQUIRE(error.empty());
        for (const Finding& f : none) CHECK(f.rule != r.id);
    }
}

TEST_CASE("rule examples: one finding per fault, at one field", "[checks][examples]") {
    // Each « fires » example makes one fault: no field gets two findings (e.g. a 0-hour insertion clause gave
    // an invalid-value alert without article beside the insertion alert).
    const RuleSet& rules = bundled_rules();
    for (const RuleInfo& r : rules.rules) {
        std::string error;
        const std::vector<Finding> found = check_json(rule_example(rules, r, "fires"), error, rule_example_spaser(r, "fires"));
        std::set<std::string> places;
        for (const Finding& f : found) {
            INFO(r.id << " : " << f.rule << " @" << f.where() << "\n" << describe_findings(found));
            if (f.where() == "clauses.clauses" || f.where() == "criteres.criteria" || f.where() == "objectifs.goals" ||
                f.where() == "lots.lots")
                continue;   // rules about the whole list share its field
            CHECK(places.insert(f.where()).second);
        }
    }
}

TEST_CASE("rules: docs/rules.md holds the table generated from rules.json", "[checks][examples]") {
    const std::string doc = test_files::read(test_files::source("docs/rules.md"));
    const std::string begin = "<!-- rules table: generated by `clausier rules doc` from data/legal/rules.json -->\n";
    const std::string end = "<!-- end of the rules table -->";
    const size_t b = doc.find(begin), e = doc.find(end);
    REQUIRE(b != std::string::npos);
    REQUIRE(e != std::string::npos);
    const std::string table = doc.substr(b + begin.size(), e - b - begin.size());
    INFO("docs/rules.md is stale: regenerate the table with `build/native/clausier rules doc`");
    CHECK(table == rules_markdown(bundled_rules()));
}
