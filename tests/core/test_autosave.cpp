#include "project/autosave.h"
#include "support/memory_store.h"
#include <catch2/catch.hpp>

using namespace clausier;

using test_support::MemoryStore;

TEST_CASE("Autosave keeps the last ten versions and restores any of them", "[autosave]") {
    MemoryStore store;
    Project p;
    for (int i = 1; i <= 12; ++i) {
        p.title = "Version " + std::to_string(i);
        REQUIRE(StoreStatus::ok == autosave(store, "abc", p, "2026-11-22T10:" + std::to_string(10 + i)));
    }
    auto versions = list_versions(store, "abc");
    REQUIRE(versions.size() == 10);
    CHECK(versions.front().version == 12);
    CHECK(versions.back().version == 3);
    Project back;
    std::string error;
    REQUIRE(load_saved(store, "abc", back, error));
    CHECK(back.title == "Version 12");
    REQUIRE(load_version(store, "abc", 5, back, error));
    CHECK(back.title == "Version 5");
    CHECK_FALSE(load_version(store, "abc", 1, back, error));
}

TEST_CASE("A refused write leaves the previous version current and intact", "[autosave]") {
    MemoryStore store;
    Project p;
    p.title = "Avant";
    REQUIRE(StoreStatus::ok == autosave(store, "x", p, "t1"));
    store.refuse = StoreStatus::full;
    p.title = "Après";
    CHECK(autosave(store, "x", p, "t2") == StoreStatus::full);
    store.refuse = StoreStatus::ok;
    Project back;
    std::string error;
    REQUIRE(load_saved(store, "x", back, error));
    CHECK(back.title == "Avant");
}

TEST_CASE("A corrupted newest version falls back to the previous one", "[autosave]") {
    MemoryStore store;
    Project p;
    p.title = "Bon";
    REQUIRE(StoreStatus::ok == autosave(store, "y", p, "t1"));
    p.title = "Abîmé";
    REQUIRE(StoreStatus::ok == autosave(store, "y", p, "t2"));
    store.data["clausier/v1/version/y/2"] = "{\"format\":\"clausier-pro";   // half-written by a crash
    Project back;
    std::string error;
    REQUIRE(load_saved(store, "y", back, error));
    CHECK(back.title == "Bon");
    auto listed = list_saved(store);
    REQUIRE(listed.size() == 1);
    CHECK(listed[0].id == "y");
}
