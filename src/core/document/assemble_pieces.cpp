// The pieces of the consultation file after the RC and the CCAP: one acte d'engagement and one CCTP frame per
// lot, the criteria analysis grid, the monitoring plan (annex to the CCAP) and, where staff is taken over, the
// anonymised list of that staff (annex to the RC and the CCAP).
#include "document/assemble.h"

namespace clausier {

namespace {

using Blocks = std::vector<Block>;

std::string lot_title(const Project& p, int lot) {
    if (lot <= 0) return "";
    return " — Lot " + std::to_string(lot) + (trim(p.lots[size_t(lot) - 1].title).empty() ? "" : " : " + trim(p.lots[size_t(lot) - 1].title));
}

// A two-column form: each row a heading the bidder reads, and an empty cell it fills in.
Block form(std::vector<std::string> rows) {
    std::vector<std::vector<Inline>> cells;
    for (const std::string& r : rows) cells.push_back({frtext(r), {}});
    return table({text("Rubrique"), text("À compléter par le soumissionnaire")}, std::move(cells), {5, 7});
}

// The kinds of technical content the buyer alone knows, by nature of the purchase.
std::vector<std::pair<const char*, const char*>> technical_gaps(Nature n) {
    switch (n) {
        case Nature::travaux:
            return {{"Description de l'ouvrage et du site", "plans, état des lieux, diagnostics (amiante, plomb), accès et contraintes du site."},
                    {"Prescriptions techniques par ouvrage", "matériaux, mise en œuvre, normes et documents techniques unifiés applicables."},
                    {"Organisation du chantier", "phasage, installations de chantier, horaires, maintien des activités du site."},
                    {"Essais, contrôles et documents à remettre", "essais, autocontrôles, dossier des ouvrages exécutés."}};
        case Nature::fournitures:
            return {{"Description des fournitures", "caractéristiques fonctionnelles et techniques, quantités estimées, conditionnement."},
                    {"Livraison", "lieux, horaires, délais, conditions de déchargement et de mise en service."},
                    {"Garantie et service après-vente", "durée et étendue de la garantie, délais d'intervention, pièces détachées."},
                    {"Vérifications", "contrôles à la livraison et critères d'admission."}};
        default:
            return {{"Description des lieux et des prestations", "sites, surfaces ou volumes, fréquences, horaires d'intervention."},
                    {"Niveau de qualité attendu", "résultats attendus, indicateurs de qualité et modalités de contrôle contradictoire."},
                    {"Moyens mis à disposition par l'acheteur", "locaux, matériels, accès, consommables."},
                    {"Organisation et comptes rendus", "interlocuteurs, réunions, documents à remettre et leur fréquence."}};
    }
}

}  // namespace

void assemble_acte_engagement(Blocks& b, const Project& p, const ProjectFacts& f, int lot) {
    const ResolvedSettings& r = f.settings;
    const bool divided = p.lots.size() >= 2 && lot > 0;
    b.push_back(heading(1, fr("Acte d'engagement (AE)" + (divided ? lot_title(p, lot) : ""))));
    const size_t first = b.size();
    b.push_back(fr_heading(2, "Identification de l'acheteur et du marché"));
    std::vector<Inline> facts = {labelled("Acheteur", or_gap(p.buyer.name, "nom de l'acheteur")),
                                 labelled("Adresse", or_gap(r.s.buyer_address, "adresse")),
                                 labelled("SIRET", or_gap(r.s.buyer_siret, "numéro SIRET")),
                                 labelled("Signataire du marché", or_gap(r.s.signatory, "nom et qualité du signataire")),
                                 labelled("Objet", or_gap(p.need.object, "objet du marché"))};
    if (divided) facts.push_back(labelled("Lot", std::to_string(lot) + " – " + trim(p.lots[size_t(lot) - 1].title)));
    add_fact(facts, "Référence de la consultation", r.s.reference);
    add_fact(facts, "Procédure", enum_label(r.s.procedure));
    add_fact(facts, "Forme du marché", enum_label(r.s.contract));
    b.push_back(bullet_list(std::move(facts)));

    b.push_back(fr_heading(2, "Identification du soumissionnaire"));
    b.push_back(form({"Dénomination sociale", "Forme juridique", "Numéro SIRET", "Adresse du siège", "Adresse électronique et téléphone",
                      "Nom et qualité du signataire", "Petite ou moyenne entreprise (oui ou non)",
                      "En cas de groupement : membres, forme (conjoint ou solidaire) et mandataire"}));

    b.push_back(fr_heading(2, "Engagement"));
    b.push_back(paragraph(fr("Après avoir pris connaissance du CCAP, du CCTP et des documents qui y sont mentionnés, le "
                             "signataire engage la société ou le groupement qu'il représente à exécuter les prestations "
                             "aux conditions de ces documents et de son offre, et aux prix indiqués ci-dessous. L'offre ainsi "
                             "présentée le lie pendant " + std::to_string(r.s.offer_validity_days) + " jours à compter de la date "
                             "limite de remise des offres.")));

    b.push_back(fr_heading(2, "Prix"));
    b.push_back(paragraph(fr("Les prestations sont rémunérées aux prix du document de prix, " + schedule_name(lot_schedule(r, lot)) +
                             ", rempli par le soumissionnaire et joint au présent acte d'engagement.")));
    if (r.framework)
        b.push_back(paragraph(fr("Montant maximum de l'accord-cadre sur toute sa durée : " +
                                 (r.s.framework_max > 0 ? french_euros(r.s.framework_max) + " HT" : or_gap("", "montant maximum")) + ".")));
    b.push_back(form({lot_price_form(r, lot) == PriceForm::unitaire ? "Montant total du détail quantitatif estimatif, hors taxes"
                                                            : "Montant hors taxes",
                      "Taux et montant de la TVA", "Montant toutes taxes comprises", "Montant en toutes lettres"}));

    b.push_back(fr_heading(2, "Durée d'exécution"));
    b.push_back(paragraph(fr("La durée du marché est celle que fixe le CCAP : " + f.duration_label + ".")));

    b.push_back(fr_heading(2, "Avance, sous-traitance et paiement"));
    b.push_back(form({"Avance : « je renonce » ou « je ne renonce pas » au bénéfice de l'avance",
                      "Prestations sous-traitées dès l'offre : nature, sous-traitant et montant",
                      "Compte à créditer : titulaire du compte, IBAN et BIC (relevé d'identité bancaire joint)"}));

    b.push_back(fr_heading(2, "Signatures"));
    b.push_back(form({"Le soumissionnaire : lieu, date, nom, qualité et signature"}));
    b.push_back(paragraph(fr("Décision de l'acheteur : la présente offre est acceptée pour valoir acte d'engagement.")));
    b.push_back(table({text("À compléter par l'acheteur"), text("")},
                      {{frtext("Signataire"), frtext(or_gap(r.s.signatory, "nom et qualité du signataire"))},
                       {frtext("Lieu, date et signature"), {}},
                       {frtext("Date de notification au titulaire"), {}}},
                      {5, 7}));
    number_articles(b, first);
}

void assemble_cctp(Blocks& b, const Project& p, const Library& lib, int lot) {
    b.push_back(heading(1, fr("Cahier des clauses techniques particulières (CCTP)" + lot_title(p, lot))));
    const size_t first = b.size();
    b.push_back(fr_heading(2, "Objet et étendue des prestations"));
    b.push_back(paragraph(labelled("Objet", or_gap(p.need.object, "objet du marché"))));
    if (lot > 0) b.push_back(paragraph(labelled("Lot", std::to_string(lot) + " – " + trim(p.lots[size_t(lot) - 1].title))));
    std::vector<Inline> facts;
    add_text_fact(facts, "Quantités estimées", p.need.quantities);
    add_fact(facts, "Résultat attendu", p.need.expected_result);
    if (!facts.empty()) b.push_back(bullet_list(std::move(facts)));

    b.push_back(fr_heading(2, "Exigences générales"));
    b.push_back(paragraph(fr("Les spécifications techniques sont formulées en termes de performances ou d'exigences "
                             "fonctionnelles et tiennent compte des objectifs de développement durable (articles "
                             "L.2111-2 et R.2111-4). Lorsqu'un label est cité, tout label équivalent et tout autre "
                             "moyen de preuve approprié sont acceptés (articles R.2111-16 et R.2111-17).")));

    b.push_back(fr_heading(2, "Spécifications environnementales et sociales"));
    bool any = false;
    for (const ChosenRef& c : chosen_clauses(p, lib, ClauseKind::specification)) {
        if (lot > 0 && !applies_to_lot(*c.choice, lot)) continue;
        any = true;
        b.push_back(fr_heading(3, c.clause->title));
        add_text(b, c.text);
        std::vector<Inline> proofs;
        add_fact(proofs, "Justificatif à remettre avec l'offre", c.clause->offer_proof);
        add_fact(proofs, "Contrôle pendant l'exécution", c.clause->execution_proof);
        if (!proofs.empty()) b.push_back(bullet_list(std::move(proofs)));
    }
    for (size_t k = 0; k < p.specifications.size(); ++k) {
        const Specification& s = p.specifications[k];
        any = true;
        b.push_back(fr_heading(3, trim(s.title).empty() ? "Spécification " + std::to_string(k + 1) : trim(s.title)));
        add_text(b, s.text);
    }
    if (!any) b.push_back(to_complete("l'acheteur", "les spécifications techniques du lot."));

    b.push_back(fr_heading(2, "Contenu technique propre à l'achat"));
    for (const auto& [title, what] : technical_gaps(p.need.nature)) {
        b.push_back(fr_heading(3, title));
        b.push_back(to_complete("l'acheteur", what));
    }
    number_articles(b, first);
}

void assemble_grid(Blocks& b, const Project& p, const Library& lib) {
    b.push_back(fr_heading(1, "Grille d'analyse des offres"));
    if (p.criteria.empty()) { b.push_back(to_complete("l'acheteur", "les critères d'attribution.")); return; }
    const std::vector<int> groups = criteria_groups(p);
    if (p.lots.size() >= 2 && groups.size() == 1) b.push_back(paragraph(fr("La même grille s'applique à chaque lot.")));
    const bool ranked = p.weighting == Weighting::hierarchisation;
    for (int lot : groups) {
        if (groups.size() > 1) b.push_back(fr_heading(2, upper_first(lot_label(p, lot))));
        std::vector<std::vector<Inline>> rows;
        std::vector<AwardCriterion> shown;
        const std::vector<size_t> indexes = criteria_of_lot(p, lot);
        for (size_t n = 0; n < indexes.size(); ++n) {
            const AwardCriterion& c = p.criteria[indexes[n]];
            std::string name = criterion_name(c, indexes[n]);
            if (const Clause* from = c.clause.empty() ? nullptr : lib.find(c.clause); from && fr(from->title) != fr(name))
                name += " (" + from->title + ")";
            if (!c.subcriteria.empty()) name += " — sous-critères : " + subcriteria_label(c);
            rows.push_back({frtext(name), text(enum_label(c.kind)), text(criterion_weight_label(p, c, n)),
                            text_lines(criterion_method(c, lib), fr), text_lines(criterion_proof(c, lib), fr)});
            shown.push_back(c);
        }
        if (p.weighting == Weighting::ponderation) rows.push_back({{strong("Total")}, {}, {strong(weight_label(weight_sum(shown)))}, {}, {}});
        b.push_back(table({text("Critère"), text("Nature"), text(ranked ? "Rang" : "Poids"), text("Méthode de notation"),
                           text("Éléments à fournir")}, std::move(rows), {4, 3, 2, 5, 5}));
    }
}

void assemble_monitoring(Blocks& b, const Project& p, const Library& lib) {
    b.push_back(fr_heading(1, "Plan de suivi d'exécution (annexe au CCAP)"));
    const auto lines = monitoring_rows(p, lib);
    if (lines.empty()) { b.push_back(to_complete("l'acheteur", "les engagements suivis pendant l'exécution.")); return; }
    b.push_back(paragraph(fr("Pour chaque engagement : ce qui est mesuré, la preuve que le titulaire remet pendant "
                             "l'exécution, le moment du contrôle et la conséquence d'un manquement.")));
    std::vector<std::vector<Inline>> rows;
    for (const Commitment& m : lines)
        rows.push_back({frtext(m.commitment), frtext(m.indicator), frtext(m.proof), frtext(m.checkpoint), frtext(m.penalty)});
    b.push_back(table({text("Engagement"), text("Indicateur"), text("Justificatif"), text("Échéance de contrôle"),
                       text("Sanction ou remédiation")}, std::move(rows)));
}

void assemble_staff_list(Blocks& b, const Project& p, const ProjectFacts& f) {
    const ResolvedSettings& r = f.settings;
    if (r.s.staff_takeover != Toggle::oui) return;
    b.push_back(fr_heading(1, kStaffListTitle + std::string(" (annexe au RC et au CCAP)")));
    b.push_back(paragraph(fr("En application de l'" + staff_takeover_basis(p) + ", le titulaire du marché reprend le "
                             "personnel affecté aux prestations qui remplit les conditions de la reprise. La présente "
                             "liste est établie par l'acheteur d'après les informations que lui a transmises le titulaire "
                             "sortant ; elle permet aux soumissionnaires de chiffrer leur offre en connaissance de cause.")));
    b.push_back(paragraph(fr("Elle ne comporte ni nom, ni date de naissance, ni aucune autre donnée permettant "
                             "d'identifier un salarié : chaque ligne porte un numéro d'ordre (minimisation des données, "
                             "article 5 du règlement (UE) 2016/679).")));
    b.push_back(paragraph(labelled("Informations arrêtées au", or_gap("", "date des informations du titulaire sortant"))));
    b.push_back(to_complete("l'acheteur", "une ligne par salarié repris, d'après les informations du titulaire sortant."));
    std::vector<std::vector<Inline>> rows;
    for (int n = 1; n <= 5; ++n) rows.push_back({text(std::to_string(n)), {}, {}, {}, {}, {}, {}});
    // Seven columns whose header words all fit their width on an A4 page: no header breaks inside a word.
    b.push_back(table({text("N°"), text("Emploi et qualification"), text("Niveau (coef.)"),
                       text("Contrat et temps de travail"), text("Date d'entrée"), text("Salaire brut mensuel (€)"),
                       text("Primes, avantages et clauses particulières")},
                      std::move(rows), {1, 4, 3, 3, 3, 3, 4}));
}

}  // namespace clausier
