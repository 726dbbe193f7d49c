// Step 6 — Critères: the award criteria with weights adding to 100 %, scoring methods, proof asked and
// sub-criteria (L.2152-7, R.2152-7, R.2152-12).
#include "widgets.h"

namespace ui {

namespace {

void criterion_editor(Project& p, size_t i) {
    AwardCriterion& c = p.criteria[i];
    const std::string k = "criteres.criteria[" + std::to_string(i + 1) + "]";
    ImGui::PushID(int(i));
    subheading(("Critère " + std::to_string(i + 1)).c_str());
    text_field(k + ".name", "Intitulé", c.name);
    enum_field(k + ".kind", "Nature du critère", c.kind);
    number_field(k + ".weight", "Pondération (%)", c.weight, 5, "%.0f", 0, 100);
    text_field(k + ".method", "Méthode de notation (formule ou grille)", c.method, "", true, 2);
    text_field(k + ".proof", "Ce que le candidat fournit", c.proof, "", true, 2);
    for (size_t j = 0; j < c.subcriteria.size(); ++j) {
        ImGui::PushID(int(j));
        const std::string sk = k + ".subcriteria[" + std::to_string(j + 1) + "]";
        ImGui::Indent();
        text_field(sk + ".name", "Sous-critère", c.subcriteria[j].name);
        number_field(sk + ".weight", "Part dans le critère (%)", c.subcriteria[j].weight, 5, "%.0f", 0, 100);
        ImGui::Unindent();
        ImGui::PopID();
    }
    if (small_button(k + ".addsub", "Ajouter un sous-critère")) { c.subcriteria.push_back({}); mark_changed(); }
    ImGui::SameLine();
    if (small_button(k + ".remove", "Supprimer ce critère")) {
        p.criteria.erase(p.criteria.begin() + long(i));
        mark_changed();
    }
    ImGui::PopID();
}

}  // namespace

void step_criteres() {
    Project& p = app().project;
    heading("6. Critères d'attribution");
    why_box("Le prix ne peut plus être le seul critère, et un critère au moins porte sur les caractéristiques "
            "environnementales de l'offre. Chaque critère dit ce qui est noté, comment, et sur quelles pièces.");
    double total = 0;
    for (const AwardCriterion& c : p.criteria) total += c.weight;
    const bool ok = std::abs(total - 100) < 0.01;
    ImGui::PushFont(font_bold());
    ImGui::TextColored(ok ? palette().success : palette().error, "Total des pondérations : %s", french_percent(total).c_str());
    ImGui::PopFont();
    register_item("criteres.total", false);
    for (size_t i = 0; i < p.criteria.size(); ++i) criterion_editor(p, i);
    section_gap();
    if (button("criteres.add", "Ajouter un critère", true)) {
        p.criteria.push_back({p.criteria.empty() ? "Prix des prestations" : "", p.criteria.empty() ? CriterionKind::prix : CriterionKind::technique, 0, "", "", "", {}});
        mark_changed();
    }
}

}  // namespace ui
