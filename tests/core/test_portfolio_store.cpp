// The projects of this browser as a portfolio (portfolio/stored.h): listing, rename, duplicate, delete with
// undo, opening a file twice, and the portfolio file exported and imported with its report of broken entries.
#include "portfolio/stored.h"
#include "project/scenarios.h"
#include "project/session.h"
#include "../support/memory_store.h"
#include <catch2/catch.hpp>
#include <cstdlib>
#include <ctime>
#ifdef __EMSCRIPTEN__
#include <emscripten.h>
#endif

using namespace clausier;
using test_support::MemoryStore;

namespace {

SessionHost host_on(MemoryStore& store) {
    SessionHost h;
    h.store = &store;
    h.now_iso = [] { return std::string("2026-11-30T13:05:00Z"); };
    return h;
}

std::string scenario_text(const char* name) { return find_scenario(name)->text; }

const PortfolioEntry* entry(const std::vector<PortfolioEntry>& list, const std::string& id) {
    for (const PortfolioEntry& e : list)
        if (e.id == id) return &e;
    return nullptr;
}

// Two scenarios stored as "pa" (saved first) and "pb".
void store_two(MemoryStore& store, Project& a, Project& b) {
    std::string error;
    REQUIRE(project_from_text(scenario_text("nettoyage-insertion"), a, error));
    REQUIRE(project_from_text(scenario_text("restauration-scolaire"), b, error));
    REQUIRE(autosave(store, "pa", a, "2026-11-30T10:00:00Z") == StoreStatus::ok);
    REQUIRE(autosave(store, "pb", b, "2026-11-30T11:00:00Z") == StoreStatus::ok);
}

}  // namespace

TEST_CASE("every stored project is listed with its title, buyer, launch, value, procedure and status", "[portfolio][stored]") {
    MemoryStore store;
    Session s(host_on(store));
    std::string error;
    REQUIRE(s.open_scenario("nettoyage-insertion", error));
    const std::string cleaning = s.project_id();
    s.open_blank();
    const auto list = list_portfolio(store);
    REQUIRE(list.size() == 2);
    const PortfolioEntry* e = entry(list, cleaning);
    REQUIRE(e);
    CHECK(e->title != s.project().title);   // the blank project is another row
    CHECK(e->buyer.size() > 0);
    CHECK(e->launch.valid());
    CHECK(e->value > 0);
    CHECK(e->status != ProjectStatus::preparation);   // the scenario carries its award
    CHECK(entry(list, s.project_id())->status == ProjectStatus::preparation);
}

// Sets the time zone of the process (natively the TZ variable; in wasm the host's, which Emscripten's localtime
// asks through JavaScript's Date: Node reads process.env.TZ again when it changes). "" restores the default.
static void set_time_zone(const std::string& tz) {
#ifdef __EMSCRIPTEN__
    EM_ASM({ const tz = UTF8ToString($0); if (tz) process.env.TZ = tz; else delete process.env.TZ; }, tz.c_str());
#endif
    if (tz.empty()) unsetenv("TZ");
    else setenv("TZ", tz.c_str(), 1);
    tzset();
}

TEST_CASE("the time of the last version is shown in local time", "[portfolio][stored]") {
    const char* before = std::getenv("TZ");
    const std::string saved = before ? before : "";
    set_time_zone("Europe/Paris");
    CHECK(local_time_label("2026-11-30T13:05:00Z") == "30/11/2026 à 14 h 05");   // UTC+1 in winter
    CHECK(local_time_label("2027-07-01T22:30:00Z") == "02/07/2027 à 0 h 30");    // UTC+2 in summer, next day
    CHECK(local_time_label("pas une date") == "pas une date");
    set_time_zone(saved);
}

TEST_CASE("rename, duplicate and delete with undo work on the store", "[portfolio][stored]") {
    MemoryStore store;
    Session s(host_on(store));
    std::string error;
    REQUIRE(s.open_scenario("restauration-scolaire", error));
    const std::string id = s.project_id();
    const Project original = s.project();
    s.open_blank();

    REQUIRE(rename_stored(store, id, "  Cantines 2027  ", "2026-11-30T13:06:00Z", error));
    Project p;
    REQUIRE(load_saved(store, id, p, error));
    CHECK(p.title == "Cantines 2027");
    CHECK(!rename_stored(store, id, "   ", "2026-11-30T13:07:00Z", error));
    CHECK(error == "Le titre ne peut pas être vide.");

    REQUIRE(duplicate_project(store, p, "pcopy", "2026-11-30T13:08:00Z", error));
    Project copy;
    REQUIRE(load_saved(store, "pcopy", copy, error));
    CHECK(copy.title == "Cantines 2027 (copie)");
    CHECK(copy.lots.size() == original.lots.size());
    CHECK(list_portfolio(store).size() == 3);

    const RemovedProject removed = remove_stored(store, id);
    CHECK(removed.title == "Cantines 2027");
    CHECK(list_portfolio(store).size() == 2);
    CHECK(store.keys(std::string(kStoragePrefix) + "version/" + id + "/").empty());
    REQUIRE(restore_removed(store, removed));
    REQUIRE(load_saved(store, id, p, error));
    CHECK(p.title == "Cantines 2027");
    CHECK(list_versions(store, id).size() == 2);   // its history came back too

    SECTION("a refused write during the undo leaves nothing half-restored") {
        const RemovedProject again = remove_stored(store, id);
        store.quota = store.used() + 10;
        CHECK(!restore_removed(store, again));
        CHECK(store.keys(std::string(kStoragePrefix) + "version/" + id + "/").empty());
        CHECK(list_portfolio(store).size() == 2);
    }
}

TEST_CASE("opening the same file twice opens the stored project instead of a duplicate", "[portfolio][stored]") {
    MemoryStore store;
    Session s(host_on(store));
    std::string error;
    const std::string text = scenario_text("informatique-reemploi");
    REQUIRE(s.open_text(text, error));
    const std::string first = s.project_id();
    s.open_blank();
    REQUIRE(s.open_text(text, error));
    CHECK(s.project_id() == first);
    CHECK(list_saved(store).size() == 1);   // the file, once; the blank opened between, untouched, is gone
    // Once edited, the file is another project: opening it again gives a new one, the edits are kept.
    REQUIRE(s.edit("besoin.title", [](Project& p) { p.title = "Parc informatique (modifié)"; }));
    s.flush();
    REQUIRE(s.open_text(text, error));
    CHECK(s.project_id() != first);
    Project kept;
    REQUIRE(load_saved(store, first, kept, error));
    CHECK(kept.title == "Parc informatique (modifié)");
}

TEST_CASE("the portfolio goes out and comes back as one file; broken entries are set aside and named", "[portfolio][stored]") {
    MemoryStore from;
    {
        Session s(host_on(from));
        std::string error;
        for (const char* name : {"nettoyage-insertion", "restauration-scolaire", "renovation-ecole"})
            REQUIRE(s.open_scenario(name, error));
    }
    const std::string file = export_portfolio(from, "2026-11-30T13:10:00Z");
    CHECK(is_portfolio_file(file));
    int counter = 0;
    const auto ids = [&] { return "pimport" + std::to_string(++counter); };

    MemoryStore to;
    PortfolioImport r = import_portfolio(to, file, ids, "2026-11-30T13:11:00Z");
    REQUIRE(r.file_read);
    CHECK(r.added.size() == 3);
    CHECK(r.set_aside.empty());
    CHECK(list_portfolio(to).size() == 3);
    CHECK(import_report(r) == "3 projets importés.");

    // Importing again adds nothing: every entry is already there.
    r = import_portfolio(to, file, ids, "2026-11-30T13:12:00Z");
    CHECK(r.added.empty());
    CHECK(r.already == 3);
    CHECK(list_portfolio(to).size() == 3);

    // A broken entry: the sound ones are imported, the broken one is named with what is wrong.
    json doc = json::parse(file);
    doc["projects"][1]["project"]["lots"] = "beaucoup";
    doc["projects"].push_back({{"title", "Sans contenu"}});
    MemoryStore fresh;
    Session keep(host_on(fresh));
    keep.open_blank();
    const std::string existing = keep.project_id();
    r = import_portfolio(fresh, doc.dump(), ids, "2026-11-30T13:13:00Z");
    CHECK(r.added.size() == 2);
    REQUIRE(r.set_aside.size() == 2);
    CHECK(r.set_aside[0].rfind("Projet 2 « ", 0) == 0);
    CHECK(r.set_aside[0].find("lots") != std::string::npos);
    CHECK(r.set_aside[1] == "Projet 4 « Sans contenu » : l'entrée ne contient pas de projet (champ « project » absent).");
    CHECK(import_report(r).find("2 entrées mises de côté (rien de ce qui était dans le navigateur n'a été modifié)") != std::string::npos);
    CHECK(list_portfolio(fresh).size() == 3);
    CHECK(entry(list_portfolio(fresh), existing));

    // Not a portfolio at all: nothing changes, and the message says why.
    r = import_portfolio(fresh, scenario_text("pieges"), ids, "2026-11-30T13:14:00Z");
    CHECK(!r.file_read);
    CHECK(import_report(r).find("n'est pas un portefeuille Clausier") != std::string::npos);
    r = import_portfolio(fresh, "{\"format\": ", ids, "2026-11-30T13:14:00Z");
    CHECK(!r.file_read);
    CHECK(list_portfolio(fresh).size() == 3);
}

TEST_CASE("the portfolio's projects are parsed once: a new version is read again, a removed project dropped", "[portfolio][stored]") {
    MemoryStore store;
    Project a, b;
    store_two(store, a, b);
    store.set(meta_key("pz"), "{broken");   // listed or not, never read as a project
    StoredProjects cache;
    refresh_projects(store, "", nullptr, cache);
    REQUIRE(cache.projects.size() == 2);
    auto title_of = [&](const std::string& id) {
        for (const PortfolioProject& pp : cache.projects)
            if (pp.file == id) return pp.project.title;
        return std::string("(absent)");
    };
    CHECK(title_of("pa") == a.title);

    a.title = "Nettoyage, version 2";
    REQUIRE(autosave(store, "pa", a, "2026-11-30T12:00:00Z") == StoreStatus::ok);
    refresh_projects(store, "", nullptr, cache);
    CHECK(title_of("pa") == "Nettoyage, version 2");   // its new version read again
    CHECK(title_of("pb") == b.title);                  // kept as parsed

    Project open = b;
    open.title = "Restauration, en cours de saisie";   // the session's project, newer than its stored version
    refresh_projects(store, "pb", &open, cache);
    CHECK(title_of("pb") == "Restauration, en cours de saisie");
    refresh_projects(store, "", nullptr, cache);       // no longer open: its stored version again
    CHECK(title_of("pb") == b.title);

    remove_stored(store, "pa");
    refresh_projects(store, "", nullptr, cache);
    CHECK(cache.projects.size() == 1);
    CHECK(title_of("pa") == "(absent)");
}

TEST_CASE("« Mes projets » reads again only the projects saved since its last listing", "[portfolio][stored]") {
    MemoryStore store;
    Project a, b;
    std::string error;
    store_two(store, a, b);
    PortfolioRows rows;
    REQUIRE(list_portfolio(store, bundled_legal_data(), &rows).size() == 2);
    CHECK(rows.size() == 2);

    // pb's version 1 damaged behind the listing's back: its row, read from that version, is not read again…
    store.set("clausier/v1/version/pb/1", "{broken");
    CHECK(entry(list_portfolio(store, bundled_legal_data(), &rows), "pb")->readable);
    CHECK_FALSE(entry(list_portfolio(store), "pb")->readable);   // … which a listing without its rows does

    REQUIRE(rename_stored(store, "pa", "Nettoyage renommé", "2026-11-30T12:00:00Z", error));
    const auto list = list_portfolio(store, bundled_legal_data(), &rows);
    CHECK(entry(list, "pa")->title == "Nettoyage renommé");   // a new version: read again
    CHECK(entry(list, "pa")->saved_at == "2026-11-30T12:00:00Z");

    remove_stored(store, "pb");
    CHECK(list_portfolio(store, bundled_legal_data(), &rows).size() == 1);
    CHECK(rows.size() == 1);
}
