// Step 1 — Besoin: what is bought, for how long, for how much, by whom (L.2111-1).
#include "library/cpv.h"
#include "project/scenarios.h"
#include <algorithm>
#include "widgets.h"

namespace ui {

namespace {

void cpv_picker(Need& n) {
    App& a = app();
    const Library& lib = bundled_library();
    subheading("Codes CPV");
    for (size_t i = 0; i < n.cpv.size(); ++i) {
        const CpvCode* c = find_cpv(n.cpv[i]);
        ImGui::PushID(int(i));
        ImGui::BulletText("%s  %s", n.cpv[i].c_str(), c ? c->label.c_str() : "(code inconnu)");
        ImGui::SameLine();
        if (small_button("besoin.cpv.remove." + std::to_string(i), "Retirer")) {
            n.cpv.erase(n.cpv.begin() + long(i));
            mark_changed();
            ImGui::PopID();
            break;
        }
        ImGui::PopID();
    }
    text_field("besoin.cpv_search", "Rechercher un code CPV (mots ou début de code)", a.cpv_query, "ex. nettoyage, 9091, ordinateurs");
    if (a.cpv_query.size() < 2) return;
    auto results = search_cpv(a.cpv_query, 12, cpv_context(lib, n.family, n.nature));
    if (results.empty()) help_text("Aucun code ne correspond à cette recherche.");
    int i = 0;
    for (const CpvCode* c : results) {
        ImGui::PushID(i);
        std::string label = std::string(c->code) + "  " + c->label;
        if (small_button("besoin.cpv.result." + std::to_string(i), "Ajouter")) {
            std::string code(c->digits());
            if (std::find(n.cpv.begin(), n.cpv.end(), code) == n.cpv.end()) n.cpv.push_back(code);
            if (n.family.empty())
                if (const Family* f = family_for_cpv(lib, code)) n.family = f->id;
            mark_changed();
        }
        ImGui::SameLine();
        ImGui::TextWrapped("%s", label.c_str());
        ImGui::PopID();
        ++i;
    }
}

void value_fields(Project& p) {
    subheading("Valeur estimée");
    if (p.lots.size() <= 1) {
        if (p.lots.empty()) p.lots.push_back({"Lot unique", 0, "", ""});
        number_field("besoin.value", "Montant estimé HT pour la durée initiale (€)", p.lots[0].value, 1000, "%.0f", 0, 1e12);
    } else {
        help_text("Le montant est saisi lot par lot à l'étape « Lots et procédure ».");
    }
    const double total = total_estimated_value(p);
    help_text("Valeur totale retenue pour la procédure, reconductions et membres compris : " + french_euros(total) + " HT.");
}

void pooling_fields(Need& n) {
    choice_field("besoin.pooling", "Achat mutualisé", n.pooling,
                 {{"", "Non : achat propre"}, {"groupement", "Groupement de commandes"}, {"centrale", "Centrale d'achat"}});
    if (n.pooling.empty()) return;
    help_text("La valeur estimée couvre les besoins de tous les membres : indiquez la part de chacun pour la durée initiale.");
    list_editor("besoin.members", n.members, "Retirer ce membre", "Ajouter un membre", Member{},
                [](Member& m, const std::string& k, size_t) {
                    text_field(k + ".name", "Membre", m.name);
                    number_field(k + ".value", "Besoin du membre HT (€)", m.value, 1000, "%.0f", 0, 1e12);
                });
}

}  // namespace

void step_besoin() {
    Project& p = app().project;
    Need& n = p.need;
    heading("1. Définir le besoin");
    why_box("Le code de la commande publique impose de définir le besoin avec précision avant de consulter, en tenant "
            "compte des objectifs de développement durable (L.2111-1). La valeur estimée, calculée sur toute la durée et "
            "tous les lots, décide de la procédure.");
    if (app().mode == Mode::formation)
        if (const Scenario* sc = find_scenario(app().scenario))
            boxed_text(("Scénario : " + sc->title).c_str(), sc->brief.c_str(), palette().success);
    text_field("besoin.title", "Nom du projet", p.title, "ex. Nettoyage des bâtiments communaux 2027");
    text_field("besoin.object", "Objet du marché", n.object, "ce que vous achetez, en une phrase");
    text_field("besoin.description", "Description du besoin", n.description, "", true, 3);
    choice_field("besoin.nature", "Nature du marché", n.nature,
                 {{"fournitures", "Fournitures"}, {"services", "Services"}, {"travaux", "Travaux"}});
    std::vector<std::pair<std::string, std::string>> families = {{"", "— à choisir —"}};
    for (const Family& f : bundled_library().families)
        if (f.id != "transversal") families.push_back({f.id, f.label});
    choice_field("besoin.family", "Famille d'achat", n.family, families);
    cpv_picker(n);
    section_gap();
    subheading("Acheteur");
    text_field("besoin.buyer_name", "Nom de l'acheteur", p.buyer.name, "ex. Commune de …");
    choice_field("besoin.buyer_type", "Type d'acheteur", p.buyer.type,
                 {{"collectivite", "Collectivité territoriale ou autre pouvoir adjudicateur"},
                  {"etat", "État et ses établissements publics administratifs"},
                  {"entite-adjudicatrice", "Entité adjudicatrice (réseaux)"}});
    section_gap();
    subheading("Durée et calendrier");
    int_field("besoin.duration_months", "Durée initiale (mois)", n.duration_months, 1, 600);
    int_field("besoin.renewals", "Nombre de reconductions", n.renewals, 0, 50);
    if (n.renewals > 0) int_field("besoin.renewal_months", "Durée de chaque reconduction (mois)", n.renewal_months, 1, 600);
    date_field("besoin.launch_date", "Date prévue de lancement de la consultation", n.launch_date);
    check_field("besoin.social_services", "Services sociaux ou autres services spécifiques", n.social_services);
    section_gap();
    value_fields(p);
    section_gap();
    pooling_fields(n);
    section_gap();
    subheading("Sobriété et approche fonctionnelle");
    text_field("besoin.expected_result", "Résultat attendu (la fonction plutôt que le produit)", n.expected_result,
               "ex. des locaux propres chaque matin, plutôt que 3 passages de balayeuse");
    check_field("besoin.need_questioned", "Le besoin a été questionné (peut-on réduire, mutualiser, réemployer ?)", n.need_questioned);
    text_field("besoin.sobriety_note", "Ce qui a été questionné", n.sobriety_note, "", true, 2);
    text_field("besoin.quantities", "Quantités estimées", n.quantities, "", true, 2);
}

}  // namespace ui
