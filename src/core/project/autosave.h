// autosave.h — how projects are kept in the browser's storage, written so that a crash or a refused write
// never leaves a half-written project: each save writes a new version under its own key first, then moves
// the "current" pointer; the last kHistory versions are kept and can be restored. The store itself (the
// browser's localStorage, or a map in tests) sits behind KeyValueStore.
#pragma once
#include "project/model.h"

namespace clausier {

// The answer of a store to a write.
enum class StoreStatus {
    ok,
    full,          // the store's quota is reached: the write may succeed once space is freed
    unavailable,   // the store refuses every write (disabled by a setting, private browsing…)
};
// Why a write was refused, in French, as a clause to follow "Le projet n'a pas été enregistré : ".
std::string refusal_reason(StoreStatus status);

struct KeyValueStore {
    virtual ~KeyValueStore() = default;
    virtual StoreStatus set(const std::string& key, const std::string& value) = 0;
    virtual bool get(const std::string& key, std::string& value) const = 0;
    virtual void remove(const std::string& key) = 0;
    virtual std::vector<std::string> keys(const std::string& prefix) const = 0;
};

struct StoredProject {
    std::string id;         // storage id
    std::string title;
    std::string saved_at;   // ISO time given by the caller
    int version = 0;        // last version number
};

struct StoredVersion {
    int version = 0;
    std::string saved_at;
    std::string title;
};

constexpr int kHistory = 10;
constexpr const char* kStoragePrefix = "clausier/v1/";

// Saves a new version of the project, unless it is the same as the current one (opening or reloading a project
// writes nothing). Anything but ok means the store refused the write: the previous version stays current and
// intact, the caller tells the user why and offers a download.
StoreStatus autosave(KeyValueStore& store, const std::string& id, const Project& p, const std::string& saved_at);
// The current version of a project, migrated and validated; false with a French message otherwise.
bool load_saved(const KeyValueStore& store, const std::string& id, Project& out, std::string& error);
bool load_version(const KeyValueStore& store, const std::string& id, int version, Project& out, std::string& error);
std::vector<StoredProject> list_saved(const KeyValueStore& store);     // most recent first
std::vector<StoredVersion> list_versions(const KeyValueStore& store, const std::string& id);  // newest first
void forget_saved(KeyValueStore& store, const std::string& id);
std::string last_opened(const KeyValueStore& store);                   // id of the project to reopen
void set_last_opened(KeyValueStore& store, const std::string& id);

// Which tab of the browser owns a project (writes its versions): one token per tab, under its own key, so that
// two tabs on the same project never overwrite each other's edits (project/session.h).
std::string owner_key(const std::string& id);
std::string meta_key(const std::string& id);   // the key that changes whenever a version is written

}  // namespace clausier
