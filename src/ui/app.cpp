// app.cpp — the frame of the assistant: top bar, stepper, the current step, the right panel (findings or
// preview), modal messages; the app's one Session (its host: the browser's storage and clock) and the
// bookkeeping after each frame (the autosave's timer, the session's messages, the screen-reader announcements
// and the semantic mirror's update). The frame's landmarks (banner, navigation, main, complementary, dialogs)
// are the semantic mirror's containers (semantics.h).
#include "app.h"
#include "export/export.h"
#include "opendata.h"
#include "platform.h"
#include "projects.h"
#include "project/scenarios.h"
#include "widgets.h"
#include <imgui_internal.h>
#include <algorithm>
#include <cstdio>

namespace ui {

namespace {

// The browser's localStorage (shared by the tabs) and sessionStorage (this tab's) behind the core's store
// interface.
StoreStatus store_status(platform::StoreAnswer a) {
    return a == platform::StoreAnswer::ok ? StoreStatus::ok : a == platform::StoreAnswer::full ? StoreStatus::full
                                                                                              : StoreStatus::unavailable;
}
struct BrowserStore : KeyValueStore {
    StoreStatus set(const std::string& k, const std::string& v) override { return store_status(platform::storage_set(k, v)); }
    bool get(const std::string& k, std::string& v) const override { return platform::storage_get(k, v); }
    void remove(const std::string& k) override { platform::storage_remove(k); }
    std::vector<std::string> keys(const std::string& p) const override { return platform::storage_keys(p); }
};
struct TabStore : KeyValueStore {
    StoreStatus set(const std::string& k, const std::string& v) override { return store_status(platform::tab_storage_set(k, v)); }
    bool get(const std::string& k, std::string& v) const override { return platform::tab_storage_get(k, v); }
    void remove(const std::string& k) override { platform::tab_storage_set(k, ""); }
    std::vector<std::string> keys(const std::string&) const override { return {}; }
};

BrowserStore& store() {
    static BrowserStore s;
    return s;
}

// Where the user was (step and field), kept in this tab's storage when the page is hidden: a reload comes back
// there.
const char* const kViewKey = "clausier/v1/tab/view";

void save_view() {
    const App& a = app();
    const json view = {{"project", session().project_id()}, {"step", enum_name(a.step)}, {"field", a.last_field}};
    platform::tab_storage_set(kViewKey, view.dump());
}

void restore_view() {
    std::string text;
    if (!platform::tab_storage_get(kViewKey, text)) return;
    const json view = json::parse(text, nullptr, false);
    if (!view.is_object() || view.value("project", "") != session().project_id()) return;
    Step step;
    if (!parse_enum(view.value("step", ""), step)) return;
    go_to(step);
    app().scroll_request = view.value("field", "");
}

// What the live region says at the end of the frame: the frame's messages, each once, in order.
std::string& pending_announcement() {
    static std::string s;
    return s;
}

void announce(const std::string& text) {
    std::string& s = pending_announcement();
    if (s.find(text) != std::string::npos) return;
    s += (s.empty() ? "" : " ") + text;
}

// Announces what the last change made worse: a blocking point that was not there before (a project opened or a
// scenario loaded announces itself instead), and a save the browser refused.
void announce_changes() {
    const Session& s = session();
    static std::vector<std::string> blocking;   // "rule@where" of the blocking points of the last generation
    static uint64_t generation = 0;
    static std::string project;
    static bool refused = false;
    if (s.storage_refused() && !refused) announce("Le projet n'a pas été enregistré dans ce navigateur : " + s.refusal_reason() + ".");
    refused = s.storage_refused();
    if (s.generation() == generation || !s.derived_current()) return;
    std::vector<std::string> now;
    std::vector<const Finding*> fresh;
    for (const Finding& f : s.derived().findings) {
        if (f.severity != Severity::bloquant) continue;
        now.push_back(f.rule + "@" + f.where());
        if (std::find(blocking.begin(), blocking.end(), now.back()) == blocking.end()) fresh.push_back(&f);
    }
    if (project == s.project_id() && !fresh.empty())
        announce(fresh.size() == 1 ? "Nouveau point bloquant : " + fresh[0]->message
                                   : std::to_string(fresh.size()) + " nouveaux points bloquants, dont : " + fresh[0]->message);
    blocking.swap(now);
    generation = s.generation();
    project = s.project_id();
}

}  // namespace

App& app() {
    static App a;
    return a;
}

Session& session() {
    static TabStore tab;
    static Session s([] {
        SessionHost h;
        h.store = &store();
        h.tab_store = &tab;
        h.now_ms = platform::now_ms;
        h.defer_derived = true;   // computed after the frame that shows a change (end_frame, update_derived)
        return h;
    }());
    return s;
}

namespace {

// While keys keep coming into a text field, the derived data wait for a pause of this long (ms): each key's frame
// then only draws, and no recompute sits between a key and the frame of the next one.
constexpr double typing_pause_ms = 250;
double typing_paused_at = 0;   // platform::now_ms() after which the derived data of the typing may be computed
bool update_scheduled = false;
bool analysed_once = false;    // the derived data were computed once: while typing, the panel shows the last ones

void scheduled_update() {
    const double wait = typing_paused_at - platform::now_ms();
    if (wait > 0) {
        platform::call_after(scheduled_update, wait);
        return;
    }
    update_scheduled = false;
    update_derived();
}

// The pending autosave is written by a timer of its own when it is due (`next_save`: ms until then, < 0 none),
// in a task, not in a frame: a timer that woke the loop inside a typing burst (the save moves 800 ms after every
// change) drew settling frames that the next keys waited behind (issue 14: keystroke p95). One timer at a time;
// one that fires before the save is due (the typing moved it) only sets the next. A frame follows a write (the
// top bar says when the project was saved) or a refused one (its notice).
double save_timer_at = 0;   // platform::now_ms() when the pending timer fires, 0 when none

void save_when_due();

void wake_for_save(double next_save) {
    if (next_save < 0) return;
    const double now = platform::now_ms(), at = now + next_save + 20;
    if (save_timer_at > now && save_timer_at <= at) return;   // the pending timer comes first: it sets the next
    save_timer_at = at;
    platform::call_after(save_when_due, next_save + 20);
}

void save_when_due() {
    if (platform::now_ms() < save_timer_at - 1) return;   // a later timer replaced this one
    save_timer_at = 0;
    Session& s = session();
    const std::string saved_at = s.saved_at();
    const bool pending = s.save_pending();
    const double next = s.tick();
    if (s.saved_at() != saved_at || s.save_pending() != pending || s.storage_refused()) platform::request_frame();
    wake_for_save(next);
}

}  // namespace

void end_frame() {
    App& a = app();
    Session& s = session();
    const bool typing = a.editing_text;
    if (!a.editing_text) s.end_typing();   // the field was left: the next keystroke starts a new undo step
    a.editing_text = false;
    // What this frame changed (the project, the tab's ownership, the step) was drawn partly before the change: draw
    // again, so that what is on screen, and the widget rectangles the automation API reports, show the result.
    static uint64_t drawn_generation = 0;
    static bool drawn_owner = true;
    static Step drawn_step = Step::besoin;
    if (s.generation() != drawn_generation || s.owns() != drawn_owner || a.step != drawn_step) platform::request_redraw();
    if (typing && s.generation() != drawn_generation) typing_paused_at = platform::now_ms() + typing_pause_ms;
    drawn_generation = s.generation();
    drawn_owner = s.owns();
    drawn_step = a.step;
    // The derived data of this frame's change: computed in a task of its own once this frame is on screen, or
    // once the typing pauses.
    if (!s.derived_current() && !update_scheduled) {
        update_scheduled = true;
        platform::call_soon(scheduled_update);
    }
    wake_for_save(s.tick());
    if (const std::string m = s.take_message(); !m.empty()) show_notice(m);
    static std::string title;
    if (s.project().title != title) {
        title = s.project().title;
        platform::set_title((title.empty() ? std::string("Projet sans titre") : title) + " — Clausier");
    }
    announce_changes();
    // Each message once; the focused widget is not announced here: the DOM focus on its mirrored node is what a
    // screen reader reads (semantics.h), and typing is not read back character by character.
    if (std::string& said = pending_announcement(); !said.empty()) {
        platform::announce(said);
        said.clear();
    }
    sem_frame_end(focused_item());
    ++a.frame;
}

void update_derived() {
    // The findings and the steps' state computed outside a frame: one frame shows them (nothing there needs
    // the settling frames of an input).
    if (session().update()) platform::request_frame();
    analysed_once = true;
}

void start_session() {
    session().open_last();
    restore_view();
}

void page_hidden() {
    session().flush();
    save_view();
}

void storage_changed(const std::string& key) {
    const uint64_t before = session().generation();
    const bool owned = session().owns();
    session().storage_changed(key);
    if (session().generation() != before || session().owns() != owned) app().selected_clause.clear();
    platform::request_redraw();
}

void undo() {
    if (session().undo()) show_notice("Modification annulée.");
}

void redo() {
    if (session().redo()) show_notice("Modification rétablie.");
}

void new_project() {
    session().open_blank();
    app().selected_clause.clear();
    go_to(Step::besoin);
}

void open_project_text(const std::string& name, const std::string& text) {
    std::string error;
    if (!session().open_text(text, error)) {
        // The current project is left exactly as it was.
        show_error("Ce fichier ne peut pas être ouvert",
                   "« " + sanitize_utf8(name.substr(0, 120)) + " » : " + error + "\n\nVotre projet en cours n'a pas été modifié.");
        return;
    }
    if (const DcePackage* pkg = session().package()) {   // a published DCE: read from the firm's side
        app().mode = Mode::entreprise;
        show_notice("Dossier de consultation ouvert : " + (pkg->manifest.object.empty() ? name : pkg->manifest.object));
        return;
    }
    app().selected_clause.clear();
    const std::string& title = session().project().title;
    show_notice("Projet ouvert : " + (title.empty() ? name : title));
}

void load_scenario(const std::string& name) {
    std::string error;
    if (!session().open_scenario(name, error)) {
        show_error("Scénario illisible", error);
        return;
    }
    app().selected_clause.clear();
    go_to(Step::besoin);
    const Scenario* s = find_scenario(name);
    show_notice("Scénario chargé : " + (s ? s->title : name));
}

void save_project_file() {
    const Project& p = session().project();
    platform::download(export_file_name(p, Format::json, DocumentKind::dce), "application/json", project_to_text(p));
    show_notice("Projet enregistré dans vos téléchargements.");
}

KeyValueStore& browser_store() { return store(); }

void export_file(Format f, DocumentKind kind) {
    if (const std::string missing = export_problem(session().project(), f); !missing.empty())
        return show_error("Export impossible pour l'instant", missing);
    download_file(export_file_name(session().project(), f, kind), format_mime(f), session().export_bytes(f, kind));
}

void download_file(const std::string& name, const char* mime, const std::string& bytes) {
    platform::download(name, mime, bytes);
    show_notice("Fichier " + name + " téléchargé.");
}

void go_to(Step s) {
    App& a = app();
    a.step = s;
    a.step_from_top = true;
    announce("Étape " + std::to_string(int(s) + 1) + " sur " + std::to_string(kStepCount) + " : " + enum_label(s));
}

void jump_to(const Finding& f) {
    App& a = app();
    if (a.mode == Mode::entreprise) a.mode = Mode::acheteur;
    const FieldPlace place = field_place(f, session().project(), session().library());
    if (!place.clause.empty()) a.selected_clause = place.clause;   // a clause's field: open the clause concerned
    a.panel_in_place = false;
    go_to(place.step);
    // A whole list (« criteres.criteria », « objectifs.goals », « clauses.item. »): its first widget drawn takes
    // the focus (widgets.cpp).
    a.focus_request = place.widget;
    if (place.add_from) {
        a.clause_query.clear();
        a.clause_filter_pillar = to_name(place.add_from->pillar);
        a.clause_filter_kind = to_name(place.add_from->kind);
    }
}

void show_notice(const std::string& text) {
    App& a = app();
    a.notice = text;
    a.notice_until = platform::now_ms() + 4000;
    announce(text);
    platform::redraw_after(4050);
}

void show_error(const std::string& title, const std::string& text) {
    app().error_title = title;
    app().error_text = text;
}

// ---- layout ---------------------------------------------------------------------------------------------

namespace {

// The widths of the three columns for a window `w` pixels wide at the current font size. Below 70 em the
// stepper keeps only its numbers; below 46 em left for the form and the panel, the Vigilance/Aperçu panel
// leaves the side and takes the form's place on request (« Vigilance » in the top bar).
struct Layout {
    bool compact_stepper = false, side_panel = true;
    float stepper = 0, panel = 0;
};

Layout layout_for(float w) {
    const float em = ImGui::GetFontSize();
    Layout l;
    l.compact_stepper = w < em * 70;
    l.stepper = l.compact_stepper ? em * 5.2f : em * 14;
    l.side_panel = w - l.stepper >= em * 46;
    l.panel = l.side_panel ? std::max(em * 16, w * 0.25f) : 0;
    return l;
}

bool wide_layout() { return layout_for(ImGui::GetIO().DisplaySize.x).side_panel; }

// Places the next item on the same line when `width` still fits, otherwise on a new line: the top bar
// wraps instead of running off the window at 200 % zoom.
void flow(float width, float gap = -1) {
    const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
    const float spacing = gap < 0 ? ImGui::GetStyle().ItemSpacing.x : gap;
    if (ImGui::GetItemRectMax().x + spacing + width <= right) ImGui::SameLine(0, spacing);
}

float button_width(const char* label) { return ImGui::CalcTextSize(label).x + ImGui::GetStyle().FramePadding.x * 2; }

void flow_button(const std::string& id, const char* label, float gap, void (*action)()) {
    flow(button_width(label), gap);
    if (button(id, label)) action();
}

// `s` cut at a character boundary and ended with "…" so that it fits in `width` pixels.
std::string fit_text(std::string s, float width) {
    if (ImGui::CalcTextSize(s.c_str()).x <= width) return s;
    while (!s.empty() && ImGui::CalcTextSize((s + "…").c_str()).x > width) {
        s.pop_back();
        while (!s.empty() && (static_cast<unsigned char>(s.back()) & 0xC0) == 0x80) s.pop_back();   // continuation bytes
        if (!s.empty() && static_cast<unsigned char>(s.back()) >= 0xC0) s.pop_back();               // a lead byte left alone
    }
    return s + "…";
}

// The first widget of the step's content in the last frame: where « Aller au contenu » takes the focus.
std::string& content_start() {
    static std::string id;
    return id;
}

// « Aller au contenu » (RGAA 12.7): the first stop of Tab, drawn only while it has the keyboard focus (a 1-pixel
// button otherwise); it gives the focus to the first widget of the step.
void skip_link() {
    const char* label = "Aller au contenu";
    const ImGuiContext& g = *GImGui;
    const bool shown = g.NavId == ImGui::GetID("##top.skip") && !g.NavDisableHighlight;
    const ImVec2 at = ImGui::GetCursorPos();
    const ImVec2 size = shown ? ImVec2(button_width(label), ImGui::GetFrameHeight()) : ImVec2(1, 1);
    const bool activated = take_activation("top.skip");
    const bool go = ImGui::InvisibleButton("##top.skip", size) || activated;
    record_item("top.skip", Role::link, label);
    if (shown) {
        ImDrawList* dl = ImGui::GetForegroundDrawList();
        const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
        dl->AddRectFilled(min, max, ImGui::GetColorU32(palette().primary), ImGui::GetStyle().FrameRounding);
        dl->AddText(ImVec2(min.x + ImGui::GetStyle().FramePadding.x, min.y + ImGui::GetStyle().FramePadding.y), IM_COL32_WHITE, label);
    }
    ImGui::SetCursorPos(at);
    if (go && !content_start().empty()) app().focus_request = content_start();
}

void top_bar() {
    App& a = app();
    skip_link();
    // In a narrow window (a small screen, or zoomed in) the bar keeps its controls but drops what a label or
    // the value shown already says, so that it takes three rows at most.
    const bool narrow = layout_for(ImGui::GetIO().DisplaySize.x).compact_stepper;
    const float gap = ImGui::GetFontSize() * (narrow ? 0.5f : 0.9f);
    ImGui::PushFont(font_heading());
    ImGui::TextColored(palette().primary, "Clausier");
    ImGui::PopFont();
    const Session& s = session();
    const char* status = s.storage_refused()  ? (narrow ? "Sauvegarde refusée" : "Sauvegarde refusée par le navigateur")
                         : !s.owns()          ? (narrow ? "Lecture seule" : "Ouvert dans un autre onglet")
                         : s.saved_at().empty() ? ""
                         : narrow             ? "Enregistré"
                                              : "Enregistré dans ce navigateur";
    const float status_x = ImGui::GetWindowContentRegionMax().x - ImGui::CalcTextSize(status).x;
    ImGui::SameLine(0, gap);
    ImGui::AlignTextToFramePadding();
    const float name_room = status_x - (ImGui::GetCursorPosX() + gap);
    const std::string& name = s.project().title.empty() ? "Projet sans titre" : s.project().title;
    ImGui::TextDisabled("%s", fit_text(name, name_room).c_str());
    sem_text(name);
    ImGui::SameLine(status_x);
    badge(status, s.storage_refused() ? palette().error : s.owns() ? palette().success : palette().warning);

    if (button("top.new", "Nouveau")) new_project();
    flow_button("top.open", "Ouvrir…", -1, [] { platform::pick_file(".json,.clausier.json,application/json"); });
    flow_button("top.save", "Enregistrer", -1, save_project_file);
    flow_button("top.projects", narrow ? "Projets" : "Mes projets", -1, [] { app().show_projects = true; });
    accessible_name("Mes projets");   // the short label of a narrow window is read in full
    flow_button("top.year", "Mon année", -1, [] { app().show_year = true; });
    if (a.mode != Mode::formation)
        flow_button("top.decp", opendata_shown() ? (narrow ? "Retour" : "Retour au projet") : narrow ? "DECP" : "Données essentielles", -1,
                    toggle_opendata);
    if (a.mode != Mode::formation) accessible_name(opendata_shown() ? "Retour au projet" : "Données essentielles");
    ImGui::BeginDisabled(s.undo_count() == 0 || !s.owns());
    flow_button("top.undo", "Annuler", gap * 1.5f, undo);
    ImGui::EndDisabled();
    ImGui::BeginDisabled(s.redo_count() == 0 || !s.owns());
    flow_button("top.redo", "Rétablir", -1, redo);
    ImGui::EndDisabled();
    // Automation ids read "top.mode=formation".
    static const std::vector<std::pair<std::string, std::string>> modes = enum_options<Mode>();
    const float em = ImGui::GetFontSize();
    flow((narrow ? 0 : ImGui::CalcTextSize("Mode").x) + em * 9, gap * 1.5f);
    if (!narrow) {
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted("Mode");
        ImGui::SameLine();
    }
    std::string mode = enum_name(a.mode);
    Mode chosen;
    if (choice_combo("top.mode", "Mode", mode, modes, 8.5f) && parse_enum(mode, chosen)) set_mode(chosen);
    static const std::vector<std::pair<std::string, std::string>> zooms = {
        {"100", "100 %"}, {"125", "125 %"}, {"150", "150 %"}, {"175", "175 %"}, {"200", "200 %"}};
    flow((narrow ? 0 : ImGui::CalcTextSize("Zoom").x) + em * 6, gap);
    if (!narrow) {
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted("Zoom");
        ImGui::SameLine();
    }
    std::string zoom = std::to_string(int(std::lround(a.zoom * 4)) * 25);   // quarter steps: "125"
    if (choice_combo("top.zoom", "Zoom", zoom, zooms, 5.5f)) set_zoom(std::stof(zoom) / 100.0f);
    flow(ImGui::CalcTextSize("Contraste élevé").x + em * 2, gap);
    input_check("top.contrast", "Contraste élevé", a.high_contrast);
    if (a.mode != Mode::entreprise && !wide_layout()) {
        const std::string label = a.panel_in_place ? "Retour à l'étape" : "Vigilance (" + std::to_string(s.derived().blocking + s.derived().alerts) + ")";
        flow(button_width(label.c_str()), gap);
        if (button("top.panel", label.c_str())) a.panel_in_place = !a.panel_in_place;
    }
    ImGui::Separator();
}

// Formation mode: pick a workshop scenario, reset it to its start, switch the projector preset, hide the
// findings (a « pièges » scenario would otherwise show all the answers at once).
void formation_panel() {
    App& a = app();
    sem_begin("formation.scenarios", Role::listbox, "Scénarios de l'atelier");
    for (const Scenario& sc : bundled_scenarios()) {
        const bool current = session().scenario() == sc.name;
        const std::string id = "formation.scenario." + sc.name, title = sc.title.empty() ? sc.name : sc.title;
        const bool activated = take_activation(id);
        if (ImGui::Selectable(title.c_str(), current) || activated) load_scenario(sc.name);
        record_item(id, Role::option, title, "", current ? sem_selected : sem_none);
    }
    sem_end();
    if (!session().scenario().empty() && button("formation.reset", "Revenir au début")) load_scenario(session().scenario());
    bool projector = a.projector;
    if (input_check("formation.projector", "Mode projecteur", projector)) set_projector(projector);
    input_check("formation.why", "Afficher « Pourquoi ? »", a.show_why);
    input_check("formation.findings", "Afficher les points de vigilance", a.show_findings);
    ImGui::Separator();
}

// The workshop panel under a header that folds it. It stays as the trainer left it: one ImGui id whatever the
// label says, unfolded at first.
void workshop() {
    const char* label = session().scenario().empty() ? "Atelier###atelier" : "Atelier — changer de scénario, revenir au début###atelier";
    if (take_activation("formation.panel"))
        ImGui::SetNextItemOpen(!ImGui::GetStateStorage()->GetInt(ImGui::GetID("###atelier"), 1));
    const bool open = ImGui::CollapsingHeader(label, ImGuiTreeNodeFlags_DefaultOpen);
    record_item("formation.panel", Role::button, std::string(label).substr(0, std::string(label).find("###")), "",
                sem_foldable | (open ? sem_expanded : sem_none));
    if (open) formation_panel();
}

void stepper(bool compact) {
    App& a = app();
    if (!compact) {
        ImGui::PushFont(font_bold());
        ImGui::TextUnformatted("Étapes");
        ImGui::PopFont();
        sem_heading("Étapes", 2);
        ImGui::Spacing();
    }
    const Derived& d = session().derived();
    for (const EnumEntry<Step>& step : enum_names<Step>()) {
        const Step s = step.value;
        const int i = int(s);
        const int to_review = d.to_review[i];
        const bool filled = d.filled[i];
        char label[96];
        std::snprintf(label, sizeof label, compact ? "%d" : "%d. %s", i + 1, step.label);
        const std::string id = std::string("step.") + step.name;
        const bool activated = take_activation(id);
        if (ImGui::Selectable((std::string(label) + "##step" + step.name).c_str(), a.step == s, 0,
                              ImVec2(0, ImGui::GetFontSize() * (compact ? 1.3f : 1.6f))) ||
            activated)
            go_to(s);
        const std::string state = to_review ? counted(size_t(to_review), "point à revoir", "points à revoir") : filled ? "fait" : "à faire";
        record_item(id, Role::button, "Étape " + std::to_string(i + 1) + " : " + step.label + " — " + state, "",
                    a.step == s ? sem_current : sem_none);
        if (compact && ImGui::IsItemHovered()) ImGui::SetTooltip("%d. %s — %s", i + 1, step.label, state.c_str());
        // The state at the right end of the row: a count in the warning colour, a tick, or a hollow dot.
        const std::string mark = to_review ? std::to_string(to_review) : filled ? "✓" : "○";
        ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - ImGui::CalcTextSize(mark.c_str()).x - ImGui::GetStyle().ItemSpacing.x);
        ImGui::TextColored(to_review ? palette().warning : filled ? palette().success : palette().muted, "%s", mark.c_str());
    }
    if (compact) return;
    ImGui::Spacing();
    ImGui::Separator();
    if (a.mode == Mode::formation) workshop();
    const ProcedureResult& pr = d.procedure;
    help_text("Valeur estimée : " + french_euros(total_estimated_value(session().project())) + " HT");
    help_text(enum_label(pr.procedure));
}

// A finding's action (FindingAction): both SPASER actions open its tab of « Mon année », where it is started or edited.
void finding_action(FindingAction action) {
    switch (action) {
        case FindingAction::start_spaser:
        case FindingAction::open_spaser: app().show_year = app().show_spaser = true; break;
        case FindingAction::none: break;
    }
}

void findings_panel() {
    if (app().mode == Mode::formation && !app().show_findings) {
        help_text("Les points de vigilance sont masqués par le formateur (panneau « Atelier »).");
        return;
    }
    const Derived& d = session().derived();
    const std::string counts[] = {counted(size_t(d.blocking), "bloquant", "bloquants"), counted(size_t(d.alerts), "alerte", "alertes"),
                                  counted(size_t(d.advice), "conseil", "conseils")};
    const ImVec4 colors[] = {palette().error, palette().warning, palette().info};
    for (int k = 0; k < 3; ++k) {
        if (k > 0) flow(ImGui::CalcTextSize(counts[k].c_str()).x);
        ImGui::TextColored(colors[k], "%s", counts[k].c_str());
    }
    sem_text(counts[0] + ", " + counts[1] + ", " + counts[2]);
    ImGui::Separator();
    int i = 0;
    for (const Finding& f : d.findings) {
        ImGui::PushID(i);
        const ImVec4 color = f.severity == Severity::bloquant ? palette().error : f.severity == Severity::alerte ? palette().warning : palette().info;
        ImGui::PushStyleColor(ImGuiCol_Text, color);
        ImGui::PushFont(font_bold());
        ImGui::TextUnformatted(enum_label(f.severity));
        ImGui::PopFont();
        ImGui::PopStyleColor();
        sem_heading(enum_label(f.severity), 3);
        paragraph(f.message);
        const std::string arts = session().library().citations(f.articles);
        if (!arts.empty()) help_text(arts);
        const bool fix = small_button("finding." + std::to_string(i), "Corriger", true);
        accessible_name("Corriger : " + f.message);
        if (fix) jump_to(f);
        if (f.action != FindingAction::none) {   // what the core says the finding offers, whatever its rule
            ImGui::SameLine();
            if (small_button("finding." + std::to_string(i) + ".action", enum_label(f.action), true)) finding_action(f.action);
        }
        ImGui::Separator();
        ImGui::PopID();
        ++i;
    }
    // The analysis of a project just opened comes in the frame after the first one (Session::update).
    if (d.findings.empty()) help_text(session().derived_current() || analysed_once ? "Aucun point à signaler pour l'instant." : "Analyse du projet en cours…");
}

// One tab of the right panel: its tab in the mirror's tab list, its content in a tab panel.
void panel_tab(const std::string& id, const char* label, void (*content)()) {
    const bool open = ImGui::BeginTabItem(label, nullptr, take_activation(id) ? ImGuiTabItemFlags_SetSelected : 0);
    sem_begin("panel.tabs", Role::tablist, "Vigilance et aperçu");   // the same list for both tabs
    sem_widget(id, Role::tab, label, "", open ? sem_selected : sem_none);
    sem_end();
    if (open) {
        sem_begin(id + ".content", Role::tabpanel, label);
        ImGui::BeginChild(("##" + id).c_str());
        content();
        ImGui::EndChild();
        sem_end();
        ImGui::EndTabItem();
    }
    register_item(id);
}

void right_panel() {
    if (ImGui::BeginTabBar("##right")) {
        panel_tab("panel.findings", "Vigilance", findings_panel);
        panel_tab("panel.preview", "Aperçu", [] { document_view(session().document(DocumentKind::dce), false); });
        ImGui::EndTabBar();
    }
}

// The project was opened in another tab: this one reads it and offers to take it back.
void read_only_banner() {
    if (session().owns()) return;
    boxed_text("Projet ouvert dans un autre onglet",
               "Un autre onglet modifie ce projet : ici, vous pouvez le lire mais pas le modifier, pour qu'aucune "
               "modification ne soit perdue. Ce que vous voyez suit ce qui est enregistré dans l'autre onglet.",
               palette().warning);
    register_item("tabs.message", false);
    if (button("tabs.take_over", "Prendre la main", true)) {
        std::string error;
        if (!session().take_over(error) && !error.empty()) show_error("Projet illisible", error);
        show_notice("Vous modifiez ce projet dans cet onglet ; l'autre onglet passe en lecture seule.");
    }
    section_gap();
}

void current_step() {
    read_only_banner();
    // A read-only tab shows the form greyed out (the Session refuses edits anyway); reading the findings and
    // exporting stay possible.
    const bool locked = !session().owns() && app().step < Step::verification;
    ImGui::BeginDisabled(locked);
    switch (app().step) {
        case Step::besoin: step_besoin(); break;
        case Step::sourcing: step_sourcing(); break;
        case Step::lots: step_lots(); break;
        case Step::objectifs: step_objectifs(); break;
        case Step::clauses: step_clauses(); break;
        case Step::criteres: step_criteres(); break;
        case Step::suivi: step_suivi(); break;
        case Step::consultation: step_consultation(); break;
        case Step::verification: step_verification(); break;
        default: step_export(); break;
    }
    ImGui::EndDisabled();
    // Previous / next at the bottom of every step.
    App& a = app();
    section_gap();
    ImGui::Separator();
    if (int(a.step) > 0 && button("nav.prev", "Étape précédente")) go_to(Step(int(a.step) - 1));
    if (int(a.step) + 1 < int(Step::count)) {
        if (int(a.step) > 0) ImGui::SameLine();
        if (button("nav.next", "Étape suivante", true)) go_to(Step(int(a.step) + 1));
    }
}

void modals() {
    App& a = app();
    if (!a.error_title.empty()) ImGui::OpenPopup("##error");
    ImGui::SetNextWindowSize(ImVec2(ImGui::GetFontSize() * 32, 0));
    const bool escape = ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape));
    if (ImGui::BeginPopupModal("##error", nullptr, ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoResize)) {
        sem_begin("dialog.error", Role::dialog, a.error_title);
        ImGui::PushFont(font_bold());
        ImGui::TextColored(palette().error, "%s", a.error_title.c_str());
        ImGui::PopFont();
        sem_heading(a.error_title, 2);
        paragraph(a.error_text);
        section_gap();
        if (button("error.ok", "J'ai compris", true) || escape) {
            a.error_title.clear();
            a.error_text.clear();
            ImGui::CloseCurrentPopup();
        }
        sem_end();
        ImGui::EndPopup();
    }
    if (a.show_projects) ImGui::OpenPopup("Mes projets");
    ImGui::SetNextWindowSize(ImVec2(std::min(ImGui::GetIO().DisplaySize.x - 40, ImGui::GetFontSize() * 48),
                                    ImGui::GetIO().DisplaySize.y * 0.8f), ImGuiCond_Appearing);
    if (ImGui::BeginPopupModal("Mes projets", &a.show_projects)) {
        sem_begin("dialog.projects", Role::dialog, "Mes projets");
        projects_window();
        // Escape closes the dialog as its close box does; the focus goes back to the button that opened it.
        if (!a.show_projects || escape) {
            a.show_projects = false;
            projects_closed();
            a.focus_request = "top.projects";
            ImGui::CloseCurrentPopup();
        }
        sem_end();
        ImGui::EndPopup();
    }
    if (a.show_year) ImGui::OpenPopup("Mon année");
    ImGui::SetNextWindowSize(ImVec2(ImGui::GetFontSize() * 46, ImGui::GetIO().DisplaySize.y * 0.85f), ImGuiCond_Appearing);
    if (ImGui::BeginPopupModal("Mon année", &a.show_year)) {
        year_window();
        ImGui::EndPopup();
    }
    if (session().storage_refused()) {
        ImGui::SetNextWindowPos(ImVec2(ImGui::GetIO().DisplaySize.x * 0.5f, ImGui::GetIO().DisplaySize.y - 20), 0, ImVec2(0.5f, 1));
        ImGui::SetNextWindowSize(ImVec2(std::min(ImGui::GetIO().DisplaySize.x - 40, ImGui::GetFontSize() * 40), 0));
        // The notice must not take the focus when it appears: ImGui would clear the field being typed in and the
        // next keys would be lost (seen when the refused save arrives while the buyer is still typing).
        ImGui::Begin("##quota", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize |
                                             ImGuiWindowFlags_NoFocusOnAppearing);
        sem_begin("quota", Role::region, "Sauvegarde refusée");
        ImGui::PushStyleColor(ImGuiCol_Text, palette().error);
        paragraph("Le projet n'a pas été enregistré dans ce navigateur : " + session().refusal_reason() + ".");
        ImGui::PopStyleColor();
        register_item("quota.reason", false);
        if (button("quota.download", "Télécharger le projet maintenant", true)) save_project_file();
        ImGui::SameLine();
        if (button("quota.projects", "Mes projets")) a.show_projects = true;
        sem_end();
        ImGui::End();
    }
    if (!a.notice.empty() && platform::now_ms() < a.notice_until) {
        ImGui::SetNextWindowPos(ImVec2(ImGui::GetIO().DisplaySize.x - 20, ImGui::GetIO().DisplaySize.y - 20), 0, ImVec2(1, 1));
        ImGui::PushStyleColor(ImGuiCol_WindowBg, palette().primary);
        ImGui::Begin("##notice", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoNav);
        ImGui::TextColored(ImVec4(1, 1, 1, 1), "%s", a.notice.c_str());
        ImGui::End();
        ImGui::PopStyleColor();
    }
}

// The letters `shortcuts` reads, listed for the page's key handler (is_shortcut_key).
constexpr std::string_view kShortcutKeys = "SOZY";

void shortcuts() {
    ImGuiIO& io = ImGui::GetIO();
    if (!io.KeyCtrl) return;
    auto pressed = [](int key) { return ImGui::IsKeyPressed(key, false); };
    if (pressed('S')) save_project_file();
    if (pressed('O')) platform::pick_file(".json,.clausier.json,application/json");
    if (pressed('Z') && io.KeyShift) redo();
    else if (pressed('Z') && !io.WantTextInput) undo();
    if (pressed('Y')) redo();
}

}  // namespace

bool is_shortcut_key(int key) { return key > 0 && key < 128 && kShortcutKeys.find(char(key)) != std::string_view::npos; }

void set_zoom(float zoom) { app().zoom = std::clamp(zoom, 1.0f, 2.0f); }

void set_mode(Mode m) {
    App& a = app();
    a.mode = m;
    announce(std::string("Mode ") + enum_label(m));
}

void set_projector(bool on) {
    App& a = app();
    a.projector = on;
    a.high_contrast = on;
    set_zoom(on ? 1.5f : 1.0f);
}

void clear_registry();   // widgets.cpp

void draw_app() {
    App& a = app();
    clear_registry();
    a.hover_help.clear();
    shortcuts();
    const ImGuiIO& io = ImGui::GetIO();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(io.DisplaySize);
    ImGui::Begin("##main", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoSavedSettings);
    sem_begin("region.top", Role::banner, "Clausier");
    top_bar();
    sem_end();
    const float h = ImGui::GetContentRegionAvail().y;
    const float w = ImGui::GetContentRegionAvail().x;
    const float gap = ImGui::GetStyle().ItemSpacing.x;
    if (opendata_shown()) {
        ImGui::BeginChild("##step", ImVec2(w, h), false, ImGuiWindowFlags_AlwaysUseWindowPadding);
        opendata_screen();
        ImGui::EndChild();
    } else if (a.mode == Mode::entreprise) {
        // The firm's reading is a text to read: a measure of about 60 characters' width, centred.
        const float reading = std::min(w, ImGui::GetFontSize() * 42);
        ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (w - reading) / 2);
        ImGui::BeginChild("##step", ImVec2(reading, h), false, ImGuiWindowFlags_AlwaysUseWindowPadding);
        sem_begin("region.main", Role::main, "Lecture entreprise");
        const size_t before = focusable_items().size();
        firm_reading();
        content_start() = focusable_items().size() > before ? focusable_items()[before] : "";
        sem_end();
        ImGui::EndChild();
    } else {
        const Layout l = layout_for(w);
        if (l.side_panel) a.panel_in_place = false;
        ImGui::BeginChild("##stepper", ImVec2(l.stepper, h), true, l.compact_stepper ? ImGuiWindowFlags_NoScrollbar : 0);
        sem_begin("region.steps", Role::navigation, "Étapes");
        stepper(l.compact_stepper);
        sem_end();
        ImGui::EndChild();
        ImGui::SameLine();
        ImGui::BeginChild("##step", ImVec2(w - l.stepper - l.panel - gap * (l.side_panel ? 2 : 1), h), false,
                          ImGuiWindowFlags_AlwaysUseWindowPadding);
        if (a.step_from_top) ImGui::SetScrollY(0);   // a focus request later in the frame wins (jump to a field)
        a.step_from_top = false;
        sem_begin("region.main", Role::main, "Contenu de l'étape");
        // No room for the workshop panel under the compact stepper: it heads the form column.
        if (l.compact_stepper && a.mode == Mode::formation) workshop();
        const size_t before = focusable_items().size();
        if (a.panel_in_place) right_panel();
        else current_step();
        content_start() = focusable_items().size() > before ? focusable_items()[before] : "";
        sem_end();
        ImGui::EndChild();
        if (l.side_panel) {
            ImGui::SameLine();
            ImGui::BeginChild("##right", ImVec2(l.panel, h), true);
            sem_begin("region.panel", Role::complementary, "Vigilance et aperçu");
            right_panel();
            sem_end();
            ImGui::EndChild();
        }
    }
    ImGui::End();
    modals();
}

}  // namespace ui

namespace {
const clausier::EnumEntry<ui::Mode> kModes[] = {
    {ui::Mode::acheteur, "acheteur", "Acheteur"}, {ui::Mode::formation, "formation", "Formation"},
    {ui::Mode::entreprise, "entreprise", "Entreprise"}};
}  // namespace
template <> clausier::EnumNames<ui::Mode> clausier::enum_names<ui::Mode>() { return kModes; }

// ---- platform callbacks ----------------------------------------------------------------------------------

void app_file_opened(const std::string& name, const std::string& content) {
    if (!ui::opendata_take_file(name, content) && !ui::projects_take_file(name, content)) ui::open_project_text(name, content);
    platform::request_redraw();
}

void app_notice(const std::string& message) {
    ui::show_notice(message);
    platform::request_redraw();
}

void app_page_hidden() { ui::page_hidden(); }

void app_storage_changed(const std::string& key) { ui::storage_changed(key); }
