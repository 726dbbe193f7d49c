// Step 2 — Sourcing: a log of contacts with operators before the consultation (R.2111-1), with the
// equal-information reminder. Risky words are flagged by the checks.
#include "platform.h"
#include "widgets.h"

namespace ui {

void step_sourcing() {
    heading("2. Sourcing");
    why_box("Rencontrer des entreprises avant de consulter est permis (R.2111-1) et utile pour adapter les exigences à ce "
            "que le marché sait faire. Trois règles : la même information pour tous, une trace écrite de chaque échange, "
            "et jamais de discussion sur les prix ni de promesse.");
    boxed_text("Rappel", "Donnez la même information à tous les opérateurs rencontrés, consignez chaque échange, ne discutez "
               "ni prix, ni remise, ni attribution.", palette().warning);
    list_editor("sourcing.sourcing", FIELD(p.sourcing), "Supprimer cet échange", "Ajouter un échange",
                SourcingContact{iso_date(today()), "", "reunion", "", ""}, [](size_t i, const std::string& k) {
                    subheading(("Échange " + std::to_string(i + 1)).c_str());
                    date_field(k + ".date", "Date", FIELD(p.sourcing[i].date));
                    text_field(k + ".operator", "Opérateur rencontré", FIELD(p.sourcing[i].operator_name));
                    choice_field(k + ".channel", "Canal", FIELD(p.sourcing[i].channel),
                                 {{"reunion", "Réunion"}, {"telephone", "Téléphone"}, {"courriel", "Courriel"},
                                  {"salon", "Salon ou visite"}, {"questionnaire", "Questionnaire public"}});
                    text_field(k + ".shared", "Informations communiquées", FIELD(p.sourcing[i].shared), "", true, 2);
                    text_field(k + ".notes", "Compte rendu", FIELD(p.sourcing[i].notes), "", true, 3);
                });
    section_gap();
    if (button("sourcing.minutes.docx", "Compte rendu (DOCX)")) export_file(Format::docx, DocumentKind::sourcing);
    ImGui::SameLine();
    if (button("sourcing.minutes.odt", "Compte rendu (ODT)")) export_file(Format::odt, DocumentKind::sourcing);
}

}  // namespace ui
