// Entreprise mode: the project read from a firm's side, in plain language — what is asked, how it is
// scored, the proof to give and how a small firm can meet it. It shows the same "entreprise" document the
// export writes, so the adviser and the downloaded sheet always agree.
#include "platform.h"
#include "widgets.h"
#include "export/export.h"

namespace ui {

void firm_reading() {
    heading("Lecture entreprise");
    help_text("Ce mode présente les exigences du projet ouvert du point de vue d'une entreprise. Ouvrez le fichier "
              "projet transmis par l'acheteur avec « Ouvrir… ».");
    if (button("firm.download", "Télécharger la fiche entreprise (DOCX)", true)) export_file(Format::docx, DocumentKind::entreprise);
    section_gap();
    help_text("Passez la souris sur un sigle (CCAP, DUME, SIAE…) pour en lire la définition.");
    ImGui::BeginGroup();
    document_view(session().document(DocumentKind::entreprise), true);
    ImGui::EndGroup();
    register_item("firm.text", false);
}

}  // namespace ui
