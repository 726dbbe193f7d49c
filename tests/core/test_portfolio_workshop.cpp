// The two workshop scenarios of the buyer's year (issue 15.8): each is loaded and shows what it is built to
// show — a communauté d'agglomération over 50 M€ without a SPASER, whose last contract already gives measurable
// indicators; a groupement de commandes whose members' needs, added up, change the procedure.
#include "portfolio/spaser.h"
#include "project/scenarios.h"
#include <catch2/catch.hpp>
#include <algorithm>

using namespace clausier;

namespace {

Project load(const char* name) {
    const Scenario* s = find_scenario(name);
    REQUIRE(s != nullptr);
    Project p;
    std::string error;
    REQUIRE(project_from_text(s->text, p, error));
    return p;
}

bool fires(const Project& p, const std::string& rule) {
    const std::vector<Finding> findings = run_checks(p, project_procedure(p));
    return std::any_of(findings.begin(), findings.end(), [&](const Finding& f) { return f.rule == rule; });
}

}  // namespace

TEST_CASE("workshop: the agglomeration over 50 M€ has no SPASER, and its last contract gives the first figures", "[portfolio][scenarios]") {
    const Project p = load("spaser-agglomeration");
    CHECK(p.buyer.annual_purchases > 50e6);
    CHECK_FALSE(p.buyer.spaser_adopted);
    CHECK(fires(p, "spaser-obligatoire"));
    Project adopted = p;
    adopted.buyer.spaser_adopted = true;
    CHECK_FALSE(fires(adopted, "spaser-obligatoire"));

    // « Mon année » on last year's contract: a social consideration, insertion hours planned and done.
    const std::vector<PortfolioProject> year = {{"nettoyage", p}};
    const PortfolioSummary s = summarize_portfolio(year);
    CHECK(indicator_value(s, SpaserIndicator::social, TargetUnit::contracts) == Approx(100));
    CHECK(s.insertion_planned > 0);
    CHECK(s.insertion_done > 0);
    // A starter SPASER carries figures and deadlines, never bare intentions.
    const Spaser sp = starter_spaser(p.buyer.name, 2027);
    int targets = 0;
    for (const SpaserAxis& a : sp.axes)
        for (const SpaserTarget& t : a.targets) {
            ++targets;
            CHECK(t.target > 0);
            CHECK(parse_date(t.deadline).valid());
        }
    CHECK(targets >= 2);
}

TEST_CASE("workshop: the school-catering groupement crosses the EU threshold only when its members are added", "[portfolio][scenarios]") {
    const Project p = load("groupement-restauration");
    CHECK(p.need.pooling == Pooling::groupement);
    REQUIRE(p.need.members.size() == 2);
    // School catering is a social and specific service (R.2123-1 3°): an adapted procedure at any value, with
    // a notice in the EU's Official Journal above its threshold.
    const ProcedureResult together = project_procedure(p);
    CHECK(together.procedure == Procedure::adaptee);
    CHECK(together.publicity == Publicity::joue);

    // The coordinator alone, and each member alone, stay under it.
    Project alone = p;
    alone.need.members.clear();
    CHECK(project_procedure(alone).publicity != Publicity::joue);
    for (const Member& m : p.need.members) {
        Project member = alone;
        for (Lot& l : member.lots) l.value = 0;
        member.lots[0].value = m.value;
        INFO(m.name);
        CHECK(project_procedure(member).publicity != Publicity::joue);
    }
    CHECK(total_estimated_value(p) == Approx(4 * (120000 + 20000 + 60000 + 40000)));
}
