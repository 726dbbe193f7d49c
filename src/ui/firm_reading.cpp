// Entreprise mode: the project read from a firm's side, in plain language — what is asked, how it is
// scored, the proof to give and how a small firm can meet it. It shows the same "entreprise" document the
// export writes, so the adviser and the downloaded sheet always agree.
#include "platform.h"
#include "widgets.h"
#include "export/export.h"

namespace ui {

void firm_reading() {
    heading("Lecture entreprise");
    const DcePackage* pkg = session().package();
    if (pkg) {
        const PackageManifest& m = pkg->manifest;
        help_text("Dossier de consultation publié par " + (m.buyer.empty() ? std::string("l'acheteur") : m.buyer) +
                  (m.reference.empty() ? "" : " (référence " + m.reference + ")") +
                  (m.deadline.empty() ? "" : ". Date limite de remise des offres : " + m.deadline) + ".");
        if (small_button("firm.close_package", "Fermer ce dossier et revenir au projet")) session().close_package();
    } else {
        help_text("Ce mode présente les exigences du projet ouvert du point de vue d'une entreprise. Ouvrez avec « Ouvrir… » "
                  "le dossier de consultation publié par l'acheteur (fichier .json) ou son fichier projet.");
        if (button("firm.download", "Télécharger la fiche entreprise (DOCX)", true)) export_file(Format::docx, DocumentKind::entreprise);
    }
    section_gap();
    help_text("Passez la souris sur un sigle (CCAP, DUME, SIAE…) pour en lire la définition.");
    ImGui::BeginGroup();
    document_view(pkg ? pkg->firm_sheet : session().document(DocumentKind::entreprise), true);
    ImGui::EndGroup();
    register_item("firm.text", false);
}

}  // namespace ui
