#include "project/model.h"
#include "project/migrate.h"
#include "base/json_tape.h"
#include "base/text.h"
#include "base/unicode.h"
#include <algorithm>
#include <cmath>
#include <cstring>
#include <type_traits>

namespace clausier {

namespace {

// Bounds on list lengths, far beyond any real consultation. Some outputs hold one line per lot and criterion
// (the OCDS package repeats the criteria in every lot), so these two are tighter.
constexpr size_t kMaxListItems = 10000;
constexpr size_t kMaxLots = 1000;        // also the largest lot number a chosen clause may name
constexpr size_t kMaxCriteria = 100;
constexpr double kMaxEuros = 1e13;       // beyond any real public contract; guards against absurd input

const EnumEntry<Nature> kNatures[] = {
    {Nature::fournitures, "fournitures", "Fournitures"},
    {Nature::services, "services", "Services"},
    {Nature::travaux, "travaux", "Travaux"}};
const EnumEntry<BuyerType> kBuyerTypes[] = {
    {BuyerType::collectivite, "collectivite", "Collectivité territoriale ou autre pouvoir adjudicateur"},
    {BuyerType::etat, "etat", "État et ses établissements publics administratifs"},
    {BuyerType::etablissement_sante, "etablissement-sante", "Établissement public de santé"},
    {BuyerType::entite_adjudicatrice, "entite-adjudicatrice", "Entité adjudicatrice (réseaux)"}};
const EnumEntry<Pooling> kPoolings[] = {
    {Pooling::none, "", "Non : achat propre"},
    {Pooling::groupement, "groupement", "Groupement de commandes"},
    {Pooling::centrale, "centrale", "Centrale d'achat"}};
const EnumEntry<CoordinatorMission> kCoordinatorMissions[] = {
    {CoordinatorMission::passation, "", "Préparer et conduire la procédure de passation"},
    {CoordinatorMission::signature, "signature", "Conduire la procédure, signer et notifier le marché"},
    {CoordinatorMission::execution, "execution", "Conduire la procédure, signer, notifier et exécuter le marché"}};
const EnumEntry<CriterionKind> kCriterionKinds[] = {
    {CriterionKind::prix, "prix", "Prix"},
    {CriterionKind::cout_cycle_vie, "cout-cycle-vie", "Coût du cycle de vie"},
    {CriterionKind::technique, "technique", "Valeur technique"},
    {CriterionKind::environnemental, "environnemental", "Performance environnementale"},
    {CriterionKind::social, "social", "Performance sociale"},
    {CriterionKind::delai, "delai", "Délais"},
    {CriterionKind::autre, "autre", "Autre"}};
const EnumEntry<Ambition> kAmbitions[] = {
    {Ambition::essentiel, "essentiel", "Essentiel : le socle que toute entreprise du secteur peut atteindre"},
    {Ambition::avance, "avance", "Avancé : des exigences qui distinguent les offres"},
    {Ambition::exemplaire, "exemplaire", "Exemplaire : pour les acheteurs pilotes"}};

const EnumEntry<ProcedureForm> kProcedureForms[] = {
    {ProcedureForm::automatique, "", "Selon le montant (automatique)"},
    {ProcedureForm::appel_offres_ouvert, "appel-offres-ouvert", "Appel d'offres ouvert"},
    {ProcedureForm::appel_offres_restreint, "appel-offres-restreint", "Appel d'offres restreint"},
    {ProcedureForm::adaptee_ouverte, "adaptee", "Procédure adaptée ouverte, sans négociation"},
    {ProcedureForm::adaptee_negociation, "adaptee-negociation", "Procédure adaptée avec possibilité de négociation"},
    {ProcedureForm::sans_publicite, "sans-publicite", "Marché sans publicité ni mise en concurrence préalables"}};
const EnumEntry<ContractForm> kContractForms[] = {
    {ContractForm::ordinaire, "ordinaire", "Marché ordinaire"},
    {ContractForm::accord_cadre_bons, "accord-cadre-bons", "Accord-cadre à bons de commande"},
    {ContractForm::accord_cadre_subsequents, "accord-cadre-subsequents", "Accord-cadre à marchés subséquents"}};
const EnumEntry<RenewalMode> kRenewalModes[] = {
    {RenewalMode::expresse, "expresse", "Reconduction expresse"},
    {RenewalMode::tacite, "tacite", "Reconduction tacite"}};
const EnumEntry<SiteVisit> kSiteVisits[] = {
    {SiteVisit::aucune, "aucune", "Pas de visite"},
    {SiteVisit::facultative, "facultative", "Visite facultative"},
    {SiteVisit::obligatoire, "obligatoire", "Visite obligatoire"}};
const EnumEntry<PriceForm> kPriceForms[] = {
    {PriceForm::automatique, "", "Selon la forme du marché (automatique)"},
    {PriceForm::unitaire, "unitaire", "Prix unitaires"},
    {PriceForm::forfaitaire, "forfaitaire", "Prix global et forfaitaire"},
    {PriceForm::mixte, "mixte", "Prix mixtes (forfait et prix unitaires)"}};
const EnumEntry<PriceSchedule> kPriceSchedules[] = {
    {PriceSchedule::automatique, "", "Selon la forme des prix (automatique)"},
    {PriceSchedule::bpu, "bpu", "Bordereau des prix unitaires (BPU)"},
    {PriceSchedule::dqe, "dqe", "Détail quantitatif estimatif (DQE)"},
    {PriceSchedule::dpgf, "dpgf", "Décomposition du prix global et forfaitaire (DPGF)"}};
const EnumEntry<PriceRevision> kPriceRevisions[] = {
    {PriceRevision::automatique, "", "Selon la famille et la durée (automatique)"},
    {PriceRevision::fermes, "fermes", "Prix fermes"},
    {PriceRevision::revisables, "revisables", "Prix révisables"}};
const EnumEntry<Ccag> kCcags[] = {
    {Ccag::automatique, "", "Selon la nature et la famille (automatique)"},
    {Ccag::fcs, "fcs", "CCAG des fournitures courantes et services (CCAG-FCS)"},
    {Ccag::travaux, "travaux", "CCAG des marchés publics de travaux (CCAG-Travaux)"},
    {Ccag::tic, "tic", "CCAG des techniques de l'information et de la communication (CCAG-TIC)"},
    {Ccag::pi, "pi", "CCAG des prestations intellectuelles (CCAG-PI)"},
    {Ccag::mi, "mi", "CCAG des marchés industriels (CCAG-MI)"},
    {Ccag::moe, "moe", "CCAG de la maîtrise d'œuvre (CCAG-MOE)"},
    {Ccag::aucun, "aucun", "Aucun CCAG"}};
const EnumEntry<Guarantee> kGuarantees[] = {
    {Guarantee::automatique, "", "Selon la nature (automatique)"},
    {Guarantee::aucune, "aucune", "Aucune retenue de garantie"},
    {Guarantee::retenue, "retenue", "Retenue de garantie"},
    {Guarantee::premiere_demande, "premiere-demande", "Retenue de garantie remplaçable par une garantie à première demande"}};
const EnumEntry<Toggle> kToggles[] = {
    {Toggle::automatique, "", "Selon la famille d'achat (automatique)"},
    {Toggle::oui, "oui", "Oui"},
    {Toggle::non, "non", "Non"}};
const EnumEntry<IpOption> kIpOptions[] = {
    {IpOption::automatique, "", "Selon le CCAG (automatique)"},
    {IpOption::concession, "concession", "Concession des droits d'utilisation (option A)"},
    {IpOption::cession, "cession", "Cession des droits d'exploitation (option B)"}};
const EnumEntry<SingleLotGround> kSingleLotGrounds[] = {
    {SingleLotGround::aucun, "", "Aucun motif choisi"},
    {SingleLotGround::prestations_indistinctes, "prestations-indistinctes",
     "L'objet du marché ne permet pas l'identification de prestations distinctes (L.2113-10)"},
    {SingleLotGround::restriction_concurrence, "restriction-concurrence",
     "La dévolution en lots séparés est de nature à restreindre la concurrence (L.2113-11 2°)"},
    {SingleLotGround::execution_difficile, "execution-difficile",
     "L'allotissement rendrait l'exécution techniquement difficile ou financièrement plus coûteuse (L.2113-11 2°)"},
    {SingleLotGround::coordination, "coordination",
     "L'acheteur n'est pas en mesure d'assurer lui-même l'organisation, le pilotage et la coordination (L.2113-11 1°)"}};
const EnumEntry<Weighting> kWeightings[] = {
    {Weighting::ponderation, "", "Pondération (un poids par critère)"},
    {Weighting::fourchette, "fourchette", "Pondération par fourchettes (R.2152-12)"},
    {Weighting::hierarchisation, "hierarchisation", "Hiérarchisation, par ordre décroissant d'importance (R.2152-12)"}};

// ---- each struct's fields, listed once ------------------------------------------------------------------
// `fields(v, s)` names every field of `s` with its key in the file and its kind; the visitors below walk these
// lists to read a project (Reader), write it (Writer) and know which top-level keys are ours (KnownKeys).
// T is the struct, const or not (the Writer visits a const project).

template <class T, class S>
using If = std::enable_if_t<std::is_same_v<std::remove_const_t<T>, S>, int>;

template <class V, class T, If<T, Member> = 0>
void fields(V& v, T& m) {
    v.text("name", m.name);
    v.text("need", m.need);
    v.number("value", m.value, 0, kMaxEuros);
}

template <class V, class T, If<T, Coordinator> = 0>
void fields(V& v, T& c) {
    v.text("name", c.name);
    v.text("siret", c.siret);
    v.choice("mission", c.mission);
}

template <class V, class T, If<T, Need> = 0>
void fields(V& v, T& n) {
    v.text("object", n.object);
    v.text("description", n.description);
    v.choice("nature", n.nature);
    v.text("family", n.family);
    v.strings("cpv", n.cpv);
    v.text("quantities", n.quantities);
    v.text("expected_result", n.expected_result);
    v.text("sobriety_note", n.sobriety_note);
    v.boolean("need_questioned", n.need_questioned);
    v.integer("duration_months", n.duration_months, 1, 600);
    v.integer("renewals", n.renewals, 0, 50);
    v.integer("renewal_months", n.renewal_months, 1, 600);
    v.text("launch_date", n.launch_date);
    v.text("renewed_end", n.renewed_end);
    v.boolean("social_services", n.social_services);
    v.choice("pooling", n.pooling);
    v.object("coordinator", n.coordinator);
    v.list("members", n.members);
}

template <class V, class T, If<T, Buyer> = 0>
void fields(V& v, T& b) {
    v.text("name", b.name);
    v.choice("type", b.type);
    v.number("annual_purchases", b.annual_purchases, 0, kMaxEuros);
    v.boolean("spaser_adopted", b.spaser_adopted);
    v.strings("spaser_commitments", b.spaser_commitments);
}

template <class V, class T, If<T, SourcingContact> = 0>
void fields(V& v, T& s) {
    v.text("date", s.date);
    v.text("operator", s.operator_name);
    v.text("channel", s.channel);
    v.text("shared", s.shared);
    v.text("notes", s.notes);
}

template <class V, class T, If<T, Lot> = 0>
void fields(V& v, T& l) {
    v.text("title", l.title);
    v.number("value", l.value, 0, kMaxEuros);
    v.text("reserved", l.reserved);
    v.text("reserved_article", l.reserved_article);
    v.choice("price_form", l.price_form);
}

template <class V, class T, If<T, RelatedPurchase> = 0>
void fields(V& v, T& x) {
    v.text("object", x.object);
    v.text("family", x.family);
    v.number("value", x.value, 0, kMaxEuros);
    v.text("date", x.date);
}

template <class V, class T, If<T, ChosenClause> = 0>
void fields(V& v, T& c) {
    v.text("id", c.id);
    v.values("values", c.values);
    v.integer("lot", c.lot, 0, int(kMaxLots));
}

template <class V, class T, If<T, SubCriterion> = 0>
void fields(V& v, T& s) {
    v.text("name", s.name);
    v.number("weight", s.weight, 0, 100);
}

template <class V, class T, If<T, AwardCriterion> = 0>
void fields(V& v, T& c) {
    v.text("name", c.name);
    v.choice("kind", c.kind);
    v.number("weight", c.weight, 0, 100);
    v.number("weight_max", c.weight_max, 0, 100);
    v.integer("lot", c.lot, 0, int(kMaxLots));
    v.text("method", c.method);
    v.text("proof", c.proof);
    v.text("clause", c.clause);
    v.list("subcriteria", c.subcriteria, kMaxCriteria);
}

template <class V, class T, If<T, Commitment> = 0>
void fields(V& v, T& c) {
    v.text("clause", c.clause);
    v.text("commitment", c.commitment);
    v.text("indicator", c.indicator);
    v.text("proof", c.proof);
    v.text("checkpoint", c.checkpoint);
    v.text("penalty", c.penalty);
}

template <class V, class T, If<T, Specification> = 0>
void fields(V& v, T& s) {
    v.text("title", s.title);
    v.text("text", s.text);
}

template <class V, class T, If<T, Insertion> = 0>
void fields(V& v, T& in) {
    v.number("labour_share", in.labour_share, 0, 100);
    v.number("hourly_cost", in.hourly_cost, 1, 10000);
    v.number("rate", in.rate, 0, 100);
    v.text("facilitator", in.facilitator);
}

template <class V, class T, If<T, ConsultationSettings> = 0>
void fields(V& v, T& c) {
    v.text("reference", c.reference);
    v.text("buyer_address", c.buyer_address);
    v.text("buyer_siret", c.buyer_siret);
    v.text("buyer_profile_url", c.buyer_profile_url);
    v.text("buyer_contact", c.buyer_contact);
    v.text("signatory", c.signatory);
    v.choice("procedure", c.procedure);
    v.choice("contract", c.contract);
    v.number("framework_min", c.framework_min, 0, kMaxEuros);
    v.number("framework_max", c.framework_max, 0, kMaxEuros);
    v.text("start_date", c.start_date);
    v.choice("renewal", c.renewal);
    v.integer("renewal_notice_days", c.renewal_notice_days, 0, 730);
    v.text("publication_date", c.publication_date);
    v.text("tender_deadline", c.tender_deadline);
    v.text("tender_deadline_time", c.tender_deadline_time);
    v.integer("questions_days", c.questions_days, 0, 60);
    v.integer("offer_validity_days", c.offer_validity_days, 30, 365);
    v.choice("site_visit", c.site_visit);
    v.text("site_visit_booking", c.site_visit_booking);
    v.text("options", c.options);
    v.integer("max_lots_per_bidder", c.max_lots_per_bidder, 0, int(kMaxLots));
    v.choice("price_form", c.price_form);
    v.choice("schedule", c.schedule);
    v.choice("revision", c.revision);
    v.text("revision_index", c.revision_index);
    v.text("revision_formula", c.revision_formula);
    v.choice("ccag", c.ccag);
    v.number("sme_advance_percent", c.sme_advance_percent, -1, 100);
    v.choice("guarantee", c.guarantee);
    v.number("guarantee_percent", c.guarantee_percent, -1, 5);
    v.text("insurance", c.insurance);
    v.choice("staff_takeover", c.staff_takeover);
    v.choice("ip", c.ip);
    v.choice("personal_data", c.personal_data);
    v.text("court", c.court);
    v.text("other_derogations", c.other_derogations);
    v.choice("green_industry_exclusion", c.green_industry_exclusion);
}

// ---- after the consultation (award.h) ----
template <class V, class T, If<T, Holder> = 0>
void fields(V& v, T& h) {
    v.text("name", h.name);
    v.text("siret", h.siret);
}

template <class V, class T, If<T, LotAward> = 0>
void fields(V& v, T& a) {
    v.integer("lot", a.lot, 1, int(kMaxLots));
    v.text("contract_id", a.contract_id);
    v.text("notification_date", a.notification_date);
    v.list("holders", a.holders, kMaxCriteria);
    v.choice("group", a.group);
    v.number("amount", a.amount, 0, kMaxEuros);
    v.integer("offers", a.offers, 0, 100000);
    v.boolean("subcontracting", a.subcontracting);
    v.boolean("advance", a.advance);
    v.number("advance_rate", a.advance_rate, 0, 100);
}

template <class V, class T, If<T, Award> = 0>
void fields(V& v, T& a) {
    v.text("published_date", a.published_date);
    v.text("place_code", a.place_code);
    v.choice("place_type", a.place_type);
    v.list("lots", a.lots, kMaxLots);
}

template <class V, class T, If<T, InsertionDone> = 0>
void fields(V& v, T& i) {
    v.choice("public", i.who);
    v.number("hours", i.hours, 0, 1e9);
    v.text("date", i.date);
}

template <class V, class T, If<T, ProofReceived> = 0>
void fields(V& v, T& p) {
    v.text("date", p.date);
    v.text("document", p.document);
}

template <class V, class T, If<T, PenaltyApplied> = 0>
void fields(V& v, T& p) {
    v.text("date", p.date);
    v.number("amount", p.amount, 0, kMaxEuros);
    v.text("reason", p.reason);
}

template <class V, class T, If<T, CommitmentRecord> = 0>
void fields(V& v, T& c) {
    v.integer("commitment", c.commitment, 1, int(kMaxListItems));
    v.choice("status", c.status);
    v.list("proofs", c.proofs);
    v.list("penalties", c.penalties);
    v.text("remediation", c.remediation);
    v.text("remediation_due", c.remediation_due);
    v.text("note", c.note);
}

template <class V, class T, If<T, Execution> = 0>
void fields(V& v, T& e) {
    v.list("insertion", e.insertion);
    v.text("egalim_period", e.egalim_period);
    v.number("egalim_quality_share", e.egalim_quality_share, 0, 100);
    v.number("egalim_organic_share", e.egalim_organic_share, 0, 100);
    v.list("commitments", e.commitments);
    v.text("closed_date", e.closed_date);
}

// "format" and "schema_version" are the file's envelope (migrate.cpp), written by project_to_json.
template <class V, class T, If<T, Project> = 0>
void fields(V& v, T& p) {
    v.text("title", p.title);
    v.object("buyer", p.buyer);
    v.object("need", p.need);
    v.list("sourcing", p.sourcing);
    v.list("lots", p.lots, kMaxLots);
    v.choice("single_lot_ground", p.single_lot_ground);
    v.text("single_lot_justification", p.single_lot_justification);
    v.list("related", p.related);
    v.strings("goals", p.goals);
    v.choice("ambition", p.ambition);
    v.list("clauses", p.clauses);
    v.list("criteria", p.criteria, kMaxCriteria);
    v.choice("weighting", p.weighting);
    v.text("weighting_reason", p.weighting_reason);
    v.list("monitoring", p.monitoring);
    v.list("specifications", p.specifications);
    v.text("social_exception", p.social_exception);
    v.text("social_justification", p.social_justification);
    v.number("advance_percent", p.advance_percent, 0, 100);
    v.integer("payment_days", p.payment_days, 0, 365);
    v.boolean("variants", p.variants);
    v.object("insertion", p.insertion);
    v.object("consultation", p.consultation);
    v.object("award", p.award);
    v.object("execution", p.execution);
}

// ---- the visitors -----------------------------------------------------------------------------------------

// The two forms a project file is read from: nlohmann's tree (`const json*`, null when absent), and the token
// tape (base/json_tape.h), which reads without building a tree. Reader below reads both through these.
struct TapeValue {
    const JsonTape* tape = nullptr;
    const JsonToken* token = nullptr;   // null when absent
    explicit operator bool() const { return token != nullptr; }
};

const json* member(const json* obj, const char* key) {
    auto it = obj->find(key);
    return (it == obj->end() || it->is_null()) ? nullptr : &*it;
}
bool is_string(const json* v) { return v->is_string(); }
bool is_number(const json* v) { return v->is_number(); }
bool is_boolean(const json* v) { return v->is_boolean(); }
bool is_object(const json* v) { return v->is_object(); }
bool is_array(const json* v) { return v->is_array(); }
std::string string_of(const json* v) { return v->get<std::string>(); }
double number_of(const json* v) { return v->get<double>(); }
bool boolean_of(const json* v) { return v->get<bool>(); }
size_t size_of(const json* v) { return v->size(); }
json json_of(const json* v) { return *v; }
template <class F> void each_element(const json* v, F f) {
    for (const json& e : *v)
        if (!f(&e)) return;
}
template <class F> void each_member(const json* v, F f) {
    for (auto it = v->begin(); it != v->end(); ++it) f(it.key(), &it.value());
}

// The last member named `key` (nlohmann's tree keeps the last of duplicate keys), absent when null. Every field
// of a struct looks its key up among all the object's members: lengths first, then bytes, without a string_view
// built per member (with a string_view per member it was the costliest function after the parser in the
// browser build's profile of `portfolio_500_ms`).
TapeValue member(TapeValue obj, const char* key) {
    const std::vector<JsonToken>& t = obj.tape->tokens;
    const char* strings = obj.tape->strings.data();
    const size_t length = std::strlen(key);
    const JsonToken* found = nullptr;
    for (size_t i = size_t(obj.token - t.data()) + 1; i < obj.token->next; i = t[i + 1].next)
        if (t[i].end - t[i].begin == length && std::memcmp(strings + t[i].begin, key, length) == 0) found = &t[i + 1];
    return {obj.tape, found && found->kind != JsonToken::null ? found : nullptr};
}
bool is_string(TapeValue v) { return v.token->kind == JsonToken::string; }
bool is_number(TapeValue v) { return v.token->kind == JsonToken::number; }
bool is_boolean(TapeValue v) { return v.token->kind == JsonToken::boolean; }
bool is_object(TapeValue v) { return v.token->kind == JsonToken::object; }
bool is_array(TapeValue v) { return v.token->kind == JsonToken::array; }
std::string string_of(TapeValue v) { return std::string(json_string(*v.tape, *v.token)); }
double number_of(TapeValue v) { return json_number(*v.tape, *v.token).as_double(); }
bool boolean_of(TapeValue v) { return v.token->truth; }
template <class F> void each_element(TapeValue v, F f) {
    const std::vector<JsonToken>& t = v.tape->tokens;
    for (size_t i = size_t(v.token - t.data()) + 1; i < v.token->next; i = t[i].next)
        if (!f(TapeValue{v.tape, &t[i]})) return;
}
size_t size_of(TapeValue v) {
    size_t n = 0;
    each_element(v, [&](TapeValue) { return ++n, true; });
    return n;
}
template <class F> void each_member(TapeValue v, F f) {
    const std::vector<JsonToken>& t = v.tape->tokens;
    for (size_t i = size_t(v.token - t.data()) + 1; i < v.token->next; i = t[i + 1].next)
        f(std::string(json_string(*v.tape, t[i])), TapeValue{v.tape, &t[i + 1]});
}
// A value as nlohmann reads it (a number keeps its integer or floating type): clause values and unknown keys.
json json_of(TapeValue v) {
    switch (v.token->kind) {
        case JsonToken::string: return string_of(v);
        case JsonToken::boolean: return v.token->truth;
        case JsonToken::null: return nullptr;
        case JsonToken::number: {
            const JsonNumber& n = json_number(*v.tape, *v.token);
            if (n.kind == JsonNumber::integer) return json(static_cast<json::number_integer_t>(n.integer_value));
            if (n.kind == JsonNumber::unsigned_integer) return json(static_cast<json::number_unsigned_t>(n.unsigned_value));
            return json(n.floating_value);
        }
        case JsonToken::object: {
            json o = json::object();
            each_member(v, [&](const std::string& key, TapeValue m) { o[key] = json_of(m); });
            return o;
        }
        default: {
            json a = json::array();
            each_element(v, [&](TapeValue e) { return a.push_back(json_of(e)), true; });
            return a;
        }
    }
}

// Reads typed fields out of a JSON object (`V`: either form above), remembering the first problem as a French
// sentence with the field's path ("need.nature", "lots[2].value"). Missing or null fields keep their defaults:
// older and hand-written files stay readable.
template <class V>
struct Reader {
    V obj;
    std::string& error;              // the first problem, shared by the whole read
    const Reader* parent = nullptr;  // the object this one is a field or a list item of (none at the top)
    const char* name = "";           // this object's field in its parent
    size_t item = 0;                 // its 1-based place in that field's list, 0 when the field is an object

    bool ok() const { return error.empty(); }
    // The prefix of this object's fields, e.g. "need." or "lots[2].", written only for a message.
    std::string path() const {
        if (!parent) return "";
        return parent->path() + name + (item ? "[" + std::to_string(item) + "]" : std::string()) + ".";
    }
    void fail(const std::string& key, const std::string& expected) {
        if (error.empty()) error = "Le champ « " + path() + key + " » devrait être " + expected + ".";
    }
    V field(const char* key) const { return member(obj, key); }
    void text(const char* key, std::string& out) {
        if (const V v = field(key)) {
            if (is_string(v)) out = string_of(v);
            else fail(key, "un texte");
        }
    }
    void number(const char* key, double& out, double lo, double hi) {
        const V v = field(key);
        if (!v) return;
        if (!is_number(v)) return fail(key, "un nombre");
        const double d = number_of(v);
        if (!(d >= lo && d <= hi)) return fail(key, "un nombre dans les limites admises");
        out = d;
    }
    void integer(const char* key, int& out, int lo, int hi) {
        double d = out;
        number(key, d, lo, hi);
        out = static_cast<int>(d);
    }
    void boolean(const char* key, bool& out) {
        if (const V v = field(key)) {
            if (is_boolean(v)) out = boolean_of(v);
            else fail(key, "vrai ou faux");
        }
    }
    void strings(const char* key, std::vector<std::string>& out) {
        const V v = field(key);
        if (!v) return;
        if (!is_array(v)) return fail(key, "une liste de textes");
        std::vector<std::string> items;
        bool all = true;
        each_element(v, [&](V s) {
            if (is_string(s)) items.push_back(string_of(s));
            return all = is_string(s);
        });
        if (!all) return fail(key, "une liste de textes");
        out = std::move(items);
    }
    template <class E>
    void choice(const char* key, E& out) {
        const V v = field(key);
        if (v && !(is_string(v) && parse_enum(string_of(v), out))) fail(key, enum_choices<E>());
    }
    void values(const char* key, std::map<std::string, json>& out) {
        const V v = field(key);
        if (!v) return;
        if (!is_object(v)) return fail(key, "un objet");
        each_member(v, [&](const std::string& k, V value) { out[k] = json_of(value); });
    }
    template <class S>
    void object(const char* key, S& out) {
        const V v = field(key);
        if (!v) return;
        if (!is_object(v)) return fail(key, "un objet");
        Reader sub{v, error, this, key};
        fields(sub, out);
    }
    // An array of objects, at most `max` of them.
    template <class S>
    void list(const char* key, std::vector<S>& out, size_t max = kMaxListItems) {
        const V v = field(key);
        if (!v) return;
        if (!is_array(v)) return fail(key, "une liste");
        if (size_of(v) > max) return fail(key, "une liste d'au plus " + std::to_string(max) + " éléments");
        std::vector<S> items;
        each_element(v, [&](V e) {
            if (!ok()) return false;
            const size_t n = items.size() + 1;
            if (!is_object(e)) return fail(key + ("[" + std::to_string(n) + "]"), "un objet"), false;
            Reader sub{e, error, this, key, n};
            S s;
            fields(sub, s);
            items.push_back(std::move(s));
            return true;
        });
        out = std::move(items);
    }
};

// Writes every field into a JSON object; numbers through number_json ("60000", not "60000.0").
struct Writer {
    json out = json::object();

    void text(const char* key, const std::string& s) { out[key] = s; }
    void number(const char* key, double d, double, double) { out[key] = number_json(d); }
    void integer(const char* key, int i, int, int) { out[key] = i; }
    void boolean(const char* key, bool b) { out[key] = b; }
    void strings(const char* key, const std::vector<std::string>& v) { out[key] = v; }
    template <class E>
    void choice(const char* key, E e) { out[key] = enum_name(e); }
    void values(const char* key, const std::map<std::string, json>& m) {
        json o = json::object();
        for (const auto& [k, v] : m) o[k] = v;
        out[key] = std::move(o);
    }
    template <class S>
    void object(const char* key, const S& s) {
        Writer sub;
        fields(sub, s);
        out[key] = std::move(sub.out);
    }
    template <class S>
    void list(const char* key, const std::vector<S>& items, size_t = 0) {
        json a = json::array();
        for (const S& s : items) {
            Writer sub;
            fields(sub, s);
            a.push_back(std::move(sub.out));
        }
        out[key] = std::move(a);
    }
};

// The keys of the visited object, to tell ours from the ones a newer version wrote.
struct KnownKeys {
    std::vector<std::string> keys = {"format", "schema_version"};
    template <class... A> void text(const char* k, A&&...) { keys.push_back(k); }
    template <class... A> void number(const char* k, A&&...) { keys.push_back(k); }
    template <class... A> void integer(const char* k, A&&...) { keys.push_back(k); }
    template <class... A> void boolean(const char* k, A&&...) { keys.push_back(k); }
    template <class... A> void strings(const char* k, A&&...) { keys.push_back(k); }
    template <class... A> void choice(const char* k, A&&...) { keys.push_back(k); }
    template <class... A> void values(const char* k, A&&...) { keys.push_back(k); }
    template <class... A> void object(const char* k, A&&...) { keys.push_back(k); }
    template <class... A> void list(const char* k, A&&...) { keys.push_back(k); }
};

bool known_key(const std::string& key) {
    static const std::vector<std::string> known = [] {
        KnownKeys k;
        const Project p;
        fields(k, p);
        return k.keys;
    }();
    return std::find(known.begin(), known.end(), key) != known.end();
}

}  // namespace

template <> EnumNames<Nature> enum_names<Nature>() { return kNatures; }
template <> EnumNames<BuyerType> enum_names<BuyerType>() { return kBuyerTypes; }
template <> EnumNames<Pooling> enum_names<Pooling>() { return kPoolings; }
template <> EnumNames<CoordinatorMission> enum_names<CoordinatorMission>() { return kCoordinatorMissions; }
template <> EnumNames<CriterionKind> enum_names<CriterionKind>() { return kCriterionKinds; }
template <> EnumNames<Ambition> enum_names<Ambition>() { return kAmbitions; }
template <> EnumNames<ProcedureForm> enum_names<ProcedureForm>() { return kProcedureForms; }
template <> EnumNames<ContractForm> enum_names<ContractForm>() { return kContractForms; }
template <> EnumNames<RenewalMode> enum_names<RenewalMode>() { return kRenewalModes; }
template <> EnumNames<SiteVisit> enum_names<SiteVisit>() { return kSiteVisits; }
template <> EnumNames<PriceForm> enum_names<PriceForm>() { return kPriceForms; }
template <> EnumNames<PriceSchedule> enum_names<PriceSchedule>() { return kPriceSchedules; }
template <> EnumNames<PriceRevision> enum_names<PriceRevision>() { return kPriceRevisions; }
template <> EnumNames<Ccag> enum_names<Ccag>() { return kCcags; }
template <> EnumNames<Guarantee> enum_names<Guarantee>() { return kGuarantees; }
template <> EnumNames<Toggle> enum_names<Toggle>() { return kToggles; }
template <> EnumNames<IpOption> enum_names<IpOption>() { return kIpOptions; }
template <> EnumNames<SingleLotGround> enum_names<SingleLotGround>() { return kSingleLotGrounds; }
template <> EnumNames<Weighting> enum_names<Weighting>() { return kWeightings; }

namespace {

// The project's fields, and its top-level keys this version does not know, read from `root`: an object in the
// current format (migrate_project done).
template <class V>
bool read_project(V root, Project& out, std::string& error) {
    Project p;
    std::string problem;
    Reader<V> r{root, problem};
    fields(r, p);
    if (!r.ok()) {
        error = "Projet illisible : " + problem;
        return false;
    }
    each_member(root, [&](const std::string& key, V v) {
        if (!known_key(key)) p.unknown[key] = json_of(v);
    });
    out = std::move(p);
    return true;
}

// True when the tape holds an object in the current format that migrate_project would leave as it is: then
// it is read from the tape, without building nlohmann's tree. Anything else (older or newer files, not a
// project) goes through the tree, for its migration or its error message.
bool current_file(TapeValue root) {
    if (!is_object(root)) return false;
    const TapeValue format = member(root, "format"), version = member(root, "schema_version");
    if (!format || !is_string(format) || json_string(*root.tape, *format.token) != kProjectFormat) return false;
    if (!version || !is_number(version)) return false;
    const JsonNumber& v = json_number(*root.tape, *version.token);   // written as an integer (« 1.0 » is migrated)
    if (v.kind != JsonNumber::unsigned_integer || v.unsigned_value != unsigned(kProjectSchemaVersion)) return false;
    const TapeValue need = member(root, "need");
    if (!need || !is_object(need)) return true;
    const TapeValue pooling = member(need, "pooling");   // name_groupement_coordinator would name a coordinator
    return !(pooling && is_string(pooling) && json_string(*root.tape, *pooling.token) == "groupement" && !member(need, "coordinator"));
}

}  // namespace

bool project_from_json(json doc, Project& out, std::string& error) {
    if (!doc.is_object()) {
        error = "Ce fichier n'est pas un projet Clausier : il ne contient pas d'objet JSON.";
        return false;
    }
    if (!migrate_project(doc, error)) return false;
    return read_project<const json*>(&doc, out, error);
}

bool json_depth_within(std::string_view text, int limit) {
    int depth = 0;
    bool in_string = false;
    for (size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (in_string) {
            if (c == '\\') ++i;
            else if (c == '"') in_string = false;
        } else if (c == '"') {
            in_string = true;
        } else if (c == '[' || c == '{') {
            if (++depth > limit) return false;
        } else if ((c == ']' || c == '}') && depth > 0) {
            --depth;
        }
    }
    return true;
}

bool project_from_text(const std::string& text, Project& out, std::string& error) {
    const std::string not_project = "Ce fichier n'est pas un projet Clausier : ";
    if (text.size() > kMaxProjectBytes) {
        error = "Ce fichier est trop volumineux pour un projet Clausier (plus de " +
                std::to_string(kMaxProjectBytes >> 20) + " Mo) : il n'a pas été lu.";
        return false;
    }
    if (text.find_first_not_of(" \t\r\n") == std::string::npos) {
        error = not_project + "il est vide.";
        return false;
    }
    const bool plain = plainly_nfc(text);   // most files: then well-formed UTF-8 too, and NFC without a copy
    if (!plain && !valid_utf8(text)) {
        error = not_project + "son texte n'est pas encodé en UTF-8.";
        return false;
    }
    // NFC before parsing: JSON syntax is ASCII, only the strings change.
    std::string normalised;
    const std::string& source = plain ? text : (normalised = nfc(text));
    JsonTape tape;   // it refuses deeper nesting than kMaxJsonDepth: checked below only when it refused the file
    if (read_json_tape(source, tape, kMaxJsonDepth) && current_file({&tape, tape.tokens.data()}))
        return read_project(TapeValue{&tape, tape.tokens.data()}, out, error);
    if (!json_depth_within(text, kMaxJsonDepth)) {
        error = not_project + "ses données sont imbriquées sur plus de " + std::to_string(kMaxJsonDepth) + " niveaux.";
        return false;
    }
    json doc;
    try {
        doc = json::parse(source);
    } catch (const json::parse_error& e) {
        error = not_project + "son contenu n'est pas du JSON valide (erreur vers l'octet " + std::to_string(e.byte) + ").";
        return false;
    } catch (const json::exception&) {   // out_of_range: a number too large for a double, such as 1e400
        error = not_project + "il contient un nombre hors des limites admises.";
        return false;
    }
    return project_from_json(std::move(doc), out, error);
}

json project_to_json(const Project& p) {
    Writer w;
    fields(w, p);
    json j = p.unknown;
    j.update(w.out);
    j["format"] = kProjectFormat;
    j["schema_version"] = kProjectSchemaVersion;
    return j;
}

std::string project_to_text(const Project& p) {
    // nlohmann's json object is a std::map: keys come out sorted, so the same project gives the same bytes.
    return project_to_json(p).dump(2, ' ', /*ensure_ascii=*/false, json::error_handler_t::replace) + "\n";
}

json number_json(double v) {
    if (std::isfinite(v) && std::floor(v) == v && std::fabs(v) < 9e15) return static_cast<long long>(v);
    return v;
}

double renewal_factor(const Need& n) {
    if (n.duration_months <= 0) return 1;
    return double(n.duration_months + n.renewals * n.renewal_months) / n.duration_months;
}

double initial_value(const Project& p) {
    double v = 0;
    for (const Lot& l : p.lots) v += l.value;
    if (p.need.pooling != Pooling::none)   // members left in a file after the buyer went back to its own purchase
        for (const Member& m : p.need.members) v += m.value;
    return v;
}

double total_estimated_value(const Project& p) { return initial_value(p) * renewal_factor(p.need); }

namespace {
constexpr double kWeightTolerance = 0.01;   // percent: weights are typed to the hundredth
}
bool weights_add_up(double sum) { return std::fabs(sum - 100) < kWeightTolerance; }
bool weights_can_add_up(double low, double high) { return low < 100 + kWeightTolerance && high > 100 - kWeightTolerance; }

std::vector<size_t> criteria_of_lot(const Project& p, int lot) {
    std::vector<size_t> out;
    for (size_t i = 0; i < p.criteria.size(); ++i)
        if (p.criteria[i].lot == 0 || p.criteria[i].lot == lot) out.push_back(i);
    return out;
}

bool criteria_differ_by_lot(const Project& p) {
    for (const AwardCriterion& c : p.criteria)
        if (c.lot > 0) return true;
    return false;
}

std::vector<int> criteria_groups(const Project& p) {
    if (!criteria_differ_by_lot(p)) return {0};
    std::vector<int> lots;
    for (size_t i = 0; i < std::max<size_t>(p.lots.size(), 1); ++i) lots.push_back(int(i) + 1);
    return lots;
}

}  // namespace clausier
