// The buyer's SPASER in the Session (issue 15.4): kept in the browser's store at each edit, its edits undone and
// redone in the same history as the project's, and the project's checks measured against its targets
// (spaser-cible-servie, spaser-cible-manquee), with the finding's action decided by the core.
#include "project/session.h"
#include "portfolio/spaser.h"
#include "../support/memory_store.h"
#include "../support/scenario.h"
#include <catch2/catch.hpp>
#include <algorithm>

using namespace clausier;
using clausier::testing::scenario;
using test_support::MemoryStore;

namespace {

SessionHost host(MemoryStore& store) {
    SessionHost h;
    h.store = &store;
    h.tab = "t1";
    h.now_ms = [] { return 0.0; };
    return h;
}

std::vector<const Finding*> of_rule(const std::vector<Finding>& findings, const std::string& rule) {
    std::vector<const Finding*> out;
    for (const Finding& f : findings)
        if (f.rule == rule) out.push_back(&f);
    return out;
}

Spaser stored_spaser(const MemoryStore& store) {
    Spaser s;
    std::string error;
    REQUIRE(load_spaser(store, s, error));
    return s;
}

// A SPASER with one target of `indicator` at `target` % of contracts.
Spaser one_target(SpaserIndicator indicator, double target) {
    Spaser s = starter_spaser("Commune", 2027);
    s.adopted = "2027-02-12";
    s.axes.resize(1);
    s.axes[0].targets = {{indicator, TargetUnit::contracts, target, "2027-12-31"}};
    return s;
}

}  // namespace

TEST_CASE("session spaser: started, edited and kept in the store; each edit undone and redone like a project edit", "[spaser][session]") {
    MemoryStore store;
    Session s(host(store));
    s.open_blank();
    CHECK(s.spaser() == nullptr);
    REQUIRE(s.start_spaser());
    REQUIRE(s.spaser() != nullptr);
    REQUIRE(s.spaser()->axes.size() == 2);
    CHECK(stored_spaser(store).axes.size() == 2);

    // A target typed in two keystrokes: one undo step; then a project edit: its own step.
    const uint64_t before = s.spaser_revision();
    REQUIRE(s.edit_spaser("spaser.axes[1].targets[1].target", [](Spaser& x) { x.axes[0].targets[0].target = 8; }, Merge::typing));
    REQUIRE(s.edit_spaser("spaser.axes[1].targets[1].target", [](Spaser& x) { x.axes[0].targets[0].target = 80; }, Merge::typing));
    CHECK(s.spaser_revision() != before);
    CHECK(stored_spaser(store).axes[0].targets[0].target == Approx(80));
    s.edit("besoin.object", [](Project& p) { p.need.object = "Nettoyage"; });

    REQUIRE(s.undo());   // the project edit
    CHECK(s.project().need.object.empty());
    CHECK(s.spaser()->axes[0].targets[0].target == Approx(80));
    REQUIRE(s.undo());   // both keystrokes of the target
    CHECK(s.spaser()->axes[0].targets[0].target == Approx(100));
    CHECK(stored_spaser(store).axes[0].targets[0].target == Approx(100));
    CHECK(s.spaser_revision() == before);
    REQUIRE(s.redo());
    CHECK(s.spaser()->axes[0].targets[0].target == Approx(80));
    CHECK(stored_spaser(store).axes[0].targets[0].target == Approx(80));

    // Adoption and an axis removed, then undone back to « Démarrer un SPASER » undone: none stored any more.
    REQUIRE(s.edit_spaser("spaser.adopted", [](Spaser& x) { x.adopted = "2027-02-12"; }));
    REQUIRE(s.edit_spaser("spaser.axes[2].remove", [](Spaser& x) { x.axes.pop_back(); }));
    CHECK(stored_spaser(store).axes.size() == 1);
    REQUIRE(s.undo());
    CHECK(s.spaser()->axes.size() == 2);
    REQUIRE(s.undo());
    CHECK(s.spaser()->adopted.empty());
    REQUIRE(s.undo());   // the target again
    REQUIRE(s.undo());   // the start
    CHECK(s.spaser() == nullptr);
    std::string text;
    CHECK_FALSE(store.get(kSpaserStoreKey, text));
    CHECK_FALSE(s.edit_spaser("spaser.buyer", [](Spaser& x) { x.buyer = "X"; }));   // nothing to edit
}

TEST_CASE("session spaser: the stored one is read when a session starts, followed when another tab changes it", "[spaser][session]") {
    MemoryStore store;
    REQUIRE(save_spaser(store, one_target(SpaserIndicator::reserved, 10)) == StoreStatus::ok);
    Session s(host(store));
    s.open_blank();
    REQUIRE(s.spaser() != nullptr);
    CHECK(s.spaser()->axes[0].targets[0].indicator == SpaserIndicator::reserved);
    REQUIRE(save_spaser(store, one_target(SpaserIndicator::social, 30)) == StoreStatus::ok);   // the other tab
    s.storage_changed(kSpaserStoreKey);
    CHECK(s.spaser()->axes[0].targets[0].indicator == SpaserIndicator::social);

    store.set(kSpaserStoreKey, "{\"axes\": 3}");   // unreadable: named, kept stored
    Session t(host(store));
    CHECK(t.spaser() == nullptr);
    CHECK_FALSE(t.spaser_error().empty());
}

TEST_CASE("spaser checks: the project points to the targets it serves and to those it pulls down", "[spaser][checks]") {
    const Project cleaning = scenario("nettoyage-insertion");   // environmental conditions, insertion clause, no reserved lot
    Spaser sp = one_target(SpaserIndicator::environmental, 100);
    sp.axes[0].targets.push_back({SpaserIndicator::reserved, TargetUnit::contracts, 10, "2027-12-31"});
    sp.axes[0].targets.push_back({SpaserIndicator::insertion_hours, TargetUnit::hours, 5000, "2027-12-31"});
    sp.axes[0].targets.push_back({SpaserIndicator::egalim_organic, TargetUnit::percent, 20, "2027-12-31"});
    const ProcedureResult pr = project_procedure(cleaning);
    const std::vector<Finding> f = run_checks(cleaning, pr, bundled_library(), bundled_legal_data(), bundled_rules(), &sp);

    const auto served = of_rule(f, "spaser-cible-servie");
    REQUIRE(served.size() == 2);   // environmental and insertion hours
    CHECK(served[0]->message.find("objectif 1.1 du SPASER adopté le 12 février 2027") != std::string::npos);
    CHECK(served[0]->message.find("considération environnementale") != std::string::npos);
    CHECK(served[1]->message.find("objectif 1.3") != std::string::npos);

    // The reserved share is pulled down; the hours (a total) and EGalim (no catering shares recorded) are not.
    const auto missed = of_rule(f, "spaser-cible-manquee");
    REQUIRE(missed.size() == 1);
    CHECK(missed[0]->severity == Severity::alerte);
    CHECK(missed[0]->message.find("objectif 1.2") != std::string::npos);
    CHECK(missed[0]->message.find("aucun lot réservé") != std::string::npos);
    CHECK(missed[0]->action == FindingAction::open_spaser);
    CHECK(findings_to_json(f)["findings"].dump().find("\"action\":\"ouvrir-spaser\"") != std::string::npos);

    // The same standing as the SPASER tab and the yearly report: a reserved lot serves the target.
    Project reserved = cleaning;
    reserved.lots.at(0).reserved = "insertion";
    const std::vector<Finding> g = run_checks(reserved, project_procedure(reserved), bundled_library(), bundled_legal_data(), bundled_rules(), &sp);
    CHECK(of_rule(g, "spaser-cible-manquee").empty());
    CHECK(of_rule(g, "spaser-cible-servie").size() == 3);
    const std::vector<PortfolioProject> one = {{"r", reserved}};
    CHECK(indicator_value(summarize_portfolio(one), SpaserIndicator::reserved, TargetUnit::contracts) == Approx(100));

    // No SPASER given: no such finding.
    CHECK(of_rule(run_checks(cleaning, pr), "spaser-cible-servie").empty());
}

TEST_CASE("spaser checks: « SPASER obligatoire » offers to start one, or to open the draft; an adopted one silences it", "[spaser][checks]") {
    Project p = scenario("spaser-agglomeration");
    p.buyer.spaser_adopted = false;
    const ProcedureResult pr = project_procedure(p);
    auto required = [&](const Spaser* sp) {
        const auto f = run_checks(p, pr, bundled_library(), bundled_legal_data(), bundled_rules(), sp);
        const auto it = std::find_if(f.begin(), f.end(), [](const Finding& x) { return x.rule == "spaser-obligatoire"; });
        return it == f.end() ? FindingAction::none : it->action;
    };
    REQUIRE(p.buyer.annual_purchases > 50e6);
    CHECK(required(nullptr) == FindingAction::start_spaser);
    Spaser draft = starter_spaser("Agglomération", 2027);
    CHECK(required(&draft) == FindingAction::open_spaser);
    draft.adopted = "2027-02-12";
    const auto f = run_checks(p, pr, bundled_library(), bundled_legal_data(), bundled_rules(), &draft);
    CHECK(std::none_of(f.begin(), f.end(), [](const Finding& x) { return x.rule == "spaser-obligatoire"; }));
}

TEST_CASE("spaser checks: the session measures the open project against the SPASER it keeps", "[spaser][session][checks]") {
    MemoryStore store;
    REQUIRE(save_spaser(store, one_target(SpaserIndicator::reserved, 10)) == StoreStatus::ok);
    Session s(host(store));
    std::string error;
    REQUIRE(s.open_scenario("nettoyage-insertion", error));
    CHECK(of_rule(s.derived().findings, "spaser-cible-manquee").size() == 1);
    REQUIRE(s.edit_spaser("spaser.axes[1].targets[1].indicator",
                          [](Spaser& x) { x.axes[0].targets[0].indicator = SpaserIndicator::environmental; }));
    CHECK(of_rule(s.derived().findings, "spaser-cible-manquee").empty());
    CHECK(of_rule(s.derived().findings, "spaser-cible-servie").size() == 1);
    REQUIRE(s.undo());
    CHECK(of_rule(s.derived().findings, "spaser-cible-manquee").size() == 1);
}
