// Step 3 — Lots et procédure: division into lots (L.2113-10), the value over all lots and years, and the
// procedure and publicity that follow, with their articles.
#include "widgets.h"

namespace ui {

namespace {

void procedure_card() {
    const ProcedureResult& r = app().derived.procedure;
    std::string arts;
    for (const auto& a : r.articles) arts += (arts.empty() ? "" : ", ") + a;
    std::string body = std::string(enum_label(r.publicity)) + "\n" + r.explanation + "\n\nArticles : " + arts +
                       "\nSeuil de dispense : " + french_euros(r.dispense_threshold) + " HT · seuil européen : " +
                       french_euros(r.eu_threshold) + " HT";
    boxed_text(enum_label(r.procedure), body.c_str(), palette().primary);
    register_item("lots.procedure", false);
}

void lot_row(Project& p, size_t i) {
    Lot& l = p.lots[i];
    const std::string k = "lots.lots[" + std::to_string(i + 1) + "]";
    ImGui::PushID(int(i));
    subheading(("Lot " + std::to_string(i + 1)).c_str());
    text_field(k + ".title", "Intitulé du lot", l.title);
    number_field(k + ".value", "Montant estimé HT, durée initiale (€)", l.value, 1000, "%.0f", 0, 1e12);
    choice_field(k + ".reserved", "Réservation", l.reserved,
                 {{"", "Lot ouvert à tous"}, {"handicap", "Réservé aux entreprises adaptées et ESAT"},
                  {"insertion", "Réservé aux structures d'insertion (SIAE)"}, {"ess", "Réservé aux entreprises de l'ESS"}});
    if (!l.reserved.empty())
        text_field(k + ".reserved_article", "Article cité dans l'avis", l.reserved_article, "ex. L.2113-12");
    if (p.lots.size() > 1 && small_button(k + ".remove", "Supprimer ce lot")) {
        p.lots.erase(p.lots.begin() + long(i));
        mark_changed();
    }
    ImGui::PopID();
}

// Other purchases of the same family in the year: the value must not be split to stay under a threshold.
void related_purchases(Project& p) {
    subheading("Autres achats de même nature dans l'année");
    help_text("Indiquez les autres consultations de la même famille : la valeur ne doit pas être fractionnée pour "
              "rester sous un seuil.");
    list_editor("lots.related", p.related, "Retirer", "Ajouter un autre achat", RelatedPurchase{"", p.need.family, 0, ""},
                [&](RelatedPurchase& r, const std::string& k, size_t) {
                    text_field(k + ".object", "Objet", r.object);
                    number_field(k + ".value", "Montant HT (€)", r.value, 1000, "%.0f", 0, 1e12);
                    date_field(k + ".date", "Date", r.date);
                    if (r.family.empty()) r.family = p.need.family;
                });
}

}  // namespace

void step_lots() {
    Project& p = app().project;
    heading("3. Lots et procédure");
    why_box("L'allotissement est la règle (L.2113-10) : il ouvre la commande aux PME. Ne pas allotir doit être justifié "
            "dans les documents. La valeur estimée de tous les lots, sur toute la durée, fixe la procédure et la publicité.");
    procedure_card();
    section_gap();
    if (p.lots.empty()) p.lots.push_back({"Lot unique", 0, "", ""});
    for (size_t i = 0; i < p.lots.size(); ++i) lot_row(p, i);
    if (button("lots.add", "Ajouter un lot")) {
        p.lots.push_back({"Lot " + std::to_string(p.lots.size() + 1), 0, "", ""});
        mark_changed();
    }
    if (p.lots.size() <= 1) {
        section_gap();
        text_field("lots.single_lot_justification", "Pourquoi le marché n'est-il pas alloti ? (L.2113-11)",
                   p.single_lot_justification, "", true, 3);
    }
    const SmallLots sl = small_lots(p);
    if (app().derived.procedure.procedure == Procedure::formalisee && !sl.eligible.empty()) {
        section_gap();
        help_text(std::string("Petits lots (R.2123-1 2°) : ") + std::to_string(sl.eligible.size()) +
                  " lot(s) sous " + french_euros(sl.lot_limit) + " HT, soit " + french_euros(sl.eligible_total) + " HT. " +
                  (sl.usable ? "Ils restent dans la limite de " + french_percent(sl.share_limit) + " du total : ils peuvent suivre une procédure adaptée."
                             : "Ensemble, ils dépassent " + french_percent(sl.share_limit) + " du total : la procédure formalisée s'applique à tous."));
    }
    section_gap();
    related_purchases(p);
    section_gap();
    subheading("Paiement et accès des PME");
    number_field("lots.advance_percent", "Avance versée au titulaire (%)", p.advance_percent, 1, "%.0f", 0, 100);
    int_field("lots.payment_days", "Délai de paiement (jours)", p.payment_days, 0, 120);
    check_field("lots.variants", "Variantes autorisées", p.variants);
}

}  // namespace ui
