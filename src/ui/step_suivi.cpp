// Step 7 — Suivi: the monitoring plan. Commitments from the chosen execution conditions come with their
// indicator, checkpoint and penalty; the buyer adds others.
#include "widgets.h"

namespace ui {

void step_suivi() {
    const Project& p = session().project();
    const Library& lib = session().library();
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
            ImGui::TableNextColumn(); paragraph(c->title);
            ImGui::TableNextColumn(); paragraph(c->indicator);
            ImGui::TableNextColumn(); paragraph(c->checkpoint);
            ImGui::TableNextColumn(); paragraph(c->penalty);
        }
        ImGui::EndTable();
    }
    if (!any) help_text("Aucune condition d'exécution retenue pour l'instant (" + step_reference(Step::clauses) + ").");
    section_gap();
    subheading("Autres engagements suivis");
    list_editor("suivi.monitoring", FIELD(p.monitoring), "Supprimer", "Ajouter un engagement", Commitment{},
                [](size_t i, const std::string& k) {
                    text_field(k + ".commitment", "Engagement", FIELD(p.monitoring[i].commitment));
                    text_field(k + ".indicator", "Indicateur", FIELD(p.monitoring[i].indicator));
                    text_field(k + ".proof", "Preuve", FIELD(p.monitoring[i].proof));
                    text_field(k + ".checkpoint", "Point de contrôle", FIELD(p.monitoring[i].checkpoint));
                    text_field(k + ".penalty", "Pénalité ou remédiation", FIELD(p.monitoring[i].penalty));
                });
}

}  // namespace ui
