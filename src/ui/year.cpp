// « Mon année »: the buyer's portfolio (every project of this browser with its status, the indicators a SPASER
// is measured on, the launches by quarter, the findings across projects, the purchase plan and the SPASER
// report to download) and, for the open project, the award and execution record with its DECP export and
// « Bilan d'exécution ». Everything is computed by the core (portfolio/, project/award.h); this file draws.
#include "widgets.h"
#include "platform.h"
#include "opendata.h"
#include "portfolio/spaser.h"
#include "portfolio/stored.h"
#include "base/number.h"
#include <cmath>
#include <map>
#include <tuple>

namespace ui {

namespace {

// The portfolio, brought up to date when the open project changes or the window opens: only the stored projects
// saved since are parsed again (refresh_projects).
struct YearCache {
    uint64_t generation = ~0ull;
    StoredProjects stored;
    PortfolioSummary summary;
};

YearCache& cache() {
    static YearCache c;
    return c;
}

void refresh(bool force) {
    YearCache& c = cache();
    const Session& s = session();
    if (!force && c.generation == s.generation()) return;
    c.generation = s.generation();
    refresh_projects(browser_store(), s.project_id(), &s.project(), c.stored);
    c.summary = summarize_portfolio(c.stored.projects);
}

std::string percent_label(double share) { return french_percent(std::round(share * 1000) / 10); }

// Launches by quarter, drawn as bars with ImGui's draw list; the figures are written under the bars.
void quarter_chart(const PortfolioSummary& s) {
    if (s.launches_by_quarter.empty()) return help_text("Aucun projet n'a de date de lancement prévue.");
    int most = 1;
    for (const auto& [q, n] : s.launches_by_quarter) most = std::max(most, n);
    const float em = ImGui::GetFontSize(), bar_w = em * 4, height = em * 6;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    float x = origin.x;
    for (const auto& [q, n] : s.launches_by_quarter) {
        const float h = height * float(n) / float(most);
        draw->AddRectFilled(ImVec2(x, origin.y + height - h), ImVec2(x + bar_w, origin.y + height), ImGui::GetColorU32(palette().primary));
        const std::string label = quarter_label(q.first, q.second) + " : " + std::to_string(n);
        draw->AddText(ImVec2(x, origin.y + height + em * 0.3f), ImGui::GetColorU32(ImGuiCol_Text), label.c_str());
        x += bar_w + em * 3.5f;
    }
    ImGui::Dummy(ImVec2(x - origin.x, height + em * 1.6f));
    register_item("year.chart", false);
}

void download_document(const std::string& name, Format f, const Document& d) {
    download_file(name + "." + format_extension(f), format_mime(f), write_document(d, f));
}

// Whether the SPASER report uses the published data (DECP) imported on the « Données essentielles » screen, and why not.
std::string published_data_note(const Spaser* sp) {
    std::string problem;
    const std::string siret = sp ? spaser_siret(*sp, problem) : "";
    if (!opendata_data())
        return "Données essentielles publiées : aucune n'est importée ; ouvrez les fichiers DECP de l'acheteur sur l'écran "
               "« Données essentielles » pour que le bilan mesure aussi ses marchés publiés.";
    if (siret.empty())
        return "Données essentielles publiées : importées, mais non utilisées tant que le SIRET de l'acheteur n'est pas indiqué "
               "dans l'onglet « SPASER »" + (problem.empty() ? std::string(".") : " (" + problem + ").");
    return "Données essentielles publiées : le bilan mesure aussi les marchés publiés de l'acheteur de SIRET " + siret + ".";
}

void portfolio_tab() {
    refresh(false);
    const YearCache& c = cache();
    const PortfolioSummary& s = c.summary;
    help_text("Tous les projets enregistrés dans ce navigateur, lus ensemble : la programmation de l'année, les "
              "indicateurs du SPASER et ce qui n'apparaît qu'en additionnant les projets.");
    for (const std::string& t : c.stored.unreadable) help_text("Projet illisible, laissé de côté : « " + t + " ».");
    if (ImGui::BeginTable("##year", 5, ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp)) {
        // Fixed shares of the width: sized by their contents, the wrapped title's column shrank to a few letters.
        for (const auto& [h, share] : {std::pair<const char*, float>{"Projet", 30}, {"Lancement", 14}, {"Valeur (HT)", 15},
                                       {"Procédure", 25}, {"Statut", 16}})
            ImGui::TableSetupColumn(h, ImGuiTableColumnFlags_WidthStretch, share);
        ImGui::TableHeadersRow();
        for (const PortfolioItem& it : s.items) {
            const Project& p = it.source->project;
            const bool open = it.source->file == session().project_id();
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            wrapped_text(p.title + (open ? " (ouvert)" : ""));
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(it.launch.valid() ? short_french_date(it.launch).c_str() : "—");
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(french_euros(it.value).c_str());
            ImGui::TableNextColumn();
            wrapped_text(enum_label(it.procedure.procedure));
            ImGui::TableNextColumn();
            wrapped_text(enum_label(it.status));
        }
        ImGui::EndTable();
    }
    register_item("year.projects", false);
    section_gap();
    subheading("Indicateurs");
    const std::string lines[] = {
        "Considération environnementale : " + counted(size_t(s.environmental.contracts), "marché", "marchés") + ", " +
            percent_label(s.environmental.share_contracts) + " des marchés, " + percent_label(s.environmental.share_value) + " de la valeur (objectif national : 100 %)",
        "Considération sociale : " + counted(size_t(s.social.contracts), "marché", "marchés") + ", " + percent_label(s.social.share_contracts) +
            " des marchés, " + percent_label(s.social.share_value) + " de la valeur (objectif national : 30 %)",
        "Lots réservés : " + counted(size_t(s.reserved.contracts), "marché", "marchés") + " ; accès des PME : " + counted(size_t(s.sme_friendly.contracts), "marché", "marchés"),
        "Heures d'insertion : " + french_number(s.insertion_done, 0) + " réalisées sur " + french_number(s.insertion_planned, 0) + " prévues"};
    for (const std::string& l : lines) {   // wrapped: a line with its national target is wider than the dialog
        ImGui::Bullet();
        paragraph(l);
    }
    register_item("year.indicators", false);
    section_gap();
    subheading("Lancements par trimestre");
    quarter_chart(s);
    for (const Finding& f : s.findings) boxed_text("Constat sur l'ensemble des projets", f.message.c_str(), palette().warning);
    section_gap();
    subheading("Documents de l'année");
    const std::string buyer = session().project().buyer.name;
    const int year = today().year + 1;
    if (button("year.plan.docx", "Programmation des achats (DOCX)")) download_document("programmation-achats", Format::docx, assemble_purchase_plan(s, buyer, 0));
    ImGui::SameLine();
    if (button("year.plan.html", "(HTML)")) download_document("programmation-achats", Format::html, assemble_purchase_plan(s, buyer, 0));
    ImGui::SameLine();
    if (button("year.plan.csv", "(CSV)")) download_file("programmation-achats.csv", "text/csv; charset=utf-8", purchase_plan_csv(s));
    const Spaser* sp = session().spaser();
    for (const auto& [id, label, f] : {std::tuple<const char*, const char*, Format>{"year.spaser.docx", "Bilan annuel du SPASER (DOCX)", Format::docx},
                                       {"year.spaser.odt", "(ODT)", Format::odt}, {"year.spaser.html", "(HTML)", Format::html}}) {
        if (f != Format::docx) ImGui::SameLine();
        if (button(id, label))
            download_document("bilan-spaser", f, assemble_spaser_report(sp ? *sp : starter_spaser(buyer, year), s, 0,
                                                                        opendata_data()));
    }
    help_text("Le bilan mesure les objectifs du SPASER de l'onglet « SPASER » ; sans SPASER enregistré, ceux du plan "
              "national (100 % environnemental, 30 % social).");
    help_text(published_data_note(sp));
}

// ---- the SPASER builder: axes → targets → actions, adopted and published: the Session's SPASER, kept in this
// browser; each change is an operation of the session (one undo step, keystrokes in one field joined) ------------

// The widgets draw a copy of the SPASER; the first one changed this frame names the edit sent to the session.
struct SpaserEdit {
    std::string field;
    Merge merge = Merge::no;
    bool mark(const std::string& id, bool changed, Merge m = Merge::typing) {
        if (changed && field.empty()) {
            field = id;
            merge = m;
        }
        return changed;
    }
};

template <class E>
bool enum_input(const std::string& id, const char* label, E& value) {
    std::string name = enum_name(value);
    return input_choice(id, label, name, enum_options<E>()) && parse_enum(name, value);
}

// Removes item `i` of `items` when its button is pressed; true then.
template <class T>
bool remove_button(SpaserEdit& e, const std::string& id, const char* label, std::vector<T>& items, size_t i) {
    if (!e.mark(id, small_button(id, label), Merge::no)) return false;
    items.erase(items.begin() + long(i));
    return true;
}

void target_fields(SpaserEdit& e, const std::string& k, SpaserTarget& t) {
    e.mark(k + ".indicator", enum_input(k + ".indicator", "Indicateur", t.indicator), Merge::no);
    e.mark(k + ".unit", enum_input(k + ".unit", "Unité", t.unit), Merge::no);
    e.mark(k + ".target", input_number(k + ".target", t.unit == TargetUnit::hours ? "Cible (heures)" : "Cible (%)", t.target,
                                       t.unit == TargetUnit::hours ? NumberKind::quantity : NumberKind::percent, 0,
                                       t.unit == TargetUnit::hours ? 1e9 : 100));
    e.mark(k + ".deadline", input_date(k + ".deadline", "Échéance", t.deadline));
}

// False when an item was removed (the rest of the axis is drawn at the next frame).
bool axis_fields(SpaserEdit& e, const std::string& k, SpaserAxis& a) {
    e.mark(k + ".title", input_text(k + ".title", "Intitulé de l'axe", a.title));
    for (size_t j = 0; j < a.targets.size(); ++j) {
        const std::string t = k + ".targets[" + std::to_string(j + 1) + "]";
        ImGui::PushID(int(j));
        ImGui::Indent();
        target_fields(e, t, a.targets[j]);
        const bool removed = remove_button(e, t + ".remove", "Retirer cet objectif", a.targets, j);
        ImGui::Unindent();
        ImGui::PopID();
        if (removed) return false;
    }
    if (e.mark(k + ".targets.add", small_button(k + ".targets.add", "Ajouter un objectif chiffré"), Merge::no))
        a.targets.push_back({SpaserIndicator::environmental, TargetUnit::contracts, 50, std::to_string(today().year + 1) + "-12-31"});
    for (size_t j = 0; j < a.actions.size(); ++j) {
        const std::string x = k + ".actions[" + std::to_string(j + 1) + "]";
        ImGui::PushID(int(100 + j));
        ImGui::Indent();
        e.mark(x + ".action", input_text(x + ".action", "Action", a.actions[j].action));
        e.mark(x + ".responsible", input_text(x + ".responsible", "Responsable", a.actions[j].responsible));
        const bool removed = remove_button(e, x + ".remove", "Retirer cette action", a.actions, j);
        ImGui::Unindent();
        ImGui::PopID();
        if (removed) return false;
    }
    if (e.mark(k + ".actions.add", small_button(k + ".actions.add", "Ajouter une action"), Merge::no)) a.actions.push_back({});
    return true;
}

// How the open project stands against each target (project_spaser_standing), computed once per change of the
// project or of the SPASER, not at every frame. The same standing gives the project's findings
// « spaser-cible-servie » and « spaser-cible-manquee » in the right panel.
void open_project_standing(const Spaser& sp) {
    static std::vector<TargetStanding> standing;
    static uint64_t generation = ~0ull;
    if (generation != session().generation()) {   // an edit of the SPASER is a new generation too
        standing = project_spaser_standing(sp, session().project(), session().library());
        generation = session().generation();
    }
    subheading("Le projet ouvert et les objectifs du SPASER");
    for (const TargetStanding& st : standing) {
        ImGui::Bullet();
        paragraph("Objectif " + st.number + " — " + st.target + (st.served ? " : servi par ce projet" : " : non servi, " + st.missing));
    }
    register_item("spaser.standing", false);
}

void spaser_tab() {
    help_text("Le SPASER fixe des objectifs chiffrés, avec une échéance, que le bilan annuel mesure sur les projets "
              "enregistrés (L.2111-3). Il est conservé dans ce navigateur, à chaque modification ; Ctrl+Z annule la "
              "dernière. Les points de vigilance du projet ouvert disent quels objectifs il sert ou fait baisser.");
    if (!session().spaser_error().empty())
        help_text("Le SPASER enregistré n'a pas pu être lu (" + session().spaser_error() + ") : il reste enregistré tant "
                  "que vous n'en démarrez pas un nouveau.");
    if (!session().spaser()) {
        if (button("spaser.start", "Démarrer un SPASER", true)) session().start_spaser();
        return;
    }
    Spaser s = *session().spaser();
    SpaserEdit e;
    e.mark("spaser.buyer", input_text("spaser.buyer", "Acheteur", s.buyer));
    e.mark("spaser.siret", input_text("spaser.siret", "SIRET de l'acheteur (pour ses données essentielles publiées)", s.siret, "213 105 554 00017"));
    if (std::string problem; !trim(s.siret).empty() && spaser_siret(s, problem).empty()) {
        error_text("spaser.siret.error", upper_first(problem + " : le bilan n'utilisera pas les données essentielles publiées."));
    }
    e.mark("spaser.adopted", input_date("spaser.adopted", "Adopté le (date de la délibération)", s.adopted));
    e.mark("spaser.published", input_text("spaser.published", "Publié à l'adresse", s.published, "https://…"));
    for (size_t i = 0; i < s.axes.size(); ++i) {
        const std::string k = "spaser.axes[" + std::to_string(i + 1) + "]";
        ImGui::PushID(int(i));
        section_gap();
        subheading(("Axe " + std::to_string(i + 1)).c_str());
        const bool whole = axis_fields(e, k, s.axes[i]) && !remove_button(e, k + ".remove", "Retirer cet axe", s.axes, i);
        ImGui::PopID();
        if (!whole) break;
    }
    if (e.mark("spaser.axes.add", button("spaser.axes.add", "Ajouter un axe"), Merge::no)) s.axes.push_back({});
    if (!e.field.empty()) session().edit_spaser(e.field, [&](Spaser& x) { x = std::move(s); }, e.merge);
    const Spaser& sp = *session().spaser();
    section_gap();
    open_project_standing(sp);
    section_gap();
    if (button("spaser.docx", "SPASER à adopter (DOCX)")) download_document("spaser", Format::docx, assemble_spaser(sp));
    ImGui::SameLine();
    if (button("spaser.odt", "(ODT)")) download_document("spaser", Format::odt, assemble_spaser(sp));
    ImGui::SameLine();
    if (button("spaser.html", "(HTML)")) download_document("spaser", Format::html, assemble_spaser(sp));
}

void award_fields(size_t i) {
    const Project& p = session().project();
    const LotAward& a = p.award.lots[i];
    const std::string k = "attribution.lots[" + std::to_string(i + 1) + "]";
    subheading((p.lots.size() > 1 ? "Lot " + std::to_string(a.lot) + " : " + p.lots[size_t(a.lot) - 1].title : std::string("Marché")).c_str());
    date_field(k + ".notification_date", "Date de notification", FIELD(p.award.lots[i].notification_date));
    text_field(k + ".contract_id", "Numéro du marché (16 caractères au plus)", FIELD(p.award.lots[i].contract_id));
    number_field(k + ".amount", "Montant notifié (€ HT)", FIELD(p.award.lots[i].amount), NumberKind::euros, 0, kMaxAmount);
    int_field(k + ".offers", "Offres reçues", FIELD(p.award.lots[i].offers), 0, 100000);
    for (size_t h = 0; h < a.holders.size(); ++h) {
        const std::string hk = k + ".holders[" + std::to_string(h + 1) + "]";
        ImGui::PushID(int(h));
        text_field(hk + ".name", "Titulaire", FIELD(p.award.lots[i].holders[h].name));
        text_field(hk + ".siret", "SIRET du titulaire", FIELD(p.award.lots[i].holders[h].siret));
        if (const std::string why = siret_problem(a.holders[h].siret); !a.holders[h].siret.empty() && !why.empty())
            help_text("SIRET : " + why + ".");
        ImGui::PopID();
    }
    if (small_button(k + ".holders.add", "Ajouter un cotraitant")) session().add_holder(i);
    if (a.holders.size() > 1) enum_field(k + ".group", "Groupement", FIELD(p.award.lots[i].group));
    check_field(k + ".subcontracting", "Sous-traitance déclarée", FIELD(p.award.lots[i].subcontracting));
    check_field(k + ".advance", "Avance accordée", FIELD(p.award.lots[i].advance));
    if (a.advance) number_field(k + ".advance_rate", "Taux de l'avance (%)", FIELD(p.award.lots[i].advance_rate), NumberKind::percent, 0, 100);
}

void execution_fields() {
    const Project& p = session().project();
    const std::vector<Commitment> plan = monitoring_rows(p, session().library());
    subheading("Engagements du plan de suivi");
    if (plan.empty()) help_text("Le plan de suivi ne comporte aucun engagement (" + step_reference(Step::suivi) + ").");
    for (size_t i = 0; i < plan.size(); ++i) {
        CommitmentStatus status = CommitmentStatus::a_suivre;
        for (const CommitmentRecord& r : p.execution.commitments)
            if (r.commitment == int(i + 1)) status = r.status;
        std::string name = enum_name(status);
        ImGui::PushID(int(i));
        const std::string id = "execution.commitments[" + std::to_string(i + 1) + "].status";
        if (input_choice(id, plan[i].commitment.c_str(), name, enum_options<CommitmentStatus>()) && parse_enum(name, status))
            session().set_commitment_status(int(i + 1), status);
        ImGui::PopID();
    }
    section_gap();
    subheading("Heures d'insertion réalisées");
    list_editor("execution.insertion", FIELD(p.execution.insertion), "Supprimer", "Ajouter un relevé", InsertionDone{},
                [](size_t i, const std::string& k) {
                    enum_field(k + ".public", "Public", FIELD(p.execution.insertion[i].who));
                    number_field(k + ".hours", "Heures", FIELD(p.execution.insertion[i].hours), NumberKind::quantity, 0, 1e9);
                    date_field(k + ".date", "Relevé du facilitateur", FIELD(p.execution.insertion[i].date));
                });
    section_gap();
    subheading("Parts EGalim atteintes (restauration)");
    text_field("execution.egalim_period", "Période mesurée (par exemple 2027)", FIELD(p.execution.egalim_period));
    number_field("execution.egalim_quality_share", "Produits durables et de qualité (%)", FIELD(p.execution.egalim_quality_share), NumberKind::percent, 0, 100);
    number_field("execution.egalim_organic_share", "dont produits biologiques (%)", FIELD(p.execution.egalim_organic_share), NumberKind::percent, 0, 100);
    date_field("execution.closed_date", "Marché clos le", FIELD(p.execution.closed_date));
}

void award_tab() {
    const Project& p = session().project();
    help_text("Après la consultation : l'attribution de chaque lot, puis ce que le marché a réellement produit. "
              "Ces données alimentent les données essentielles (DECP), le bilan d'exécution et le bilan du SPASER.");
    date_field("attribution.published_date", "Avis de publicité envoyé le", FIELD(p.award.published_date));
    text_field("attribution.place_code", "Lieu d'exécution (code postal ou code INSEE)", FIELD(p.award.place_code));
    enum_field("attribution.place_type", "Type de code du lieu", FIELD(p.award.place_type));
    const size_t lots = std::max<size_t>(p.lots.size(), 1);
    for (size_t lot = 1; lot <= lots; ++lot) {
        size_t index = p.award.lots.size();
        for (size_t i = 0; i < p.award.lots.size(); ++i)
            if (p.award.lots[i].lot == int(lot)) index = i;
        section_gap();
        ImGui::PushID(int(lot));
        if (index < p.award.lots.size()) award_fields(index);
        else if (button("attribution.record." + std::to_string(lot),
                        (lots > 1 ? "Enregistrer l'attribution du lot " + std::to_string(lot) : std::string("Enregistrer l'attribution")).c_str()))
            session().record_award(int(lot));
        ImGui::PopID();
    }
    section_gap();
    execution_fields();
    section_gap();
    subheading("Exports");
    const std::string missing = export_problem(p, Format::decp);
    if (!missing.empty()) help_text(missing);
    ImGui::BeginDisabled(!missing.empty());
    if (button("attribution.decp", "Données essentielles (DECP)")) export_file(Format::decp, DocumentKind::dce);
    ImGui::EndDisabled();
    if (button("attribution.bilan.docx", "Bilan d'exécution (DOCX)")) export_file(Format::docx, DocumentKind::execution);
    ImGui::SameLine();
    if (button("attribution.bilan.odt", "(ODT)")) export_file(Format::odt, DocumentKind::execution);
    ImGui::SameLine();
    if (button("attribution.bilan.html", "(HTML)")) export_file(Format::html, DocumentKind::execution);
}

}  // namespace

void year_window() {
    if (ImGui::BeginTabBar("##yeartabs")) {
        const bool portfolio = ImGui::BeginTabItem("Portefeuille");
        register_item("year.tab.portfolio");
        if (portfolio) {
            portfolio_tab();
            ImGui::EndTabItem();
        }
        const bool spaser = ImGui::BeginTabItem("SPASER", nullptr, app().show_spaser ? ImGuiTabItemFlags_SetSelected : 0);
        app().show_spaser = false;
        register_item("year.tab.spaser");
        if (spaser) {
            spaser_tab();
            ImGui::EndTabItem();
        }
        const bool award = ImGui::BeginTabItem("Attribution et exécution du projet ouvert");
        register_item("year.tab.award");
        if (award) {
            award_tab();
            ImGui::EndTabItem();
        }
        ImGui::EndTabBar();
    }
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape)) && !app().editing_text) app().show_year = false;
}

}  // namespace ui
