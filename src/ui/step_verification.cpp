// Step 8 — Vérification: every finding grouped by severity, each with its articles and a jump to its field.
#include "widgets.h"

namespace ui {

void step_verification() {
    heading("9. Vérification");
    why_box("Les contrôles appliquent les obligations en vigueur à la date de lancement. Un point bloquant expose la "
            "procédure à un recours ; une alerte mérite une décision écrite ; un conseil améliore l'accès des PME.");
    const std::pair<Severity, const char*> groups[] = {{Severity::bloquant, "Points bloquants"}, {Severity::alerte, "Alertes"},
                                                       {Severity::conseil, "Conseils"}};
    int index = 0;
    for (const auto& g : groups) {
        subheading(g.second);
        int n = 0;
        for (const Finding& f : session().derived().findings) {
            if (f.severity != g.first) continue;
            ++n;
            ImGui::PushID(index);
            ImGui::Bullet();
            paragraph(f.message);
            const std::string arts = session().library().citations(f.articles);
            if (!arts.empty()) help_text("Articles : " + arts + " · règle " + f.rule);
            const bool fix = small_button("verification.fix." + std::to_string(index), "Aller au champ", true);
            accessible_name("Aller au champ : " + f.message);
            if (fix) jump_to(f);
            ImGui::PopID();
            ++index;
        }
        if (n == 0) help_text("Aucun.");
    }
}

}  // namespace ui
