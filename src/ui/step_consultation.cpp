// Step 8 — Consultation: what the consultation file states beyond the need, the lots and the clauses (buyer's
// identification, exact procedure, contract form, calendar, prices, CCAP terms). Every choice left
// « automatique » is derived by the core (project/consultation.h), which also gives the one line shown under it.
#include "widgets.h"
#include "project/consultation.h"

namespace ui {

namespace {

// The core's reason for the value in force, or the field's own one-line explanation.
void why(const ResolvedSettings& r, const char* key, const char* fallback) {
    auto it = r.why.find(key);
    help_text(it != r.why.end() ? it->second : fallback);
}

void buyer_part() {
    subheading("Acheteur");
    text_field("consultation.reference", "Référence de la consultation", FIELD(p.consultation.reference), "ex. 2027-NET-01");
    help_text("Reprise en en-tête de chaque page des documents.");
    text_field("consultation.buyer_address", "Adresse de l'acheteur", FIELD(p.consultation.buyer_address));
    text_field("consultation.buyer_siret", "SIRET", FIELD(p.consultation.buyer_siret), "14 chiffres");
    text_field("consultation.buyer_profile_url", "Adresse du profil d'acheteur", FIELD(p.consultation.buyer_profile_url), "https://…");
    help_text("Les documents y sont gratuits et les offres y sont déposées (R.2132-2).");
    text_field("consultation.buyer_contact", "Service à contacter", FIELD(p.consultation.buyer_contact));
    text_field("consultation.signatory", "Signataire du marché (nom et qualité)", FIELD(p.consultation.signatory));
}

void procedure_part(const ResolvedSettings& r) {
    const Project& p = session().project();
    subheading("Procédure et forme du marché");
    enum_field("consultation.procedure", "Procédure", FIELD(p.consultation.procedure));
    why(r, "procedure", "");
    ContractForm form = p.consultation.contract;
    std::string name = enum_name(form);
    if (input_choice("consultation.contract", "Forme du marché", name, enum_options<ContractForm>()) && parse_enum(name, form))
        session().set_contract_form(form);
    why(r, "contract", "");
    if (r.framework) {
        number_field("consultation.framework_min", "Montant minimum HT sur toute la durée (€, 0 = aucun)",
                     FIELD(p.consultation.framework_min), NumberKind::euros, 0, kMaxAmount);
        number_field("consultation.framework_max", "Montant maximum HT sur toute la durée (€)",
                     FIELD(p.consultation.framework_max), NumberKind::euros, 0, kMaxAmount);
        help_text("Le maximum est obligatoire (R.2162-4) ; il borne les commandes sur toute la durée.");
    }
    if (p.lots.size() >= 2) {
        int_field("consultation.max_lots_per_bidder", "Nombre maximal de lots par titulaire (0 = sans limite)",
                  FIELD(p.consultation.max_lots_per_bidder), 0, int(p.lots.size()));
        help_text("Limiter le nombre de lots attribués à un même soumissionnaire répartit la commande (L.2113-10).");
    }
}

void calendar_part(const ResolvedSettings& r) {
    const Project& p = session().project();
    subheading("Calendrier");
    date_field("consultation.publication_date", "Date d'envoi de l'avis", FIELD(p.consultation.publication_date));
    date_field("consultation.tender_deadline", "Date limite de remise des offres", FIELD(p.consultation.tender_deadline));
    text_field("consultation.tender_deadline_time", "Heure limite", FIELD(p.consultation.tender_deadline_time), "12:00");
    why(r, "tender_deadline", "");
    if (r.deadline.valid() && r.publication.valid())
        help_text("Délai laissé aux entreprises : " + std::to_string(days_between(r.publication, r.deadline)) + " jours.");
    int_field("consultation.questions_days", "Questions acceptées jusqu'à (jours avant la date limite)",
              FIELD(p.consultation.questions_days), 0, 60);
    help_text("L'acheteur répond à tous au plus tard six jours avant la date limite (R.2132-6).");
    int_field("consultation.offer_validity_days", "Validité des offres (jours)", FIELD(p.consultation.offer_validity_days), 30, 365);
    help_text("Le temps d'analyser les offres et de signer : 120 jours est l'usage.");
    date_field("consultation.start_date", "Début d'exécution (vide = à la notification)", FIELD(p.consultation.start_date));
    if (p.need.renewals > 0) {
        enum_field("consultation.renewal", "Reconduction", FIELD(p.consultation.renewal));
        int_field("consultation.renewal_notice_days", "Préavis de non-reconduction (jours)",
                  FIELD(p.consultation.renewal_notice_days), 0, 730);
        help_text("Le titulaire ne peut pas refuser la reconduction (R.2112-4).");
    }
    enum_field("consultation.site_visit", "Visite des lieux", FIELD(p.consultation.site_visit));
    help_text("Une visite obligatoire rend irrégulière l'offre remise sans visite : réservez-la aux sites qu'on ne peut décrire.");
    if (p.consultation.site_visit != SiteVisit::aucune)
        text_field("consultation.site_visit_booking", "Prise de rendez-vous", FIELD(p.consultation.site_visit_booking));
    text_field("consultation.options", "Options à chiffrer (vide = aucune)", FIELD(p.consultation.options), "", true, 2);
}

void price_part(const ResolvedSettings& r) {
    subheading("Prix");
    enum_field("consultation.price_form", "Forme des prix", FIELD(p.consultation.price_form));
    why(r, "price_form", "Choisie par l'acheteur.");
    enum_field("consultation.schedule", "Document de prix de l'offre", FIELD(p.consultation.schedule));
    why(r, "schedule", "Un seul document de prix, celui sur lequel le critère prix est noté.");
    enum_field("consultation.revision", "Variation des prix", FIELD(p.consultation.revision));
    why(r, "revision", r.revision_compulsory ? "Révision obligatoire pour cet achat (R.2112-13)." : "Choisie par l'acheteur.");
    if (r.s.revision == PriceRevision::revisables) {
        text_field("consultation.revision_index", "Indice de référence", FIELD(p.consultation.revision_index), "série INSEE et libellé");
        text_field("consultation.revision_formula", "Formule de révision", FIELD(p.consultation.revision_formula),
                   "P = P0 × (0,15 + 0,85 × I/I0)");
    }
}

void terms_part(const ResolvedSettings& r) {
    const Project& p = session().project();
    subheading("Clauses administratives");
    enum_field("consultation.ccag", "CCAG applicable", FIELD(p.consultation.ccag));
    why(r, "ccag", "Choisi par l'acheteur ; le dernier article du CCAP liste chaque dérogation.");
    help_text("Avance générale : " + french_percent(r.advance_percent) + ", délai de paiement : " + std::to_string(r.payment_days) +
              " jours (à l'étape « Lots et procédure »). " +
              (r.advance_compulsory ? "Avance obligatoire ici : plus de 50 000 € HT et plus de deux mois (R.2191-3). " : "") +
              r.why.at("payment_days"));
    number_field("consultation.sme_advance_percent", "Avance pour les PME (%, -1 = automatique)",
                 FIELD(p.consultation.sme_advance_percent), NumberKind::percent, -1, 100);
    why(r, "sme_advance_percent", "Taux choisi par l'acheteur.");
    enum_field("consultation.guarantee", "Retenue de garantie", FIELD(p.consultation.guarantee));
    why(r, "guarantee", "Choisie par l'acheteur.");
    if (r.s.guarantee != Guarantee::aucune) {
        number_field("consultation.guarantee_percent", "Taux de la retenue (%, -1 = automatique)",
                     FIELD(p.consultation.guarantee_percent), NumberKind::percent, -1, 5);
        why(r, "guarantee_percent", "");
    }
    // L.2141-7-1 (loi industrie verte): an optional exclusion ground, applied only when the RC announces it.
    std::string green = enum_name(p.consultation.green_industry_exclusion);
    if (input_choice("consultation.green_industry_exclusion",
                     "Exclure les entreprises sans bilan carbone ou plan de vigilance exigé (L.2141-7-1)", green,
                     {{"", "Pas encore décidé"}, {"oui", "Oui : le RC annonce cette exclusion"}, {"non", "Non"}})) {
        Toggle t = Toggle::automatique;
        if (parse_enum(green, t))
            session().edit("consultation.green_industry_exclusion", [t](Project& q) { q.consultation.green_industry_exclusion = t; });
    }
    enum_field("consultation.staff_takeover", "Reprise du personnel", FIELD(p.consultation.staff_takeover));
    why(r, "staff_takeover", "Choisie par l'acheteur : joignez la liste du personnel au dossier.");
    enum_field("consultation.personal_data", "Données personnelles traitées par le titulaire", FIELD(p.consultation.personal_data));
    why(r, "personal_data", "Choisi par l'acheteur : le CCAP reprend les obligations de l'article 28 du RGPD.");
    if (r.s.ccag == Ccag::pi || r.s.ccag == Ccag::tic) {
        enum_field("consultation.ip", "Droits sur les résultats", FIELD(p.consultation.ip));
        why(r, "ip", "Choisis par l'acheteur.");
    }
    text_field("consultation.insurance", "Assurances exigées (vide = responsabilité civile)", FIELD(p.consultation.insurance), "", true, 2);
    text_field("consultation.court", "Tribunal administratif compétent", FIELD(p.consultation.court), "ex. Tribunal administratif de Rennes");
    help_text("Cité dans les voies de recours du RC et le règlement des différends du CCAP.");
    text_field("consultation.other_derogations", "Autres dérogations au CCAG (une par ligne : « article : objet »)",
               FIELD(p.consultation.other_derogations), "", true, 3);
    help_text("Les dérogations des clauses types sont listées d'office ; ajoutez ici celles que vous avez rédigées.");
}

}  // namespace

void step_consultation() {
    const ResolvedSettings r = resolve_settings(session().project(), session().derived().procedure);
    heading("8. Consultation");
    why_box("Un règlement de la consultation et un CCAP complets disent qui achète, selon quelle procédure, jusqu'à "
            "quand répondre, à quels prix et à quelles conditions. Les choix « automatiques » suivent la nature, la "
            "famille, le montant et le type d'acheteur ; chacun est expliqué en une ligne.");
    if (button("consultation.defaults", "Rétablir les valeurs par défaut")) session().apply_consultation_defaults();
    buyer_part();
    section_gap();
    procedure_part(r);
    section_gap();
    calendar_part(r);
    section_gap();
    price_part(r);
    section_gap();
    terms_part(r);
}

}  // namespace ui
