#include "project/autosave.h"
#include <catch2/catch.hpp>

using namespace clausier;

namespace {
// An in-memory store that can be told to refuse writes, as a full localStorage does.
struct MemoryStore : KeyValueStore {
    std::map<std::string, std::string> data;
    bool refuse = false;
    bool set(const std::string& k, const std::string& v) override { if (refuse) return false; data[k] = v; return true; }
    bool get(const std::string& k, std::string& v) const override {
        auto it = data.find(k);
        if (it == data.end()) return false;
        v = it->second;
        return true;
    }
    void remove(const std::string& k) override { data.erase(k); }
    std::vector<std::string> keys(const std::string& p) const override {
        std::vector<std::string> out;
        for (auto& [k, v] : data) if (k.rfind(p, 0) == 0) out.push_back(k);
        return out;
    }
};
}  // namespace

TEST_CASE("Autosave keeps the last ten versions and restores any of them", "[autosave]") {
    MemoryStore store;
    Project p;
    for (int i = 1; i <= 12; ++i) {
        p.title = "Version " + std::to_string(i);
        REQUIRE(autosave(store, "abc", p, "2026-11-22T10:" + std::to_string(10 + i)));
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
    REQUIRE(autosave(store, "x", p, "t1"));
    store.refuse = true;
    p.title = "Après";
    CHECK_FALSE(autosave(store, "x", p, "t2"));
    store.refuse = false;
    Project back;
    std::string error;
    REQUIRE(load_saved(store, "x", back, error));
    CHECK(back.title == "Avant");
}

TEST_CASE("A corrupted newest version falls back to the previous one", "[autosave]") {
    MemoryStore store;
    Project p;
    p.title = "Bon";
    REQUIRE(autosave(store, "y", p, "t1"));
    p.title = "Abîmé";
    REQUIRE(autosave(store, "y", p, "t2"));
    store.data["clausier/v1/version/y/2"] = "{\"format\":\"clausier-pro";   // half-written by a crash
    Project back;
    std::string error;
    REQUIRE(load_saved(store, "y", back, error));
    CHECK(back.title == "Bon");
    auto listed = list_saved(store);
    REQUIRE(listed.size() == 1);
    CHECK(listed[0].id == "y");
}
