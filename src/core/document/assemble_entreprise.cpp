// The plain-language sheet for firms: each requirement explained (what is asked, how it is scored, the proof,
// what it means, how a small firm can meet it), ways to bid together, and a glossary.
#include "document/assemble.h"

namespace clausier {

namespace {

using Blocks = std::vector<Block>;


bool has_goal(const Clause& c, std::string_view goal) {
    for (const std::string& g : c.goals) if (g == goal) return true;
    return false;
}

std::string how_scored(const Clause& c, const Project& p) {
    if (c.kind == ClauseKind::specification)
        return "C'est une exigence minimale : une offre qui ne la respecte pas est écartée, sans être notée.";
    if (c.kind == ClauseKind::condition_execution)
        return "C'est une obligation pendant l'exécution du marché. Elle n'est pas notée : toute offre vaut engagement "
               "de la respecter. Contrôle prévu : " + lower_first(trim(c.checkpoint));
    if (c.kind == ClauseKind::reservation)
        return "Seules les structures visées peuvent répondre au lot réservé : " + lower_first(trim(c.reservation.structures));
    if (c.kind == ClauseKind::selection)
        return "C'est une condition pour présenter une offre : une candidature qui ne la remplit pas est écartée "
               "avant l'examen des offres.";
    if (c.kind == ClauseKind::clause_financiere)
        return "C'est un engagement de l'acheteur envers le titulaire (avance, paiement, garantie ou révision des prix) : "
               "il n'est pas noté et vous n'avez rien à prouver.";
    if (c.kind == ClauseKind::organisation)
        return "C'est une règle d'organisation de la consultation : elle dit comment présenter votre offre, elle n'est pas notée.";
    for (const AwardCriterion& a : p.criteria)
        if (a.clause == c.id) return "C'est un critère noté, qui compte pour " + weight_label(a.weight) + " de la note. " + trim(c.criterion.scoring);
    return "C'est un critère noté. " + trim(c.criterion.scoring);
}

// Ways for a small firm to meet a requirement, from what the clause is about.
std::string small_firm_advice(const Clause& c) {
    if (c.kind == ClauseKind::reservation)
        return "Si votre structure n'est pas de celles visées, répondez aux autres lots, ou proposez à une structure "
               "visée de travailler avec vous comme sous-traitant sur les autres lots.";
    if (has_goal(c, "insertion"))
        return "Contactez le facilitateur des clauses sociales dès la préparation de l'offre : il vous aide à recruter "
               "des personnes en insertion ou à trouver une structure d'insertion (SIAE) qui met du personnel à "
               "disposition, ou à qui sous-traiter une partie des prestations. Vous pouvez aussi répondre en "
               "groupement avec une entreprise d'insertion.";
    if (has_goal(c, "handicap"))
        return "Confiez une partie des prestations à une entreprise adaptée (EA) ou à un ESAT, en sous-traitance ou "
               "en cotraitance : c'est une façon simple de répondre et de renforcer votre offre.";
    if (c.pillar == Pillar::environnemental)
        return "Aucun label n'est obligatoire : un label équivalent ou tout autre moyen de preuve approprié (fiche "
               "technique, attestation du fabricant, rapport d'essai) est accepté. Si une partie de l'exigence dépasse "
               "vos moyens, répondez en groupement avec une entreprise qui la maîtrise ou sous-traitez-la.";
    return "Si vous ne pouvez pas tout assurer seul, répondez en groupement momentané d'entreprises ou confiez une "
           "partie de la prestation à un sous-traitant que vous déclarez à l'acheteur.";
}

void clause_requirement(Blocks& b, const Project& p, const ChosenRef& c) {
    const Clause& k = *c.clause;
    b.push_back(fr_heading(2, k.title));
    std::vector<Inline> items;
    if (c.choice->lot > 0) add_fact(items, "Lot concerné", lot_label(p, c.choice->lot));
    add_fact(items, "Ce qui est demandé", c.text);
    add_fact(items, "Comment c'est évalué", how_scored(k, p));
    add_fact(items, "À joindre à votre offre", k.offer_proof);
    add_fact(items, "À fournir pendant l'exécution", k.execution_proof);
    add_fact(items, "En clair", k.explanation);
    add_fact(items, "Comment une petite entreprise peut y répondre", small_firm_advice(k));
    b.push_back(bullet_list(std::move(items)));
}

std::string criterion_plain(const AwardCriterion& a) {
    if (a.kind == CriterionKind::prix)
        return "Le prix compte pour " + weight_label(a.weight) + " de la note : l'offre la moins chère n'est pas forcément "
               "retenue. Une offre anormalement basse peut être écartée après une demande de justification.";
    if (a.kind == CriterionKind::cout_cycle_vie)
        return "L'acheteur compare le coût total sur la durée de vie (achat, consommation, entretien, fin de vie), pas "
               "seulement le prix d'achat.";
    if (a.kind == CriterionKind::environnemental)
        return "Votre offre est notée sur ce qu'elle apporte de concret pour l'environnement : des engagements "
               "mesurables et prouvés valent mieux que des déclarations générales.";
    if (a.kind == CriterionKind::social)
        return "Votre offre est notée sur ses engagements sociaux concrets (emploi, formation, conditions de travail), "
               "avec des moyens et des chiffres.";
    return "Votre offre est notée sur la qualité de ce que vous proposez pour ce marché précis : un mémoire court, "
           "concret et adapté au besoin vaut mieux qu'une présentation générale de l'entreprise.";
}

std::string criterion_advice(const AwardCriterion& a) {
    if (a.kind == CriterionKind::prix || a.kind == CriterionKind::cout_cycle_vie)
        return "Chiffrez au juste coût, en détaillant les postes demandés ; en groupement, un seul prix est remis pour "
               "l'ensemble des membres.";
    if (a.kind == CriterionKind::social)
        return "Un partenariat avec une structure d'insertion (SIAE) ou du handicap (EA, ESAT), en sous-traitance ou en "
               "cotraitance, est une réponse concrète à la portée d'une petite entreprise.";
    return "Répondez point par point aux éléments demandés. Si une compétence vous manque, associez-vous à une autre "
           "entreprise (groupement) ou sous-traitez la partie concernée, en le disant dans l'offre.";
}

void criterion_requirement(Blocks& b, const Project& p, const Library& lib, size_t index) {
    const AwardCriterion& a = p.criteria[index];
    const Clause* k = a.clause.empty() ? nullptr : lib.find(a.clause);
    b.push_back(fr_heading(2, criterion_name(a, index) + " (" + weight_label(a.weight) + ")"));
    std::vector<Inline> items;
    std::string asked = k && !trim(k->criterion.provides).empty() ? k->criterion.provides
                                                                 : "Votre offre est comparée à celles des autres candidats sur ce point : " +
                                                                       std::string(enum_label(a.kind)) + ".";
    add_fact(items, "Ce qui est demandé", asked);
    std::string scored = "Pondération de " + weight_label(a.weight) + ". " + trim(criterion_method(a, lib));
    if (!a.subcriteria.empty()) scored += " Sous-critères : " + subcriteria_label(a) + ".";
    add_fact(items, "Comment c'est noté", scored);
    add_text_fact(items, "La preuve à fournir", criterion_proof(a, lib));
    add_fact(items, "En clair", k && !trim(k->explanation).empty() ? k->explanation : criterion_plain(a));
    add_fact(items, "Comment une petite entreprise peut y répondre", criterion_advice(a));
    if (k) add_fact(items, "Clause type", k->title);
    b.push_back(bullet_list(std::move(items)));
}

void in_brief(Blocks& b, const Project& p, const Library& lib, const ProjectFacts& f) {
    b.push_back(fr_heading(1, "Le marché en bref"));
    std::vector<Inline> items;
    add_fact(items, "Acheteur", p.buyer.name);
    add_fact(items, "Objet", p.need.object);
    add_fact(items, "Nature", enum_label(p.need.nature));
    add_fact(items, "Durée", f.duration_label);
    add_fact(items, "Montant estimé", french_euros(f.total) + " HT sur toute la durée");
    const ResolvedSettings& r = f.settings;
    add_fact(items, "Procédure", enum_label(r.s.procedure));
    add_fact(items, "Référence", r.s.reference);
    if (p.lots.size() >= 2) {
        std::vector<std::string> lots;
        for (size_t k = 0; k < p.lots.size(); ++k)
            lots.push_back(lot_label(p, int(k) + 1) + (p.lots[k].reserved.empty() ? "" : ", réservé"));
        const int max = r.s.max_lots_per_bidder;
        add_fact(items, std::to_string(p.lots.size()) + " lots", join(lots, " ; ") +
                            ". Vous pouvez répondre à un seul lot ou à plusieurs" +
                            (max > 0 && max < int(p.lots.size()) ? ", mais une même entreprise ne peut en remporter plus de " +
                                                                       std::to_string(max) + "."
                                                                 : " et en remporter plusieurs."));
    }
    add_fact(items, "Variantes", p.variants ? "autorisées" : "non autorisées");
    b.push_back(bullet_list(std::move(items)));

    b.push_back(fr_heading(1, "Pour répondre"));
    std::vector<Inline> how;
    how.push_back(labelled("Date limite", r.deadline.valid() ? french_date(r.deadline) + " à " + trim(r.s.tender_deadline_time) +
                                                                   " (heure de Paris) : une offre arrivée après n'est pas ouverte."
                                                             : "elle sera indiquée dans le règlement de la consultation."));
    how.push_back(labelled("Comment déposer", "en ligne, sur le profil d'acheteur" +
                                                  (trim(r.s.buyer_profile_url).empty() ? std::string(".") : " " + trim(r.s.buyer_profile_url) + ".") +
                                                  " Déposez tôt : le téléversement peut être long."));
    add_fact(how, "Questions", "par écrit sur le profil d'acheteur, jusqu'à " + std::to_string(r.s.questions_days) +
                                   " jours avant la date limite ; la réponse est donnée à toutes les entreprises.");
    if (r.s.site_visit != SiteVisit::aucune)
        how.push_back(labelled(r.s.site_visit == SiteVisit::obligatoire ? "Visite obligatoire" : "Visite facultative",
                               (r.s.site_visit == SiteVisit::obligatoire ? "sans visite, votre offre sera écartée. " : "") +
                                   (trim(r.s.site_visit_booking).empty() ? std::string("Prenez rendez-vous auprès de l'acheteur.")
                                                                         : trim(r.s.site_visit_booking))));
    if (r.s.staff_takeover == Toggle::oui)
        how.push_back(labelled("Reprise du personnel", "la convention collective vous oblige à reprendre le personnel affecté "
                                                       "aujourd'hui aux prestations : il est décrit, sans nom, "
                                                       "dans l'annexe « " + std::string(kStaffListTitle) +
                                                       " » du dossier ; comptez-le dans votre prix."));
    add_fact(how, "Facilitateur des clauses sociales", p.insertion.facilitator);
    how.push_back(labelled("Avec votre offre", "l'acte d'engagement, " + schedule_names(p, r) + ", le mémoire "
                           "technique et les justificatifs demandés pour chaque critère. Les preuves d'exécution (bilans, "
                           "attestations périodiques) ne sont demandées qu'au titulaire, pendant le marché."));
    how.push_back(labelled("Paiement", "sous " + std::to_string(r.payment_days) + " jours, avec une avance" +
                                           (r.s.sme_advance_percent > 0 ? " de " + french_percent(r.s.sme_advance_percent) +
                                                                               " pour une PME, sauf si vous y renoncez."
                                                                         : " selon le CCAP.")));
    std::vector<std::string> penalties;
    for (const Commitment& m : monitoring_rows(p, lib)) if (!trim(m.penalty).empty()) penalties.push_back(trim(m.penalty));
    if (!penalties.empty()) add_fact(how, "Pénalités prévues", join(penalties, " ; "));
    b.push_back(bullet_list(std::move(how)));
}

void together(Blocks& b) {
    b.push_back(fr_heading(1, "Répondre à plusieurs"));
    b.push_back(fr_heading(2, "Le groupement d'entreprises"));
    b.push_back(paragraph(fr("Plusieurs entreprises peuvent déposer une offre commune. L'une d'elles, le mandataire, "
                             "représente le groupement auprès de l'acheteur. Dans un groupement conjoint, chacun "
                             "s'engage sur sa part ; dans un groupement solidaire, chacun répond de l'ensemble. Les "
                             "capacités des membres s'additionnent pour la candidature.")));
    b.push_back(fr_heading(2, "La sous-traitance"));
    b.push_back(paragraph(fr("Vous pouvez confier une partie des prestations à un sous-traitant, que vous déclarez à "
                             "l'acheteur pour qu'il l'accepte et agrée ses conditions de paiement. Un sous-traitant "
                             "accepté peut être payé directement par l'acheteur au-delà d'un certain montant. Vous "
                             "restez responsable de l'ensemble du marché.")));
    b.push_back(fr_heading(2, "Le partenariat avec une structure d'insertion ou du handicap"));
    b.push_back(paragraph(fr("Les structures d'insertion par l'activité économique (SIAE), les entreprises adaptées "
                             "(EA) et les ESAT peuvent intervenir comme sous-traitants, cotraitants ou par la mise à "
                             "disposition de personnel. Le facilitateur des clauses sociales de votre territoire vous "
                             "met en relation avec elles, gratuitement.")));
}

void glossary(Blocks& b) {
    b.push_back(fr_heading(1, "Glossaire"));
    std::vector<std::vector<Inline>> rows;
    for (const GlossaryTerm& g : firm_glossary()) rows.push_back({{strong(g.term)}, frtext(g.meaning)});
    b.push_back(table({text("Sigle"), text("Signification")}, std::move(rows), {1, 4}));
}

}  // namespace

void assemble_entreprise(Document& d, const Project& p, const Library& lib, const ProjectFacts& f) {
    Blocks& b = d.blocks;
    b.push_back(fr_heading(1, "À quoi sert cette fiche"));
    b.push_back(paragraph(fr("Cette fiche explique simplement ce que l'acheteur attend dans cette consultation : chaque "
                             "exigence, la façon dont elle est évaluée, la preuve à fournir et la manière dont une "
                             "petite entreprise peut y répondre. Elle ne remplace pas les documents de la consultation, "
                             "qui font seuls foi ; posez vos questions par écrit à l'acheteur avant la date limite.")));
    in_brief(b, p, lib, f);

    std::vector<ChosenRef> reqs;
    for (const ChosenRef& c : chosen_clauses(p, lib))
        if (c.clause->kind != ClauseKind::sourcing && c.clause->kind != ClauseKind::critere) reqs.push_back(c);
    b.push_back(fr_heading(1, "Les exigences, une par une"));
    if (reqs.empty()) b.push_back(paragraph(fr("Le projet ne comporte pas encore d'exigence particulière.")));
    for (const ChosenRef& c : reqs) clause_requirement(b, p, c);

    b.push_back(fr_heading(1, "Les critères de notation"));
    if (p.criteria.empty()) b.push_back(paragraph(fr("Les critères de notation ne sont pas encore définis.")));
    for (size_t k = 0; k < p.criteria.size(); ++k) criterion_requirement(b, p, lib, k);
    // Criterion clauses the buyer chose without turning them into a weighted criterion yet.
    for (const ChosenRef& c : chosen_clauses(p, lib, ClauseKind::critere)) {
        bool used = false;
        for (const AwardCriterion& a : p.criteria) used = used || a.clause == c.clause->id;
        if (!used) clause_requirement(b, p, c);
    }

    together(b);
    glossary(b);
}

const std::vector<GlossaryTerm>& firm_glossary() {
    static const std::vector<GlossaryTerm> kTerms = {
        {"AE", "Acte d'engagement : la pièce que vous signez pour vous engager sur votre offre et votre prix."},
        {"BOAMP", "Bulletin officiel des annonces des marchés publics, où sont publiés de nombreux avis de marché."},
        {"BPU / DQE", "Bordereau des prix unitaires et détail quantitatif estimatif : les documents où vous indiquez vos prix."},
        {"CCAG", "Cahier des clauses administratives générales : les règles types auxquelles le marché renvoie."},
        {"CCAP", "Cahier des clauses administratives particulières : les règles propres à ce marché (délais, paiement, pénalités, obligations)."},
        {"CCTP", "Cahier des clauses techniques particulières : la description de ce qui est attendu techniquement."},
        {"CPV", "Vocabulaire commun européen des marchés : le code qui classe l'objet du marché."},
        {"DCE", "Dossier de consultation des entreprises : l'ensemble des documents mis à votre disposition pour répondre."},
        {"DUME", "Document unique de marché européen : une déclaration standard qui remplace les formulaires de candidature."},
        {"EA", "Entreprise adaptée : entreprise dont la majorité des salariés sont des travailleurs handicapés."},
        {"ESAT", "Établissement et service d'aide par le travail : structure médico-sociale qui fait travailler des personnes handicapées."},
        {"ESS", "Économie sociale et solidaire : associations, coopératives, mutuelles et entreprises à utilité sociale."},
        {"JAL", "Journal d'annonces légales, où certains avis de marché sont publiés."},
        {"JOUE", "Journal officiel de l'Union européenne, où sont publiés les avis des marchés les plus importants."},
        {"MAPA", "Marché à procédure adaptée : procédure plus souple, utilisée en dessous des seuils européens."},
        {"OAB", "Offre anormalement basse : un prix si bas qu'il fait douter de la bonne exécution ; l'acheteur demande des explications."},
        {"RC", "Règlement de la consultation : les règles du jeu de la mise en concurrence (pièces à remettre, critères, date limite)."},
        {"SIAE", "Structure d'insertion par l'activité économique : structure qui emploie et accompagne des personnes éloignées de l'emploi."},
    };
    return kTerms;
}

}  // namespace clausier
