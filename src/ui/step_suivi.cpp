// Step 7 — Suivi: the monitoring plan. Commitments from the chosen execution conditions come with their
// indicator, checkpoint and penalty; the buyer adds others.
#include "widgets.h"

namespace ui {

void step_suivi() {
    Project& p = app().project;
    const Library& lib = bundled_library();
    heading("7. Plan de suivi");
    why_box("Une condition d'exécution sans indicateur, sans preuve, sans contrôle ni sanction reste décorative. Le plan de "
            "suivi dit, pour chaque engagement, ce qui est mesuré, quand, sur quelle pièce, et ce qui se passe s'il n'est pas tenu.");
    subheading("Engagements issus des clauses retenues");
    bool any = false;
    if (ImGui::BeginTable("##plan", 4, ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp)) {
        ImGui::TableSetupColumn("Engagement");
        ImGui::TableSetupColumn("Indicateur");
        ImGui::TableSetupColumn("Contrôle");
        ImGui::TableSetupColumn("Sanction");
        ImGui::TableHeadersRow();
        for (const ChosenClause& ch : p.clauses) {
            const Clause* c = lib.find(ch.id);
            if (!c || c->kind != ClauseKind::condition_execution) continue;
            any = true;
            ImGui::TableNextRow();
            ImGui::TableNextColumn(); ImGui::TextWrapped("%s", c->title.c_str());
            ImGui::TableNextColumn(); ImGui::TextWrapped("%s", c->indicator.c_str());
            ImGui::TableNextColumn(); ImGui::TextWrapped("%s", c->checkpoint.c_str());
            ImGui::TableNextColumn(); ImGui::TextWrapped("%s", c->penalty.c_str());
        }
        ImGui::EndTable();
    }
    if (!any) help_text("Aucune condition d'exécution retenue pour l'instant (étape 5).");
    section_gap();
    subheading("Autres engagements suivis");
    list_editor("suivi.monitoring", p.monitoring, "Supprimer", "Ajouter un engagement", Commitment{},
                [](Commitment& c, const std::string& k, size_t) {
                    text_field(k + ".commitment", "Engagement", c.commitment);
                    text_field(k + ".indicator", "Indicateur", c.indicator);
                    text_field(k + ".proof", "Preuve", c.proof);
                    text_field(k + ".checkpoint", "Point de contrôle", c.checkpoint);
                    text_field(k + ".penalty", "Pénalité ou remédiation", c.penalty);
                });
}

}  // namespace ui
