// app.cpp — the frame of the assistant: top bar, stepper, the current step, the right panel (findings or
// preview), modal messages; and the bookkeeping after each frame (undo, derived data, autosave, the
// screen-reader announcements).
#include "app.h"
#include "cpv.h"
#include "export/export.h"
#include "platform.h"
#include "scenarios.h"
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
    d.preview = export_project(a.project, Format::md, DocumentKind::dce);
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
    }
    if (!a.editing_text) a.snapshot = project_to_text(a.project);
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

void export_file(Format f, DocumentKind kind) {
    const Project& p = app().project;
    platform::download(export_file_name(p, f, kind), format_mime(f), export_project(p, f, kind));
    show_notice(std::string("Fichier ") + format_extension(f) + " téléchargé.");
}

void go_to(Step s) {
    App& a = app();
    a.step = s;
    platform::announce("Étape " + std::to_string(int(s) + 1) + " sur 9 : " + step_info(s).title);
}

void jump_to(const Finding& f) {
    App& a = app();
    a.mode = a.mode == Mode::entreprise ? Mode::acheteur : a.mode;
    go_to(step_from_id(f.step));
    a.focus_request = f.where();
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

void top_bar() {
    App& a = app();
    ImGui::PushFont(font_heading());
    ImGui::TextColored(palette().primary, "Clausier");
    ImGui::PopFont();
    ImGui::SameLine();
    ImGui::AlignTextToFramePadding();
    ImGui::TextDisabled("%s", a.project.title.empty() ? "Projet sans titre" : a.project.title.c_str());
    ImGui::SameLine(0, ImGui::GetFontSize() * 2);
    if (button("top.new", "Nouveau")) new_project();
    ImGui::SameLine();
    if (button("top.open", "Ouvrir…")) platform::pick_file(".json,.clausier.json,application/json");
    ImGui::SameLine();
    if (button("top.save", "Enregistrer")) save_project_file();
    ImGui::SameLine();
    if (button("top.projects", "Mes projets")) a.show_projects = true;
    ImGui::SameLine(0, ImGui::GetFontSize() * 1.5f);
    ImGui::BeginDisabled(a.undo.empty());
    if (button("top.undo", "Annuler")) undo();
    ImGui::EndDisabled();
    ImGui::SameLine();
    ImGui::BeginDisabled(a.redo.empty());
    if (button("top.redo", "Rétablir")) redo();
    ImGui::EndDisabled();
    ImGui::SameLine(0, ImGui::GetFontSize() * 1.5f);
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 9);
    const char* modes[] = {"Acheteur", "Formation", "Entreprise"};
    int mode = int(a.mode);
    if (ImGui::Combo("##mode", &mode, modes, 3)) a.mode = Mode(mode);
    register_item("top.mode");
    describe_if_focused("Mode", modes[mode]);
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 7);
    int zoom = int(a.zoom * 100 + 0.5f);
    const char* zooms[] = {"100 %", "125 %", "150 %", "175 %", "200 %"};
    int zi = (zoom - 100) / 25;
    if (ImGui::Combo("##zoom", &zi, zooms, 5)) set_zoom(1.0f + zi * 0.25f);
    register_item("top.zoom");
    describe_if_focused("Zoom", zooms[zi]);
    ImGui::SameLine();
    if (ImGui::Checkbox("Contraste élevé", &a.high_contrast)) apply_theme(a.high_contrast, a.zoom);
    register_item("top.contrast");
    ImGui::SameLine();
    if (a.storage_refused) badge("Sauvegarde refusée par le navigateur", palette().error);
    else if (!a.saved_at.empty()) badge("Enregistré dans ce navigateur", palette().success);
    ImGui::Separator();
}

void stepper() {
    App& a = app();
    ImGui::PushFont(font_bold());
    ImGui::TextUnformatted("Étapes");
    ImGui::PopFont();
    ImGui::Spacing();
    for (int i = 0; i < int(Step::count); ++i) {
        const Step s = Step(i);
        int count = 0;
        for (const Finding& f : a.derived.findings) if (f.step == kSteps[i].id && f.severity != "conseil") ++count;
        char label[96];
        std::snprintf(label, sizeof label, "%d. %s", i + 1, kSteps[i].title);
        if (ImGui::Selectable((std::string(label) + "##step" + kSteps[i].id).c_str(), a.step == s, 0,
                              ImVec2(0, ImGui::GetFontSize() * 1.6f)))
            go_to(s);
        register_item(std::string("step.") + kSteps[i].id);
        describe_if_focused(std::string("Étape ") + label, count ? std::to_string(count) + " point(s) à revoir" : "");
        if (count > 0) {
            ImGui::SameLine(ImGui::GetContentRegionAvail().x - ImGui::GetFontSize() * 1.2f);
            ImGui::TextColored(palette().warning, "%d", count);
        }
    }
    ImGui::Spacing();
    ImGui::Separator();
    const ProcedureResult& pr = a.derived.procedure;
    help_text("Valeur estimée : " + french_euros(total_estimated_value(a.project)) + " HT");
    help_text("Procédure : " + std::string(pr.procedure == "formalisee" ? "formalisée" : pr.procedure == "adaptee" ? "adaptée" : "sans publicité"));
}

void findings_panel() {
    App& a = app();
    const Derived& d = a.derived;
    ImGui::TextColored(palette().error, "%d bloquant(s)", d.blocking);
    ImGui::SameLine();
    ImGui::TextColored(palette().warning, "%d alerte(s)", d.alerts);
    ImGui::SameLine();
    ImGui::TextColored(palette().info, "%d conseil(s)", d.advice);
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
        std::string arts;
        for (const auto& art : f.articles) arts += (arts.empty() ? "" : ", ") + art;
        if (!arts.empty()) help_text(arts);
        if (small_button("finding." + std::to_string(i), "Corriger")) jump_to(f);
        ImGui::Separator();
        ImGui::PopID();
        ++i;
    }
    if (d.findings.empty()) help_text("Aucun point à signaler pour l'instant.");
}

void right_panel() {
    App& a = app();
    if (ImGui::BeginTabBar("##right")) {
        if (ImGui::BeginTabItem("Points de vigilance")) {
            a.panel = RightPanel::findings;
            ImGui::BeginChild("##findings");
            findings_panel();
            ImGui::EndChild();
            ImGui::EndTabItem();
        }
        register_item("panel.findings");
        if (ImGui::BeginTabItem("Aperçu du DCE")) {
            a.panel = RightPanel::preview;
            ImGui::BeginChild("##preview");
            ImGui::PushTextWrapPos(0);
            ImGui::TextUnformatted(a.derived.preview.c_str());
            ImGui::PopTextWrapPos();
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

void set_zoom(float zoom) {
    app().zoom = zoom < 1.0f ? 1.0f : zoom > 2.0f ? 2.0f : zoom;
    app().projector = false;
}

void clear_registry();   // widgets.cpp

void draw_app() {
    App& a = app();
    clear_registry();
    shortcuts();
    const ImGuiIO& io = ImGui::GetIO();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(io.DisplaySize);
    ImGui::Begin("##main", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoSavedSettings);
    top_bar();
    const float h = ImGui::GetContentRegionAvail().y;
    const float w = ImGui::GetContentRegionAvail().x;
    const float left = ImGui::GetFontSize() * 14;
    const bool firm = a.mode == Mode::entreprise;
    const float right = firm ? 0 : std::max(ImGui::GetFontSize() * 18, w * 0.28f);
    if (!firm) {
        ImGui::BeginChild("##stepper", ImVec2(left, h), true);
        stepper();
        ImGui::EndChild();
        ImGui::SameLine();
    }
    ImGui::BeginChild("##step", ImVec2(firm ? w : w - left - right - ImGui::GetStyle().ItemSpacing.x * 2, h), false,
                      ImGuiWindowFlags_AlwaysUseWindowPadding);
    if (firm) firm_reading();
    else current_step();
    ImGui::EndChild();
    if (!firm) {
        ImGui::SameLine();
        ImGui::BeginChild("##right", ImVec2(right, h), true);
        right_panel();
        ImGui::EndChild();
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
