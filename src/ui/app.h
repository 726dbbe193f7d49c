// app.h — the browser app: one core Session (project/session.h) that owns the project, its derived data, undo
// and saving, and the view state of the interface (step, mode, zoom, what is selected or typed in a search).
// The steps draw the Session's project and derived data and call its operations; nothing here changes the
// project any other way.
#pragma once
#include "base/clock.h"
#include "project/session.h"
#include <imgui.h>
#include <cstdint>

namespace ui {

using namespace clausier;

enum class Mode { acheteur, formation, entreprise };   // names "acheteur"… in the automation state and widget ids

}  // namespace ui

template <> clausier::EnumNames<ui::Mode> clausier::enum_names<ui::Mode>();

namespace ui {

// The view: what the interface shows, never the project (which is the Session's).
struct App {
    Step step = Step::besoin;
    Mode mode = Mode::acheteur;
    float zoom = 1.0f;                // 1.0–2.0
    bool high_contrast = false;
    bool projector = false;

    // Messages: a transient notice and a modal error (e.g. a refused file).
    std::string notice;
    double notice_until = 0;
    std::string error_title, error_text;

    // Per-step view state.
    std::string clause_query, cpv_query, selected_clause;
    std::string clause_filter_pillar, clause_filter_kind;
    bool show_projects = false, show_why = true;
    bool show_findings = true;        // formation: the trainer may hide the findings panel
    bool show_year = false;           // « Mon année »: the portfolio and the open project's award (year.cpp)
    bool show_spaser = false;         // select its « SPASER » tab once (a finding's SPASER action)
    bool panel_in_place = false;      // narrow window: the Vigilance/Aperçu panel shown instead of the step
    bool step_from_top = false;       // a step was just opened: show it from its top
    DocumentKind export_preview = DocumentKind::dce;   // the document previewed on the export step

    // Focus and accessibility.
    std::string focus_request;        // widget id to focus at the next frame (jump from a finding)
    std::string scroll_request;       // widget id to bring into view at the next frame, without focusing it
    std::string last_field;           // the form field last focused: where a reload brings the user back
    bool editing_text = false;        // a text or number field is being typed into this frame
    std::string hover_help;           // the definitions in the tooltip of this frame (Entreprise mode), if any
    uint64_t frame = 0;
};

App& app();
Session& session();

// Runs once per frame after the UI: the autosave's timer, the session's messages, the screen reader.
void end_frame();
// Brings the session's derived data up to date after a change (the app's session defers it out of the frame
// that shows the change: SessionHost::defer_derived) and asks for the frame that shows it.
void update_derived();

// Reopens the project this tab showed (or the one last open in this browser) and the step it was on.
void start_session();
// The page is being hidden or closed: writes what is pending and where the user is.
void page_hidden();
// Another tab changed the browser's storage (storage event).
void storage_changed(const std::string& key);
// The automation API for tests (documented in docs/automation.md): the state as JSON, a widget's rectangle.
std::string automation_state();
std::string automation_rect(const std::string& id);
std::string automation_items(const std::string& prefix);
// Every widget of the last frame with its rectangle and its window's clip rectangle, and every line of wrapped
// text drawn (wrapped_text): {"items": [{"id", "rect": [x, y, w, h], "clip": [x, y, w, h]}], "lines": [{"text", "rect", "clip"}]}.
std::string automation_layout();
// True when the derived data (findings, procedure) follow the last change: after a pause in typing, the app
// computes them on its own (app.cpp, typing_pause_ms). Tests wait for it instead of forcing it.
bool automation_analysed();

void undo();
void redo();
// A letter of the app's Ctrl (or Cmd) shortcuts (app.cpp `shortcuts`: save, open, undo, redo): the page cancels
// the browser's own action for these only (main_web.cpp); every other Ctrl combination stays the browser's.
bool is_shortcut_key(int key);
void new_project();
void open_project_text(const std::string& name, const std::string& text);   // validates; error modal on failure
void save_project_file();
// Hands `bytes` to the browser as the file `name` and says so (« Fichier NAME téléchargé. »).
void download_file(const std::string& name, const char* mime, const std::string& bytes);
void export_file(Format f, DocumentKind kind);   // says what is missing instead when the format needs it (DECP)
KeyValueStore& browser_store();                  // the browser's storage shared by the tabs
void year_window();                              // « Mon année » (year.cpp)
void go_to(Step s);
void jump_to(const Finding& f);
void show_notice(const std::string& text);
void show_error(const std::string& title, const std::string& text);
void set_zoom(float zoom);
void set_mode(Mode m);
void set_projector(bool on);   // formation: 150 % zoom and high contrast
void load_scenario(const std::string& name);

// Layout pieces (app.cpp) and steps (one file each).
void draw_app();
void step_besoin();
void step_sourcing();
void step_lots();
void step_objectifs();
void step_clauses();
void step_criteres();
void step_suivi();
void step_consultation();
void step_verification();
void step_export();
void firm_reading();          // the Entreprise mode's plain-language reading

}  // namespace ui
