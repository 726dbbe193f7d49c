// Reading a project file from the token tape (base/json_tape.h, project_from_text) gives what reading it
// through nlohmann's tree gives (project_from_json): the same project, the same portfolio summary, the same
// verdict and French message on a broken file. The tree is the reference: it is how every file was read before.
#include "base/json_tape.h"
#include "base/unicode.h"
#include "portfolio/portfolio.h"
#include "project/scenarios.h"
#include "../../bench/portfolio_gen.h"
#include <catch2/catch.hpp>
#include <random>

using namespace clausier;

namespace {

struct Read {
    bool ok = false;
    std::string error, text;   // the message, or the project as written again
};

Read outcome(bool ok, const Project& p, const std::string& error) { return {ok, ok ? "" : error, ok ? project_to_text(p) : ""}; }

Read read_fast(const std::string& text) {
    Project p;
    std::string error;
    const bool ok = project_from_text(text, p, error);
    return outcome(ok, p, error);
}

// The tree's reading of a file that passes project_from_text's first checks (size, UTF-8, depth).
Read read_tree(const std::string& text) {
    json doc = json::parse(nfc(text), nullptr, false);
    if (doc.is_discarded()) return {false, "(not JSON)", ""};
    Project p;
    std::string error;
    const bool ok = project_from_json(std::move(doc), p, error);
    return outcome(ok, p, error);
}

void same_reading(const std::string& text) {
    INFO(text.substr(0, 400));
    const Read fast = read_fast(text), tree = read_tree(text);
    REQUIRE(fast.ok == tree.ok);
    if (tree.error == "(not JSON)") CHECK(fast.error.rfind("Ce fichier n'est pas un projet Clausier : ", 0) == 0);
    else CHECK(fast.error == tree.error);
    CHECK(fast.text == tree.text);
}

std::vector<std::string> scenario_texts() {
    std::vector<std::string> out;
    for (const Scenario& s : bundled_scenarios()) out.push_back(s.text);
    return out;
}

}  // namespace

TEST_CASE("the scenarios and generated projects read from the tape as from nlohmann's tree, summary included", "[portfolio][project]") {
    std::vector<std::string> files = scenario_texts();
    for (const std::string& f : bench::generated_portfolio(60)) files.push_back(f);
    std::vector<PortfolioProject> fast(files.size()), tree(files.size());
    for (size_t i = 0; i < files.size(); ++i) {
        JsonTape tape;
        CHECK(read_json_tape(files[i], tape, kMaxJsonDepth));   // the tape takes them: the fast path is what is compared
        std::string error;
        fast[i].file = tree[i].file = "p" + std::to_string(i);
        REQUIRE(project_from_text(files[i], fast[i].project, error));
        REQUIRE(project_from_json(json::parse(nfc(files[i])), tree[i].project, error));
        CHECK(project_to_text(fast[i].project) == project_to_text(tree[i].project));
    }
    CHECK(portfolio_to_json(summarize_portfolio(fast)) == portfolio_to_json(summarize_portfolio(tree)));
}

TEST_CASE("files the tape hands to nlohmann, or reads with care, give the tree's project or message", "[portfolio][project]") {
    const std::string head = R"({"format": "clausier-projet", "schema_version": 1, )";
    const char* const bodies[] = {
        R"("title": "a", "title": "b"})",                                   // duplicate key: the last one
        R"("title": "a", "title": null})",                                  // … even null
        R"("title": "\u00e9t\u00C9 \ud83d\ude00 \" \\ \/ \b\f\n\r\t"})",   // escapes
        R"("title": "\ud83d"})",                                            // unpaired surrogate
        R"("title": "e\u0301t\u0065\u0301"})",                              // escaped combining marks stay as written
        "\"title\": \"e\xCC\x81t\xC3\xA9\"}",                               // raw ones are normalised
        R"("title": 3})",                                                   // wrong type: the message
        R"("need": {"duration_months": -0, "renewals": 2.9, "launch_date": "2027-01-01"}, "advance_percent": 1e1})",
        R"("need": {"duration_months": 1e400}})",
        R"("need": {"duration_months": 18446744073709551616}})",
        R"("payment_days": 01})",
        R"("lots": [{"title": "A", "value": 1.5e3}, {"title": "B", "value": 12345678901234567890}]})",
        R"("lots": [{"title": "A"}, 3]})",
        R"("goals": ["a", 2]})",
        R"("clauses": [{"id": "X", "values": {"n": 1, "f": 1.0, "m": -1, "o": {"k": [1, "é"]}, "s": "t", "n": 2}}]})",
        R"("scenario": {"b": 1, "a": [true, false, null]}, "extra": 1.50, "extra": "x"})",   // unknown keys kept
        R"("need": {"pooling": "groupement"}, "buyer": {"name": "Ville"}})",               // migration names a coordinator
        R"("ambition": "inconnue"})",
        R"("variants": "oui"})",
        R"("title": "a",})",
        R"("title": "a"} x)",
        R"("title": "tab	inside"})",
    };
    for (const char* body : bodies) same_reading(head + body);
    same_reading(R"({"format": "clausier-projet", "schema_version": 0, "need": {"amount": 5}, "clauses": ["A"]})");
    same_reading(R"({"format": "clausier-projet", "schema_version": 1.0})");
    same_reading(R"({"format": "clausier-projet", "schema_version": 2})");
    same_reading(R"({"format": "autre", "schema_version": 1})");
    same_reading("\xEF\xBB\xBF" + head + R"("title": "BOM"})");
    same_reading("[1, 2]");
}

TEST_CASE("a scenario with random ASCII damage reads from the tape as from the tree", "[portfolio][project]") {
    const std::string base = find_scenario("nettoyage-insertion")->text;
    const std::string alphabet = "{}[],:\"\\0123456789-+.eEuntrfals ";
    std::mt19937 rng(15);
    for (int round = 0; round < 300; ++round) {
        std::string text = base;
        for (int k = 0; k < 1 + round % 3; ++k) {
            size_t at = rng() % text.size();
            while (static_cast<unsigned char>(text[at]) >= 0x80) at = (at + 1) % text.size();
            text[at] = alphabet[rng() % alphabet.size()];
        }
        same_reading(text);
    }
}
