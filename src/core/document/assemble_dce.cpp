// The consultation draft: règlement de la consultation, CCAP and CCTP extracts, criteria grid, monitoring plan.
#include "document/assemble.h"
#include "library/cpv.h"
#include "law/insertion.h"

namespace clausier {

namespace {

using Blocks = std::vector<Block>;

Block todo(std::string_view what) { return note({{strong("À compléter" + std::string(kNnbsp) + ":"), plain(" " + fr(what))}}); }

std::string reserved_article(const Lot& l) {
    if (!trim(l.reserved_article).empty()) return trim(l.reserved_article);
    if (l.reserved == "handicap") return "L.2113-12";
    if (l.reserved == "insertion") return "L.2113-13";
    return "L.2113-15";
}

std::string reserved_for(const Lot& l) {
    if (l.reserved == "handicap")
        return "aux entreprises adaptées, aux établissements et services d'aide par le travail et aux structures "
               "équivalentes employant au moins " + french_percent(50) + " de travailleurs handicapés";
    if (l.reserved == "insertion")
        return "aux structures d'insertion par l'activité économique et aux structures équivalentes employant au "
               "moins " + french_percent(50) + " de travailleurs défavorisés";
    return "aux entreprises de l'économie sociale et solidaire, pour les services de santé, sociaux ou culturels "
           "qui le permettent";
}

std::string reserved_short(const Lot& l) {
    if (l.reserved.empty()) return "";
    const char* who = l.reserved == "handicap" ? "EA et ESAT" : l.reserved == "insertion" ? "SIAE" : "ESS";
    return std::string("Réservé (") + who + ", " + reserved_article(l) + ")";
}

std::string cpv_label(const std::string& code) {
    const CpvCode* c = find_cpv(code);
    return c ? c->code + " – " + c->label : code;
}

void object_section(Blocks& b, const Project& p, const ProjectFacts& f) {
    b.push_back(fr_heading(2, "Objet de la consultation"));
    b.push_back(paragraph(labelled("Objet", trim(p.need.object).empty() ? "non renseigné" : p.need.object)));
    add_text(b, p.need.description);
    std::vector<Inline> facts;
    add_fact(facts, "Nature", enum_label(p.need.nature));
    std::vector<std::string> cpv;
    for (const std::string& c : p.need.cpv) cpv.push_back(cpv_label(c));
    add_fact(facts, cpv.size() > 1 ? "Codes CPV" : "Code CPV", join(cpv, " ; "));
    add_fact(facts, "Durée", f.duration_label);
    add_text_fact(facts, "Quantités estimées", p.need.quantities);
    add_fact(facts, "Résultat attendu", p.need.expected_result);
    if (!p.need.members.empty()) {
        std::vector<std::string> names;
        for (const Member& m : p.need.members) names.push_back(trim(m.name));
        add_fact(facts, p.need.pooling == Pooling::centrale ? "Achat pour le compte de" : "Membres du groupement de commandes",
                 join(names));
    }
    b.push_back(bullet_list(std::move(facts)));
}

// Chosen clauses of one kind, each as its title and text (organisation of the consultation, financial terms).
void clause_texts(Blocks& b, const Project& p, const Library& lib, ClauseKind kind) {
    for (const ChosenRef& c : chosen_clauses(p, lib, kind)) {
        b.push_back(fr_heading(3, c.clause->title));
        add_text(b, c.text);
    }
}

// The rules of the consultation the buyer chose from the library (lots, information given, variants…).
void organisation_section(Blocks& b, const Project& p, const Library& lib) {
    if (chosen_clauses(p, lib, ClauseKind::organisation).empty()) return;
    b.push_back(fr_heading(2, "Organisation de la consultation"));
    clause_texts(b, p, lib, ClauseKind::organisation);
}

void lots_section(Blocks& b, const Project& p, const ProjectFacts& f) {
    b.push_back(fr_heading(2, "Allotissement"));
    if (p.lots.size() >= 2) {
        b.push_back(paragraph(fr("La consultation est divisée en " + std::to_string(p.lots.size()) +
                                 " lots (article L.2113-10). Chaque lot fait l'objet d'une offre et d'une attribution "
                                 "distinctes.")));
        std::vector<std::vector<Inline>> rows;
        for (size_t k = 0; k < p.lots.size(); ++k) {
            const Lot& l = p.lots[k];
            rows.push_back({text(std::to_string(k + 1)), frtext(l.title), text(french_euros(l.value) + " HT"),
                            text(reserved_short(l))});
        }
        b.push_back(table({text("Lot"), text("Intitulé"), text("Valeur estimée HT (période initiale)"), text("Réservation")},
                          std::move(rows), {1, 5, 3, 3}));
    } else {
        b.push_back(paragraph(fr("La consultation n'est pas allotie (articles L.2113-11 et R.2113-3).")));
        if (trim(p.single_lot_justification).empty()) b.push_back(todo("les motifs qui justifient de ne pas allotir."));
        else b.push_back(paragraph(labelled("Motifs", p.single_lot_justification)));
    }
    b.push_back(paragraph(fr("Valeur estimée : " + french_euros(f.initial) + " HT pour la période initiale, " +
                             french_euros(f.total) + " HT sur toute la durée, reconductions comprises.")));
}

void procedure_section(Blocks& b, const Project& p, const ProjectFacts& f) {
    b.push_back(fr_heading(2, "Procédure et publicité"));
    std::vector<Inline> facts;
    add_fact(facts, "Procédure", enum_label(f.procedure.procedure));
    add_fact(facts, "Publicité", enum_label(f.procedure.publicity));
    add_fact(facts, f.procedure.articles.size() > 1 ? "Articles" : "Article", join(f.procedure.articles));
    if (f.procedure.electronic)
        add_fact(facts, "Documents et offres", "documents gratuits en ligne sur le profil d'acheteur, échanges et dépôt "
                                               "des offres par voie électronique");
    b.push_back(bullet_list(std::move(facts)));
    b.push_back(paragraph(frtext(f.procedure.explanation)));
    if (f.procedure.procedure != Procedure::formalisee) return;
    const SmallLots s = small_lots(p);
    if (!s.usable) return;
    std::vector<std::string> lots;
    for (int n : s.passable) lots.push_back(std::to_string(n));
    const bool one = lots.size() == 1;
    b.push_back(paragraph(fr(std::string(one ? "Le lot " : "Les lots ") + french_list(lots) + ", d'une valeur inférieure à " +
                             french_euros(s.lot_limit) + " HT" + (one ? "" : " chacun") + " et représentant " +
                             (one ? "" : "ensemble ") + "au plus " + french_percent(s.share_limit) +
                             " de la valeur de tous les lots, " + (one ? "peut être passé" : "peuvent être passés") +
                             " selon une procédure adaptée "
                             "(article R.2123-1, 2°).")));
}

void reserved_section(Blocks& b, const Project& p, const Library& lib) {
    const auto clauses = chosen_clauses(p, lib, ClauseKind::reservation);
    bool any_lot = false;
    for (const Lot& l : p.lots) any_lot = any_lot || !l.reserved.empty();
    if (!any_lot && clauses.empty()) return;
    b.push_back(fr_heading(2, "Lots réservés"));
    for (size_t k = 0; k < p.lots.size(); ++k) {
        const Lot& l = p.lots[k];
        if (l.reserved.empty()) continue;
        std::string s = "Le " + lot_label(p, int(k) + 1) + " est réservé " + reserved_for(l) + ", en application de "
                        "l'article " + reserved_article(l) + ".";
        if (l.reserved != "ess") s += " L'avis d'appel à la concurrence fait référence à cet article (article R.2113-7).";
        b.push_back(paragraph(fr(s)));
    }
    for (const ChosenRef& c : clauses) {
        b.push_back(fr_heading(3, c.clause->title));
        add_text(b, c.text);
        std::vector<Inline> facts;
        add_fact(facts, "Lot concerné", lot_label(p, c.choice->lot));
        add_fact(facts, "Structures concernées", c.clause->reservation.structures);
        add_fact(facts, "Article", lib.citation(c.clause->reservation.article));
        b.push_back(bullet_list(std::move(facts)));
    }
}

void documents_section(Blocks& b, const Project& p, const Library& lib) {
    b.push_back(fr_heading(2, "Pièces à fournir"));
    b.push_back(fr_heading(3, "Candidature"));
    std::vector<Inline> cand = {
        frtext("le document unique de marché européen (DUME) ou les formulaires DC1 et DC2 ;"),
        frtext("les déclarations sur l'honneur et les renseignements prévus à l'article R.2143-3 ;"),
        frtext("en cas de groupement, la répartition des prestations entre ses membres et la désignation du mandataire ;")};
    for (const ChosenRef& c : chosen_clauses(p, lib, ClauseKind::selection)) cand.push_back(labelled(c.clause->title, c.text));
    b.push_back(bullet_list(std::move(cand)));

    b.push_back(fr_heading(3, "Offre"));
    std::vector<Inline> offer = {
        frtext("l'acte d'engagement (AE) complété et signé ;"),
        frtext("le bordereau des prix unitaires ou la décomposition du prix global et forfaitaire ;"),
        frtext("un mémoire technique qui répond à chacun des critères d'attribution ;")};
    for (size_t k = 0; k < p.criteria.size(); ++k)
        add_fact(offer, "Pour le critère « " + criterion_name(p.criteria[k], k) + " »", p.criteria[k].proof);
    for (const ChosenRef& c : chosen_clauses(p, lib))
        if (c.clause->kind == ClauseKind::specification || c.clause->kind == ClauseKind::condition_execution)
            add_fact(offer, "Pour l'exigence « " + c.clause->title + " »", c.clause->offer_proof);
    b.push_back(numbered_list(std::move(offer)));
}

void criteria_section(Blocks& b, const Project& p, const Library& lib) {
    b.push_back(fr_heading(2, "Critères d'attribution"));
    if (p.criteria.empty()) { b.push_back(todo("aucun critère d'attribution n'est encore défini.")); return; }
    b.push_back(paragraph(fr("Les offres sont classées selon les critères pondérés ci-dessous (articles R.2152-7, "
                             "R.2152-11 et R.2152-12) ; la note finale est la somme des notes pondérées.")));
    for (size_t k = 0; k < p.criteria.size(); ++k) {
        const AwardCriterion& c = p.criteria[k];
        b.push_back(fr_heading(3, criterion_name(c, k) + " (" + weight_label(c.weight) + ")"));
        std::vector<Inline> facts;
        add_fact(facts, "Nature", enum_label(c.kind));
        add_fact(facts, "Pondération", weight_label(c.weight));
        add_fact(facts, "Sous-critères", subcriteria_label(c));
        add_text_fact(facts, "Méthode de notation", criterion_method(c, lib));
        add_text_fact(facts, "Éléments à fournir", criterion_proof(c, lib));
        if (const Clause* k = c.clause.empty() ? nullptr : lib.find(c.clause)) add_fact(facts, "Clause type", k->title);
        b.push_back(bullet_list(std::move(facts)));
    }
    b.push_back(paragraph(labelled("Total des pondérations", weight_label(weight_sum(p.criteria)))));
}

void conditions_section(Blocks& b, const Project& p, const Library& lib) {
    b.push_back(fr_heading(2, "Conditions d'exécution"));
    const auto conds = chosen_clauses(p, lib, ClauseKind::condition_execution);
    if (conds.empty()) { b.push_back(todo("aucune condition d'exécution n'est encore retenue.")); return; }
    b.push_back(paragraph(fr("Les conditions d'exécution suivantes s'imposent au titulaire pendant toute la durée du "
                             "marché (articles L.2112-2 et L.2112-3). Leur suivi est décrit dans le plan de suivi "
                             "d'exécution joint.")));
    for (const ChosenRef& c : conds) {
        const Clause& k = *c.clause;
        b.push_back(fr_heading(3, k.title));
        add_text(b, c.text);
        std::vector<Inline> facts;
        if (c.choice->lot > 0) add_fact(facts, "Lot concerné", lot_label(p, c.choice->lot));
        add_fact(facts, "Indicateur", k.indicator);
        add_fact(facts, "Justificatifs en cours d'exécution", k.execution_proof);
        add_fact(facts, "Contrôle", k.checkpoint);
        add_fact(facts, "En cas de manquement", k.penalty);
        add_fact(facts, k.articles.size() > 1 ? "Fondements" : "Fondement", lib.citations(k.articles));
        b.push_back(bullet_list(std::move(facts)));
    }
}

// The volume each insertion clause sets (its hours variables, as the buyer filled them in), beside the
// calculator's reference estimate for the same lot, so the two figures can be compared and never contradict.
std::string insertion_volume(const ChosenRef& c) {
    std::vector<std::string> parts;
    for (const Variable& v : c.clause->variables) {
        if (v.type != "hours") continue;
        const auto set = c.choice->values.find(v.name);
        parts.push_back(v.label + " : " + format_value(v, set != c.choice->values.end() ? set->second : v.default_value));
    }
    return parts.empty() ? "volume fixé selon les modalités de la clause" : join(parts, " ; ");
}

std::string insertion_reference(const Project& p, int lot) {
    const InsertionEstimate e = estimate_project_insertion(p, lot);
    if (!e.valid) return "à établir avec le facilitateur";
    return "environ " + french_number(double(e.rounded_hours), 0) + kNbsp + "heures (" + french_euros(e.value) +
           " HT × " + french_percent(e.labour_share) + " de main-d'œuvre ÷ " + french_euros(e.hourly_cost) +
           " de l'heure × " + french_percent(e.rate) + ")";
}

void insertion_section(Blocks& b, const Project& p, const Library& lib) {
    std::vector<Inline> rows;
    for (const ChosenRef& c : chosen_clauses(p, lib, ClauseKind::condition_execution)) {
        if (!is_insertion_clause(*c.clause)) continue;
        rows.push_back(labelled(upper_first(lot_label(p, c.choice->lot)) + " — " + c.clause->title,
                                insertion_volume(c) + ". Estimation de référence : " +
                                    insertion_reference(p, c.choice->lot) + "."));
    }
    if (rows.empty()) return;
    b.push_back(fr_heading(2, "Insertion professionnelle : volume d'heures"));
    b.push_back(paragraph(fr("Le volume d'heures d'insertion est celui que fixe chaque clause ci-dessous, sur toute la "
                             "durée du marché, reconductions comprises. L'estimation de référence, calculée sur les "
                             "hypothèses de l'acheteur, est donnée pour information.")));
    b.push_back(bullet_list(std::move(rows)));
    b.push_back(paragraph(fr("Le titulaire peut remplir cet engagement par l'embauche directe, la mise à disposition de "
                             "salariés par une structure d'insertion, la sous-traitance ou la cotraitance avec une "
                             "structure d'insertion par l'activité économique, ou des actions de formation "
                             "qualifiante. Il rend compte chaque mois des heures réalisées au facilitateur.")));
    if (trim(p.insertion.facilitator).empty()) b.push_back(todo("les coordonnées du facilitateur des clauses sociales."));
    else b.push_back(paragraph(labelled("Facilitateur", p.insertion.facilitator)));
}

void follow_up_section(Blocks& b, const Project& p, const Library& lib) {
    b.push_back(fr_heading(2, "Suivi d'exécution et pénalités"));
    b.push_back(paragraph(fr("Le titulaire remet les justificatifs prévus pour chaque engagement aux échéances du plan de "
                             "suivi. Un manquement constaté, après que le titulaire a été invité à présenter ses "
                             "observations, entraîne la sanction ou la mesure corrective prévue ci-dessous.")));
    std::vector<Inline> lines;
    for (const Commitment& m : monitoring_rows(p, lib)) add_fact(lines, m.commitment.empty() ? "Engagement" : m.commitment, m.penalty);
    if (!lines.empty()) b.push_back(bullet_list(std::move(lines)));
}

void payment_section(Blocks& b, const Project& p, const Library& lib) {
    b.push_back(fr_heading(2, "Avance et conditions de paiement"));
    if (p.advance_percent > 0)
        b.push_back(paragraph(fr("Une avance de " + french_percent(p.advance_percent) + " du montant initial du marché "
                                 "(ou du lot) est versée au titulaire, sauf s'il y renonce (article R.2191-3).")));
    else
        b.push_back(paragraph(fr("Le taux de l'avance n'est pas fixé : les règles de l'article R.2191-3 s'appliquent.")));
    b.push_back(paragraph(fr("Les sommes dues sont payées dans un délai de " + std::to_string(p.payment_days) +
                             " jours à compter de la réception de la demande de paiement (article R.2192-10). Tout "
                             "retard fait courir de plein droit des intérêts moratoires au profit du titulaire "
                             "(article L.2192-12).")));
    clause_texts(b, p, lib, ClauseKind::clause_financiere);
}

void cctp_part(Blocks& b, const Project& p, const Library& lib) {
    b.push_back(fr_heading(1, "Extrait du cahier des clauses techniques particulières (CCTP)"));
    b.push_back(paragraph(fr("Les spécifications techniques sont formulées en termes de performances ou d'exigences "
                             "fonctionnelles et tiennent compte des objectifs de développement durable (articles "
                             "L.2111-2 et R.2111-4). Lorsqu'un label est cité, tout label équivalent et tout autre "
                             "moyen de preuve approprié sont acceptés (articles R.2111-16 et R.2111-17).")));
    const auto specs = chosen_clauses(p, lib, ClauseKind::specification);
    for (const ChosenRef& c : specs) {
        b.push_back(fr_heading(2, c.clause->title));
        add_text(b, c.text);
        std::vector<Inline> facts;
        if (c.choice->lot > 0) add_fact(facts, "Lot concerné", lot_label(p, c.choice->lot));
        add_fact(facts, "Justificatif à remettre avec l'offre", c.clause->offer_proof);
        add_fact(facts, "Contrôle en cours d'exécution", c.clause->execution_proof);
        if (!facts.empty()) b.push_back(bullet_list(std::move(facts)));
    }
    for (size_t k = 0; k < p.specifications.size(); ++k) {
        const Specification& s = p.specifications[k];
        b.push_back(fr_heading(2, trim(s.title).empty() ? "Spécification " + std::to_string(k + 1) : trim(s.title)));
        add_text(b, s.text);
    }
    if (specs.empty() && p.specifications.empty()) b.push_back(todo("aucune spécification technique n'est encore rédigée."));
}

void grid_part(Blocks& b, const Project& p, const Library& lib) {
    b.push_back(fr_heading(1, "Grille des critères d'attribution"));
    if (p.criteria.empty()) { b.push_back(todo("aucun critère d'attribution n'est encore défini.")); return; }
    std::vector<std::vector<Inline>> rows;
    for (size_t k = 0; k < p.criteria.size(); ++k) {
        const AwardCriterion& c = p.criteria[k];
        std::string name = criterion_name(c, k);
        if (!c.subcriteria.empty()) name += " — sous-critères : " + subcriteria_label(c);
        rows.push_back({frtext(name), text(enum_label(c.kind)), text(weight_label(c.weight)),
                        text_lines(criterion_method(c, lib), fr), text_lines(criterion_proof(c, lib), fr)});
    }
    rows.push_back({{strong("Total")}, {}, {strong(weight_label(weight_sum(p.criteria)))}, {}, {}});
    b.push_back(table({text("Critère"), text("Nature"), text("Pondération"), text("Méthode de notation"),
                       text("Éléments à fournir")}, std::move(rows), {4, 3, 2, 5, 5}));
}

void monitoring_part(Blocks& b, const Project& p, const Library& lib) {
    b.push_back(fr_heading(1, "Plan de suivi d'exécution"));
    const auto lines = monitoring_rows(p, lib);
    if (lines.empty()) { b.push_back(todo("aucun engagement n'est encore suivi.")); return; }
    b.push_back(paragraph(fr("Pour chaque engagement : ce qui est mesuré, la preuve attendue, le moment du contrôle et "
                             "la conséquence d'un manquement.")));
    std::vector<std::vector<Inline>> rows;
    for (const Commitment& m : lines)
        rows.push_back({frtext(m.commitment), frtext(m.indicator), frtext(m.proof), frtext(m.checkpoint), frtext(m.penalty)});
    b.push_back(table({text("Engagement"), text("Indicateur"), text("Justificatif"), text("Échéance de contrôle"),
                       text("Sanction ou remédiation")}, std::move(rows)));
}

}  // namespace

void assemble_dce(Document& d, const Project& p, const Library& lib, const ProjectFacts& f) {
    Blocks& b = d.blocks;
    b.push_back(fr_heading(1, "Règlement de la consultation (RC)"));
    object_section(b, p, f);
    lots_section(b, p, f);
    procedure_section(b, p, f);
    organisation_section(b, p, lib);
    reserved_section(b, p, lib);
    b.push_back(fr_heading(2, "Variantes"));
    b.push_back(paragraph(fr(p.variants ? "Les variantes sont autorisées ; elles respectent les exigences minimales fixées "
                                          "au CCTP."
                                        : "Les variantes ne sont pas autorisées : seule l'offre de base est examinée.")));
    documents_section(b, p, lib);
    criteria_section(b, p, lib);

    b.push_back(fr_heading(1, "Extrait du cahier des clauses administratives particulières (CCAP)"));
    conditions_section(b, p, lib);
    insertion_section(b, p, lib);
    follow_up_section(b, p, lib);
    payment_section(b, p, lib);

    cctp_part(b, p, lib);
    grid_part(b, p, lib);
    monitoring_part(b, p, lib);
}

}  // namespace clausier
