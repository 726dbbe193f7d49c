#include "project/autosave.h"
#include <algorithm>

namespace clausier {

namespace {

std::string version_key(const std::string& id, int v) {
    return std::string(kStoragePrefix) + "version/" + id + "/" + std::to_string(v);
}

// Typed reads of the metadata, which sits in storage any script or extension of the page could alter:
// a wrong type gives the default instead of throwing (a throw at start-up would stop the app at every load).
int int_field(const json& j, const char* key) {
    auto it = j.is_object() ? j.find(key) : j.end();
    return it != j.end() && it->is_number_integer() ? it->get<int>() : 0;
}
std::string text_field(const json& j, const char* key) {
    auto it = j.is_object() ? j.find(key) : j.end();
    return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

bool read_meta(const KeyValueStore& store, const std::string& id, json& meta) {
    std::string text;
    if (!store.get(meta_key(id), text)) return false;
    meta = json::parse(text, nullptr, false);
    return meta.is_object() && meta.contains("version") && meta["version"].is_number_integer();
}

}  // namespace

std::string meta_key(const std::string& id) { return std::string(kStoragePrefix) + "meta/" + id; }
std::string owner_key(const std::string& id) { return std::string(kStoragePrefix) + "owner/" + id; }

std::string refusal_reason(StoreStatus status) {
    switch (status) {
        case StoreStatus::ok: return "";
        case StoreStatus::full:
            return "l'espace de stockage que le navigateur accorde à Clausier est plein. Téléchargez le projet pour le "
                   "garder, ou supprimez d'anciens projets dans « Mes projets » : l'enregistrement reprendra dès que de "
                   "la place se libère";
        default:
            return "le navigateur n'autorise pas l'enregistrement local (navigation privée ou réglage de confidentialité). "
                   "Téléchargez le projet pour le garder";
    }
}

StoreStatus autosave(KeyValueStore& store, const std::string& id, const Project& p, const std::string& saved_at) {
    json meta;
    const bool known = read_meta(store, id, meta);
    const int current = known ? meta["version"].get<int>() : 0;
    const std::string text = project_to_text(p);
    std::string stored;
    if (known && store.get(version_key(id, current), stored) && stored == text) return StoreStatus::ok;
    const int version = current + 1;
    json versions = meta.is_object() && meta.contains("versions") && meta["versions"].is_array() ? meta["versions"] : json::array();
    // 1. the new version under its own key; 2. the pointer. A failure at 1 leaves everything as it was.
    if (StoreStatus s = store.set(version_key(id, version), text); s != StoreStatus::ok) return s;
    versions.insert(versions.begin(), json{{"version", version}, {"saved_at", saved_at}, {"title", p.title}});
    std::vector<int> dropped;   // removed once the pointer no longer lists them
    while (versions.size() > size_t(kHistory)) {
        dropped.push_back(int_field(versions.back(), "version"));
        versions.erase(versions.end() - 1);
    }
    json next = {{"id", id}, {"title", p.title}, {"saved_at", saved_at}, {"version", version}, {"versions", versions}};
    if (StoreStatus s = store.set(meta_key(id), next.dump()); s != StoreStatus::ok) {
        store.remove(version_key(id, version));
        return s;
    }
    for (int v : dropped) store.remove(version_key(id, v));
    return StoreStatus::ok;
}

bool load_version(const KeyValueStore& store, const std::string& id, int version, Project& out, std::string& error) {
    std::string text;
    if (!store.get(version_key(id, version), text)) {
        error = "Cette version du projet n'est plus disponible dans le navigateur.";
        return false;
    }
    return project_from_text(text, out, error);
}

bool load_saved(const KeyValueStore& store, const std::string& id, Project& out, std::string& error) {
    json meta;
    if (!read_meta(store, id, meta)) {
        error = "Aucun projet enregistré sous cet identifiant dans ce navigateur.";
        return false;
    }
    // Should the newest version be unreadable, fall back to the previous ones rather than lose the project.
    for (const json& v : meta.value("versions", json::array()))
        if (int_field(v, "version") > 0 && load_version(store, id, int_field(v, "version"), out, error)) return true;
    return load_version(store, id, meta["version"].get<int>(), out, error);
}

std::vector<StoredProject> list_saved(const KeyValueStore& store) {
    std::vector<StoredProject> out;
    const std::string prefix = std::string(kStoragePrefix) + "meta/";
    for (const std::string& key : store.keys(prefix)) {
        json meta;
        std::string id = key.substr(prefix.size());
        if (!read_meta(store, id, meta)) continue;
        out.push_back({id, text_field(meta, "title"), text_field(meta, "saved_at"), int_field(meta, "version")});
    }
    std::sort(out.begin(), out.end(), [](const StoredProject& a, const StoredProject& b) { return a.saved_at > b.saved_at; });
    return out;
}

std::vector<StoredVersion> list_versions(const KeyValueStore& store, const std::string& id) {
    std::vector<StoredVersion> out;
    json meta;
    if (!read_meta(store, id, meta)) return out;
    for (const json& v : meta.value("versions", json::array()))
        if (int_field(v, "version") > 0) out.push_back({int_field(v, "version"), text_field(v, "saved_at"), text_field(v, "title")});
    return out;
}

void forget_saved(KeyValueStore& store, const std::string& id) {
    for (const StoredVersion& v : list_versions(store, id)) store.remove(version_key(id, v.version));
    store.remove(meta_key(id));
}

std::string last_opened(const KeyValueStore& store) {
    std::string id;
    store.get(std::string(kStoragePrefix) + "last", id);
    return id;
}

void set_last_opened(KeyValueStore& store, const std::string& id) { store.set(std::string(kStoragePrefix) + "last", id); }

}  // namespace clausier
