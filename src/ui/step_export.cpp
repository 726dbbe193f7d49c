// Step 9 — Export: the three documents in six formats, downloaded by the browser; nothing leaves the machine.
#include "widgets.h"
#include "export/export.h"

namespace ui {

void step_export() {
    App& a = app();
    heading("10. Export");
    why_box("Le dossier est produit dans votre navigateur : rien n'est envoyé sur un serveur. Le DCE s'ouvre dans "
            "Word ou LibreOffice pour être complété et publié ; la fiche entreprise explique chaque exigence aux PME ; "
            "la synthèse sert de note de décision. La version HTML est prête à imprimer : ouvrez-la dans le "
            "navigateur, « Imprimer », puis « Enregistrer au format PDF » (chaque pièce commence une page, avec "
            "l'en-tête de la consultation et les numéros de page).");
    if (session().derived().blocking > 0)
        boxed_text("Attention", (counted(size_t(session().derived().blocking), "point bloquant reste ouvert", "points bloquants restent ouverts") +
                               " : voyez l'" + step_reference(Step::verification) + ".").c_str(),
                   palette().error);
    struct Doc { DocumentKind kind; const char* id; const char* title; const char* what; };
    const Doc docs[] = {
        {DocumentKind::dce, "dce", "Dossier de consultation (DCE)", "Règlement de la consultation, CCAP, actes d'engagement, cadres de CCTP, grille d'analyse, plan de suivi."},
        {DocumentKind::entreprise, "entreprise", "Fiche entreprise", "Chaque exigence en langage clair, la notation, les preuves, les conseils aux PME, un glossaire."},
        {DocumentKind::synthese, "synthese", "Note de synthèse", "Le besoin, la procédure et ses raisons, les considérations durables et les points encore ouverts."}};
    const std::pair<Format, const char*> formats[] = {{Format::docx, "DOCX"}, {Format::odt, "ODT"}, {Format::html, "HTML"},
                                                      {Format::md, "Markdown"}};
    for (const Doc& d : docs) {
        subheading(d.title);
        help_text(d.what);
        for (const auto& [f, label] : formats) {
            if (button(std::string("export.") + d.id + "." + format_extension(f), label)) export_file(f, d.kind);
            ImGui::SameLine();
        }
        if (button(std::string("export.") + d.id + ".preview", a.export_preview == d.kind ? "Aperçu ✓" : "Aperçu"))
            a.export_preview = d.kind;
    }
    subheading("Données");
    if (button("export.json", "Projet (JSON)")) export_file(Format::json, DocumentKind::dce);
    ImGui::SameLine();
    if (button("export.ocds", "Publication OCDS")) export_file(Format::ocds, DocumentKind::dce);

    section_gap();
    for (const Doc& d : docs)
        if (d.kind == a.export_preview) subheading((std::string("Aperçu : ") + d.title).c_str());
    ImGui::BeginChild("##export-preview", ImVec2(0, ImGui::GetFontSize() * 30), true);
    document_view(session().document(a.export_preview), false);
    ImGui::EndChild();
    register_item("export.preview", false);
}

}  // namespace ui
