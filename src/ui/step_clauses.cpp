// Step 5 — Clauses: recommended clauses first with their reasons, search and filters, the clause detail with
// its variables edited in place and the text updating, and the insertion-hours calculator.
#include "law/insertion.h"
#include "platform.h"
#include "widgets.h"
#include <imgui_internal.h>
#include <algorithm>
#include <utility>

namespace ui {

namespace {

const ChosenClause* chosen(const std::string& id) {
    for (const ChosenClause& c : session().project().clauses) if (c.id == id) return &c;
    return nullptr;
}

// Each variable of a chosen clause, edited in place through Session::set_clause_value.
void variable_editor(const Clause& c, const ChosenClause& ch) {
    for (const Variable& v : c.variables) {
        const std::string id = "clauses." + c.id + "." + v.name;
        auto it = ch.values.find(v.name);
        json current = it != ch.values.end() ? it->second : v.default_value;
        std::string err;
        if (!check_value(v, current, err)) current = v.default_value;
        if (v.type == "choice") {
            std::string s = current.get<std::string>();
            std::vector<std::pair<std::string, std::string>> opts;
            for (const auto& o : v.options) opts.push_back({o, o});
            if (input_choice(id, v.label.c_str(), s, opts)) session().set_clause_value(c.id, v.name, s);
        } else if (v.type == "text" || v.type == "date") {
            std::string s = current.get<std::string>();
            if (v.type == "date" ? input_date(id, v.label.c_str(), s) : input_text(id, v.label.c_str(), s))
                session().set_clause_value(c.id, v.name, s, Merge::typing);
        } else {
            double d = current.get<double>();
            const NumberKind kind = v.type == "euros"     ? NumberKind::euros
                                    : v.type == "percent" ? NumberKind::percent
                                    : v.type == "integer" ? NumberKind::count
                                                          : NumberKind::quantity;
            if (input_number(id, v.label.c_str(), d, kind, v.min, v.max))
                session().set_clause_value(c.id, v.name, d, Merge::typing);
            help_text("Entre " + french_number(v.min) + " et " + french_number(v.max) + ".");
        }
    }
}

// The insertion-hours calculator (core: insertion.h), shown with insertion clauses: the assumptions are
// editable and the result can be carried into the clause's hours variable.
void insertion_calculator(const Clause& c, const ChosenClause* ch) {
    subheading("Calculateur d'heures d'insertion");
    number_field("clauses.insertion.labour_share", "Part de main-d'œuvre dans le montant (%)", FIELD(p.insertion.labour_share), NumberKind::percent, 0, 100);
    number_field("clauses.insertion.hourly_cost", "Coût horaire moyen chargé (€)", FIELD(p.insertion.hourly_cost), NumberKind::euros, 1, 1000);
    number_field("clauses.insertion.rate", "Part des heures réservée à l'insertion (%)", FIELD(p.insertion.rate), NumberKind::percent, 0, 100);
    text_field("clauses.insertion.facilitator", "Facilitateur de la clause d'insertion (nom, contact)", FIELD(p.insertion.facilitator));
    const InsertionEstimate e = estimate_project_insertion(session().project());
    if (!e.valid) { help_text(e.error); return; }
    help_text(e.explanation);
    const Variable* hours = nullptr;
    for (const Variable& v : c.variables) if (v.type == "hours") { hours = &v; break; }
    if (ch && hours && button("clauses.insertion.apply", ("Reporter " + group_digits(e.rounded_hours) + " heures dans la clause").c_str()))
        session().set_clause_value(c.id, hours->name, std::clamp(double(e.rounded_hours), hours->min, hours->max));
}

// Set when a clause is chosen in the list: its detail's title is scrolled into view at the next frame if it is
// out of view (the list and the detail share the step's one scroll area).
bool& detail_into_view() {
    static bool pending = false;
    return pending;
}

void clause_detail(const Clause& c) {
    ImGui::PushFont(font_bold());
    wrapped_text(c.id + " — " + c.title);
    ImGui::PopFont();
    if (std::exchange(detail_into_view(), false) &&
        !ImGui::GetCurrentWindow()->ClipRect.Contains(ImRect(ImGui::GetItemRectMin(), ImGui::GetItemRectMax()))) {
        ImGui::SetScrollHereY(0.0f);
        platform::redraw_after(0);
    }
    sem_heading(c.id + " — " + c.title, 2);
    help_text(std::string(kind_label(c.kind)) + " · " + pillar_label(c.pillar) + " · niveau " + level_label(c.level));
    const ChosenClause* ch = chosen(c.id);
    if (!ch) {
        if (button("clauses.add." + c.id, "Ajouter au projet", true)) session().add_clause(c.id);
    } else {
        if (button("clauses.remove." + c.id, "Retirer du projet")) {
            session().remove_clause(c.id);
            return;
        }
    }
    ImGui::SameLine();
    const std::string rendered = render_clause(c, ch ? ch->values : std::map<std::string, json>{},
                                               ccag_short(applied_ccag(session().project())));
    if (button("clauses.copy." + c.id, "Copier le texte")) {
        platform::clipboard_write(rendered);
        ImGui::SetClipboardText(rendered.c_str());
        show_notice("Texte de la clause copié.");
    }
    section_gap();
    boxed_text("Texte de la clause", rendered.c_str(), palette().primary);
    register_item("clauses.text", false);
    if (ch && session().project().lots.size() >= 2) {   // a clause for every lot or for one (Session::set_clause_lot)
        std::vector<std::pair<std::string, std::string>> lots = {{"0", "Tous les lots"}};
        for (size_t k = 0; k < session().project().lots.size(); ++k)
            lots.push_back({std::to_string(k + 1), upper_first(lot_label(session().project(), int(k) + 1))});
        std::string lot = std::to_string(ch->lot);
        if (input_choice("clauses." + c.id + ".lot", "S'applique à", lot, lots)) session().set_clause_lot(c.id, std::stoi(lot));
        help_text("Les documents citent la clause pour ce lot seulement, et le CCTP de ce lot seul la reprend.");
    }
    if (ch && !c.variables.empty()) {
        subheading("Paramètres");
        variable_editor(c, *ch);
    }
    if (serves_insertion(c)) insertion_calculator(c, ch);
    if (!c.offer_proof.empty()) { subheading("À remettre avec l'offre"); paragraph(c.offer_proof); }
    if (!c.execution_proof.empty()) { subheading("À fournir pendant l'exécution"); paragraph(c.execution_proof); }
    if (c.kind == ClauseKind::condition_execution) {
        subheading("Suivi");
        paragraph("Indicateur : " + c.indicator);
        paragraph("Contrôle : " + c.checkpoint);
        paragraph("Sanction ou remédiation : " + c.penalty);
    }
    if (c.kind == ClauseKind::critere) {
        subheading("Notation");
        paragraph("Le candidat fournit : " + c.criterion.provides);
        paragraph("Méthode : " + c.criterion.scoring);
        paragraph("Pondération conseillée : " + french_percent(c.criterion.weight_min) + " à " + french_percent(c.criterion.weight_max));
    }
    subheading("Pour les entreprises");
    paragraph(c.explanation);
    subheading("Points de vigilance");
    paragraph(c.cautions);
    std::string arts;
    for (const auto& a : c.articles) {
        const Article* art = session().library().article(a);
        arts += (arts.empty() ? "" : "\n") + session().library().citation(a) + (art ? " — " + art->title : "");
    }
    subheading("Base juridique");
    help_text(arts);
}

bool passes_filters(const App& a, const Clause& c) {
    return (a.clause_filter_pillar.empty() || to_name(c.pillar) == a.clause_filter_pillar) &&
           (a.clause_filter_kind.empty() || to_name(c.kind) == a.clause_filter_kind);
}

// The clauses found for `query` (at most 200), searched again only when the query or the library changes, not at
// every frame the list is drawn (scrolling it: issue 17, frame time).
const std::vector<const Clause*>& search_results(const std::string& query) {
    static std::vector<const Clause*> found;
    static std::string searched;
    static const Clause* first = nullptr;
    static size_t size = 0;
    const Library& lib = session().library();
    const Clause* lib_first = lib.clauses.empty() ? nullptr : &lib.clauses.front();
    if (query != searched || lib_first != first || lib.clauses.size() != size) {
        found = search_clauses(lib, query, 200);
        searched = query, first = lib_first, size = lib.clauses.size();
    }
    return found;
}

void clause_list() {
    App& a = app();
    input_text("clauses.search", "Rechercher une clause", a.clause_query, "mots, identifiant…");
    input_choice("clauses.filter_pillar", "Pilier", a.clause_filter_pillar,
                 {{"", "Tous"}, {"environnemental", "Environnemental"}, {"social", "Social"}, {"economique", "Économique et PME"}});
    input_choice("clauses.filter_kind", "Type", a.clause_filter_kind,
                 {{"", "Tous"}, {"specification", "Spécifications"}, {"condition-execution", "Conditions d'exécution"},
                  {"critere", "Critères"}, {"reservation", "Réservations"}, {"selection", "Sélection"}, {"sourcing", "Sourcing"},
                  {"clause-financiere", "Clauses financières"}, {"organisation", "Organisation"}});
    sem_begin("clauses.list", Role::listbox, "Clauses");
    int row = 0;
    auto entry = [&](const Clause& c, const std::string& reason, bool overlap) {
        if (!passes_filters(a, c)) return;
        const bool is_chosen = chosen(c.id) != nullptr;
        const std::string label = std::string(is_chosen ? "✓ " : "") + c.title;
        if (wrapped_selectable("clauses.item." + c.id, label, a.selected_clause == c.id)) {
            a.selected_clause = c.id;
            detail_into_view() = true;
        }
        if (!reason.empty()) help_text((overlap ? "⚠ " : "") + reason);
        ++row;
    };
    if (a.clause_query.empty()) {
        for (const Recommendation& r : session().derived().recommendations) {
            if (row >= 60) break;
            entry(*r.clause, r.reasons.empty() ? "" : r.reasons[0], !r.overlaps.empty());
        }
        // No recommended clause of the kind filtered on (a missing social condition of a file whose goals are
        // environmental only): every clause of that kind in the library.
        if (row == 0 && (!a.clause_filter_pillar.empty() || !a.clause_filter_kind.empty()))
            for (const Clause& c : session().library().clauses)
                if (row < 60) entry(c, "", false);
    } else {
        for (const Clause* c : search_results(a.clause_query)) entry(*c, "", false);
        if (row == 0) help_text("Aucune clause ne correspond à cette recherche.");
    }
    sem_end();
}

void specifications_editor() {
    subheading("Exigences rédigées par l'acheteur (CCTP)");
    help_text("Formulez des exigences de résultat ou de performance, vérifiables. Un label n'est qu'un moyen de preuve, "
              "toujours suivi de « ou équivalent » ; pas de marque ni d'origine géographique.");
    list_editor("clauses.specifications", FIELD(p.specifications), "Supprimer cette exigence", "Ajouter une exigence",
                Specification{}, [](size_t i, const std::string& k) {
                    text_field(k + ".title", "Intitulé de l'exigence", FIELD(p.specifications[i].title));
                    text_field(k + ".text", "Texte", FIELD(p.specifications[i].text), "", true, 3);
                });
}

// Above the EU thresholds a social execution condition is compulsory unless one of the legal exceptions
// applies and the buyer writes down why (L.2112-2-1).
void social_exception_editor() {
    if (session().derived().procedure.procedure != Procedure::formalisee) return;
    subheading("Condition sociale au-dessus des seuils européens (L.2112-2-1)");
    help_text("Sans condition d'exécution sociale, indiquez l'exception qui s'applique et motivez-la par écrit.");
    std::vector<std::pair<std::string, std::string>> options = {{"", "Aucune exception : une condition sociale est prévue"}};
    for (const SocialException& e : session().law().social_exceptions) options.push_back({e.id, e.label});
    choice_field("clauses.social_exception", "Exception invoquée", FIELD(p.social_exception), options);
    if (!session().project().social_exception.empty())
        text_field("clauses.social_justification", "Motivation écrite", FIELD(p.social_justification), "", true, 3);
}

}  // namespace

void step_clauses() {
    App& a = app();
    const Project& p = session().project();
    heading("5. Clauses");
    why_box("Les clauses traduisent les objectifs en obligations vérifiables : spécifications (CCTP), conditions "
            "d'exécution (CCAP), critères d'attribution (RC). Les recommandations tiennent compte de la famille, du CPV, "
            "de la nature, des objectifs et des obligations en vigueur.");
    help_text(counted(p.clauses.size(), "clause retenue", "clauses retenues") + ". Les clauses recommandées apparaissent en premier, avec la raison.");
    // The list beside the detail when the column is wide enough, above it otherwise (zoomed in, small screen).
    // Both lie in the step's own scroll area: no scroll area of their own (issue 11: one scroll area).
    const bool beside = ImGui::GetContentRegionAvail().x >= ImGui::GetFontSize() * 40;
    const bool table = beside && ImGui::BeginTable("##clauses", 2, ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_PadOuterX);
    if (table) {
        ImGui::TableSetupColumn("liste", ImGuiTableColumnFlags_WidthStretch, 0.42f);
        ImGui::TableSetupColumn("detail", ImGuiTableColumnFlags_WidthStretch, 0.58f);
        ImGui::TableNextColumn();
    }
    clause_list();
    if (table) ImGui::TableNextColumn();
    else section_gap();
    if (const Clause* c = session().library().find(a.selected_clause)) clause_detail(*c);
    else help_text("Choisissez une clause dans la liste pour lire son texte, son explication et ses paramètres.");
    if (table) ImGui::EndTable();
    section_gap();
    specifications_editor();
    section_gap();
    social_exception_editor();
}

}  // namespace ui
