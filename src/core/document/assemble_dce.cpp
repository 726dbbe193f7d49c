// The consultation file (DCE): its order of parts and the règlement de la consultation (RC). The CCAP is in
// assemble_ccap.cpp, the actes d'engagement, CCTP frames, criteria grid and monitoring plan in assemble_pieces.cpp.
#include "document/assemble.h"
#include "library/cpv.h"
#include "law/insertion.h"

namespace clausier {

namespace {

using Blocks = std::vector<Block>;

Block buyer_todo(std::string_view what) { return to_complete("l'acheteur", what); }

std::string reserved_article_text(const Lot& l) {
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
    return std::string("Réservé (") + who + ", " + reserved_article_text(l) + ")";
}

std::string cpv_label(const std::string& code) {
    const CpvCode* c = find_cpv(code);
    return c ? c->code + " – " + c->label : code;
}

void buyer_section(Blocks& b, const Project& p, const ProjectFacts& f) {
    const ConsultationSettings& s = f.settings.s;
    b.push_back(fr_heading(2, "Identification de l'acheteur"));
    std::vector<Inline> facts;
    facts.push_back(labelled("Acheteur", or_gap(p.buyer.name, "nom de l'acheteur")));
    facts.push_back(labelled("Adresse", or_gap(s.buyer_address, "adresse")));
    facts.push_back(labelled("SIRET", or_gap(s.buyer_siret, "numéro SIRET")));
    facts.push_back(labelled("Profil d'acheteur", or_gap(s.buyer_profile_url, "adresse du profil d'acheteur")));
    add_fact(facts, "Renseignements", s.buyer_contact);
    facts.push_back(labelled("Signataire du marché", or_gap(s.signatory, "nom et qualité du signataire")));
    if (!trim(s.reference).empty()) facts.push_back(labelled("Référence de la consultation", s.reference));
    if (!p.need.members.empty()) {
        std::vector<std::string> names;
        for (const Member& m : p.need.members) names.push_back(trim(m.name));
        add_fact(facts, p.need.pooling == Pooling::centrale ? "Achat pour le compte de" : "Membres du groupement de commandes (articles L.2113-6 à L.2113-8)",
                 join(names));
    }
    b.push_back(bullet_list(std::move(facts)));
}

void object_section(Blocks& b, const Project& p, const ProjectFacts& f) {
    b.push_back(fr_heading(2, "Objet de la consultation"));
    b.push_back(paragraph(labelled("Objet", or_gap(p.need.object, "objet du marché"))));
    add_text(b, p.need.description);
    std::vector<Inline> facts;
    add_fact(facts, "Nature", enum_label(p.need.nature));
    std::vector<std::string> cpv;
    for (const std::string& c : p.need.cpv) cpv.push_back(cpv_label(c));
    add_fact(facts, cpv.size() > 1 ? "Codes CPV" : "Code CPV", join(cpv, " ; "));
    add_text_fact(facts, "Quantités estimées", p.need.quantities);
    add_fact(facts, "Résultat attendu", p.need.expected_result);
    b.push_back(bullet_list(std::move(facts)));
}

void lots_section(Blocks& b, const Project& p, const ProjectFacts& f) {
    b.push_back(fr_heading(2, "Allotissement"));
    if (p.lots.size() >= 2) {
        b.push_back(paragraph(fr("La consultation est divisée en " + std::to_string(p.lots.size()) +
                                 " lots (article L.2113-10). Chaque lot fait l'objet d'une offre et d'une attribution "
                                 "distinctes ; un soumissionnaire peut présenter une offre pour un, plusieurs ou tous les lots.")));
        std::vector<std::vector<Inline>> rows;
        for (size_t k = 0; k < p.lots.size(); ++k) {
            const Lot& l = p.lots[k];
            rows.push_back({text(std::to_string(k + 1)), frtext(l.title), text(french_euros(l.value) + " HT"),
                            text(reserved_short(l))});
        }
        b.push_back(table({text("Lot"), text("Intitulé"), text("Valeur estimée HT (période initiale)"), text("Réservation")},
                          std::move(rows), {1, 5, 3, 3}));
        const int max = f.settings.s.max_lots_per_bidder;
        if (max > 0 && max < int(p.lots.size()))
            b.push_back(paragraph(fr("Un même soumissionnaire ne peut se voir attribuer plus de " + std::to_string(max) +
                                     (max > 1 ? " lots" : " lot") + " (article L.2113-10). S'il est classé premier sur un "
                                     "plus grand nombre de lots, ils lui sont attribués dans l'ordre de préférence indiqué "
                                     "dans son offre et les autres lots sont attribués au soumissionnaire classé suivant.")));
        else
            b.push_back(paragraph(fr("Un même soumissionnaire peut se voir attribuer plusieurs lots.")));
    } else {
        b.push_back(paragraph(fr("La consultation n'est pas divisée en lots (articles L.2113-10, L.2113-11 et R.2113-3).")));
        if (p.single_lot_ground == SingleLotGround::aucun) b.push_back(buyer_todo("le motif qui justifie de ne pas allotir."));
        else b.push_back(paragraph(labelled("Motif", enum_label(p.single_lot_ground))));
        if (!trim(p.single_lot_justification).empty()) b.push_back(paragraph(labelled("Justification", p.single_lot_justification)));
    }
    b.push_back(paragraph(fr("Valeur estimée : " + french_euros(f.initial) + " HT pour la période initiale, " +
                             french_euros(f.total) + " HT sur toute la durée, reconductions comprises.")));
}

const char* procedure_articles(ProcedureForm form) {
    switch (form) {
        case ProcedureForm::appel_offres_ouvert: return "articles L.2124-2, R.2124-2 (1°) et R.2161-2 à R.2161-5";
        case ProcedureForm::appel_offres_restreint: return "articles L.2124-2, R.2124-2 (2°) et R.2161-6 à R.2161-11";
        case ProcedureForm::sans_publicite: return "article R.2122-8";
        default: return "articles L.2123-1, R.2123-1, R.2123-4 et R.2123-5";
    }
}

void procedure_section(Blocks& b, const Project& p, const ProjectFacts& f) {
    const ProcedureForm form = f.settings.s.procedure;
    b.push_back(fr_heading(2, "Procédure"));
    b.push_back(paragraph(fr(std::string("La consultation est passée selon la procédure suivante : ") +
                             lower_first(enum_label(form)) + " (" + procedure_articles(form) + ").")));
    std::vector<Inline> facts;
    add_fact(facts, "Publicité", enum_label(f.procedure.publicity));
    if (f.procedure.electronic)
        add_fact(facts, "Documents de la consultation", "gratuits, en accès libre, direct et complet sur le profil d'acheteur "
                                                        "(article R.2132-2)");
    b.push_back(bullet_list(std::move(facts)));
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
                             " selon une procédure adaptée (article R.2123-1, 2°).")));
}

void contract_section(Blocks& b, const Project& p, const ProjectFacts& f) {
    const ResolvedSettings& r = f.settings;
    b.push_back(fr_heading(2, "Forme et durée du marché"));
    std::string form;
    switch (r.s.contract) {
        case ContractForm::accord_cadre_bons:
            form = "Le marché est un accord-cadre exécuté par l'émission de bons de commande (articles R.2162-2 et R.2162-13 "
                   "à R.2162-14), conclu avec un seul opérateur économique par lot";
            break;
        case ContractForm::accord_cadre_subsequents:
            form = "Le marché est un accord-cadre exécuté par la conclusion de marchés subséquents (articles R.2162-2 et "
                   "R.2162-7 à R.2162-12)";
            break;
        default: form = "Le marché est un marché ordinaire, dont les prestations sont définies dès sa notification";
    }
    if (r.framework) {
        form += r.s.framework_min > 0 ? ", avec un montant minimum de " + french_euros(r.s.framework_min) + " HT" : ", sans montant minimum";
        form += " et un montant maximum de " + (r.s.framework_max > 0 ? french_euros(r.s.framework_max) + " HT"
                                                                      : or_gap("", "montant maximum")) +
                " sur toute sa durée (article R.2162-4)";
    }
    b.push_back(paragraph(fr(form + ".")));
    b.push_back(paragraph(labelled("Durée", f.duration_label)));
    b.push_back(paragraph(fr(r.s.start_date.empty()
                                 ? "Le marché prend effet à la date de sa notification au titulaire."
                                 : "Le marché prend effet le " + french_date(parse_date(r.s.start_date)) +
                                       " ou, si elle est postérieure, à la date de sa notification.")));
}

void dce_contents_section(Blocks& b, const Project& p, const ProjectFacts& f) {
    const ResolvedSettings& r = f.settings;
    b.push_back(fr_heading(2, "Contenu du dossier de consultation"));
    std::vector<Inline> items = {frtext("le présent règlement de la consultation (RC) ;"),
                                 frtext(p.lots.size() >= 2 ? "un acte d'engagement (AE) par lot ;" : "l'acte d'engagement (AE) ;"),
                                 frtext("le cahier des clauses administratives particulières (CCAP) et son annexe, le plan de "
                                        "suivi d'exécution ;"),
                                 frtext(p.lots.size() >= 2 ? "un cahier des clauses techniques particulières (CCTP) par lot ;"
                                                           : "le cahier des clauses techniques particulières (CCTP) ;"),
                                 frtext(schedule_names(p, r) + ", à compléter ;"),
                                 frtext("la grille d'analyse des offres, pour information ;")};
    if (r.s.staff_takeover == Toggle::oui)
        items.push_back(frtext(std::string("l'annexe « ") + kStaffListTitle + " », établie d'après les informations "
                               "transmises par le titulaire sortant ;"));
    if (ccag_short(r.s.ccag)[0])
        items.push_back(frtext(std::string("le ") + ccag_short(r.s.ccag) + " n'est pas joint : il est publié au Journal "
                               "officiel et réputé connu des candidats."));
    b.push_back(bullet_list(std::move(items)));
}

void conditions_section(Blocks& b, const Project& p, const Library& lib, const ProjectFacts& f) {
    const ConsultationSettings& s = f.settings.s;
    b.push_back(fr_heading(2, "Conditions de la consultation"));
    b.push_back(fr_heading(3, "Variantes et options"));
    b.push_back(paragraph(fr(p.variants ? "Les variantes sont autorisées ; elles respectent les exigences minimales fixées "
                                          "au CCTP et sont présentées avec une offre de base (article R.2151-8)."
                                        : "Les variantes ne sont pas autorisées : seule l'offre de base est examinée.")));
    if (trim(s.options).empty()) b.push_back(paragraph(fr("La consultation ne comporte pas d'option.")));
    else {
        b.push_back(paragraph(fr("Les soumissionnaires chiffrent obligatoirement les options suivantes, que l'acheteur "
                                 "se réserve de retenir ou non :")));
        add_text(b, s.options);
    }
    b.push_back(fr_heading(3, "Délai de validité des offres"));
    b.push_back(paragraph(fr("Les offres sont valables " + std::to_string(s.offer_validity_days) + " jours à compter de "
                             "la date limite de remise des offres.")));
    b.push_back(fr_heading(3, "Visite des lieux"));
    if (s.site_visit == SiteVisit::aucune) b.push_back(paragraph(fr("Aucune visite des lieux n'est organisée.")));
    else {
        b.push_back(paragraph(fr(s.site_visit == SiteVisit::obligatoire
                                     ? "La visite des lieux est obligatoire : une offre remise sans visite préalable est "
                                       "irrégulière. Une attestation de visite est remise à chaque candidat."
                                     : "Une visite des lieux est proposée ; elle est facultative.")));
        b.push_back(paragraph(labelled("Prise de rendez-vous", or_gap(s.site_visit_booking, "modalités de prise de rendez-vous"))));
    }
    if (s.staff_takeover == Toggle::oui) {
        b.push_back(fr_heading(3, "Reprise du personnel"));
        b.push_back(paragraph(fr("En application de l'" + staff_takeover_basis(p) + ", le nouveau titulaire "
                                 "reprend le personnel affecté aux prestations. Ce personnel est décrit, sans donnée "
                                 "nominative (qualification, coefficient, contrat, durée du travail, ancienneté, "
                                 "rémunération), à l'annexe « " + kStaffListTitle + " » ; les soumissionnaires en tiennent "
                                 "compte dans leur prix.")));
    }
    for (const ChosenRef& c : chosen_clauses(p, lib, ClauseKind::organisation)) {
        b.push_back(fr_heading(3, c.clause->title));
        add_text(b, c.text);
    }
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
                        "l'article " + reserved_article_text(l) + ".";
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

void candidature_section(Blocks& b, const Project& p, const Library& lib, const ProjectFacts& f) {
    b.push_back(fr_heading(2, "Présentation des candidatures"));
    std::vector<Inline> cand = {
        frtext("le document unique de marché européen (DUME) ou, à défaut, les formulaires DC1 (lettre de candidature) et "
               "DC2 (déclaration du candidat) ;"),
        frtext("la déclaration sur l'honneur de ne relever d'aucun des motifs d'exclusion prévus aux articles L.2141-1 à "
               "L.2141-5 et L.2141-7 à L.2141-11, et les renseignements prévus à l'article R.2143-3 ;"),
        frtext("en cas de groupement, la répartition des prestations entre ses membres et la désignation du mandataire ;"),
        frtext("les renseignements sur les capacités économiques et financières, techniques et professionnelles énumérés "
               "ci-dessous (articles R.2142-1 à R.2142-14).")};
    b.push_back(bullet_list(std::move(cand)));
    b.push_back(fr_heading(3, "Capacités et niveaux minimaux"));
    const auto selection = chosen_clauses(p, lib, ClauseKind::selection);
    if (selection.empty())
        b.push_back(paragraph(fr("Aucun niveau minimal de capacité n'est exigé. Les capacités sont appréciées au vu d'une "
                                 "déclaration du chiffre d'affaires des trois derniers exercices, d'une présentation des "
                                 "moyens humains et techniques et d'une liste de prestations similaires réalisées au cours "
                                 "des trois dernières années. Un candidat peut faire valoir les capacités d'autres opérateurs "
                                 "économiques, notamment de ses sous-traitants (article R.2142-3).")));
    for (const ChosenRef& c : selection) {
        b.push_back(paragraph(labelled(c.clause->title, "")));
        add_text(b, c.text);
    }
    b.push_back(fr_heading(3, "Motifs d'exclusion"));
    b.push_back(paragraph(fr("Sont exclus de la procédure les candidats qui relèvent d'un motif d'exclusion de plein droit "
                             "(articles L.2141-1 à L.2141-5). L'acheteur peut exclure un candidat dans les cas prévus aux "
                             "articles L.2141-7 à L.2141-11, après l'avoir mis à même d'établir, dans un délai raisonnable, "
                             "qu'il a pris les mesures nécessaires pour corriger les manquements constatés.")));
    if (f.settings.s.green_industry_exclusion == Toggle::oui)
        b.push_back(paragraph(fr("En application de l'article L.2141-7-1, l'acheteur exclut en outre de la procédure les "
                                 "personnes qui, soumises à l'obligation d'établir un bilan de leurs émissions de gaz à effet "
                                 "de serre (article L.229-25 du code de l'environnement) ou un plan de vigilance (article "
                                 "L.225-102-4 du code de commerce), ne justifient pas s'y être conformées pour l'année qui "
                                 "précède celle de la date limite de remise des candidatures.")));
}

// Only what a bidder can give with its offer (what is supplied during execution is in the CCAP and the
// monitoring plan).
void offer_section(Blocks& b, const Project& p, const Library& lib, const ProjectFacts& f) {
    b.push_back(fr_heading(2, "Contenu des offres"));
    std::vector<Inline> offer = {
        frtext(p.lots.size() >= 2 ? "pour chaque lot, l'acte d'engagement complété ;" : "l'acte d'engagement complété ;"),
        frtext("le document de prix, " + schedule_names(p, f.settings) + ", rempli sans modifier son cadre ;"),
        frtext("un mémoire technique qui répond à chacun des critères d'attribution ;")};
    for (size_t k = 0; k < p.criteria.size(); ++k)
        add_fact(offer, "Pour le critère « " + criterion_name(p.criteria[k], k) + " »" +
                            (p.criteria[k].lot > 0 ? ", " + lot_label(p, p.criteria[k].lot) : ""), p.criteria[k].proof);
    for (const ChosenRef& c : chosen_clauses(p, lib))
        if (c.clause->kind == ClauseKind::specification || c.clause->kind == ClauseKind::condition_execution) {
            std::string label = "Pour l'exigence « " + c.clause->title + " »";
            if (c.choice->lot > 0) label += ", " + lot_label(p, c.choice->lot);
            add_fact(offer, label, c.clause->offer_proof);
        }
    b.push_back(numbered_list(std::move(offer)));
    b.push_back(paragraph(fr("Les justificatifs que le titulaire remet pendant l'exécution du marché ne sont pas demandés "
                             "à ce stade : ils sont prévus au CCAP et au plan de suivi d'exécution.")));
}

void submission_section(Blocks& b, const Project& p, const ProjectFacts& f) {
    const ResolvedSettings& r = f.settings;
    b.push_back(fr_heading(2, "Conditions d'envoi et de remise des offres"));
    const std::string deadline = r.deadline.valid() ? french_date(r.deadline) + " à " + or_gap(r.s.tender_deadline_time, "heure")
                                                    : or_gap("", "date et heure limites");
    b.push_back(paragraph(fr("Les candidatures et les offres sont transmises par voie électronique sur le profil d'acheteur (" +
                             or_gap(r.s.buyer_profile_url, "adresse du profil d'acheteur") + ") au plus tard le " +
                             deadline + " (heure de Paris). Un pli reçu après cette date et cette heure n'est pas ouvert "
                             "(article R.2143-2).")));
    b.push_back(paragraph(fr("Le soumissionnaire peut transmettre en outre une copie de sauvegarde sur support physique "
                             "électronique ou sur support papier, dans le délai de remise des offres (article R.2132-11). "
                             "La signature électronique de l'offre n'est pas exigée au dépôt ; l'attributaire signe le "
                             "marché avant sa notification.")));
    if (r.publication.valid())
        b.push_back(paragraph(labelled("Date d'envoi de l'avis", french_date(r.publication))));
    b.push_back(fr_heading(3, "Questions des candidats"));
    b.push_back(paragraph(fr("Les candidats posent leurs questions sur le profil d'acheteur au plus tard " +
                             std::to_string(r.s.questions_days) + " jours avant la date limite de remise des offres. "
                             "L'acheteur communique sa réponse à tous les candidats au plus tard six jours avant cette date "
                             "(article R.2132-6).")));
}

// The criteria of one group (criteria_of_lot) with their weight, range or rank, sub-criteria and scoring.
Block criteria_table(const Project& p, const Library& lib, const std::vector<size_t>& indexes) {
    std::vector<std::vector<Inline>> rows;
    double total = 0;
    for (size_t n = 0; n < indexes.size(); ++n) {
        const AwardCriterion& c = p.criteria[indexes[n]];
        rows.push_back({frtext(criterion_name(c, indexes[n])), text(criterion_weight_label(p, c, n)), frtext(subcriteria_label(c)),
                        text_lines(criterion_method(c, lib), fr)});
        total += c.weight;
    }
    if (p.weighting == Weighting::ponderation) rows.push_back({{strong("Total")}, {strong(weight_label(total))}, {}, {}});
    return table({text("Critère"), text(p.weighting == Weighting::hierarchisation ? "Rang" : "Pondération"), text("Sous-critères"),
                  text("Méthode de notation")},
                 std::move(rows), {4, 2, 4, 6});
}

void judgement_section(Blocks& b, const Project& p, const Library& lib, const ProjectFacts& f) {
    b.push_back(fr_heading(2, "Jugement des offres"));
    b.push_back(fr_heading(3, "Critères d'attribution"));
    if (p.criteria.empty()) b.push_back(buyer_todo("les critères d'attribution."));
    else {
        const std::vector<int> groups = criteria_groups(p);
        const bool ranked = p.weighting == Weighting::hierarchisation;
        std::string intro = ranked ? "L'offre économiquement la plus avantageuse est choisie selon les critères ci-dessous, "
                                     "classés par ordre décroissant d'importance (articles L.2152-7, R.2152-7, R.2152-11 et "
                                     "R.2152-12)"
                                   : "L'offre économiquement la plus avantageuse est choisie selon les critères pondérés ci-dessous "
                                     "(articles L.2152-7, R.2152-7, R.2152-11 et R.2152-12)";
        intro += groups.size() > 1 ? " ; les critères diffèrent selon les lots." : ", appliqués à chaque lot.";
        if (p.weighting == Weighting::fourchette)
            intro += " Chaque critère est pondéré dans la fourchette indiquée ; la pondération retenue dans chaque fourchette "
                     "est la même pour toutes les offres.";
        else if (!ranked)
            intro += " La note finale est la somme des notes pondérées.";
        intro += " Le détail de la notation figure dans la grille d'analyse des offres jointe.";
        b.push_back(paragraph(fr(intro)));
        if (ranked && !trim(p.weighting_reason).empty())
            b.push_back(paragraph(labelled("Raisons pour lesquelles la pondération est impossible", p.weighting_reason)));
        for (int lot : groups) {
            if (groups.size() > 1) b.push_back(paragraph(labelled(upper_first(lot_label(p, lot)), "")));
            b.push_back(criteria_table(p, lib, criteria_of_lot(p, lot)));
        }
    }
    b.push_back(fr_heading(3, "Offres irrégulières, inacceptables ou inappropriées"));
    b.push_back(paragraph(fr("Les offres irrégulières, inacceptables ou inappropriées sont éliminées (articles L.2152-1 à "
                             "L.2152-4). L'acheteur peut toutefois autoriser les soumissionnaires concernés à régulariser "
                             "une offre irrégulière dans un délai approprié, à condition qu'elle ne soit pas anormalement "
                             "basse (article R.2152-2).")));
    b.push_back(fr_heading(3, "Offres anormalement basses"));
    b.push_back(paragraph(fr("Lorsqu'une offre paraît anormalement basse, l'acheteur demande par écrit au soumissionnaire "
                             "les précisions et justifications de son prix. Il rejette l'offre si ces justifications ne "
                             "rendent pas compte de façon satisfaisante du bas niveau du prix ou des coûts proposés, ou si "
                             "l'offre ne respecte pas les obligations applicables en matière de droit de l'environnement, "
                             "social et du travail (articles L.2152-5, L.2152-6 et R.2152-3 à R.2152-5).")));
    b.push_back(fr_heading(3, "Négociation"));
    const ProcedureForm form = f.settings.s.procedure;
    b.push_back(paragraph(fr(form == ProcedureForm::adaptee_negociation
        ? "L'acheteur se réserve la possibilité de négocier avec les soumissionnaires ayant présenté les offres les mieux "
          "classées, dans le respect de l'égalité de traitement ; il peut aussi attribuer le marché sur la base des offres "
          "initiales, sans négociation (article R.2123-5). La négociation peut porter sur tous les éléments de l'offre, "
          "notamment le prix, mais ni sur l'objet du marché ni sur les critères d'attribution."
        : form == ProcedureForm::adaptee_ouverte
        ? "Le marché est attribué sur la base des offres initiales, sans négociation."
        : "Aucune négociation n'est possible : le marché est attribué sur la base des offres remises (article L.2124-2).")));
}

void award_section(Blocks& b, const Project& p, const ProjectFacts& f) {
    b.push_back(fr_heading(2, "Attribution du marché"));
    b.push_back(paragraph(fr("Avant l'attribution, le soumissionnaire retenu produit dans le délai que fixe l'acheteur "
                             "(article R.2144-4) :")));
    b.push_back(bullet_list({frtext("les attestations et certificats délivrés par les administrations et organismes "
                                    "compétents prouvant qu'il a satisfait à ses obligations fiscales et sociales ;"),
                             frtext("les documents prévus aux articles L.8222-1 et D.8222-5 du code du travail (attestation "
                                    "de vigilance de l'organisme de recouvrement des cotisations sociales, de moins de six "
                                    "mois, et extrait d'immatriculation), puis tous les six mois jusqu'à la fin du marché ;"),
                             frtext("l'attestation d'assurance de responsabilité civile professionnelle en cours de "
                                    "validité ;"),
                             frtext("le cas échéant, le pouvoir de la personne habilitée à l'engager.")}));
    b.push_back(paragraph(fr("S'il ne les produit pas dans ce délai, son offre est rejetée et l'acheteur sollicite le "
                             "soumissionnaire classé immédiatement après (article R.2144-7).")));
    b.push_back(fr_heading(3, "Information des candidats"));
    std::string info = "Dès qu'il a fait son choix, l'acheteur informe chaque candidat et soumissionnaire évincé du rejet "
                       "de sa candidature ou de son offre (article L.2181-1)";
    if (f.procedure.procedure == Procedure::formalisee)
        info += " et lui en notifie les motifs (articles R.2181-1 à R.2181-4). Le marché n'est pas signé avant "
                "l'expiration d'un délai de onze jours à compter de l'envoi de cette notification (article R.2182-1)";
    b.push_back(paragraph(fr(info + ".")));
}

void remedies_section(Blocks& b, const ProjectFacts& f) {
    b.push_back(fr_heading(2, "Voies et délais de recours"));
    b.push_back(paragraph(labelled("Instance chargée des procédures de recours",
                                   or_gap(f.settings.s.court, "tribunal administratif territorialement compétent et son adresse"))));
    b.push_back(bullet_list({frtext("référé précontractuel, jusqu'à la signature du marché (article L.551-1 du code de "
                                    "justice administrative) ;"),
                             frtext("référé contractuel, dans les conditions des articles L.551-13 et R.551-7 du code de "
                                    "justice administrative ;"),
                             frtext("recours en contestation de la validité du contrat, dans un délai de deux mois à compter "
                                    "de l'accomplissement des mesures de publicité de sa conclusion ;"),
                             frtext("recours pour excès de pouvoir contre les actes détachables, dans un délai de deux mois "
                                    "(article R.421-1 du code de justice administrative).")}));
}

}  // namespace

void assemble_rc(Blocks& b, const Project& p, const Library& lib, const ProjectFacts& f) {
    b.push_back(fr_heading(1, "Règlement de la consultation (RC)"));
    const size_t first = b.size();
    buyer_section(b, p, f);
    object_section(b, p, f);
    lots_section(b, p, f);
    reserved_section(b, p, lib);
    procedure_section(b, p, f);
    contract_section(b, p, f);
    dce_contents_section(b, p, f);
    conditions_section(b, p, lib, f);
    candidature_section(b, p, lib, f);
    offer_section(b, p, lib, f);
    submission_section(b, p, f);
    judgement_section(b, p, lib, f);
    award_section(b, p, f);
    remedies_section(b, f);
    number_articles(b, first);
}

namespace {

// « Sommaire »: every part (level-1 heading) and its articles, each given an anchor so that DOCX and ODT print
// the page it starts on.
Blocks table_of_contents(Blocks& parts) {
    Block contents;
    contents.kind = Block::contents;
    for (Block& b : parts) {
        if (b.kind != Block::heading || b.level > 2) continue;
        b.anchor = "sommaire-" + std::to_string(contents.items.size() + 1);
        contents.items.push_back(b.text);
        contents.targets.push_back(b.anchor);
        contents.levels.push_back(b.level);
    }
    return {heading(1, "Sommaire"), std::move(contents)};
}

}  // namespace

void assemble_dce(Document& d, const Project& p, const Library& lib, const ProjectFacts& f) {
    Blocks b;
    assemble_rc(b, p, lib, f);
    assemble_ccap(b, p, lib, f);
    const int lots = std::max<int>(1, int(p.lots.size()));
    for (int lot = 1; lot <= lots; ++lot) assemble_acte_engagement(b, p, f, p.lots.empty() ? 0 : lot);
    for (int lot = 1; lot <= lots; ++lot) assemble_cctp(b, p, lib, p.lots.size() >= 2 ? lot : 0);
    assemble_grid(b, p, lib);
    assemble_monitoring(b, p, lib);
    assemble_staff_list(b, p, f);
    if (p.need.pooling == Pooling::groupement) assemble_convention(b, p, f);
    d.blocks = table_of_contents(b);
    for (Block& x : b) d.blocks.push_back(std::move(x));
}

}  // namespace clausier
