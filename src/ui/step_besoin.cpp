// Step 1 — Besoin: what is bought, for how long, for how much, by whom (L.2111-1).
#include "library/cpv.h"
#include "project/scenarios.h"
#include "widgets.h"

namespace ui {

namespace {

void cpv_picker() {
    App& a = app();
    const std::vector<std::string>& codes = session().project().need.cpv;
    subheading("Codes CPV");
    for (size_t i = 0; i < codes.size(); ++i) {
        const CpvCode* c = find_cpv(codes[i]);
        ImGui::PushID(int(i));
        ImGui::BulletText("%s  %s", codes[i].c_str(), c ? c->label.c_str() : "(code inconnu)");
        sem_text(codes[i] + " " + (c ? c->label : "(code inconnu)"));
        ImGui::SameLine();
        const bool remove = small_button("besoin.cpv.remove." + std::to_string(i), "Retirer");
        accessible_name("Retirer le code " + codes[i]);
        ImGui::PopID();
        if (remove) {
            session().remove_cpv(i);
            break;
        }
    }
    input_text("besoin.cpv_search", "Rechercher un code CPV (mots ou début de code)", a.cpv_query, "ex. nettoyage, 9091, ordinateurs");
    if (a.cpv_query.size() < 2) return;
    const Need& n = session().project().need;
    auto results = search_cpv(a.cpv_query, 12, cpv_context(session().library(), n.family, enum_name(n.nature)));
    if (results.empty()) help_text("Aucun code ne correspond à cette recherche.");
    int i = 0;
    for (const CpvCode* c : results) {
        ImGui::PushID(i);
        std::string label = std::string(c->code) + "  " + c->label;
        if (small_button("besoin.cpv.result." + std::to_string(i), "Ajouter")) session().add_cpv(std::string(c->digits()));
        ImGui::SameLine();
        paragraph(label);
        ImGui::PopID();
        ++i;
    }
}

// A project not divided into lots has its value here; the first value typed creates its single lot.
void value_fields() {
    const Project& p = session().project();
    subheading("Valeur estimée");
    if (p.lots.size() <= 1) {
        double value = p.lots.empty() ? 0 : p.lots[0].value;
        if (input_number("besoin.value", "Montant estimé HT pour la durée initiale (€)", value, NumberKind::euros, 0, kMaxAmount))
            session().edit_lot(0, "besoin.value", [&](Lot& l) { l.value = value; }, Merge::typing);
    } else {
        help_text("Le montant est saisi lot par lot à l'étape « Lots et procédure ».");
    }
    help_text("Valeur totale retenue pour la procédure, reconductions et membres compris : " + french_euros(total_estimated_value(p)) +
              " HT.");
}

void pooling_fields() {
    enum_field("besoin.pooling", "Achat mutualisé", FIELD(p.need.pooling));
    if (session().project().need.pooling == Pooling::none) return;
    if (session().project().need.pooling == Pooling::groupement) {
        help_text("Le coordonnateur conduit la procédure pour les autres membres ; la convention constitutive, jointe au "
                  "dossier de consultation, précise sa mission (L.2113-6 à L.2113-8).");
        text_field("besoin.coordinator.name", "Coordonnateur du groupement", FIELD(p.need.coordinator.name), "ex. Commune de …");
        text_field("besoin.coordinator.siret", "SIRET du coordonnateur", FIELD(p.need.coordinator.siret), "14 chiffres");
        enum_field("besoin.coordinator.mission", "Mission du coordonnateur", FIELD(p.need.coordinator.mission));
    }
    help_text("La valeur estimée couvre les besoins de tous les membres : votre besoin est celui des lots, indiquez celui "
              "de chaque autre membre pour la durée initiale.");
    list_editor("besoin.members", FIELD(p.need.members), "Retirer ce membre", "Ajouter un membre", Member{},
                [](size_t i, const std::string& k) {
                    text_field(k + ".name", "Membre", FIELD(p.need.members[i].name));
                    text_field(k + ".need", "Son besoin", FIELD(p.need.members[i].need), "ex. repas de ses deux écoles");
                    number_field(k + ".value", "Besoin du membre HT (€)", FIELD(p.need.members[i].value), NumberKind::euros, 0, kMaxAmount);
                });
}

}  // namespace

void step_besoin() {
    heading("1. Définir le besoin");
    why_box("Le code de la commande publique impose de définir le besoin avec précision avant de consulter, en tenant "
            "compte des objectifs de développement durable (L.2111-1). La valeur estimée, calculée sur toute la durée et "
            "tous les lots, décide de la procédure.");
    if (app().mode == Mode::formation)
        if (const Scenario* sc = find_scenario(session().scenario()))
            boxed_text(("Scénario : " + sc->title).c_str(), sc->brief.c_str(), palette().success);
    text_field("besoin.title", "Nom du projet", FIELD(p.title), "ex. Nettoyage des bâtiments communaux 2027");
    text_field("besoin.object", "Objet du marché", FIELD(p.need.object), "ce que vous achetez, en une phrase");
    text_field("besoin.description", "Description du besoin", FIELD(p.need.description), "", true, 3);
    enum_field("besoin.nature", "Nature du marché", FIELD(p.need.nature));
    std::vector<std::pair<std::string, std::string>> families = {{"", "— à choisir —"}};
    for (const Family& f : session().families())
        if (f.id != "transversal") families.push_back({f.id, f.label});
    choice_field("besoin.family", "Famille d'achat", FIELD(p.need.family), families);
    cpv_picker();
    section_gap();
    subheading("Acheteur");
    text_field("besoin.buyer_name", "Nom de l'acheteur", FIELD(p.buyer.name), "ex. Commune de …");
    enum_field("besoin.buyer_type", "Type d'acheteur", FIELD(p.buyer.type));
    section_gap();
    subheading("Durée et calendrier");
    int_field("besoin.duration_months", "Durée initiale (mois)", FIELD(p.need.duration_months), 1, 600);
    int_field("besoin.renewals", "Nombre de reconductions", FIELD(p.need.renewals), 0, 50);
    if (session().project().need.renewals > 0)
        int_field("besoin.renewal_months", "Durée de chaque reconduction (mois)", FIELD(p.need.renewal_months), 1, 600);
    date_field("besoin.launch_date", "Date prévue de lancement de la consultation", FIELD(p.need.launch_date));
    check_field("besoin.social_services", "Services sociaux ou autres services spécifiques", FIELD(p.need.social_services));
    section_gap();
    value_fields();
    section_gap();
    pooling_fields();
    section_gap();
    subheading("Sobriété et approche fonctionnelle");
    text_field("besoin.expected_result", "Résultat attendu (la fonction plutôt que le produit)", FIELD(p.need.expected_result),
               "ex. des locaux propres chaque matin, plutôt que 3 passages de balayeuse");
    check_field("besoin.need_questioned", "Le besoin a été questionné (peut-on réduire, mutualiser, réemployer ?)",
                FIELD(p.need.need_questioned));
    text_field("besoin.sobriety_note", "Ce qui a été questionné", FIELD(p.need.sobriety_note), "", true, 2);
    text_field("besoin.quantities", "Quantités estimées", FIELD(p.need.quantities), "", true, 2);
}

}  // namespace ui
