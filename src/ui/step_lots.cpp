// Step 3 — Lots et procédure: division into lots (L.2113-10), the value over all lots and years, and the
// procedure and publicity that follow, with their articles.
#include "widgets.h"

namespace ui {

namespace {

std::vector<std::string> numbers(const std::vector<int>& lots) {   // lot numbers as text, for french_list
    std::vector<std::string> out;
    for (int n : lots) out.push_back(std::to_string(n));
    return out;
}

void procedure_card() {
    const ProcedureResult& r = session().derived().procedure;
    std::string arts;
    for (const auto& a : r.articles) arts += (arts.empty() ? "" : ", ") + a;
    std::string body = std::string(enum_label(r.publicity)) + "\n" + r.explanation + "\n\nArticles : " + arts +
                       "\nSeuil de dispense : " + french_euros(r.dispense_threshold) + " HT · seuil européen : " +
                       french_euros(r.eu_threshold) + " HT";
    boxed_text(enum_label(r.procedure), body.c_str(), palette().primary);
    register_item("lots.procedure", false);
}

const std::vector<std::pair<std::string, std::string>> kReservations = {
    {"", "Lot ouvert à tous"}, {"handicap", "Réservé aux entreprises adaptées et ESAT"},
    {"insertion", "Réservé aux structures d'insertion (SIAE)"}, {"ess", "Réservé aux entreprises de l'ESS"}};

// Lot `i`: a project with no lot yet shows its « Lot unique », created by its first edit (Session::edit_lot).
void lot_row(size_t i) {
    const std::vector<Lot>& lots = session().project().lots;
    Lot l = lots.empty() ? Lot{"Lot unique", 0, "", ""} : lots[i];
    const std::string k = "lots.lots[" + std::to_string(i + 1) + "]";
    ImGui::PushID(int(i));
    subheading(("Lot " + std::to_string(i + 1)).c_str());
    if (input_text(k + ".title", "Intitulé du lot", l.title))
        session().edit_lot(i, k + ".title", [&](Lot& x) { x.title = l.title; }, Merge::typing);
    if (input_number(k + ".value", "Montant estimé HT, durée initiale (€)", l.value, NumberKind::euros, 0, kMaxAmount))
        session().edit_lot(i, k + ".value", [&](Lot& x) { x.value = l.value; }, Merge::typing);
    if (input_choice(k + ".reserved", "Réservation", l.reserved, kReservations))
        session().edit_lot(i, k + ".reserved", [&](Lot& x) { x.reserved = l.reserved; });
    if (!l.reserved.empty() && input_text(k + ".reserved_article", "Article cité dans l'avis", l.reserved_article, "ex. L.2113-12"))
        session().edit_lot(i, k + ".reserved_article", [&](Lot& x) { x.reserved_article = l.reserved_article; }, Merge::typing);
    std::string form = enum_name(l.price_form);
    if (lots.size() > 1 && input_choice(k + ".price_form", "Forme des prix du lot", form, enum_options<PriceForm>()) &&
        parse_enum(form, l.price_form))
        session().edit_lot(i, k + ".price_form", [&](Lot& x) { x.price_form = l.price_form; });
    if (lots.size() > 1 && small_button(k + ".remove", "Supprimer ce lot"))
        session().edit(k + ".remove", [&](Project& p) { p.lots.erase(p.lots.begin() + long(i)); });
    ImGui::PopID();
}

// Other purchases of the same family in the year: the value must not be split to stay under a threshold.
void related_purchases() {
    const Project& p = session().project();
    subheading("Autres achats de même nature dans l'année");
    help_text("Indiquez les autres consultations de la même famille : la valeur ne doit pas être fractionnée pour "
              "rester sous un seuil.");
    std::vector<std::pair<std::string, std::string>> families = {{"", "— la famille du besoin —"}};
    for (const Family& f : session().families())
        if (f.id != "transversal") families.push_back({f.id, f.label});
    list_editor("lots.related", FIELD(p.related), "Retirer", "Ajouter un autre achat", RelatedPurchase{"", p.need.family, 0, ""},
                [&](size_t i, const std::string& k) {
                    RelatedPurchase r = session().project().related[i];
                    if (input_text(k + ".object", "Objet", r.object))
                        session().edit_related(i, k + ".object", [&](RelatedPurchase& x) { x.object = r.object; }, Merge::typing);
                    if (input_choice(k + ".family", "Famille d'achat", r.family, families)) session().set_related_family(i, r.family);
                    if (input_number(k + ".value", "Montant HT (€)", r.value, NumberKind::euros, 0, kMaxAmount))
                        session().edit_related(i, k + ".value", [&](RelatedPurchase& x) { x.value = r.value; }, Merge::typing);
                    if (input_date(k + ".date", "Date", r.date))
                        session().edit_related(i, k + ".date", [&](RelatedPurchase& x) { x.date = r.date; }, Merge::typing);
                });
}

}  // namespace

void step_lots() {
    const Project& p = session().project();
    const ProcedureResult& procedure = session().derived().procedure;
    heading("3. Lots et procédure");
    why_box("L'allotissement est la règle (L.2113-10) : il ouvre la commande aux PME. Ne pas allotir doit être justifié "
            "dans les documents. La valeur estimée de tous les lots, sur toute la durée, fixe la procédure et la publicité.");
    procedure_card();
    section_gap();
    for (size_t i = 0; i < std::max<size_t>(p.lots.size(), 1); ++i) lot_row(i);
    if (button("lots.add", "Ajouter un lot"))
        session().edit("lots.add", [](Project& q) {
            if (q.lots.empty()) q.lots.push_back({"Lot unique", 0, "", ""});
            q.lots.push_back({"Lot " + std::to_string(q.lots.size() + 1), 0, "", ""});
        });
    if (session().project().lots.size() <= 1) {
        section_gap();
        enum_field("lots.single_lot_ground", "Motif de non-allotissement (L.2113-10, L.2113-11)", FIELD(p.single_lot_ground));
        text_field("lots.single_lot_justification", "En quoi ce motif s'applique-t-il à ce marché ?",
                   FIELD(p.single_lot_justification), "", true, 3);
    }
    const SmallLots sl = small_lots(session().project(), session().law());
    if (procedure.procedure == Procedure::formalisee && !sl.eligible.empty()) {
        section_gap();
        help_text(std::string("Petits lots (R.2123-1 2°) : ") + counted(sl.eligible.size(), "lot", "lots") +
                  " sous " + french_euros(sl.lot_limit) + " HT, soit " + french_euros(sl.eligible_total) + " HT. " +
                  (sl.usable ? "Dans la limite de " + french_percent(sl.share_limit) + " du total, " +
                                   (sl.passable.size() == 1 ? "le lot " : "les lots ") + french_list(numbers(sl.passable)) +
                                   (sl.passable.size() == 1 ? " peut" : " peuvent") + " suivre une procédure adaptée."
                             : "Chacun dépasse à lui seul " + french_percent(sl.share_limit) + " du total : la procédure formalisée s'applique à tous."));
    }
    section_gap();
    related_purchases();
    section_gap();
    subheading("Paiement et accès des PME");
    number_field("lots.advance_percent", "Avance versée au titulaire (%)", FIELD(p.advance_percent), NumberKind::percent, 0, 100);
    int_field("lots.payment_days", "Délai de paiement (jours)", FIELD(p.payment_days), 0, 120);
    check_field("lots.variants", "Variantes autorisées", FIELD(p.variants));
}

}  // namespace ui
