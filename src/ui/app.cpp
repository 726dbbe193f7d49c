// app.cpp — the frame of the assistant: top bar, stepper, the current step, the right panel (findings or
// preview), modal messages; and the bookkeeping after each frame (undo, derived data, autosave, the
// screen-reader announcements).
#include "app.h"
#include "library/cpv.h"
#include "export/export.h"
#include "platform.h"
#include "project/scenarios.h"
#include "widgets.h"
#include <algorithm>
#include <cstdio>
#include <ctime>

namespace ui {

namespace {

const StepInfo kSteps[] = {
    {"besoin", "Besoin"}, {"sourcing", "Sourcing"}, {"lots", "Lots et procédure"}, {"objectifs", "Objectifs"},
    {"clauses", "Clauses"}, {"criteres", "Critères"}, {"suivi", "Suivi"}, {"verification", "Vérification"},
    {"export", "Export"}};

constexpr size_t kUndoDepth = 200;
constexpr double kAutosaveDelayMs = 800;

// The browser's localStorage behind the core's store interface.
struct BrowserStore : KeyValueStore {
    bool set(const std::string& k, const std::string& v) override { return platform::storage_set(k, v); }
    bool get(const std::string& k, std::string& v) const override { return platform::storage_get(k, v); }
    void remove(const std::string& k) override { platform::storage_remove(k); }
    std::vector<std::string> keys(const std::string& p) const override { return platform::storage_keys(p); }
};

BrowserStore& store() {
    static BrowserStore s;
    return s;
}

std::string new_id() {
    char buf[32];
    std::snprintf(buf, sizeof buf, "p%.0f", platform::now_ms() * 1000 + double(std::time(nullptr)) * 1e6);
    return buf;
}

void recompute() {
    App& a = app();
    Derived& d = a.derived;
    d.procedure = size_procedure(procedure_input(a.project));
    d.findings = run_checks(a.project);
    d.blocking = d.alerts = d.advice = 0;
    for (const Finding& f : d.findings)
        (f.severity == "bloquant" ? d.blocking : f.severity == "alerte" ? d.alerts : d.advice)++;
    d.recommendations = recommend(a.project);
    for (int i = 0; i < int(Step::count); ++i) {
        d.to_review[i] = 0;
        for (const Finding& f : d.findings) if (f.step == kSteps[i].id && f.severity != "conseil") ++d.to_review[i];
        d.filled[i] = step_filled(a.project, kSteps[i].id, d.findings);
    }
}

void save_now() {
    App& a = app();
    a.save_pending = false;
    a.saved_at = now_iso();
    if (autosave(store(), a.project_id, a.project, a.saved_at)) {
        a.storage_refused = false;
        set_last_opened(store(), a.project_id);
    } else {
        a.storage_refused = true;
    }
}

}  // namespace

App& app() {
    static App a;
    return a;
}

const StepInfo& step_info(Step s) { return kSteps[int(s)]; }

Step step_from_id(std::string_view id) {
    for (int i = 0; i < int(Step::count); ++i)
        if (id == kSteps[i].id) return Step(i);
    return Step::verification;
}

std::string now_iso() {
    std::time_t t = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

void mark_changed() { app().changed_this_frame = true; }

void end_frame() {
    App& a = app();
    if (a.changed_this_frame) {
        // Typing in one field makes one undo step: the snapshot moves only when the field is left.
        if (a.undo.empty() || a.undo.back() != a.snapshot) {
            a.undo.push_back(a.snapshot);
            if (a.undo.size() > kUndoDepth) a.undo.erase(a.undo.begin());
        }
        a.redo.clear();
        ++a.generation;
        recompute();
        a.save_pending = true;
        a.save_due_ms = platform::now_ms() + kAutosaveDelayMs;
        platform::redraw_after(kAutosaveDelayMs + 20);
        a.snapshot_stale = true;
    }
    // Serialising the project costs in proportion to its size: only after a change, once the field is left.
    if (a.snapshot_stale && !a.editing_text) {
        a.snapshot = project_to_text(a.project);
        a.snapshot_stale = false;
    }
    a.changed_this_frame = false;
    a.editing_text = false;
    if (a.save_pending && platform::now_ms() >= a.save_due_ms) save_now();
    if (!a.focused_label.empty() && a.focused_label != a.announced) {
        a.announced = a.focused_label;
        platform::announce(a.focused_label);
    }
    a.focused_label.clear();
    ++a.frame;
}

namespace {
void restore_snapshot(const std::string& text) {
    App& a = app();
    Project p;
    std::string error;
    if (!project_from_text(text, p, error)) return;
    a.project = std::move(p);
    a.snapshot = text;
    ++a.generation;
    recompute();
    a.save_pending = true;
    a.save_due_ms = platform::now_ms() + kAutosaveDelayMs;
    platform::redraw_after(kAutosaveDelayMs + 20);
}
}  // namespace

void undo() {
    App& a = app();
    if (a.undo.empty()) return;
    a.redo.push_back(project_to_text(a.project));
    std::string text = a.undo.back();
    a.undo.pop_back();
    restore_snapshot(text);
    show_notice("Modification annulée.");
}

void redo() {
    App& a = app();
    if (a.redo.empty()) return;
    a.undo.push_back(project_to_text(a.project));
    std::string text = a.redo.back();
    a.redo.pop_back();
    restore_snapshot(text);
    show_notice("Modification rétablie.");
}

void load_project(const Project& p, const std::string& id, const std::string& scenario) {
    App& a = app();
    a.project = p;
    a.project_id = id;
    a.scenario = scenario;
    a.undo.clear();
    a.redo.clear();
    a.snapshot = project_to_text(p);
    a.selected_clause.clear();
    ++a.generation;
    recompute();
    save_now();
    platform::set_title((p.title.empty() ? std::string("Projet sans titre") : p.title) + " — Clausier");
}

void start_session() {
    const std::string id = last_opened(store());
    Project p;
    std::string error;
    if (!id.empty() && load_saved(store(), id, p, error)) load_project(p, id);
    else new_project();
}

void new_project() {
    Project p;
    p.title = "Nouveau projet";
    p.need.launch_date = iso_date(today());
    load_project(p, new_id());
    go_to(Step::besoin);
}

void open_project_text(const std::string& name, const std::string& text) {
    App& a = app();
    Project p;
    std::string error;
    if (!project_from_text(text, p, error)) {
        // The current project is left exactly as it was.
        a.error_title = "Ce fichier ne peut pas être ouvert";
        a.error_text = "« " + sanitize_utf8(name.substr(0, 120)) + " » : " + error + "\n\nVotre projet en cours n'a pas été modifié.";
        return;
    }
    load_project(p, new_id());
    show_notice("Projet ouvert : " + (p.title.empty() ? name : p.title));
}

void save_project_file() {
    const Project& p = app().project;
    platform::download(export_file_name(p, Format::json, DocumentKind::dce), "application/json", project_to_text(p));
    show_notice("Projet enregistré dans vos téléchargements.");
}

const Document& current_document(DocumentKind kind) {
    struct Cached {
        uint64_t generation = ~0ull;
        Document document;
    };
    static Cached cache[4];   // one per DocumentKind
    const App& a = app();
    Cached& c = cache[int(kind)];
    if (c.generation != a.generation) {
        c.document = assemble_document(a.project, kind, bundled_library(), a.derived.findings);
        c.generation = a.generation;
    }
    return c.document;
}

void export_file(Format f, DocumentKind kind) {
    const Project& p = app().project;
    platform::download(export_file_name(p, f, kind), format_mime(f), export_project(p, f, kind));
    show_notice(std::string("Fichier ") + format_extension(f) + " téléchargé.");
}

void go_to(Step s) {
    App& a = app();
    a.step = s;
    a.step_from_top = true;
    platform::announce("Étape " + std::to_string(int(s) + 1) + " sur 9 : " + step_info(s).title);
}

// Findings name fields as the core sees them; a few live on another step of the app than the rule's.
struct FieldHome {
    const char* field;
    Step step;
    const char* widget;
};
const FieldHome kFieldHomes[] = {
    {"advance_percent", Step::lots, "lots.advance_percent"},
    {"payment_days", Step::lots, "lots.payment_days"},
    {"buyer.spaser_adopted", Step::objectifs, "objectifs.spaser_adopted"},
    {"cpv", Step::besoin, "besoin.cpv_search"},
    {"insertion.facilitator", Step::clauses, "clauses.insertion.facilitator"},
};

void jump_to(const Finding& f) {
    App& a = app();
    if (a.mode == Mode::entreprise) a.mode = Mode::acheteur;
    Step step = step_from_id(f.step);
    std::string widget = f.field.rfind(f.step + ".", 0) == 0 ? f.field : f.where();
    for (const FieldHome& h : kFieldHomes)
        if (f.field == h.field) { step = h.step; widget = h.widget; }
    // A clause's variable or the insertion facilitator: open the clause concerned in the detail pane.
    if (f.field.rfind("clauses.", 0) == 0) a.selected_clause = f.field.substr(8, f.field.find('.', 8) - 8);
    if (f.field == "insertion.facilitator")
        for (const ChosenClause& c : a.project.clauses)
            if (const Clause* k = bundled_library().find(c.id))
                if (std::find(k->goals.begin(), k->goals.end(), "insertion") != k->goals.end()) { a.selected_clause = c.id; break; }
    a.panel_in_place = false;
    go_to(step);
    a.focus_request = widget;
}

void show_notice(const std::string& text) {
    App& a = app();
    a.notice = text;
    a.notice_until = platform::now_ms() + 4000;
    platform::announce(text);
    platform::redraw_after(4050);
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

void top_bar() {
    App& a = app();
    // In a narrow window (a small screen, or zoomed in) the bar keeps its controls but drops what a label or
    // the value shown already says, so that it takes three rows at most.
    const bool narrow = layout_for(ImGui::GetIO().DisplaySize.x).compact_stepper;
    const float gap = ImGui::GetFontSize() * (narrow ? 0.5f : 0.9f);
    ImGui::PushFont(font_heading());
    ImGui::TextColored(palette().primary, "Clausier");
    ImGui::PopFont();
    const char* status = a.storage_refused ? (narrow ? "Sauvegarde refusée" : "Sauvegarde refusée par le navigateur")
                         : a.saved_at.empty() ? "" : narrow ? "Enregistré" : "Enregistré dans ce navigateur";
    const float status_x = ImGui::GetWindowContentRegionMax().x - ImGui::CalcTextSize(status).x;
    ImGui::SameLine(0, gap);
    ImGui::AlignTextToFramePadding();
    const float name_room = status_x - (ImGui::GetCursorPosX() + gap);
    ImGui::TextDisabled("%s", fit_text(a.project.title.empty() ? "Projet sans titre" : a.project.title, name_room).c_str());
    ImGui::SameLine(status_x);
    badge(status, a.storage_refused ? palette().error : palette().success);

    if (button("top.new", "Nouveau")) new_project();
    flow_button("top.open", "Ouvrir…", -1, [] { platform::pick_file(".json,.clausier.json,application/json"); });
    flow_button("top.save", "Enregistrer", -1, save_project_file);
    flow_button("top.projects", "Mes projets", -1, [] { app().show_projects = true; });
    ImGui::BeginDisabled(a.undo.empty());
    flow_button("top.undo", "Annuler", gap * 1.5f, undo);
    ImGui::EndDisabled();
    ImGui::BeginDisabled(a.redo.empty());
    flow_button("top.redo", "Rétablir", -1, redo);
    ImGui::EndDisabled();
    // Options are indexed by their position in Mode; automation ids read "top.mode=formation".
    static const std::vector<std::pair<std::string, std::string>> modes = {
        {"acheteur", "Acheteur"}, {"formation", "Formation"}, {"entreprise", "Entreprise"}};
    const float em = ImGui::GetFontSize();
    flow((narrow ? 0 : ImGui::CalcTextSize("Mode").x) + em * 9, gap * 1.5f);
    if (!narrow) {
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted("Mode");
        ImGui::SameLine();
    }
    std::string mode = modes[size_t(a.mode)].first;
    if (choice_combo("top.mode", "Mode", mode, modes, 8.5f))
        for (size_t i = 0; i < modes.size(); ++i) if (modes[i].first == mode) set_mode(Mode(i));
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
    ImGui::Checkbox("Contraste élevé", &a.high_contrast);
    register_item("top.contrast");
    describe_if_focused("Contraste élevé", a.high_contrast ? "activé" : "désactivé");
    if (a.mode != Mode::entreprise && !wide_layout()) {
        const std::string label = a.panel_in_place ? "Retour à l'étape" : "Vigilance (" + std::to_string(a.derived.blocking + a.derived.alerts) + ")";
        flow(button_width(label.c_str()), gap);
        if (button("top.panel", label.c_str())) a.panel_in_place = !a.panel_in_place;
    }
    ImGui::Separator();
}

// Formation mode: pick a workshop scenario, reset it to its start, switch the projector preset.
void formation_panel() {
    App& a = app();
    ImGui::PushFont(font_bold());
    ImGui::TextUnformatted("Atelier");
    ImGui::PopFont();
    for (const Scenario& sc : bundled_scenarios()) {
        const bool current = a.scenario == sc.name;
        if (ImGui::Selectable((sc.title.empty() ? sc.name : sc.title).c_str(), current)) load_scenario(sc.name);
        register_item("formation.scenario." + sc.name);
        describe_if_focused("Scénario", sc.title);
    }
    if (!a.scenario.empty() && button("formation.reset", "Revenir au début")) load_scenario(a.scenario);
    bool projector = a.projector;
    if (ImGui::Checkbox("Mode projecteur", &projector)) set_projector(projector);
    register_item("formation.projector");
    ImGui::Checkbox("Afficher « Pourquoi ? »", &a.show_why);
    register_item("formation.why");
    ImGui::Separator();
}

void stepper(bool compact) {
    App& a = app();
    if (!compact) {
        ImGui::PushFont(font_bold());
        ImGui::TextUnformatted("Étapes");
        ImGui::PopFont();
        ImGui::Spacing();
    }
    for (int i = 0; i < int(Step::count); ++i) {
        const Step s = Step(i);
        const int to_review = a.derived.to_review[i];
        const bool filled = a.derived.filled[i];
        char label[96];
        std::snprintf(label, sizeof label, compact ? "%d" : "%d. %s", i + 1, kSteps[i].title);
        if (ImGui::Selectable((std::string(label) + "##step" + kSteps[i].id).c_str(), a.step == s, 0,
                              ImVec2(0, ImGui::GetFontSize() * (compact ? 1.3f : 1.6f))))
            go_to(s);
        register_item(std::string("step.") + kSteps[i].id);
        const std::string state = to_review ? std::to_string(to_review) + " point(s) à revoir" : filled ? "fait" : "à faire";
        if (compact && ImGui::IsItemHovered()) ImGui::SetTooltip("%d. %s — %s", i + 1, kSteps[i].title, state.c_str());
        describe_if_focused(std::string("Étape ") + std::to_string(i + 1) + " : " + kSteps[i].title, state);
        // The state at the right end of the row: a count in the warning colour, a tick, or a hollow dot.
        const std::string mark = to_review ? std::to_string(to_review) : filled ? "✓" : "○";
        ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - ImGui::CalcTextSize(mark.c_str()).x - ImGui::GetStyle().ItemSpacing.x);
        ImGui::TextColored(to_review ? palette().warning : filled ? palette().success : palette().muted, "%s", mark.c_str());
    }
    if (compact) return;
    ImGui::Spacing();
    ImGui::Separator();
    if (a.mode == Mode::formation) formation_panel();
    const ProcedureResult& pr = a.derived.procedure;
    help_text("Valeur estimée : " + french_euros(total_estimated_value(a.project)) + " HT");
    help_text("Procédure : " + std::string(pr.procedure == "formalisee" ? "formalisée" : pr.procedure == "adaptee" ? "adaptée" : "sans publicité"));
}

void findings_panel() {
    App& a = app();
    const Derived& d = a.derived;
    const std::string counts[] = {std::to_string(d.blocking) + " bloquant(s)", std::to_string(d.alerts) + " alerte(s)",
                                  std::to_string(d.advice) + " conseil(s)"};
    const ImVec4 colors[] = {palette().error, palette().warning, palette().info};
    for (int k = 0; k < 3; ++k) {
        if (k > 0) flow(ImGui::CalcTextSize(counts[k].c_str()).x);
        ImGui::TextColored(colors[k], "%s", counts[k].c_str());
    }
    ImGui::Separator();
    int i = 0;
    for (const Finding& f : d.findings) {
        ImGui::PushID(i);
        const ImVec4 color = f.severity == "bloquant" ? palette().error : f.severity == "alerte" ? palette().warning : palette().info;
        ImGui::PushStyleColor(ImGuiCol_Text, color);
        ImGui::PushFont(font_bold());
        ImGui::TextUnformatted(f.severity == "bloquant" ? "Bloquant" : f.severity == "alerte" ? "Alerte" : "Conseil");
        ImGui::PopFont();
        ImGui::PopStyleColor();
        ImGui::TextWrapped("%s", f.message.c_str());
        const std::string arts = bundled_library().citations(f.articles);
        if (!arts.empty()) help_text(arts);
        if (small_button("finding." + std::to_string(i), "Corriger")) jump_to(f);
        describe_if_focused("Corriger : " + f.message, "bouton");
        ImGui::Separator();
        ImGui::PopID();
        ++i;
    }
    if (d.findings.empty()) help_text("Aucun point à signaler pour l'instant.");
}

void right_panel() {
    App& a = app();
    if (ImGui::BeginTabBar("##right")) {
        if (ImGui::BeginTabItem("Vigilance")) {
            a.panel = RightPanel::findings;
            ImGui::BeginChild("##findings");
            findings_panel();
            ImGui::EndChild();
            ImGui::EndTabItem();
        }
        register_item("panel.findings");
        if (ImGui::BeginTabItem("Aperçu")) {
            a.panel = RightPanel::preview;
            ImGui::BeginChild("##preview");
            document_view(current_document(DocumentKind::dce), false);
            ImGui::EndChild();
            ImGui::EndTabItem();
        }
        register_item("panel.preview");
        ImGui::EndTabBar();
    }
}

void current_step() {
    switch (app().step) {
        case Step::besoin: step_besoin(); break;
        case Step::sourcing: step_sourcing(); break;
        case Step::lots: step_lots(); break;
        case Step::objectifs: step_objectifs(); break;
        case Step::clauses: step_clauses(); break;
        case Step::criteres: step_criteres(); break;
        case Step::suivi: step_suivi(); break;
        case Step::verification: step_verification(); break;
        default: step_export(); break;
    }
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
    if (ImGui::BeginPopupModal("##error", nullptr, ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoResize)) {
        ImGui::PushFont(font_bold());
        ImGui::TextColored(palette().error, "%s", a.error_title.c_str());
        ImGui::PopFont();
        ImGui::TextWrapped("%s", a.error_text.c_str());
        section_gap();
        if (button("error.ok", "J'ai compris", true) || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) {
            a.error_title.clear();
            a.error_text.clear();
            ImGui::CloseCurrentPopup();
        }
        ImGui::EndPopup();
    }
    if (a.show_projects) ImGui::OpenPopup("Mes projets");
    ImGui::SetNextWindowSize(ImVec2(ImGui::GetFontSize() * 36, ImGui::GetFontSize() * 24), ImGuiCond_Appearing);
    if (ImGui::BeginPopupModal("Mes projets", &a.show_projects)) {
        help_text("Projets enregistrés dans ce navigateur (rien n'est envoyé sur un serveur).");
        int i = 0;
        for (const StoredProject& sp : list_saved(store())) {
            ImGui::PushID(i++);
            std::string label = (sp.title.empty() ? "Projet sans titre" : sp.title) + "  —  " + sp.saved_at;
            if (button("projects.open." + std::to_string(i), label.c_str())) {
                Project p;
                std::string error;
                if (load_saved(store(), sp.id, p, error)) load_project(p, sp.id);
                else { a.error_title = "Projet illisible"; a.error_text = error; }
                a.show_projects = false;
            }
            ImGui::PopID();
        }
        section_gap();
        subheading("Versions précédentes du projet en cours");
        for (const StoredVersion& v : list_versions(store(), a.project_id)) {
            std::string label = "Version " + std::to_string(v.version) + " — " + v.saved_at;
            if (small_button("versions.restore." + std::to_string(v.version), label.c_str())) {
                Project p;
                std::string error;
                if (load_version(store(), a.project_id, v.version, p, error)) {
                    a.undo.push_back(project_to_text(a.project));
                    a.project = p;
                    mark_changed();
                    show_notice("Version " + std::to_string(v.version) + " restaurée.");
                }
                a.show_projects = false;
            }
        }
        ImGui::EndPopup();
    }
    if (a.storage_refused) {
        ImGui::SetNextWindowPos(ImVec2(ImGui::GetIO().DisplaySize.x * 0.5f, ImGui::GetIO().DisplaySize.y - 20), 0, ImVec2(0.5f, 1));
        ImGui::Begin("##quota", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize);
        ImGui::TextColored(palette().error, "Le navigateur refuse d'enregistrer le projet (stockage plein ou désactivé).");
        if (button("quota.download", "Télécharger le projet maintenant", true)) save_project_file();
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

void set_zoom(float zoom) { app().zoom = std::clamp(zoom, 1.0f, 2.0f); }

void set_mode(Mode m) {
    App& a = app();
    a.mode = m;
    const char* names[] = {"Acheteur", "Formation", "Entreprise"};
    platform::announce(std::string("Mode ") + names[int(m)]);
}

void set_projector(bool on) {
    App& a = app();
    a.projector = on;
    a.high_contrast = on;
    set_zoom(on ? 1.5f : 1.0f);
}

void load_scenario(const std::string& name) {
    const Scenario* s = find_scenario(name);
    if (!s) return;
    Project p;
    std::string error;
    if (!project_from_text(s->text, p, error)) {
        app().error_title = "Scénario illisible";
        app().error_text = error;
        return;
    }
    load_project(p, new_id(), name);
    go_to(Step::besoin);
    show_notice("Scénario chargé : " + s->title);
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
    top_bar();
    const float h = ImGui::GetContentRegionAvail().y;
    const float w = ImGui::GetContentRegionAvail().x;
    const float gap = ImGui::GetStyle().ItemSpacing.x;
    if (a.mode == Mode::entreprise) {
        // The firm's reading is a text to read: a measure of about 60 characters' width, centred.
        const float reading = std::min(w, ImGui::GetFontSize() * 42);
        ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (w - reading) / 2);
        ImGui::BeginChild("##step", ImVec2(reading, h), false, ImGuiWindowFlags_AlwaysUseWindowPadding);
        firm_reading();
        ImGui::EndChild();
    } else {
        const Layout l = layout_for(w);
        if (l.side_panel) a.panel_in_place = false;
        ImGui::BeginChild("##stepper", ImVec2(l.stepper, h), true, l.compact_stepper ? ImGuiWindowFlags_NoScrollbar : 0);
        stepper(l.compact_stepper);
        ImGui::EndChild();
        ImGui::SameLine();
        ImGui::BeginChild("##step", ImVec2(w - l.stepper - l.panel - gap * (l.side_panel ? 2 : 1), h), false,
                          ImGuiWindowFlags_AlwaysUseWindowPadding);
        if (a.step_from_top) ImGui::SetScrollY(0);   // a focus request later in the frame wins (jump to a field)
        a.step_from_top = false;
        // No room for the workshop panel under the compact stepper: it heads the form column, folded once a
        // scenario is loaded.
        if (l.compact_stepper && a.mode == Mode::formation &&
            ImGui::CollapsingHeader(a.scenario.empty() ? "Atelier" : "Atelier — changer de scénario, revenir au début",
                                    a.scenario.empty() ? ImGuiTreeNodeFlags_DefaultOpen : 0))
            formation_panel();
        if (a.panel_in_place) right_panel();
        else current_step();
        ImGui::EndChild();
        if (l.side_panel) {
            ImGui::SameLine();
            ImGui::BeginChild("##right", ImVec2(l.panel, h), true);
            right_panel();
            ImGui::EndChild();
        }
    }
    ImGui::End();
    modals();
}

}  // namespace ui

// ---- platform callbacks ----------------------------------------------------------------------------------

void app_file_opened(const std::string& name, const std::string& content) {
    ui::open_project_text(name, content);
    platform::request_redraw();
}

void app_notice(const std::string& message) {
    ui::show_notice(message);
    platform::request_redraw();
}
