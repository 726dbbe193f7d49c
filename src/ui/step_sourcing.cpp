// Step 2 — Sourcing: a log of contacts with operators before the consultation (R.2111-1), with the
// equal-information reminder. Risky words are flagged by the checks.
#include "platform.h"
#include "widgets.h"

namespace ui {

void step_sourcing() {
    Project& p = app().project;
    heading("2. Sourcing");
    why_box("Rencontrer des entreprises avant de consulter est permis (R.2111-1) et utile pour adapter les exigences à ce "
            "que le marché sait faire. Trois règles : la même information pour tous, une trace écrite de chaque échange, "
            "et jamais de discussion sur les prix ni de promesse.");
    boxed_text("Rappel", "Donnez la même information à tous les opérateurs rencontrés, consignez chaque échange, ne discutez "
               "ni prix, ni remise, ni attribution.", palette().warning);
    for (size_t i = 0; i < p.sourcing.size(); ++i) {
        SourcingContact& s = p.sourcing[i];
        const std::string k = "sourcing.sourcing[" + std::to_string(i + 1) + "]";
        ImGui::PushID(int(i));
        subheading(("Échange " + std::to_string(i + 1)).c_str());
        date_field(k + ".date", "Date", s.date);
        text_field(k + ".operator", "Opérateur rencontré", s.operator_name);
        choice_field(k + ".channel", "Canal", s.channel,
                     {{"reunion", "Réunion"}, {"telephone", "Téléphone"}, {"courriel", "Courriel"}, {"salon", "Salon ou visite"},
                      {"questionnaire", "Questionnaire public"}});
        text_field(k + ".shared", "Informations communiquées", s.shared, "", true, 2);
        text_field(k + ".notes", "Compte rendu", s.notes, "", true, 3);
        if (small_button(k + ".remove", "Supprimer cet échange")) {
            p.sourcing.erase(p.sourcing.begin() + long(i));
            mark_changed();
            ImGui::PopID();
            break;
        }
        ImGui::PopID();
    }
    if (button("sourcing.add", "Ajouter un échange")) {
        p.sourcing.push_back({iso_date(today()), "", "reunion", "", ""});
        mark_changed();
    }
    ImGui::SameLine();
    if (button("sourcing.minutes", "Exporter le compte rendu")) {
        std::string md = "# Compte rendu du sourcing — " + p.need.object + "\n\n";
        for (const SourcingContact& s : p.sourcing)
            md += "## " + s.date + " — " + s.operator_name + " (" + s.channel + ")\n\n**Informations communiquées :** " +
                  s.shared + "\n\n" + s.notes + "\n\n";
        platform::download("compte-rendu-sourcing.md", "text/markdown", md);
    }
}

}  // namespace ui
