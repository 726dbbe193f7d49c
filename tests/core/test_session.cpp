// The Session (project/session.h): every edit an operation, one undo step each (keystrokes in one field make
// one), the derived data computed once per change, the autosave on a fake clock and an in-memory store, and two
// tabs on one project that never lose an edit.
#include "project/session.h"
#include "support/memory_store.h"
#include <catch2/catch.hpp>

using namespace clausier;
using test_support::MemoryStore;

namespace {

// A session on `store` with a clock the test moves by hand.
struct Tab {
    double t = 0;
    Session s;
    Tab(MemoryStore& store, const char* token, MemoryStore* tab_store = nullptr)
        : s(make_host(store, token, tab_store)) {}
    SessionHost make_host(MemoryStore& store, const char* token, MemoryStore* tab_store) {
        SessionHost h;
        h.store = &store;
        h.tab_store = tab_store;
        h.tab = token;
        h.now_ms = [this] { return t; };
        h.now_iso = [this] { return "2026-11-22T10:00:" + std::to_string(int(t / 1000)) + "Z"; };
        return h;
    }
    void wait(double ms) {
        t += ms;
        s.tick();
    }
};

// Hands the keys written by one tab to the other, as the browser's storage event does.
void deliver(MemoryStore& store, Session& to) {
    for (const std::string& key : store.take_changes()) to.storage_changed(key);
}

const Clause& first_clause(ClauseKind kind) {
    for (const Clause& c : bundled_library().clauses)
        if (c.kind == kind && c.criterion.weight_max > 0) return c;
    for (const Clause& c : bundled_library().clauses)
        if (c.kind == kind) return c;
    FAIL("no clause of kind " << to_name(kind));
    return bundled_library().clauses.front();
}

void set_object(Session& s, const std::string& text, Merge merge = Merge::no) {
    s.edit("besoin.object", [&](Project& p) { p.need.object = text; }, merge);
}

size_t versions(const MemoryStore& store, const std::string& id) { return list_versions(store, id).size(); }

}  // namespace

TEST_CASE("session: a criterion clause comes with its criterion and goes with it", "[session]") {
    Session s;
    s.open_blank();
    const Clause& c = first_clause(ClauseKind::critere);
    REQUIRE(s.add_clause(c.id));
    REQUIRE(s.project().criteria.size() == 1);
    const AwardCriterion& k = s.project().criteria[0];
    CHECK(k.clause == c.id);
    CHECK(k.name == c.title);
    CHECK(k.weight == std::round((c.criterion.weight_min + c.criterion.weight_max) / 2));
    CHECK_FALSE(s.add_clause(c.id));   // already chosen: nothing changes
    CHECK(s.project().clauses.size() == 1);
    REQUIRE(s.remove_clause(c.id));
    CHECK(s.project().clauses.empty());
    CHECK(s.project().criteria.empty());
    CHECK_FALSE(s.add_clause("ABC-E-999"));   // not in the library
    CHECK(s.undo_count() == 2);
}

TEST_CASE("session: a clause's variable is set through the session", "[session]") {
    Session s;
    s.open_blank();
    const Clause& c = first_clause(ClauseKind::condition_execution);
    CHECK_FALSE(s.set_clause_value(c.id, "x", 3));   // not chosen
    REQUIRE(s.add_clause(c.id));
    REQUIRE(s.set_clause_value(c.id, "x", 3));
    CHECK(s.project().clauses[0].values.at("x") == 3);
}

TEST_CASE("session: a CPV code infers the family, once", "[session]") {
    Session s;
    s.open_blank();
    REQUIRE(s.add_cpv("90910000-9"));
    CHECK(s.project().need.cpv == std::vector<std::string>{"90910000"});
    CHECK(s.project().need.family == "nettoyage");
    CHECK_FALSE(s.add_cpv("90910000"));   // already there
    s.edit("besoin.family", [](Project& p) { p.need.family = "restauration"; });
    REQUIRE(s.add_cpv("90911000"));
    CHECK(s.project().need.family == "restauration");   // a family chosen by the buyer stays
    REQUIRE(s.remove_cpv(0));
    CHECK(s.project().need.cpv == std::vector<std::string>{"90911000"});
    CHECK_FALSE(s.remove_cpv(5));
}

TEST_CASE("session: the need step's value creates the single lot when it is first typed", "[session]") {
    Session s;
    s.open_blank();
    REQUIRE(s.project().lots.empty());   // opening or showing a step adds nothing
    REQUIRE(s.edit_lot(0, "besoin.value", [](Lot& l) { l.value = 62500; }));
    REQUIRE(s.project().lots.size() == 1);
    CHECK(s.project().lots[0].title == "Lot unique");
    CHECK(s.project().lots[0].value == 62500);
    CHECK_FALSE(s.edit_lot(3, "lots.lots[4].value", [](Lot& l) { l.value = 1; }));
    REQUIRE(s.undo());
    CHECK(s.project().lots.empty());   // one undo step: the lot and its value
}

TEST_CASE("session: a related purchase takes the need's family when it has none", "[session]") {
    Session s;
    s.open_blank();
    s.edit("besoin.family", [](Project& p) { p.need.family = "nettoyage"; });
    s.edit("lots.related.add", [](Project& p) { p.related.push_back({}); });
    REQUIRE(s.edit_related(0, "lots.related[1].value", [](RelatedPurchase& r) { r.value = 30000; }));
    CHECK(s.project().related[0].family == "nettoyage");
    REQUIRE(s.set_related_family(0, "espaces-verts"));
    CHECK(s.project().related[0].family == "espaces-verts");
}

TEST_CASE("session: undo and redo walk the operations back and forth", "[session]") {
    Session s;
    s.open_blank();
    set_object(s, "A");
    set_object(s, "B");
    s.edit("besoin.title", [](Project& p) { p.title = "Titre"; });
    REQUIRE(s.undo_count() == 3);
    REQUIRE(s.undo());
    CHECK(s.project().title == "Nouveau projet");
    REQUIRE(s.undo());
    CHECK(s.project().need.object == "A");
    REQUIRE(s.redo());
    CHECK(s.project().need.object == "B");
    CHECK(s.redo_count() == 1);
    set_object(s, "C");   // a new edit forgets what could be redone
    CHECK(s.redo_count() == 0);
    CHECK_FALSE(s.redo());
    while (s.undo()) {}
    CHECK(s.project().need.object.empty());
    CHECK_FALSE(s.undo());
}

TEST_CASE("session: keystrokes in one field make one undo step", "[session]") {
    Session s;
    s.open_blank();
    for (const char* text : {"N", "Ne", "Net", "Nett"}) set_object(s, text, Merge::typing);
    CHECK(s.undo_count() == 1);
    s.edit("besoin.description", [](Project& p) { p.need.description = "D"; }, Merge::typing);   // another field
    CHECK(s.undo_count() == 2);
    set_object(s, "Netto", Merge::typing);   // back to the object: a new step
    CHECK(s.undo_count() == 3);
    s.end_typing();                           // the field was left
    set_object(s, "Nettoy", Merge::typing);
    CHECK(s.undo_count() == 4);
    REQUIRE(s.undo());
    REQUIRE(s.undo());
    REQUIRE(s.undo());
    CHECK(s.project().need.object == "Nett");
    REQUIRE(s.undo());
    CHECK(s.project().need.object.empty());
}

TEST_CASE("session: the derived data is computed once per change, the procedure sized once", "[session]") {
    Session s;
    s.open_blank();
    s.edit_lot(0, "besoin.value", [](Lot& l) { l.value = 250000; });
    const unsigned long long sized = procedure_sizings(), computed = s.computations();
    set_object(s, "Nettoyage des écoles");
    CHECK(procedure_sizings() - sized == 1);
    CHECK(s.computations() - computed == 1);
    // Reading the derived data, the documents and the exports sizes nothing again.
    CHECK(s.derived().procedure.procedure == Procedure::formalisee);
    const Document& dce = s.document(DocumentKind::dce);
    CHECK(&s.document(DocumentKind::dce) == &dce);
    CHECK_FALSE(s.document(DocumentKind::synthese).blocks.empty());
    CHECK_FALSE(s.export_bytes(Format::docx, DocumentKind::dce).empty());
    CHECK_FALSE(s.export_bytes(Format::ocds, DocumentKind::dce).empty());
    CHECK(procedure_sizings() - sized == 1);
    CHECK(s.computations() - computed == 1);
    // The derived data follows the change.
    CHECK(s.derived().filled[int(Step::besoin)]);
    CHECK(s.derived().blocking + s.derived().alerts + s.derived().advice == int(s.derived().findings.size()));
    int review = 0;
    for (int i = 0; i < kStepCount; ++i) review += s.derived().to_review[i];
    CHECK(review == s.derived().blocking + s.derived().alerts);
    // The document shows the change once it is made.
    set_object(s, "Entretien des espaces verts");
    CHECK(s.document(DocumentKind::dce).subtitle.find("espaces verts") != std::string::npos);
}

TEST_CASE("session: a host may compute the derived data after the change, and nothing reads it out of date", "[session]") {
    SessionHost h;
    h.defer_derived = true;   // the browser app: the frame of a keystroke only draws
    Session s(h);
    s.open_blank();
    CHECK_FALSE(s.derived_current());
    CHECK(s.families().size() == bundled_library().families.size());
    CHECK(s.update());
    CHECK_FALSE(s.update());   // nothing changed since
    s.edit_lot(0, "besoin.value", [](Lot& l) { l.value = 250000; });
    const unsigned long long computed = s.computations();
    set_object(s, "Nettoyage des écoles", Merge::typing);
    set_object(s, "Nettoyage des écoles et crèches", Merge::typing);
    // Two keystrokes, no computation yet: the derived data is the one before them.
    CHECK(s.computations() == computed);
    CHECK_FALSE(s.derived_current());
    CHECK(s.derived().procedure.procedure != Procedure::formalisee);
    // The documents and exports never use out-of-date data: they bring it up to date first, once.
    CHECK(s.document(DocumentKind::dce).subtitle.find("crèches") != std::string::npos);
    CHECK(s.derived_current());
    CHECK(s.computations() == computed + 1);
    CHECK(s.derived().procedure.procedure == Procedure::formalisee);
    CHECK_FALSE(s.export_bytes(Format::ocds, DocumentKind::dce).empty());
    CHECK(s.computations() == computed + 1);
    // The same data as a session that computes at once.
    Session now;
    now.open_blank();
    now.edit_lot(0, "besoin.value", [](Lot& l) { l.value = 250000; });
    set_object(now, "Nettoyage des écoles et crèches");
    CHECK(now.derived().findings.size() == s.derived().findings.size());
    CHECK(now.derived().recommendations.size() == s.derived().recommendations.size());
    // Undo is a change like the others.
    REQUIRE(s.undo());
    CHECK_FALSE(s.derived_current());
    CHECK(s.update());
    CHECK(s.derived().procedure.procedure == Procedure::formalisee);
}

TEST_CASE("session: the export is the same bytes as the CLI's", "[session]") {
    Session s;
    std::string error;
    REQUIRE(s.open_scenario("restauration-scolaire", error));
    for (Format f : {Format::md, Format::html, Format::json, Format::ocds})
        CHECK(s.export_bytes(f, DocumentKind::synthese) == export_project(s.project(), f, DocumentKind::synthese));
}

TEST_CASE("session: a version is written after the idle delay, not before, and only when something changed", "[session][autosave]") {
    MemoryStore store;
    Tab a(store, "A");
    a.s.open_blank();
    const std::string id = a.s.project_id();
    CHECK(versions(store, id) == 1);   // a new project is stored at once
    CHECK(last_opened(store) == id);
    set_object(a.s, "Nettoyage");
    CHECK(a.s.save_pending());
    a.wait(500);
    CHECK(versions(store, id) == 1);
    set_object(a.s, "Nettoyage des écoles", Merge::typing);   // typing delays the save
    a.wait(500);
    CHECK(versions(store, id) == 1);
    a.wait(400);
    CHECK_FALSE(a.s.save_pending());
    CHECK(versions(store, id) == 2);
    CHECK(a.s.saved_generation() == a.s.generation());
    // Undone back to the saved state and redone: no version identical to the current one is written.
    REQUIRE(a.s.undo());
    REQUIRE(a.s.redo());
    a.wait(1000);
    CHECK(versions(store, id) == 2);
}

TEST_CASE("session: opening or reloading a stored project writes nothing", "[session][autosave]") {
    MemoryStore store;
    MemoryStore tab_store;
    std::string id;
    {
        Tab a(store, "A", &tab_store);
        a.s.open_blank();
        id = a.s.project_id();
        set_object(a.s, "Objet");
        a.s.flush();
    }
    const std::string before = store.data.at(meta_key(id));
    for (int reload = 0; reload < 3; ++reload) {
        Tab a(store, "A", &tab_store);
        a.s.open_last();
        CHECK(a.s.project_id() == id);
        CHECK(a.s.project().need.object == "Objet");
        CHECK_FALSE(a.s.save_pending());
        a.wait(5000);
        a.s.flush();
    }
    CHECK(store.data.at(meta_key(id)) == before);
    CHECK(versions(store, id) == 2);
}

TEST_CASE("session: an untouched blank project leaves « Mes projets » when a file is opened after it", "[session][autosave]") {
    MemoryStore store;
    Tab a(store, "A");
    a.s.open_blank();   // the first visit
    const std::string blank = a.s.project_id();
    std::string error;
    REQUIRE(a.s.open_scenario("nettoyage-insertion", error));
    CHECK(list_versions(store, blank).empty());
    CHECK(list_saved(store).size() == 1);
    // A blank project someone typed in is the user's work: it stays, and so does the file opened after it.
    a.s.open_blank();
    const std::string typed = a.s.project_id();
    set_object(a.s, "Objet");
    a.s.flush();
    REQUIRE(a.s.open_scenario("nettoyage-insertion", error));
    CHECK(versions(store, typed) == 2);
    CHECK(list_saved(store).size() == 3);
    // Reopened from « Mes projets », the project that was opened is never the one taken out.
    const std::string scenario = a.s.project_id();
    a.s.open_blank();
    REQUIRE(a.s.open_stored(scenario, error));
    CHECK(a.s.project_id() == scenario);
    CHECK(list_saved(store).size() == 3);
}

TEST_CASE("session: a tab reopens its own project after a reload, not the one another tab opened", "[session]") {
    MemoryStore store, tab1, tab2;
    Tab a(store, "A", &tab1), b(store, "B", &tab2);
    a.s.open_blank();
    b.s.open_blank();
    REQUIRE(a.s.project_id() != b.s.project_id());
    Tab a2(store, "A", &tab1);
    a2.s.open_last();
    CHECK(a2.s.project_id() == a.s.project_id());
}

TEST_CASE("session: flush writes what was typed at once (the page is being closed)", "[session][autosave]") {
    MemoryStore store;
    Tab a(store, "A");
    a.s.open_blank();
    set_object(a.s, "Tapé juste avant de fermer", Merge::typing);
    a.s.flush();
    Project back;
    std::string error;
    REQUIRE(load_saved(store, a.s.project_id(), back, error));
    CHECK(back.need.object == "Tapé juste avant de fermer");
    CHECK_FALSE(a.s.save_pending());
}

TEST_CASE("session: a refused write says why and is retried until space frees up", "[session][autosave]") {
    MemoryStore store;
    Tab a(store, "A");
    a.s.open_blank();
    const std::string id = a.s.project_id();
    store.quota = store.used() + 100;   // full: no room for another version
    set_object(a.s, "Pendant la saturation");
    a.wait(1000);
    CHECK(a.s.storage_refused());
    CHECK_FALSE(a.s.save_pending());
    CHECK(a.s.refusal_reason().find("plein") != std::string::npos);
    CHECK(versions(store, id) == 1);
    a.wait(1000);   // still full: still refused, nothing lost
    CHECK(a.s.storage_refused());
    // Space is freed (by another tab): the next attempt comes at once and succeeds.
    store.quota = size_t(-1);
    a.s.storage_changed("clausier/v1/version/other/1");
    a.wait(0);
    CHECK_FALSE(a.s.storage_refused());
    Project back;
    std::string error;
    REQUIRE(load_saved(store, id, back, error));
    CHECK(back.need.object == "Pendant la saturation");
    // A store that refuses everything says so differently.
    store.refuse = StoreStatus::unavailable;
    set_object(a.s, "Stockage désactivé");
    a.s.flush();
    CHECK(a.s.refusal_reason().find("n'autorise pas") != std::string::npos);
}

TEST_CASE("session: restoring a version is an undoable operation", "[session][autosave]") {
    MemoryStore store;
    Tab a(store, "A");
    a.s.open_blank();
    set_object(a.s, "Première");
    a.s.flush();
    set_object(a.s, "Seconde");
    a.s.flush();
    const std::vector<StoredVersion> listed = list_versions(store, a.s.project_id());
    REQUIRE(listed.size() == 3);
    std::string error;
    REQUIRE(a.s.restore_version(listed[1].version, error));
    CHECK(a.s.project().need.object == "Première");
    REQUIRE(a.s.undo());
    CHECK(a.s.project().need.object == "Seconde");
    CHECK_FALSE(a.s.restore_version(999, error));
    CHECK_FALSE(error.empty());
}

TEST_CASE("session: two tabs on one project never lose an edit", "[session][tabs]") {
    MemoryStore store, tab_a, tab_b;
    Tab a(store, "A", &tab_a), b(store, "B", &tab_b);
    a.s.open_blank();
    set_object(a.s, "Objet de A");
    a.s.flush();
    store.take_changes();
    // B opens the same project: B owns it, A is told and turns read-only.
    b.s.open_last();
    REQUIRE(b.s.project_id() == a.s.project_id());
    CHECK(b.s.project().need.object == "Objet de A");
    deliver(store, a.s);
    CHECK(b.s.owns());
    CHECK_FALSE(a.s.owns());
    CHECK(a.s.take_message().find("autre onglet") != std::string::npos);
    // B types; A's attempts change nothing and A follows B's versions.
    b.s.edit("besoin.description", [](Project& p) { p.need.description = "Décrit dans B"; });
    CHECK_FALSE(a.s.edit("besoin.title", [](Project& p) { p.title = "Titre de A"; }));
    CHECK_FALSE(a.s.undo());
    CHECK(a.s.project().title == "Nouveau projet");
    b.wait(1000);
    deliver(store, a.s);
    CHECK(a.s.project().need.description == "Décrit dans B");
    // A takes over: it starts from B's latest version, and B turns read-only.
    std::string error;
    REQUIRE(a.s.take_over(error));
    CHECK(a.s.owns());
    deliver(store, b.s);
    CHECK_FALSE(b.s.owns());
    a.s.edit("besoin.title", [](Project& p) { p.title = "Titre de A"; });
    a.s.flush();
    deliver(store, b.s);
    Project back;
    REQUIRE(load_saved(store, a.s.project_id(), back, error));
    CHECK(back.need.object == "Objet de A");
    CHECK(back.need.description == "Décrit dans B");
    CHECK(back.title == "Titre de A");
    CHECK(b.s.project().title == "Titre de A");
}

TEST_CASE("session: an edit typed just before another tab takes the project reaches it", "[session][tabs]") {
    MemoryStore store, tab_a, tab_b;
    Tab a(store, "A", &tab_a), b(store, "B", &tab_b);
    a.s.open_blank();
    store.take_changes();
    set_object(a.s, "Tapé dans A", Merge::typing);   // not yet written (the idle delay runs)
    b.s.open_last();                                  // B reads the last version, without A's keystrokes
    CHECK(b.s.project().need.object.empty());
    deliver(store, a.s);                              // A gives the project up and writes what it had
    CHECK_FALSE(a.s.owns());
    deliver(store, b.s);                              // B, which has not changed anything yet, starts from it
    CHECK(b.s.project().need.object == "Tapé dans A");
    CHECK(b.s.owns());
}

TEST_CASE("session: when both tabs changed the project, the other one's version stays in the history", "[session][tabs]") {
    MemoryStore store, tab_a, tab_b;
    Tab a(store, "A", &tab_a), b(store, "B", &tab_b);
    a.s.open_blank();
    store.take_changes();
    set_object(a.s, "Tapé dans A", Merge::typing);
    b.s.open_last();
    b.s.edit("besoin.title", [](Project& p) { p.title = "Titre de B"; });
    deliver(store, a.s);   // A writes its keystrokes as it gives up
    deliver(store, b.s);
    CHECK(b.s.take_message().find("historique") != std::string::npos);
    b.wait(0);
    Project back;
    std::string error;
    REQUIRE(load_saved(store, b.s.project_id(), back, error));
    CHECK(back.title == "Titre de B");
    bool kept = false;
    for (const StoredVersion& v : list_versions(store, b.s.project_id())) {
        Project old;
        if (load_version(store, b.s.project_id(), v.version, old, error)) kept = kept || old.need.object == "Tapé dans A";
    }
    CHECK(kept);
}
