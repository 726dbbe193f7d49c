// « Mes projets »: the portfolio of this browser (projects.h). Rows are keyed by storage id in the widget ids
// ("projects.<id>.open") so that a test or a screen reader finds the same project whatever the order.
#include "projects.h"
#include "widgets.h"
#include "platform.h"
#include "base/number.h"
#include "portfolio/stored.h"

namespace ui {

namespace {

struct ProjectsView {
    bool dirty = true;
    uint64_t saved_generation = ~0ull;   // the open project's last written version, when the rows were read
    std::string open_id;
    std::vector<PortfolioEntry> rows;
    PortfolioRows read;                  // the rows by the version they were read from: only new versions are read again
    std::string renaming, new_title;     // the row being renamed and the title typed
    RemovedProject removed;              // the last deletion, until « Annuler » or the next action
    bool import_pending = false;         // « Importer un portefeuille… » asked for a file
    std::string report;                  // the last import's report
};

ProjectsView& view() {
    static ProjectsView v;
    return v;
}

const std::vector<PortfolioEntry>& rows() {
    ProjectsView& v = view();
    const Session& s = session();
    if (v.dirty || v.saved_generation != s.saved_generation() || v.open_id != s.project_id()) {
        v.rows = list_portfolio(browser_store(), s.law(), &v.read);
        v.saved_generation = s.saved_generation();
        v.open_id = s.project_id();
        v.dirty = false;
    }
    return v.rows;
}

// Every action but « Annuler » ends the offer to undo a deletion.
void next_action() {
    ProjectsView& v = view();
    v.removed = {};
    v.report.clear();
    v.dirty = true;
}

std::string details(const PortfolioEntry& e) {
    if (!e.readable) return "Projet illisible : " + e.error;
    std::string out = e.buyer.empty() ? "Acheteur non renseigné" : e.buyer;
    out += " · lancement " + (e.launch.valid() ? short_french_date(e.launch) : std::string("non daté"));
    out += " · " + french_euros(e.value) + " HT · " + enum_label(e.procedure) + " · " + enum_label(e.status);
    if (!e.saved_at.empty()) out += " · enregistré le " + local_time_label(e.saved_at);
    return out;
}

void rename_row(const PortfolioEntry& e, const std::string& k) {
    ProjectsView& v = view();
    input_text(k + ".title", "Nouveau titre", v.new_title);
    if (button(k + ".rename.ok", "Renommer", true)) {
        std::string error;
        const std::string title = trim(v.new_title);
        next_action();
        if (title.empty()) return show_error("Titre vide", "Le titre ne peut pas être vide.");
        const bool ok = e.id == session().project_id()
                            ? session().edit("besoin.title", [&](Project& p) { p.title = title; })
                            : rename_stored(browser_store(), e.id, title, session().now_iso(), error);
        if (!ok) return show_error("Projet non renommé", error.empty() ? "Le projet est en lecture seule dans cet onglet." : error);
        session().flush();
        v.renaming.clear();
        show_notice("Projet renommé : « " + title + " ».");
    }
    ImGui::SameLine();
    if (button(k + ".rename.cancel", "Abandonner")) v.renaming.clear();
}

void duplicate_row(const PortfolioEntry& e) {
    Project p;
    std::string error;
    const bool open = e.id == session().project_id();
    if (open) p = session().project();
    next_action();
    if ((open || load_saved(browser_store(), e.id, p, error)) &&
        duplicate_project(browser_store(), p, session().new_id(), session().now_iso(), error))
        show_notice("Copie créée : « " + trim(p.title) + " (copie) ».");
    else
        show_error("Projet non dupliqué", error);
}

void project_row(const PortfolioEntry& e) {
    ProjectsView& v = view();
    const bool open = e.id == session().project_id();
    const std::string k = "projects." + e.id;
    ImGui::PushID(e.id.c_str());
    ImGui::PushFont(font_bold());
    const std::string title = (e.title.empty() ? "Projet sans titre" : e.title) + (open ? " (ouvert)" : "");
    wrapped_text(title);
    ImGui::PopFont();
    record_item(k + ".title_text", Role::heading, title);
    help_text(details(e));
    register_item(k + ".details", false);
    if (v.renaming == e.id) {
        rename_row(e, k);
    } else {
        if (!open && e.readable && small_button(k + ".open", "Ouvrir")) {
            std::string error;
            next_action();
            if (session().open_stored(e.id, error)) app().selected_clause.clear();
            else show_error("Projet illisible", error);
            app().show_projects = false;
        }
        if (!open && e.readable) ImGui::SameLine();
        if (e.readable && small_button(k + ".rename", "Renommer")) {
            next_action();
            v.renaming = e.id;
            v.new_title = e.title;
            app().focus_request = k + ".title";
        }
        if (e.readable) ImGui::SameLine();
        if (e.readable && small_button(k + ".duplicate", "Dupliquer")) duplicate_row(e);
        if (!open) {
            if (e.readable) ImGui::SameLine();
            if (small_button(k + ".delete", "Supprimer")) {
                next_action();
                v.removed = remove_stored(browser_store(), e.id);
            }
        }
    }
    ImGui::PopID();
    ImGui::Spacing();
}

void portfolio_file_buttons() {
    ProjectsView& v = view();
    if (button("projects.export", "Exporter le portefeuille")) {
        next_action();
        session().flush();   // the open project's last edits go into the file
        download_file("portefeuille.clausier.json", "application/json", export_portfolio(browser_store(), session().now_iso()));
    }
    ImGui::SameLine();
    if (button("projects.import", "Importer un portefeuille…")) {
        next_action();
        v.import_pending = true;
        platform::pick_file(".json,application/json");
    }
    help_text("Un seul fichier contient tous les projets de ce navigateur. L'import ajoute les projets du fichier sans "
              "jamais remplacer ceux qui sont déjà ici.");
}

}  // namespace

void projects_window() {
    ProjectsView& v = view();
    help_text("Projets enregistrés dans ce navigateur (rien n'est envoyé sur un serveur).");
    portfolio_file_buttons();
    if (!v.report.empty()) {
        boxed_text("Import du portefeuille", v.report.c_str(), palette().primary);
        register_item("projects.report", false);
    }
    if (!v.removed.id.empty()) {
        paragraph("« " + (v.removed.title.empty() ? std::string("Projet sans titre") : v.removed.title) +
                  " » a été supprimé de ce navigateur.");
        ImGui::SameLine();
        if (button("projects.undo", "Annuler", true)) {
            if (restore_removed(browser_store(), v.removed)) show_notice("Projet rétabli : « " + v.removed.title + " ».");
            else show_error("Projet non rétabli", "Le navigateur a refusé l'enregistrement : " + refusal_reason(StoreStatus::full) + ".");
            v.removed = {};
            v.dirty = true;
        }
    }
    section_gap();
    for (const PortfolioEntry& e : rows()) project_row(e);
    section_gap();
    subheading("Versions précédentes du projet en cours");
    Session& s = session();
    for (const StoredVersion& ver : list_versions(browser_store(), s.project_id())) {
        const std::string label = "Version " + std::to_string(ver.version) + " — " + local_time_label(ver.saved_at);
        if (small_button("versions.restore." + std::to_string(ver.version), label.c_str())) {
            std::string error;
            if (s.restore_version(ver.version, error)) show_notice("Version " + std::to_string(ver.version) + " restaurée.");
            else if (!error.empty()) show_error("Version illisible", error);
            app().show_projects = false;
        }
    }
}

void projects_closed() {
    ProjectsView& v = view();
    v.removed = {};
    v.renaming.clear();
    v.report.clear();
    v.dirty = true;
}

bool projects_take_file(const std::string& name, const std::string& content) {
    ProjectsView& v = view();
    if (!v.import_pending && !is_portfolio_file(content)) return false;
    v.import_pending = false;
    Session& s = session();
    const PortfolioImport r = import_portfolio(browser_store(), content, [&] { return s.new_id(); }, s.now_iso());
    next_action();
    v.report = "« " + sanitize_utf8(name.substr(0, 120)) + " » : " + import_report(r);
    app().show_projects = true;
    return true;
}

json projects_state() {
    json out = json::array();
    for (const StoredProject& sp : list_saved(browser_store()))
        out.push_back({{"id", sp.id}, {"title", sp.title}, {"open", sp.id == session().project_id()}});
    return {{"projects", out}, {"report", view().report}, {"undo", !view().removed.id.empty()}, {"renaming", view().renaming}};
}

}  // namespace ui
