// app.h — the state of the browser app and the functions the wizard steps share. The app edits the
// Project in place; everything it shows is computed by the core (procedure, checks, recommendations,
// exports), recomputed only when the project changes.
#pragma once
#include "project/autosave.h"
#include "checks/checks.h"
#include "law/legal.h"
#include "base/clock.h"
#include "library/library.h"
#include "library/recommend.h"
#include "document/assemble.h"
#include "export/export.h"
#include <imgui.h>
#include <cstdint>

namespace ui {

using namespace clausier;

enum class Step { besoin, sourcing, lots, objectifs, clauses, criteres, suivi, verification, export_doc, count };
enum class Mode { acheteur, formation, entreprise };
enum class RightPanel { findings, preview };

struct StepInfo {
    const char* id;      // as used in Finding::step and widget ids
    const char* title;   // French
};
const StepInfo& step_info(Step s);
Step step_from_id(std::string_view id);

struct Derived {          // recomputed when the project changes
    ProcedureResult procedure;
    std::vector<Finding> findings;
    std::vector<Recommendation> recommendations;
    int blocking = 0, alerts = 0, advice = 0;
    // Per step (indexed by Step): findings to review (blocking or alert) and whether its essentials are filled.
    int to_review[int(Step::count)] = {};
    bool filled[int(Step::count)] = {};
};

struct App {
    Project project;
    std::string project_id;           // storage id of the project in this browser
    std::string scenario;             // scenario name when started from one (formation mode)
    Step step = Step::besoin;
    Mode mode = Mode::acheteur;
    RightPanel panel = RightPanel::findings;
    float zoom = 1.0f;                // 1.0–2.0
    bool high_contrast = false;
    bool projector = false;

    Derived derived;
    uint64_t generation = 0;          // bumped at every committed change

    // Undo and redo hold whole project snapshots (small: a project is a few kilobytes).
    std::vector<std::string> undo, redo;
    std::string snapshot;             // the project as of the last committed change
    bool snapshot_stale = false;      // changed since `snapshot` was taken (taken again once no field is edited)
    bool changed_this_frame = false;
    bool editing_text = false;        // a text field is being typed into: coalesce undo steps

    // Autosave.
    bool save_pending = false;
    double save_due_ms = 0;
    bool storage_refused = false;
    std::string saved_at;

    // Messages: a transient notice and a modal error (e.g. a refused file).
    std::string notice;
    double notice_until = 0;
    std::string error_title, error_text;

    // Per-step view state.
    std::string clause_query, cpv_query, selected_clause;
    std::string clause_filter_pillar, clause_filter_kind;
    int selected_version = 0;
    bool show_projects = false, show_versions = false, show_why = true;
    bool panel_in_place = false;      // narrow window: the Vigilance/Aperçu panel shown instead of the step
    bool step_from_top = false;       // a step was just opened: show it from its top
    DocumentKind export_preview = DocumentKind::dce;   // the document previewed on the export step

    // Focus and accessibility.
    std::string focus_request;        // widget id to focus at the next frame (jump from a finding)
    std::string focused_label, announced;
    std::string hover_help;           // the definitions in the tooltip of this frame (Entreprise mode), if any
    uint64_t frame = 0;
};

App& app();

// Called by a widget when it changed the project.
void mark_changed();
// Runs once per frame after the UI: commits changes (undo, derived data, autosave), announces focus.
void end_frame();

// Reopens the project last open in this browser, or starts a new one.
void start_session();
// The automation API for tests (documented in docs/automation.md): the state as JSON, a widget's rectangle.
std::string automation_state();
std::string automation_rect(const std::string& id);
std::string automation_items(const std::string& prefix);

void undo();
void redo();
void new_project();
void load_project(const Project& p, const std::string& id, const std::string& scenario = "");
void open_project_text(const std::string& name, const std::string& text);   // validates; error modal on failure
void save_project_file();
void export_file(Format f, DocumentKind kind);
// The project assembled as document `kind` (the preview panel, the export step, the firm's reading), built on
// first request after each change rather than at every change or frame.
const Document& current_document(DocumentKind kind);
void go_to(Step s);
void jump_to(const Finding& f);
void show_notice(const std::string& text);
void set_zoom(float zoom);
void set_mode(Mode m);
void set_projector(bool on);   // formation: 150 % zoom and high contrast
void load_scenario(const std::string& name);
std::string now_iso();

// Layout pieces (app.cpp) and steps (one file each).
void draw_app();
void step_besoin();
void step_sourcing();
void step_lots();
void step_objectifs();
void step_clauses();
void step_criteres();
void step_suivi();
void step_verification();
void step_export();
void firm_reading();          // the Entreprise mode's plain-language reading

}  // namespace ui
