// memory_store.h — an in-memory KeyValueStore for the tests: it can refuse writes as a full or disabled
// localStorage does, and it records the keys written or removed so that a test can deliver them to the other
// sessions on the same store, as the browser's storage event does between tabs.
#pragma once
#include "project/autosave.h"
#include <map>

namespace test_support {

struct MemoryStore : clausier::KeyValueStore {
    std::map<std::string, std::string> data;
    clausier::StoreStatus refuse = clausier::StoreStatus::ok;   // anything else: every write is refused so
    size_t quota = size_t(-1);                                  // total characters of keys and values allowed
    std::vector<std::string> changed;                           // keys written or removed, oldest first

    size_t used() const {
        size_t n = 0;
        for (const auto& [k, v] : data) n += k.size() + v.size();
        return n;
    }
    clausier::StoreStatus set(const std::string& k, const std::string& v) override {
        if (refuse != clausier::StoreStatus::ok) return refuse;
        const auto it = data.find(k);
        const size_t before = it == data.end() ? 0 : k.size() + it->second.size();
        if (used() - before + k.size() + v.size() > quota) return clausier::StoreStatus::full;
        data[k] = v;
        changed.push_back(k);
        return clausier::StoreStatus::ok;
    }
    bool get(const std::string& k, std::string& v) const override {
        auto it = data.find(k);
        if (it == data.end()) return false;
        v = it->second;
        return true;
    }
    void remove(const std::string& k) override {
        if (data.erase(k)) changed.push_back(k);
    }
    std::vector<std::string> keys(const std::string& p) const override {
        std::vector<std::string> out;
        for (const auto& [k, v] : data)
            if (k.rfind(p, 0) == 0) out.push_back(k);
        return out;
    }
    // The keys changed since the last call, for the storage events of the other tabs.
    std::vector<std::string> take_changes() {
        std::vector<std::string> out;
        out.swap(changed);
        return out;
    }
};

}  // namespace test_support
