// session.h — one open project and everything that follows from it, for any face of the core (the browser
// app draws a Session and calls its operations; the tests drive it directly).
//
// Data flows one way: an operation changes the project (and is one undo step), the session then computes the
// derived data once — the procedure is sized once and handed to the checks, the recommendations and the
// documents — and schedules the autosave. Nothing else changes the project.
//
// Saving (project/autosave.h): a version is written `autosave_delay_ms` after the last change, at once when the
// host says the page is going away (flush), never when nothing changed since the last version. A refused write
// is retried every `retry_delay_ms` and as soon as another tab frees space, and its reason is kept for the user.
//
// Two tabs on one project: the tab that opened the project last owns it (owner_key). The other one turns
// read-only — edits are refused, it follows the owner's versions — until the user takes over, which reloads
// the latest version first. No edit of either tab is lost or silently overwritten.
#pragma once
#include "checks/checks.h"
#include "document/assemble.h"
#include "document/package.h"
#include <optional>
#include "export/export.h"
#include "library/recommend.h"
#include "project/autosave.h"
#include "project/path.h"
#include <functional>

namespace clausier {

// What follows from the project, computed once after each change.
struct Derived {
    ProcedureResult procedure;
    std::vector<Finding> findings;               // most severe first
    std::vector<Recommendation> recommendations; // best first
    int blocking = 0, alerts = 0, advice = 0;    // findings by severity
    int to_review[kStepCount] = {};              // per step: its blocking and alert findings
    bool filled[kStepCount] = {};                // per step: its essentials are filled in (step_filled)
};

// What a session needs of its host. Every member may stay as it is: no store (nothing is saved), the steady
// clock, a random tab token.
struct SessionHost {
    KeyValueStore* store = nullptr;         // the browser's localStorage: versions, ownership, the project last opened
    KeyValueStore* tab_store = nullptr;     // this tab's own storage (sessionStorage): the project it shows
    std::function<double()> now_ms;         // monotonic time, milliseconds
    std::function<std::string()> now_iso;   // wall-clock time stamped on versions, ISO 8601 UTC
    std::string tab;                        // this tab's token for the ownership of projects
    double autosave_delay_ms = 800;         // a version is written this long after the last change
    double retry_delay_ms = 5000;           // after a refused write, the next attempt
    size_t undo_depth = 200;
    // When true the session does not compute the derived data inside an operation: it marks it out of date and
    // the host calls update() when it suits it — the browser app after drawing the frame that shows a keystroke,
    // so that this frame pays only for drawing. Until then derived() is the data of the previous change;
    // document(), export_bytes() and the operations that read the derived data bring it up to date first.
    bool defer_derived = false;
};

// Whether an edit may join the previous undo step: consecutive keystrokes in one field make one step.
enum class Merge { no, typing };

class Session {
public:
    // Null tables are the bundled ones, each loaded on first use: with defer_derived, a host can draw its first
    // frame before the clause library, the legal tables and the rules are parsed.
    explicit Session(SessionHost host = {}, const Library* lib = nullptr, const LegalData* law = nullptr,
                     const RuleSet* rules = nullptr);

    // ---- what is open -------------------------------------------------------------------------------------
    const Project& project() const { return project_; }
    const std::string& project_id() const { return id_; }
    const std::string& scenario() const { return scenario_; }   // the workshop scenario it started from, if any
    uint64_t generation() const { return generation_; }         // bumped at every committed change
    const Derived& derived() const { return derived_; }
    // Computes the derived data if a change made it out of date (only with SessionHost::defer_derived); true
    // when it did.
    bool update();
    bool derived_current() const { return !stale_; }
    const Library& library() const;
    const LegalData& law() const;
    // The purchase families (clauses/families.json), read without loading the whole clause library.
    const std::vector<Family>& families() const;
    // The project assembled as `kind`, built on the first request after each change.
    const Document& document(DocumentKind kind);
    // The bytes of an exported file, from the same derived data and documents.
    std::string export_bytes(Format f, DocumentKind kind);

    // ---- opening (each starts a new undo history and makes this tab the project's owner) -------------------
    // The project this tab showed before a reload, else the one last opened in this browser, else a new one.
    void open_last();
    // "Nouveau projet", launched today. A blank project left untouched (no edit in this tab, one stored version)
    // is taken out of « Mes projets » when another project is opened after it: it holds no work.
    void open_blank();
    bool open_stored(const std::string& id, std::string& error);   // nothing is written
    // A project file, or a published DCE package (package.h): the package is shown in the Entreprise mode beside
    // the open project, which it leaves as it is. A project file identical to a project already stored in this
    // browser opens that project: opening the same file twice never makes a duplicate. On failure nothing changes.
    bool open_text(const std::string& text, std::string& error);
    // The published package opened last, if any (until another project or package is opened, or close_package).
    const DcePackage* package() const { return package_ ? &*package_ : nullptr; }
    void close_package() { package_.reset(); }
    bool open_scenario(const std::string& name, std::string& error);
    void open_new(Project p);   // a new project from a prepared start (e.g. project_from_renewal), saved at once

    // A fresh storage id for a project ("p" + 16 hex digits), unique in this browser.
    std::string new_id();
    // The time stamped on versions (ISO 8601 UTC), from the host.
    std::string now_iso() const { return host_.now_iso(); }

    // ---- operations: each is one undo step (or joins the previous one with Merge::typing) -------------------
    // False when the tab does not own the project (read-only) and nothing changed.
    //
    // The generic edit of a form field, named by its widget id ("besoin.object", "criteres.criteria[2].weight").
    bool edit(std::string_view field, const std::function<void(Project&)>& change, Merge merge = Merge::no);
    // The field being typed in was left: the next keystroke starts a new undo step.
    void end_typing();
    // A lot's field; the first lot is created as « Lot unique » when the project has none (the need step edits
    // the value of a project that is not divided into lots).
    bool edit_lot(size_t index, std::string_view field, const std::function<void(Lot&)>& change, Merge merge = Merge::no);
    // A related purchase's field; its family, when empty, becomes the need's (the same family is what makes
    // a split purchase, lots-fractionnement).
    bool edit_related(size_t index, std::string_view field, const std::function<void(RelatedPurchase&)>& change,
                      Merge merge = Merge::no);
    bool set_related_family(size_t index, const std::string& family);
    // A library clause, with the award criterion it implies for a criterion clause (its weight the middle of
    // the clause's range); removing it removes that criterion too.
    bool add_clause(const std::string& clause_id);
    bool remove_clause(const std::string& clause_id);
    bool set_clause_value(const std::string& clause_id, const std::string& variable, const json& value, Merge merge = Merge::no);
    // A CPV code (8 digits, with or without its check digit); the need's family is inferred from it when empty.
    bool add_cpv(const std::string& code);
    bool remove_cpv(size_t index);
    // A consultation setting (project/consultation.h), named "consultation.<key>" like its widget.
    bool edit_consultation(std::string_view field, const std::function<void(ConsultationSettings&)>& change,
                           Merge merge = Merge::no);
    // Every consultation setting back to `automatique` (derived from the project), the payment period to the
    // legal maximum of the buyer type (R.2192-10, R.2192-11) and the advance to at least its legal minimum when
    // it is compulsory (R.2191-3): one undo step. The buyer's identification, dates and texts are kept.
    bool apply_consultation_defaults();
    // The contract form; a framework agreement without a maximum gets the total estimated value as its
    // maximum (R.2162-4), which the buyer may then change.
    bool set_contract_form(ContractForm form);
    // The lots a chosen clause applies to: 0 = every lot, otherwise a 1-based lot number.
    bool set_clause_lot(const std::string& clause_id, int lot);
    // Makes stored version `version` the project again (one undo step: undo comes back).
    bool restore_version(int version, std::string& error);

    // ---- after the consultation (award.h; session_award.cpp) -----------------------------------------------
    // The award of lot `lot` (1-based; 1 for a contract not divided into lots), created when absent with one
    // empty holder and the project's advance; false for a lot the project does not have.
    bool record_award(int lot);
    bool remove_award(size_t index);                          // index in award.lots
    bool add_holder(size_t award);                            // another holder (co-contractor) of award `award`
    bool remove_holder(size_t award, size_t holder);
    // The record of line `commitment` (1-based) of the monitoring plan (monitoring_rows), created when absent;
    // false for a line that does not exist.
    bool set_commitment_status(int commitment, CommitmentStatus status);
    bool add_proof(int commitment, const ProofReceived& proof);
    bool add_penalty(int commitment, const PenaltyApplied& penalty);
    bool add_insertion_hours(const InsertionDone& done);     // hours must be positive
    bool remove_insertion_hours(size_t index);

    bool undo();
    bool redo();
    size_t undo_count() const { return undo_.size(); }
    size_t redo_count() const { return redo_.size(); }

    // ---- saving -----------------------------------------------------------------------------------------------
    // Writes the version that is due (the host calls it after each frame and on its timers); returns the delay
    // in ms until the next one is due, or -1 when none is.
    double tick();
    void flush();                                    // writes now what is pending: the page is being hidden or closed
    bool save_pending() const { return save_pending_; }
    uint64_t saved_generation() const { return saved_generation_; }   // the generation of the last version written
    const std::string& saved_at() const { return saved_at_; }
    bool storage_refused() const { return refusal_ != StoreStatus::ok; }
    std::string refusal_reason() const { return clausier::refusal_reason(refusal_); }

    // ---- two tabs ------------------------------------------------------------------------------------------------
    bool owns() const { return owns_; }
    // Another tab wrote or removed `key` of the shared store (the browser's storage event): follows the owner's
    // versions, gives the project up when another tab took it, retries a refused write when space was freed.
    void storage_changed(const std::string& key);
    // Reloads the latest stored version and makes this tab the owner (« Prendre la main »).
    bool take_over(std::string& error);
    // A message for the user about what happened behind their back (French), once; "" when none.
    std::string take_message();

    // ---- for tests and the benchmark --------------------------------------------------------------------------
    unsigned long long computations() const { return computations_; }   // times the derived data was computed

private:
    void start(Project p, std::string id, std::string scenario, bool stored);
    void claim();
    void forget_untouched_blank(const std::string& next_id);
    bool apply(std::string_view field, Merge merge, const std::function<void(Project&)>& change);
    bool travel(std::vector<Project>& from, std::vector<Project>& to);
    void commit();
    void changed();
    void recompute();
    void schedule_save();
    bool write_version();
    bool reload_latest(std::string& error);
    double now() const;

    SessionHost host_;
    const RuleSet& rules() const;
    mutable const Library* lib_;      // null until first use (the bundled library)
    mutable const LegalData* law_;
    mutable const RuleSet* rules_;

    Project project_;
    std::optional<DcePackage> package_;
    std::string id_, scenario_;
    uint64_t generation_ = 0;
    Derived derived_;
    bool stale_ = false;   // derived_ predates the last change (SessionHost::defer_derived)
    unsigned long long computations_ = 0;
    struct CachedDocument {
        uint64_t generation = ~0ull;
        Document document;
    };
    CachedDocument documents_[kDocumentKindCount];

    std::vector<Project> undo_, redo_;
    std::string typing_field_;      // the field of the undo step keystrokes join, "" when none

    bool save_pending_ = false;
    double save_due_ = 0;
    uint64_t saved_generation_ = 0;
    std::string saved_at_;
    StoreStatus refusal_ = StoreStatus::ok;
    bool owns_ = true;
    bool untouched_blank_ = false;      // opened by open_blank() and not edited since
    uint64_t claimed_generation_ = 0;   // the generation when this tab took the project
    std::string message_;
    unsigned long long ids_ = 0;
};

}  // namespace clausier
