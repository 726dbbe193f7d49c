#include "portfolio/stored.h"
#include "base/text.h"
#include <algorithm>
#include <cstdio>
#include <ctime>
#include <map>

namespace clausier {

namespace {

const char* const kPortfolioFormat = "clausier-portefeuille";

// The keys one stored project owns: its pointer, its versions and its tab ownership.
std::vector<std::string> keys_of(const KeyValueStore& store, const std::string& id) {
    std::vector<std::string> keys = store.keys(std::string(kStoragePrefix) + "version/" + id + "/");
    for (const std::string& k : {meta_key(id), owner_key(id)}) {
        std::string v;
        if (store.get(k, v)) keys.push_back(k);
    }
    return keys;
}

// The current version of every readable stored project, as project_to_text writes it (older files read and
// written again), mapped to its id: read once by an import however many entries it compares.
std::map<std::string, std::string> stored_texts(const KeyValueStore& store) {
    std::map<std::string, std::string> out;
    for (const StoredProject& sp : list_saved(store)) {
        Project p;
        std::string error;
        if (load_saved(store, sp.id, p, error)) out.emplace(project_to_text(p), sp.id);
    }
    return out;
}

std::string quoted(const std::string& title) { return "« " + (trim(title).empty() ? "sans titre" : trim(title)) + " »"; }

// One row of « Projets », read from the project's last readable version.
PortfolioEntry portfolio_entry(const KeyValueStore& store, const StoredProject& sp, const LegalData& law) {
    PortfolioEntry e;
    e.id = sp.id;
    e.title = sp.title;
    e.saved_at = sp.saved_at;
    Project p;
    if (!load_saved(store, sp.id, p, e.error)) {
        e.readable = false;
        return e;
    }
    e.title = p.title;
    e.buyer = p.buyer.name;
    e.launch = parse_date(p.need.launch_date);
    e.value = total_estimated_value(p);
    e.procedure = project_procedure(p, law).procedure;
    e.status = project_status(p.award, p.execution);
    return e;
}

}  // namespace

std::vector<PortfolioEntry> list_portfolio(const KeyValueStore& store, const LegalData& law, PortfolioRows* rows) {
    std::vector<PortfolioEntry> out;
    PortfolioRows next;
    for (const StoredProject& sp : list_saved(store)) {
        const PortfolioEntry* known = nullptr;   // this version's row from the previous listing
        if (rows) {
            const auto it = rows->find(sp.id);
            if (it != rows->end() && it->second.first == sp.version) known = &it->second.second;
        }
        out.push_back(known ? *known : portfolio_entry(store, sp, law));
        if (rows) next[sp.id] = {sp.version, out.back()};
    }
    if (rows) *rows = std::move(next);
    return out;
}

void refresh_projects(const KeyValueStore& store, const std::string& open_id, const Project* open, StoredProjects& cache) {
    std::map<std::string, PortfolioProject*> before;
    for (PortfolioProject& pp : cache.projects) before[pp.file] = &pp;
    StoredProjects next;
    for (const StoredProject& sp : list_saved(store)) {
        PortfolioProject pp;
        pp.file = sp.id;
        const auto was = before.find(sp.id);
        const auto version = cache.parsed.find(sp.id);
        std::string error;
        if (open && sp.id == open_id) pp.project = *open;   // the session's, maybe newer than its last version
        else if (was != before.end() && version != cache.parsed.end() && version->second == sp.version)
            pp.project = std::move(was->second->project);
        else if (!load_saved(store, sp.id, pp.project, error)) {
            next.unreadable.push_back(sp.title);
            continue;
        }
        // The open project is read again from its versions once it is no longer open.
        next.parsed[sp.id] = open && sp.id == open_id ? -1 : sp.version;
        next.projects.push_back(std::move(pp));
    }
    cache = std::move(next);
}

std::string local_time_label(const std::string& iso_utc) {
    std::tm utc{};
    if (iso_utc.size() < 19 || std::sscanf(iso_utc.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d", &utc.tm_year, &utc.tm_mon,
                                           &utc.tm_mday, &utc.tm_hour, &utc.tm_min, &utc.tm_sec) != 6)
        return iso_utc;
    utc.tm_year -= 1900;
    utc.tm_mon -= 1;
    const std::time_t t = timegm(&utc);
    std::tm local{};
    if (!localtime_r(&t, &local)) return iso_utc;
    char buf[40];
    std::snprintf(buf, sizeof buf, "%02d/%02d/%04d à %d h %02d", local.tm_mday, local.tm_mon + 1, local.tm_year + 1900,
                  local.tm_hour, local.tm_min);
    return buf;
}

bool rename_stored(KeyValueStore& store, const std::string& id, const std::string& title, const std::string& saved_at,
                   std::string& error) {
    const std::string t = trim(title);
    if (t.empty()) {
        error = "Le titre ne peut pas être vide.";
        return false;
    }
    Project p;
    if (!load_saved(store, id, p, error)) return false;
    p.title = t;
    if (StoreStatus s = autosave(store, id, p, saved_at); s != StoreStatus::ok) {
        error = "Le projet n'a pas été renommé : " + refusal_reason(s) + ".";
        return false;
    }
    return true;
}

bool duplicate_project(KeyValueStore& store, const Project& p, const std::string& new_id, const std::string& saved_at,
                       std::string& error) {
    Project copy = p;
    copy.title = trim(p.title) + " (copie)";
    if (StoreStatus s = autosave(store, new_id, copy, saved_at); s != StoreStatus::ok) {
        error = "Le projet n'a pas été dupliqué : " + refusal_reason(s) + ".";
        return false;
    }
    return true;
}

RemovedProject remove_stored(KeyValueStore& store, const std::string& id) {
    RemovedProject r;
    r.id = id;
    for (const StoredProject& sp : list_saved(store))
        if (sp.id == id) r.title = sp.title;
    for (const std::string& k : keys_of(store, id)) {
        std::string v;
        if (store.get(k, v)) r.entries.emplace_back(k, v);
    }
    forget_saved(store, id);
    for (const auto& [k, v] : r.entries) store.remove(k);   // stray versions and the ownership too
    return r;
}

bool restore_removed(KeyValueStore& store, const RemovedProject& r) {
    // The pointer last, as autosave does: a refusal before it leaves no half-visible project.
    std::vector<std::pair<std::string, std::string>> entries = r.entries;
    std::stable_partition(entries.begin(), entries.end(), [&](const auto& e) { return e.first != meta_key(r.id); });
    for (size_t i = 0; i < entries.size(); ++i)
        if (store.set(entries[i].first, entries[i].second) != StoreStatus::ok) {
            for (size_t j = 0; j < i; ++j) store.remove(entries[j].first);
            return false;
        }
    return true;
}

std::string find_identical(const KeyValueStore& store, const Project& p) {
    const std::map<std::string, std::string> texts = stored_texts(store);
    const auto it = texts.find(project_to_text(p));
    return it == texts.end() ? std::string() : it->second;
}

std::string export_portfolio(const KeyValueStore& store, const std::string& exported_at) {
    json projects = json::array();
    for (const StoredProject& sp : list_saved(store)) {
        Project p;
        std::string error;
        if (!load_saved(store, sp.id, p, error)) continue;
        projects.push_back({{"id", sp.id}, {"title", p.title}, {"saved_at", sp.saved_at}, {"project", project_to_json(p)}});
    }
    const json doc = {{"format", kPortfolioFormat}, {"version", 1}, {"exported_at", exported_at}, {"projects", projects}};
    return doc.dump(2) + "\n";
}

bool is_portfolio_file(const std::string& text) {
    return text.size() < 64 * kMaxProjectBytes && text.find(kPortfolioFormat) != std::string::npos &&
           text.find("\"projects\"") != std::string::npos;
}

PortfolioImport import_portfolio(KeyValueStore& store, const std::string& text, const std::function<std::string()>& new_id,
                                 const std::string& saved_at) {
    PortfolioImport r;
    if (!json_depth_within(text, kMaxJsonDepth)) {
        r.error = "Le fichier de portefeuille est imbriqué trop profondément pour être lu.";
        return r;
    }
    const json doc = json::parse(text, nullptr, false);
    if (doc.is_discarded()) {
        r.error = "Le fichier n'est pas un fichier JSON lisible : aucun projet n'a été importé.";
        return r;
    }
    if (!doc.is_object() || doc.value("format", json()) != kPortfolioFormat || !doc.contains("projects") ||
        !doc["projects"].is_array()) {
        r.error = "Ce fichier n'est pas un portefeuille Clausier (il lui manque « format » : « clausier-portefeuille » "
                  "et la liste « projects ») : aucun projet n'a été importé.";
        return r;
    }
    r.file_read = true;
    std::map<std::string, std::string> present = stored_texts(store);
    int n = 0;
    for (const json& entry : doc["projects"]) {
        ++n;
        const std::string title = entry.is_object() && entry.contains("title") && entry["title"].is_string()
                                      ? entry["title"].get<std::string>() : std::string();
        const std::string name = "Projet " + std::to_string(n) + (title.empty() ? "" : " " + quoted(title));
        if (!entry.is_object() || !entry.contains("project")) {
            r.set_aside.push_back(name + " : l'entrée ne contient pas de projet (champ « project » absent).");
            continue;
        }
        Project p;
        std::string error;
        if (!project_from_json(entry["project"], p, error)) {
            r.set_aside.push_back(name + " : " + error);
            continue;
        }
        std::string text = project_to_text(p);
        if (present.count(text)) {
            ++r.already;
            continue;
        }
        const std::string id = new_id();
        if (StoreStatus s = autosave(store, id, p, saved_at); s != StoreStatus::ok) {
            r.set_aside.push_back(name + " : non enregistré, " + refusal_reason(s) + ".");
            continue;
        }
        present.emplace(std::move(text), id);
        r.added.push_back(id);
    }
    return r;
}

std::string import_report(const PortfolioImport& r) {
    if (!r.file_read) return r.error;
    std::string out = std::to_string(r.added.size()) + (r.added.size() > 1 ? " projets importés" : " projet importé");
    if (r.already) out += ", " + std::to_string(r.already) + " déjà présent" + (r.already > 1 ? "s" : "") + " dans ce navigateur";
    out += ".";
    if (!r.set_aside.empty())
        out += " " + std::to_string(r.set_aside.size()) + (r.set_aside.size() > 1 ? " entrées mises de côté" : " entrée mise de côté") +
               " (rien de ce qui était dans le navigateur n'a été modifié) :";
    for (const std::string& s : r.set_aside) out += "\n" + s;
    return out;
}

}  // namespace clausier
