// The cahier des clauses administratives particulières (CCAP): numbered articles from the consultation
// settings and the chosen clauses, ending with the article that lists every derogation to the CCAG
// (R.2112-3; CCAG, article 1 or final article).
#include "document/assemble.h"
#include "law/insertion.h"

namespace clausier {

namespace {

using Blocks = std::vector<Block>;

bool has_variable(const Clause& k, std::string_view part) {
    for (const Variable& v : k.variables) if (v.name.find(part) != std::string::npos) return true;
    return false;
}
// A financial clause states the advance (a variable "taux_avance…") or the payment period ("delai_paiement…"):
// the CCAP then states it once, in the clause's words, in the article it belongs to.
bool states_advance(const Clause& k) { return has_variable(k, "avance"); }
bool states_payment(const Clause& k) { return has_variable(k, "paiement"); }

std::vector<std::string> lines_of(std::string_view typed) {
    std::vector<std::string> out;
    const std::string t = multiline_text(typed);
    size_t from = 0;
    for (size_t nl; (nl = t.find('\n', from)) != std::string::npos; from = nl + 1) out.push_back(t.substr(from, nl - from));
    out.push_back(t.substr(from));
    return out;
}

void clause_block(Blocks& b, const Project& p, const ChosenRef& c) {
    b.push_back(fr_heading(3, c.clause->title + (c.choice->lot > 0 ? " — " + lot_label(p, c.choice->lot) : "")));
    add_text(b, c.text);
}

void object_article(Blocks& b, const Project& p, const ProjectFacts& f) {
    b.push_back(fr_heading(2, "Objet du marché et parties"));
    b.push_back(paragraph(labelled("Objet", or_gap(p.need.object, "objet du marché"))));
    if (p.lots.size() >= 2) {
        std::vector<Inline> lots;
        for (size_t k = 0; k < p.lots.size(); ++k) lots.push_back(frtext("Lot " + std::to_string(k + 1) + " : " + trim(p.lots[k].title)));
        b.push_back(paragraph(fr("Le marché est divisé en lots ; chaque lot est un marché distinct. Les stipulations du présent "
                                 "CCAP s'appliquent à tous les lots, sauf mention contraire.")));
        b.push_back(bullet_list(std::move(lots)));
    }
    b.push_back(paragraph(fr("Le marché est conclu entre l'acheteur et le titulaire désigné à l'acte d'engagement.")));
    b.push_back(bullet_list({labelled("Acheteur", or_gap(p.buyer.name, "nom de l'acheteur")),
                             labelled("Signataire du marché", or_gap(f.settings.s.signatory, "nom et qualité du signataire"))}));
}

void documents_article(Blocks& b, const Project& p, const ProjectFacts& f) {
    const ResolvedSettings& r = f.settings;
    b.push_back(fr_heading(2, "Pièces contractuelles"));
    b.push_back(paragraph(fr("Les pièces contractuelles du marché sont les suivantes ; en cas de contradiction entre elles, "
                             "elles prévalent dans l'ordre ci-dessous :")));
    std::vector<Inline> items = {frtext("l'acte d'engagement (AE) ;"),
                                 frtext("le présent CCAP et son annexe, le plan de suivi d'exécution ;"),
                                 frtext("le cahier des clauses techniques particulières (CCTP) ;")};
    if (ccag_short(r.s.ccag)[0])
        items.push_back(frtext(std::string(enum_label(r.s.ccag)) + ", approuvé par arrêté du 30 mars 2021, dans sa version en "
                               "vigueur à la date d'envoi de l'avis ;"));
    items.push_back(frtext(schedule_names(p, r) + " du titulaire ;"));
    items.push_back(frtext("le mémoire technique du titulaire."));
    b.push_back(numbered_list(std::move(items)));
    if (ccag_short(r.s.ccag)[0])
        b.push_back(paragraph(fr(std::string("Il n'est dérogé au ") + ccag_short(r.s.ccag) + " que dans les cas énumérés au "
                                 "dernier article du présent CCAP (article R.2112-3).")));
}

void duration_article(Blocks& b, const Project& p, const ProjectFacts& f) {
    const ResolvedSettings& r = f.settings;
    b.push_back(fr_heading(2, "Durée et modalités d'exécution"));
    b.push_back(paragraph(labelled("Durée", f.duration_label)));
    b.push_back(paragraph(fr(r.s.start_date.empty() ? "Le marché prend effet à la date de sa notification."
                                                     : "Le marché prend effet le " + french_date(parse_date(r.s.start_date)) +
                                                           " ou, si elle est postérieure, à la date de sa notification.")));
    if (p.need.renewals > 0) {
        const std::string notice = std::to_string(r.s.renewal_notice_days) + " jours";
        b.push_back(paragraph(fr(r.s.renewal == RenewalMode::tacite
            ? "Le marché est reconduit tacitement, au plus " + std::to_string(p.need.renewals) + " fois. L'acheteur qui "
              "décide de ne pas le reconduire le notifie au titulaire au moins " + notice + " avant la fin de la période "
              "en cours. Le titulaire ne peut refuser la reconduction (article R.2112-4)."
            : "Le marché peut être reconduit, au plus " + std::to_string(p.need.renewals) + " fois, par une décision expresse "
              "de l'acheteur notifiée au titulaire au moins " + notice + " avant la fin de la période en cours. Le "
              "titulaire ne peut refuser la reconduction (article R.2112-4).")));
    }
    if (r.s.contract == ContractForm::accord_cadre_bons)
        b.push_back(paragraph(fr("Les prestations sont commandées au fur et à mesure des besoins par des bons de commande "
                                 "écrits, qui précisent les prestations, leur quantité, le lieu et le délai d'exécution "
                                 "(articles R.2162-13 et R.2162-14).")));
    else if (r.s.contract == ContractForm::accord_cadre_subsequents)
        b.push_back(paragraph(fr("Les prestations font l'objet de marchés subséquents conclus dans les conditions fixées par "
                                 "l'accord-cadre (articles R.2162-7 à R.2162-12).")));
    if (r.framework)
        b.push_back(paragraph(fr("Montant maximum de l'accord-cadre sur toute sa durée : " +
                                 (r.s.framework_max > 0 ? french_euros(r.s.framework_max) + " HT" : or_gap("", "montant maximum")) +
                                 (r.s.framework_min > 0 ? " ; montant minimum : " + french_euros(r.s.framework_min) + " HT" : "") +
                                 " (article R.2162-4).")));
}

// How a price form is paid (R.2112-6), as the sentence of the CCAP.
std::string price_form_sentence(PriceForm form) {
    switch (form) {
        case PriceForm::unitaire: return "à prix unitaires : les sommes dues résultent de l'application des prix unitaires aux "
                                         "quantités réellement exécutées";
        case PriceForm::mixte: return "à prix mixtes : une part forfaitaire et une part payée selon les prix unitaires appliqués "
                                      "aux quantités réellement exécutées";
        default: return "à prix global et forfaitaire";
    }
}

void price_article(Blocks& b, const Project& p, const ProjectFacts& f) {
    const ResolvedSettings& r = f.settings;
    b.push_back(fr_heading(2, "Prix"));
    b.push_back(fr_heading(3, "Forme et contenu des prix"));
    if (r.price_forms_differ && p.lots.size() >= 2) {
        b.push_back(paragraph(fr("La forme des prix diffère selon les lots (article R.2112-6) :")));
        std::vector<Inline> items;
        for (size_t i = 0; i < p.lots.size(); ++i)
            items.push_back(frtext(upper_first(lot_label(p, int(i) + 1)) + " : marché conclu " +
                                   price_form_sentence(lot_price_form(r, int(i) + 1)) + " ; document de prix : " +
                                   schedule_name(lot_schedule(r, int(i) + 1)) + " ;"));
        b.push_back(bullet_list(std::move(items)));
    } else {
        b.push_back(paragraph(fr("Le marché est conclu " + price_form_sentence(r.s.price_form) + " (article R.2112-6).")));
    }
    b.push_back(paragraph(fr("Les prix sont réputés comprendre toutes les charges, fiscales et autres, frappant les prestations, "
                             "ainsi que toutes les dépenses nécessaires à leur exécution.")));
    b.push_back(fr_heading(3, "Variation des prix"));
    if (r.s.revision == PriceRevision::fermes) {
        b.push_back(paragraph(fr("Les prix sont fermes (article R.2112-9).")));
        return;
    }
    b.push_back(paragraph(fr("Les prix sont révisables (articles R.2112-13 et R.2112-14). Ils sont révisés à chaque date "
                             "anniversaire de la notification selon la formule : " +
                             or_gap(r.s.revision_formula, "formule de révision avec sa part fixe") + ", où I est la valeur de "
                             "l'indice " + or_gap(r.s.revision_index, "indice de référence") + " connue à la date de révision "
                             "et I0 sa valeur connue au mois de la date limite de remise des offres (mois zéro).")));
}

void advance_article(Blocks& b, const Project& p, const Library& lib, const ProjectFacts& f) {
    const ResolvedSettings& r = f.settings;
    b.push_back(fr_heading(2, "Avance"));
    std::vector<ChosenRef> stated;
    for (const ChosenRef& c : chosen_clauses(p, lib, ClauseKind::clause_financiere))
        if (states_advance(*c.clause)) stated.push_back(c);
    std::string general = r.advance_percent > 0
        ? "Une avance de " + french_percent(r.advance_percent) + " du montant initial du marché (ou du lot, ou du bon de "
          "commande) est versée au titulaire, sauf s'il y renonce dans l'acte d'engagement (articles R.2191-3 et R.2191-7)."
        : "Aucune avance n'est prévue, sauf lorsque le montant du marché excède 50 000 € HT et sa durée deux mois : l'avance "
          "est alors versée au taux minimal de l'article R.2191-7.";
    if (!stated.empty()) {   // the chosen clause states the advance (and its SME rate): stated once, in its words
        bool others = false;   // the clause also states the rate of the other holders
        for (const ChosenRef& c : stated) {
            clause_block(b, p, c);
            others = others || c.text.find("autres cas") != std::string::npos;
        }
        if (!others && r.advance_percent > 0)
            b.push_back(paragraph(fr("Lorsque le titulaire n'est pas une petite ou moyenne entreprise, l'avance est de " +
                                     french_percent(r.advance_percent) + " du montant initial, sauf s'il y renonce dans "
                                     "l'acte d'engagement (articles R.2191-3 et R.2191-7).")));
    } else {
        b.push_back(paragraph(fr(general)));
        if (r.s.sme_advance_percent > r.advance_percent)
            b.push_back(paragraph(fr("Lorsque le titulaire est une petite ou moyenne entreprise, le taux de l'avance est porté à " +
                                     french_percent(r.s.sme_advance_percent) + " (article R.2191-7).")));
    }
    b.push_back(paragraph(fr("Aucune garantie n'est exigée en contrepartie de l'avance. Son remboursement s'impute sur les "
                             "sommes dues au titulaire lorsque le montant des prestations exécutées atteint 65 % du montant "
                             "initial et s'achève lorsqu'il atteint 80 % (article R.2191-11).")));
}

void guarantee_article(Blocks& b, const ProjectFacts& f) {
    const ResolvedSettings& r = f.settings;
    b.push_back(fr_heading(2, "Garanties financières"));
    if (r.s.guarantee == Guarantee::aucune) {
        b.push_back(paragraph(fr("Il n'est pas prévu de retenue de garantie.")));
        return;
    }
    const double rate = std::min(r.s.guarantee_percent, 5.0), sme = std::min(rate, r.guarantee_max_sme);
    std::string s = "Une retenue de garantie de " + french_percent(rate) + " du montant initial du marché, augmenté le cas "
                    "échéant du montant des modifications, est prélevée sur chaque paiement (articles R.2191-32 et R.2191-33)";
    s += sme < rate ? " ; ce taux est ramené à " + french_percent(sme) + " lorsque le titulaire est une petite ou moyenne "
                      "entreprise (article R.2191-33)." : ".";
    if (r.s.guarantee == Guarantee::premiere_demande)
        s += " Le titulaire peut la remplacer par une garantie à première demande (article R.2191-36).";
    b.push_back(paragraph(fr(s)));
}

void payment_article(Blocks& b, const Project& p, const Library& lib, const ProjectFacts& f) {
    const ResolvedSettings& r = f.settings;
    b.push_back(fr_heading(2, "Facturation et paiement"));
    b.push_back(paragraph(fr("Les factures sont transmises par voie électronique sur le portail public de facturation "
                             "(Chorus Pro) (articles L.2192-1 à L.2192-7). Elles mentionnent la référence du marché, le lot, "
                             "le bon de commande le cas échéant, les prestations exécutées et leur montant hors taxes et "
                             "toutes taxes comprises.")));
    bool stated = false, with_advance = false;
    for (const ChosenRef& c : chosen_clauses(p, lib, ClauseKind::clause_financiere)) {
        stated = stated || states_payment(*c.clause);
        with_advance = with_advance || (states_payment(*c.clause) && states_advance(*c.clause));
    }
    if (with_advance)
        b.push_back(paragraph(fr("Le délai et le rythme de paiement sont fixés par la stipulation de l'article « Avance » "
                                 "ci-dessus, dans la limite du délai maximal des articles R.2192-10 et R.2192-11.")));
    if (!stated)
        b.push_back(paragraph(fr("Les sommes dues sont payées dans un délai de " + std::to_string(r.payment_days) +
                                 " jours à compter de la réception de la demande de paiement (articles R.2192-10 et "
                                 "R.2192-11).")));
    b.push_back(paragraph(fr("Le dépassement du délai de paiement fait courir de plein droit, au profit du titulaire, des "
                             "intérêts moratoires au taux de la Banque centrale européenne majoré de huit points, et une "
                             "indemnité forfaitaire de 40 € pour frais de recouvrement (articles L.2192-12, R.2192-31 et "
                             "D.2192-35).")));
    for (const ChosenRef& c : chosen_clauses(p, lib, ClauseKind::clause_financiere))
        if (!states_advance(*c.clause)) clause_block(b, p, c);
}

void penalties_article(Blocks& b, const Project& p, const Library& lib, const ProjectFacts& f) {
    const ResolvedSettings& r = f.settings;
    b.push_back(fr_heading(2, "Pénalités"));
    const std::string ccag = ccag_short(r.s.ccag);
    if (!ccag.empty()) {
        const std::string art = ccag_penalty_article(r.s.ccag);
        b.push_back(paragraph(fr("Les pénalités de retard sont calculées et appliquées dans les conditions " +
                                 (art.empty() ? "du " + ccag : "de l'article " + art + " du " + ccag) +
                                 ", notamment leur plafond, l'exonération lorsque leur montant total ne dépasse pas 1 000 € HT "
                                 "et la procédure contradictoire préalable, sauf dérogation énumérée au dernier article.")));
    } else {
        b.push_back(paragraph(fr("Les pénalités sont appliquées après que le titulaire a été invité à présenter ses "
                                 "observations ; leur montant total est plafonné à 10 % du montant du marché.")));
    }
    std::vector<Inline> lines;
    for (const Commitment& m : monitoring_rows(p, lib)) add_fact(lines, m.commitment.empty() ? "Engagement" : m.commitment, m.penalty);
    if (!lines.empty()) {
        b.push_back(paragraph(fr("Les manquements aux conditions d'exécution donnent lieu aux sanctions ou mesures correctives "
                                 "suivantes :")));
        b.push_back(bullet_list(std::move(lines)));
    }
}

void conditions_article(Blocks& b, const Project& p, const Library& lib) {
    b.push_back(fr_heading(2, "Conditions d'exécution environnementales et sociales"));
    const auto conds = chosen_clauses(p, lib, ClauseKind::condition_execution);
    if (conds.empty()) { b.push_back(to_complete("l'acheteur", "les conditions d'exécution du marché (article L.2112-2).")); return; }
    b.push_back(paragraph(fr("Les conditions d'exécution suivantes s'imposent au titulaire pendant toute la durée du "
                             "marché (articles L.2112-2 et L.2112-3). Leur suivi est organisé par le plan de suivi "
                             "d'exécution annexé au présent CCAP.")));
    for (const ChosenRef& c : conds) {
        const Clause& k = *c.clause;
        clause_block(b, p, c);
        std::vector<Inline> facts;
        add_fact(facts, "Indicateur", k.indicator);
        add_fact(facts, "Justificatifs remis pendant l'exécution", k.execution_proof);
        add_fact(facts, "Contrôle", k.checkpoint);
        add_fact(facts, "En cas de manquement", k.penalty);
        add_fact(facts, k.articles.size() > 1 ? "Fondements" : "Fondement", lib.citations(k.articles));
        b.push_back(bullet_list(std::move(facts)));
    }
}

// The volume each insertion clause sets, beside the calculator's reference estimate for the same lot.
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

void insertion_article(Blocks& b, const Project& p, const Library& lib) {
    std::vector<Inline> rows;
    for (const ChosenRef& c : chosen_clauses(p, lib, ClauseKind::condition_execution)) {
        if (!is_insertion_clause(*c.clause)) continue;
        rows.push_back(labelled(upper_first(lot_label(p, c.choice->lot)) + " — " + c.clause->title,
                                insertion_volume(c) + ". Estimation de référence : " +
                                    insertion_reference(p, c.choice->lot) + "."));
    }
    if (rows.empty()) return;
    b.push_back(fr_heading(2, "Insertion professionnelle"));
    b.push_back(paragraph(fr("Le volume d'heures d'insertion est celui que fixe chaque clause ci-dessous, sur toute la "
                             "durée du marché, reconductions comprises. L'estimation de référence, calculée sur les "
                             "hypothèses de l'acheteur, est donnée pour information.")));
    b.push_back(bullet_list(std::move(rows)));
    b.push_back(paragraph(fr("Le titulaire peut remplir cet engagement par l'embauche directe, la mise à disposition de "
                             "salariés par une structure d'insertion, la sous-traitance ou la cotraitance avec une "
                             "structure d'insertion par l'activité économique, ou des actions de formation "
                             "qualifiante. Il rend compte chaque mois des heures réalisées au facilitateur.")));
    if (trim(p.insertion.facilitator).empty()) b.push_back(to_complete("l'acheteur", "les coordonnées du facilitateur des clauses sociales."));
    else b.push_back(paragraph(labelled("Facilitateur", p.insertion.facilitator)));
}

void acceptance_article(Blocks& b, const Project& p, const ProjectFacts& f) {
    const std::string ccag = ccag_short(f.settings.s.ccag);
    const std::string ref = ccag.empty() ? "" : " dans les conditions du " + ccag;
    b.push_back(fr_heading(2, p.need.nature == Nature::travaux ? "Réception des travaux" : "Vérifications et admission"));
    b.push_back(paragraph(fr(p.need.nature == Nature::travaux
        ? "La réception est prononcée" + ref + ", à l'issue des opérations préalables contradictoires ; elle peut être "
          "assortie de réserves que le titulaire lève dans le délai fixé par la décision de réception."
        : "Les prestations font l'objet de vérifications quantitatives et qualitatives" + ref + ", puis d'une décision "
          "d'admission, d'ajournement, de réfaction ou de rejet. Les justificatifs prévus au plan de suivi d'exécution sont "
          "examinés lors de ces vérifications.")));
}

void legal_articles(Blocks& b, const Project& p, const ProjectFacts& f) {
    const ResolvedSettings& r = f.settings;
    b.push_back(fr_heading(2, "Assurances"));
    b.push_back(paragraph(fr(trim(r.s.insurance).empty()
        ? "Le titulaire justifie, avant la notification puis à chaque échéance annuelle, d'une assurance de responsabilité "
          "civile couvrant les dommages causés aux tiers et à l'acheteur du fait de l'exécution du marché."
        : r.s.insurance)));
    b.push_back(fr_heading(2, "Sous-traitance"));
    b.push_back(paragraph(fr("Le titulaire peut sous-traiter l'exécution de certaines parties du marché, à condition d'avoir "
                             "obtenu de l'acheteur l'acceptation de chaque sous-traitant et l'agrément de ses conditions de "
                             "paiement (articles L.2193-1 à L.2193-14 et R.2193-1 à R.2193-22). Le sous-traitant accepté "
                             "dont le montant du contrat de sous-traitance est égal ou supérieur à 600 € TTC est payé "
                             "directement par l'acheteur pour la part qu'il exécute.")));
    if (r.s.staff_takeover == Toggle::oui) {
        b.push_back(fr_heading(2, "Reprise du personnel"));
        b.push_back(paragraph(fr("Le titulaire reprend le personnel affecté aux prestations dans les conditions de l'" +
                                 staff_takeover_basis(p) + " ; ce personnel est décrit à l'annexe « " + kStaffListTitle +
                                 " ». En fin de marché, il transmet à l'acheteur, dans le délai que prévoit la "
                                 "convention, les informations nécessaires à la reprise par le titulaire suivant.")));
    }
    b.push_back(fr_heading(2, "Propriété intellectuelle"));
    const bool results = r.s.ccag == Ccag::pi || r.s.ccag == Ccag::tic || r.s.ccag == Ccag::moe;
    b.push_back(paragraph(fr(!results
        ? "Les droits de propriété intellectuelle éventuellement attachés aux documents remis par le titulaire sont régis "
          "par le CCAG applicable ; l'acheteur peut utiliser ces documents pour les besoins du marché."
        : r.s.ip == IpOption::cession
        ? "Le titulaire cède à l'acheteur, à titre exclusif, les droits d'exploitation des résultats pour toute la durée des "
          "droits et pour le monde entier, selon l'option B du chapitre du CCAG relatif à l'utilisation des résultats ; "
          "le prix de cette cession est compris dans le prix du marché."
        : "Les droits sur les résultats sont régis par l'option A du chapitre du CCAG relatif à l'utilisation des "
          "résultats : le titulaire concède à l'acheteur, à titre non exclusif, le droit d'utiliser les résultats pour les "
          "besoins découlant de l'objet du marché.")));
    if (r.s.personal_data == Toggle::oui) {
        b.push_back(fr_heading(2, "Protection des données personnelles"));
        b.push_back(paragraph(fr("Lorsqu'il traite des données à caractère personnel pour le compte de l'acheteur, le titulaire "
                                 "agit en qualité de sous-traitant au sens de l'article 28 du règlement (UE) 2016/679 : il ne "
                                 "traite les données que sur instruction documentée de l'acheteur, en garantit la "
                                 "confidentialité et la sécurité, ne recourt à un autre sous-traitant qu'avec son autorisation "
                                 "écrite, l'aide à répondre aux demandes des personnes concernées et, au terme du marché, "
                                 "restitue puis supprime les données.")));
    }
    b.push_back(fr_heading(2, "Modification du marché"));
    b.push_back(paragraph(fr("Le marché peut être modifié dans les cas et conditions prévus aux articles L.2194-1 et "
                             "R.2194-1 à R.2194-9.")));
    b.push_back(fr_heading(2, "Résiliation"));
    b.push_back(paragraph(fr("Le marché peut être résilié dans les cas et conditions prévus aux articles L.2195-1 à "
                             "L.2195-6" + std::string(ccag_short(r.s.ccag)[0] ? " et par le " + std::string(ccag_short(r.s.ccag)) : "") +
                             ", notamment pour faute du titulaire, pour motif d'intérêt général ou lorsque le titulaire ne "
                             "produit pas les documents prévus à l'article D.8222-5 du code du travail.")));
    b.push_back(fr_heading(2, "Règlement des différends"));
    b.push_back(paragraph(fr("Les parties recherchent d'abord un règlement amiable de leur différend ; elles peuvent saisir "
                             "le comité consultatif de règlement amiable des différends compétent (article R.2197-1). À "
                             "défaut, le litige relève de la juridiction administrative compétente : " +
                             or_gap(r.s.court, "tribunal administratif territorialement compétent") + ".")));
}

// The last article: every derogation to the CCAG, with the CCAG article it departs from.
void derogations_article(Blocks& b, const Project& p, const Library& lib, const ProjectFacts& f) {
    const std::string ccag = ccag_short(f.settings.s.ccag);
    b.push_back(fr_heading(2, "Dérogations au CCAG"));
    if (ccag.empty()) {
        b.push_back(paragraph(fr("Le marché ne se réfère à aucun cahier des clauses administratives générales : il ne "
                                 "comporte donc aucune dérogation à un tel document.")));
        return;
    }
    std::vector<std::vector<Inline>> rows;
    for (const ChosenRef& c : chosen_clauses(p, lib)) {
        if (!c.clause->ccag.derogates) continue;
        const std::vector<std::string> own = c.clause->ccag.articles_of(ccag);
        rows.push_back({frtext(join(own.empty() ? c.clause->ccag.articles : own, " ; ")), frtext(c.clause->title),
                        frtext(upper_first(c.clause->ccag.summary))});
    }
    for (const std::string& line : lines_of(f.settings.s.other_derogations)) {
        const std::string l = trim(line);
        if (l.empty()) continue;
        const size_t colon = l.find(':');
        rows.push_back({frtext(colon == std::string::npos ? ccag : trim(l.substr(0, colon))), frtext("Stipulation de l'acheteur"),
                        frtext(colon == std::string::npos ? l : trim(l.substr(colon + 1)))});
    }
    if (rows.empty()) {
        b.push_back(paragraph(fr("Le présent CCAP ne déroge à aucune stipulation du " + ccag + ".")));
        return;
    }
    b.push_back(paragraph(fr("Le présent CCAP déroge aux articles suivants du " + ccag + " (article R.2112-3) :")));
    b.push_back(table({text("Article du CCAG"), text("Stipulation du CCAP"), text("Objet de la dérogation")}, std::move(rows), {3, 4, 6}));
}

}  // namespace

void assemble_ccap(Blocks& b, const Project& p, const Library& lib, const ProjectFacts& f) {
    b.push_back(fr_heading(1, "Cahier des clauses administratives particulières (CCAP)"));
    const size_t first = b.size();
    object_article(b, p, f);
    documents_article(b, p, f);
    duration_article(b, p, f);
    price_article(b, p, f);
    advance_article(b, p, lib, f);
    guarantee_article(b, f);
    payment_article(b, p, lib, f);
    conditions_article(b, p, lib);
    insertion_article(b, p, lib);
    penalties_article(b, p, lib, f);
    acceptance_article(b, p, f);
    legal_articles(b, p, f);
    derogations_article(b, p, lib, f);
    number_articles(b, first);
}

}  // namespace clausier
