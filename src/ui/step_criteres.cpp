// Step 6 — Critères: the award criteria with weights adding to 100 %, scoring methods, proof asked and
// sub-criteria (L.2152-7, R.2152-7, R.2152-12).
#include "widgets.h"

namespace ui {

namespace {

void criterion_editor(size_t i) {
    const std::string k = "criteres.criteria[" + std::to_string(i + 1) + "]";
    ImGui::PushID(int(i));
    subheading(("Critère " + std::to_string(i + 1)).c_str());
    text_field(k + ".name", "Intitulé", FIELD(p.criteria[i].name));
    enum_field(k + ".kind", "Nature du critère", FIELD(p.criteria[i].kind));
    const Project& p = session().project();
    if (p.weighting == Weighting::fourchette) {
        number_field(k + ".weight", "Pondération minimale (%)", FIELD(p.criteria[i].weight), NumberKind::percent, 0, 100);
        number_field(k + ".weight_max", "Pondération maximale (%)", FIELD(p.criteria[i].weight_max), NumberKind::percent, 0, 100);
    } else if (p.weighting == Weighting::ponderation) {
        number_field(k + ".weight", "Pondération (%)", FIELD(p.criteria[i].weight), NumberKind::percent, 0, 100);
    }
    if (p.lots.size() > 1) {
        std::vector<std::pair<std::string, std::string>> lots = {{"0", "Tous les lots"}};
        for (size_t l = 0; l < p.lots.size(); ++l) lots.push_back({std::to_string(l + 1), "Lot " + std::to_string(l + 1) + " seulement"});
        std::string lot = std::to_string(p.criteria[i].lot);
        if (input_choice(k + ".lot", "Lots jugés sur ce critère", lot, lots))
            session().edit(k + ".lot", [&](Project& q) { q.criteria[i].lot = std::stoi(lot); });
    }
    text_field(k + ".method", "Méthode de notation (formule ou grille)", FIELD(p.criteria[i].method), "", true, 2);
    text_field(k + ".proof", "Ce que le candidat fournit", FIELD(p.criteria[i].proof), "", true, 2);
    for (size_t j = 0; j < session().project().criteria[i].subcriteria.size(); ++j) {
        ImGui::PushID(int(j));
        const std::string sk = k + ".subcriteria[" + std::to_string(j + 1) + "]";
        ImGui::Indent();
        text_field(sk + ".name", "Sous-critère", FIELD(p.criteria[i].subcriteria[j].name));
        number_field(sk + ".weight", "Part dans le critère (%)", FIELD(p.criteria[i].subcriteria[j].weight), NumberKind::percent, 0, 100);
        ImGui::Unindent();
        ImGui::PopID();
    }
    if (small_button(k + ".addsub", "Ajouter un sous-critère"))
        session().edit(k + ".addsub", [&](Project& p) { p.criteria[i].subcriteria.push_back({}); });
    ImGui::SameLine();
    if (small_button(k + ".remove", "Supprimer ce critère"))
        session().edit(k + ".remove", [&](Project& p) { p.criteria.erase(p.criteria.begin() + long(i)); });
    ImGui::PopID();
}

}  // namespace

void step_criteres() {
    const Project& p = session().project();
    heading("6. Critères d'attribution");
    why_box("Le prix ne peut plus être le seul critère, et un critère au moins porte sur les caractéristiques "
            "environnementales de l'offre. Chaque critère dit ce qui est noté, comment, et sur quelles pièces.");
    enum_field("criteres.weighting", "Mode de pondération (R.2152-12)", FIELD(p.weighting));
    if (p.weighting == Weighting::hierarchisation) {
        help_text("Les critères sont classés dans l'ordre de la liste, du plus important au moins important. En procédure "
                  "formalisée, indiquez pourquoi une pondération est impossible.");
        text_field("criteres.weighting_reason", "Raisons objectives qui empêchent la pondération", FIELD(p.weighting_reason), "", true, 2);
    } else if (p.weighting == Weighting::ponderation && !criteria_differ_by_lot(p)) {
        const double total = weight_sum(p.criteria);
        const bool ok = weights_add_up(total);
        ImGui::PushFont(font_bold());
        ImGui::TextColored(ok ? palette().success : palette().error, "Total des pondérations : %s", french_percent(total).c_str());
        ImGui::PopFont();
        sem_text("Total des pondérations : " + french_percent(total));
        register_item("criteres.total", false);
    }
    for (size_t i = 0; i < p.criteria.size(); ++i) criterion_editor(i);
    section_gap();
    if (button("criteres.add", "Ajouter un critère", true))
        session().edit("criteres.add", [](Project& q) {
            const bool first = q.criteria.empty();
            q.criteria.push_back({first ? "Prix des prestations" : "", first ? CriterionKind::prix : CriterionKind::technique, 0, "", "", "", {}});
        });
}

}  // namespace ui
