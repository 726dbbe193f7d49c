// The SPASER builder's core (issue 15.4): the buyer's SPASER kept in this browser's storage, and how one
// project stands against each of its targets (what the project's checks point to).
#include "portfolio/spaser.h"
#include "../support/memory_store.h"
#include "../support/scenario.h"
#include <catch2/catch.hpp>

using namespace clausier;
using clausier::testing::scenario;
using test_support::MemoryStore;

TEST_CASE("spaser store: none at first, then the saved one comes back; a broken one is named, not replaced", "[spaser]") {
    MemoryStore store;
    Spaser s;
    std::string error;
    CHECK_FALSE(load_spaser(store, s, error));
    CHECK(error.empty());
    Spaser started = starter_spaser("Communauté d'agglomération du Val", 2027);
    started.adopted = "2027-02-12";
    started.axes[0].actions.push_back({"Former les acheteurs au coût du cycle de vie", "Direction des achats"});
    REQUIRE(save_spaser(store, started) == StoreStatus::ok);
    REQUIRE(load_spaser(store, s, error));
    CHECK(s.buyer == started.buyer);
    CHECK(s.adopted == "2027-02-12");
    REQUIRE(s.axes.size() == 2);
    CHECK(s.axes[0].actions.size() == 2);
    CHECK(s.axes[1].targets[0].target == Approx(30));

    store.set(kSpaserStoreKey, "{\"axes\": 12}");
    CHECK_FALSE(load_spaser(store, s, error));
    CHECK_FALSE(error.empty());
}

TEST_CASE("spaser standing: the project serves the targets it brings, and says what it lacks for the others", "[spaser]") {
    const Spaser s = starter_spaser("Commune", 2027);   // 100 % environmental, 30 % social
    const Project cleaning = scenario("nettoyage-insertion");   // insertion clause and environmental conditions
    std::vector<TargetStanding> st = project_spaser_standing(s, cleaning);
    REQUIRE(st.size() == 2);
    CHECK(st[0].served);
    CHECK(st[1].served);
    CHECK(st[1].missing.empty());

    Project bare = cleaning;
    bare.clauses.clear();
    bare.criteria.clear();
    st = project_spaser_standing(s, bare);
    REQUIRE(st.size() == 2);
    CHECK_FALSE(st[0].served);
    CHECK(st[0].missing.find("considération environnementale") != std::string::npos);
    CHECK_FALSE(st[1].served);
    CHECK(st[1].axis == s.axes[1].title);
    CHECK(st[1].target == target_label(s.axes[1].targets[0]));
}
