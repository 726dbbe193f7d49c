// Clause recommendations on the workshop scenarios: the family's own core clauses come first, chosen
// clauses are marked, overlaps are flagged only between a candidate and a chosen clause on the same topic,
// and every recommendation carries at least one reason written as a French sentence.
#include <catch2/catch.hpp>
#include "library/recommend.h"
#include "project/scenarios.h"
#include <algorithm>

using namespace clausier;

namespace {

Project load_named(const std::string& name) {
    const Scenario* s = find_scenario(name);
    REQUIRE(s != nullptr);
    Project p;
    std::string error;
    INFO(error);
    REQUIRE(project_from_text(s->text, p, error));
    return p;
}

int level_rank(const std::string& level) { return level == "essentiel" ? 0 : level == "avance" ? 1 : 2; }

bool shares_goal(const Clause& c, const Project& p) {
    return std::any_of(c.goals.begin(), c.goals.end(),
                       [&](const std::string& g) { return std::find(p.goals.begin(), p.goals.end(), g) != p.goals.end(); });
}

// The clauses a buyer of this family must see first: the family's own execution conditions and award
// criteria, fit for the contract's nature, within the ambition chosen and serving one of the project's goals.
std::vector<const Clause*> core_clauses(const Project& p, const Library& lib) {
    std::vector<const Clause*> out;
    for (const Clause& c : lib.clauses) {
        const bool home = !c.families.empty() && c.families[0] == p.need.family;
        const bool kind = c.kind == ClauseKind::condition_execution || c.kind == ClauseKind::critere;
        const bool nature = std::find(c.natures.begin(), c.natures.end(), enum_name(p.need.nature)) != c.natures.end();
        if (home && kind && nature && level_rank(to_name(c.level)) <= level_rank(enum_name(p.ambition)) && shares_goal(c, p)) out.push_back(&c);
    }
    return out;
}

std::vector<Recommendation> recommend_for(const Project& p) { return recommend(p, project_procedure(p)); }

const Recommendation* find(const std::vector<Recommendation>& recs, std::string_view id) {
    for (const Recommendation& r : recs) if (r.clause->id == id) return &r;
    return nullptr;
}

// A French sentence: starts with a capital (accented capitals included), ends with a full stop.
bool french_sentence(const std::string& s) {
    if (s.size() < 10 || !valid_utf8(s) || s.back() != '.') return false;
    const bool ascii_capital = s[0] >= 'A' && s[0] <= 'Z';
    const bool accented_capital = s.compare(0, 2, "É") == 0 || s.compare(0, 2, "À") == 0;
    return ascii_capital || accented_capital;
}

}  // namespace

TEST_CASE("recommend: the family's core clauses are in the first ten for every scenario", "[recommend]") {
    const Library& lib = bundled_library();
    for (const Scenario& s : bundled_scenarios()) {
        INFO(s.name);
        const Project p = load_named(s.name);
        const std::vector<Recommendation> recs = recommend(p, project_procedure(p));
        REQUIRE(recs.size() >= 10);
        const std::vector<const Clause*> core = core_clauses(p, lib);
        CHECK(core.size() >= 3);
        for (const Clause* c : core) {
            INFO(c->id);
            auto top = recs.begin() + 10;
            CHECK(std::any_of(recs.begin(), top, [&](const Recommendation& r) { return r.clause == c; }));
        }
        // The first ten belong to the project's family or are cross-cutting clauses.
        for (size_t i = 0; i < 10; ++i) {
            const Clause& c = *recs[i].clause;
            INFO(c.id);
            const bool ours = std::find(c.families.begin(), c.families.end(), p.need.family) != c.families.end();
            CHECK((ours || c.families[0] == "transversal"));
        }
        for (size_t i = 1; i < recs.size(); ++i) CHECK(recs[i - 1].score >= recs[i].score);
    }
}

TEST_CASE("recommend: chosen clauses are marked, and never as overlapping", "[recommend]") {
    for (const Scenario& s : bundled_scenarios()) {
        INFO(s.name);
        const Project p = load_named(s.name);
        const std::vector<Recommendation> recs = recommend(p, project_procedure(p));
        for (const ChosenClause& ch : p.clauses) {
            INFO(ch.id);
            const Recommendation* r = find(recs, ch.id);
            REQUIRE(r != nullptr);
            CHECK(r->chosen);
            CHECK(r->overlaps.empty());
            CHECK(r->reasons.front() == "Déjà retenue dans le projet.");
        }
        for (const Recommendation& r : recs) {
            const bool in_project = std::any_of(p.clauses.begin(), p.clauses.end(), [&](const ChosenClause& c) { return c.id == r.clause->id; });
            CHECK(r.chosen == in_project);
        }
    }
}

TEST_CASE("recommend: a clause on the same topic as a chosen one at another level is flagged", "[recommend]") {
    // The green-space scenario sets insertion hours with TRV-S-001; TRV-S-006 sets them per tranche of orders.
    const Project p = load_named("espaces-verts-reserve");
    const std::vector<Recommendation> recs = recommend(p, project_procedure(p));
    const Recommendation* r = find(recs, "TRV-S-006");
    REQUIRE(r != nullptr);
    CHECK(r->overlaps == "TRV-S-001");
    CHECK(r->reasons.front().find("Recoupe la clause TRV-S-001") == 0);
    // Two clauses of the same family and goal on different topics do not overlap.
    Project q = load_named("informatique-reemploi");
    q.clauses = {{"INF-E-001", {}, 0}};
    const std::vector<Recommendation> others = recommend(q, project_procedure(q));
    REQUIRE(find(others, "INF-E-002") != nullptr);
    CHECK(find(others, "INF-E-002")->overlaps.empty());
}

TEST_CASE("recommend: every recommendation gives its reasons in French sentences", "[recommend]") {
    for (const Scenario& s : bundled_scenarios()) {
        INFO(s.name);
        const std::vector<Recommendation> recs = recommend_for(load_named(s.name));
        for (const Recommendation& r : recs) {
            INFO(r.clause->id);
            REQUIRE_FALSE(r.reasons.empty());
            for (const std::string& reason : r.reasons) {
                INFO(reason);
                CHECK(french_sentence(reason));
            }
            CHECK(r.score >= 0);
            CHECK(r.score <= 1);
        }
    }
    // A clause written for another family says so.
    const std::vector<Recommendation> recs = recommend_for(load_named("restauration-scolaire"));
    const Recommendation* foreign = find(recs, "BAT-E-001");
    REQUIRE(foreign != nullptr);
    CHECK(std::any_of(foreign->reasons.begin(), foreign->reasons.end(),
                      [](const std::string& r) { return r.find("autre famille d'achat") != std::string::npos; }));
}

TEST_CASE("recommend: the JSON form lists the best clauses first, within the limit", "[recommend]") {
    const std::vector<Recommendation> recs = recommend_for(load_named("nettoyage-insertion"));
    const json j = recommendations_to_json(recs, 5);
    REQUIRE(j["clauses"].size() == 5);
    CHECK(j["clauses"][0]["id"] == recs[0].clause->id);
    for (const json& item : j["clauses"]) {
        CHECK(item["reasons"].is_array());
        CHECK(item["chosen"].is_boolean());
        CHECK(item["score"].is_number());
    }
}
