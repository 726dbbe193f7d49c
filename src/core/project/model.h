// model.h — the project a buyer builds: one plain struct tree, read from and written to the
// `.clausier.json` file. Everything the app, the CLI and the tests compute starts from a Project.
//
// Vocabulary (French terms where the law has no English equivalent):
//   nature      fournitures (supplies) / services / travaux (works)
//   lot         a separately awardable part of the contract (allotissement, L.2113-10)
//   clause      a model clause from the library, chosen for this project, with its variable values
//   criterion   an award criterion (critère d'attribution) with its weight and scoring method
//   sourcing    prior contacts with operators (R.2111-1), logged for traceability
#pragma once
#include "base/enums.h"
#include "project/award.h"
#include <nlohmann/json.hpp>
#include <map>
#include <string>
#include <vector>

namespace clausier {

using json = nlohmann::json;

constexpr int kProjectSchemaVersion = 1;
constexpr const char* kProjectFormat = "clausier-projet";

// The vocabularies of the project file. Their names in files and their French labels are in model.cpp.
enum class Nature { fournitures, services, travaux };   // supplies, services, works (L.1111-2 to L.1111-4)
// etat: central government; collectivite: local authorities and every other contracting authority;
// etablissement_sante: public health establishments (thresholds as collectivite, their own payment period);
// entite_adjudicatrice: utilities (L.1212-1).
enum class BuyerType { etat, collectivite, etablissement_sante, entite_adjudicatrice };
enum class Pooling { none, groupement, centrale };      // own purchase, groupement de commandes, central purchasing body
// What the members of a groupement de commandes entrust to its coordinator (L.2113-7): to prepare and run the
// award procedure only (each member then signs and executes its own contract), also to sign and notify the
// contract, or also to execute it on behalf of every member.
enum class CoordinatorMission { passation, signature, execution };
enum class CriterionKind { prix, cout_cycle_vie, technique, environnemental, social, delai, autre };
enum class Ambition { essentiel, avance, exemplaire };  // the ambition level, as the library's clause levels
template <> EnumNames<Nature> enum_names<Nature>();
template <> EnumNames<BuyerType> enum_names<BuyerType>();
template <> EnumNames<Pooling> enum_names<Pooling>();
template <> EnumNames<CoordinatorMission> enum_names<CoordinatorMission>();
template <> EnumNames<CriterionKind> enum_names<CriterionKind>();
template <> EnumNames<Ambition> enum_names<Ambition>();

// The consultation settings' vocabularies (ConsultationSettings below). `automatique`, written "" in files,
// means "derived from the project" (consultation.h says how and why).
enum class ProcedureForm {   // the exact procedure (L.2120-1, L.2124-2, R.2123-1, R.2122-8)
    automatique, appel_offres_ouvert, appel_offres_restreint, adaptee_ouverte, adaptee_negociation, sans_publicite };
enum class ContractForm { ordinaire, accord_cadre_bons, accord_cadre_subsequents };   // L.2125-1, R.2162-1 to R.2162-14
enum class RenewalMode { expresse, tacite };                  // R.2112-4
enum class SiteVisit { aucune, facultative, obligatoire };
enum class PriceForm { automatique, unitaire, forfaitaire, mixte };   // R.2112-6
enum class PriceSchedule { automatique, bpu, dqe, dpgf };   // the one price schedule of the offer
enum class PriceRevision { automatique, fermes, revisables };   // R.2112-9 to R.2112-14
enum class Ccag { automatique, fcs, travaux, tic, pi, mi, moe, aucun };   // arrêtés of 30 March 2021
enum class Guarantee { automatique, aucune, retenue, premiere_demande };   // R.2191-32 to R.2191-35
enum class Toggle { automatique, oui, non };
enum class IpOption { automatique, concession, cession };   // CCAG-PI / CCAG-TIC options A and B
// The ground for not dividing the contract into lots: none picked, no distinct services (L.2113-10), division
// restricting competition, division making execution technically difficult or more costly (L.2113-11 2°),
// the buyer unable to organise, steer and coordinate the work itself (L.2113-11 1°).
enum class SingleLotGround { aucun, prestations_indistinctes, restriction_concurrence, execution_difficile, coordination };
// How the award criteria are weighed (R.2152-12): one weight each, a range each (weight to weight_max), or
// ranked in decreasing order of importance (the list's order) when weighting is impossible for objective reasons.
enum class Weighting { ponderation, fourchette, hierarchisation };
template <> EnumNames<ProcedureForm> enum_names<ProcedureForm>();
template <> EnumNames<ContractForm> enum_names<ContractForm>();
template <> EnumNames<RenewalMode> enum_names<RenewalMode>();
template <> EnumNames<SiteVisit> enum_names<SiteVisit>();
template <> EnumNames<PriceForm> enum_names<PriceForm>();
template <> EnumNames<PriceSchedule> enum_names<PriceSchedule>();
template <> EnumNames<PriceRevision> enum_names<PriceRevision>();
template <> EnumNames<Ccag> enum_names<Ccag>();
template <> EnumNames<Guarantee> enum_names<Guarantee>();
template <> EnumNames<Toggle> enum_names<Toggle>();
template <> EnumNames<IpOption> enum_names<IpOption>();
template <> EnumNames<SingleLotGround> enum_names<SingleLotGround>();
template <> EnumNames<Weighting> enum_names<Weighting>();

// A groupement de commandes (L.2113-6 to L.2113-8), explained once: several buyers pool one procedure for their
// needs, under a convention constitutive that names the coordinator and what it does for the others. In a
// project the buyer's own need is the lots' value; every other member is a Member, and the value that sizes
// the procedure adds them all up (initial_value).
struct Member {             // a member of a pooled purchase (groupement de commandes), other than the buyer
    std::string name;
    std::string need;       // what this member buys through the groupement, in its own words
    double value = 0;       // that member's own need, euros HT over the initial period
};

struct Coordinator {        // the coordinator of a groupement de commandes (L.2113-7)
    std::string name;
    std::string siret;      // 14 digits
    CoordinatorMission mission = CoordinatorMission::passation;
};

struct Need {
    std::string object;             // objet du marché
    std::string description;
    Nature nature = Nature::services;
    std::string family;             // purchase family id (clauses/families.json)
    std::vector<std::string> cpv;   // CPV codes (8 digits)
    std::string quantities;
    std::string expected_result;    // the function or result sought (approche fonctionnelle)
    std::string sobriety_note;      // why the need is justified, what was questioned
    bool need_questioned = false;   // sobriety prompt answered
    int duration_months = 12;       // initial period
    int renewals = 0;               // number of renewals (reconductions)
    int renewal_months = 12;        // length of each renewal
    std::string launch_date;        // YYYY-MM-DD: the date thresholds and obligations are read at
    std::string renewed_end;        // YYYY-MM-DD: end of the contract this purchase renews, if any (purchase plan)
    bool social_services = false;   // social or other specific services (R.2123-1 3°)
    Pooling pooling = Pooling::none;
    Coordinator coordinator;        // groupement de commandes only
    std::vector<Member> members;
};

struct Buyer {
    std::string name;
    BuyerType type = BuyerType::collectivite;
    double annual_purchases = 0;        // euros HT per year: decides whether a SPASER is compulsory
    bool spaser_adopted = false;
    std::vector<std::string> spaser_commitments;
};

struct SourcingContact {
    std::string date;
    std::string operator_name;
    std::string channel;   // réunion, téléphone, courriel, salon…
    std::string shared;    // what information was given to the operator
    std::string notes;
};

struct Lot {
    std::string title;
    double value = 0;             // euros HT over the initial period
    // "" | handicap (L.2113-12) | insertion (L.2113-13) | ess (L.2113-15). Kept as text: a file may name a
    // reservation this version does not know, which the check "lots-reserve-type-inconnu" reports.
    std::string reserved;
    std::string reserved_article; // article cited in the notice for the reservation
    PriceForm price_form = PriceForm::automatique;   // this lot's price form; automatique = the consultation's
};

struct RelatedPurchase {          // other procedures of the same family in the year (split detection)
    std::string object;
    std::string family;
    double value = 0;
    std::string date;
};

struct ChosenClause {
    std::string id;                            // clause id in the library
    std::map<std::string, json> values;        // variable values set by the buyer (missing = default)
    int lot = 0;                               // 0 = every lot, otherwise 1-based lot number
};

struct SubCriterion {
    std::string name;
    double weight = 0;   // percent of the parent criterion
};

struct AwardCriterion {
    std::string name;
    CriterionKind kind = CriterionKind::technique;
    double weight = 0;               // percent; with Weighting::fourchette the lower bound of the range
    std::string method;              // how it is scored (formula or graded grid)
    std::string proof;               // what the bidder provides
    std::string clause;              // library clause it comes from, if any
    std::vector<SubCriterion> subcriteria;
    double weight_max = 0;           // percent, upper bound of the range (Weighting::fourchette only)
    int lot = 0;                     // 0 = every lot, otherwise the 1-based lot it is judged in
};

struct Commitment {              // one line of the monitoring plan (suivi d'exécution)
    std::string clause;          // library clause id it follows, or "" for a buyer-written commitment
    std::string commitment;
    std::string indicator;
    std::string proof;
    std::string checkpoint;
    std::string penalty;
};

struct Specification {           // buyer-written requirement for the CCTP
    std::string title;
    std::string text;
};

struct Insertion {               // parameters of the insertion-hours calculation
    double labour_share = 40;    // percent of the value that is labour
    double hourly_cost = 35;     // average loaded hourly cost, euros
    double rate = 7;             // percent of labour hours reserved for insertion
    std::string facilitator;     // contact of the insertion facilitator (facilitateur)
};

// What a real consultation file states beyond the need, the lots, the clauses and the criteria: the buyer's
// identification, the exact procedure and contract form, the calendar, the price terms and the financial and
// legal terms of the CCAP. Values left `automatique` (or -1 for a rate) are derived from the nature, the
// family, the value and the buyer type by resolve_settings (project/consultation.h).
struct ConsultationSettings {
    std::string reference;          // the consultation's reference, e.g. "2027-NET-01" (running header)
    std::string buyer_address, buyer_siret, buyer_profile_url, buyer_contact;
    std::string signatory;          // name and capacity of the person who signs the contract
    ProcedureForm procedure = ProcedureForm::automatique;
    ContractForm contract = ContractForm::ordinaire;
    double framework_min = 0;       // framework agreement: minimum, euros HT over the whole duration (0 = none)
    double framework_max = 0;       // framework agreement: maximum, euros HT over the whole duration (R.2162-4)
    std::string start_date;         // YYYY-MM-DD; "" = from notification
    RenewalMode renewal = RenewalMode::expresse;
    int renewal_notice_days = 90;   // notice before the end of a period for a non-renewal decision
    std::string publication_date;   // YYYY-MM-DD: the notice is sent
    std::string tender_deadline;    // YYYY-MM-DD: deadline for tenders
    std::string tender_deadline_time = "12:00";   // HH:MM, Paris time
    int questions_days = 10;        // questions accepted until this many days before the deadline
    int offer_validity_days = 120;  // the offers bind their authors this long from the deadline
    SiteVisit site_visit = SiteVisit::aucune;
    std::string site_visit_booking; // how to book the visit
    std::string options;            // options (prestations supplémentaires éventuelles), "" = none
    int max_lots_per_bidder = 0;    // lots one bidder may win (0 = no limit, L.2113-10)
    PriceForm price_form = PriceForm::automatique;
    PriceSchedule schedule = PriceSchedule::automatique;
    PriceRevision revision = PriceRevision::automatique;
    std::string revision_index;     // the index of the revision formula (INSEE series and label)
    std::string revision_formula;   // e.g. "P = P0 × (0,15 + 0,85 × I/I0)"
    Ccag ccag = Ccag::automatique;
    double sme_advance_percent = -1;   // advance for SMEs, percent (-1 = derived: R.2191-7, CCAG art. 11)
    Guarantee guarantee = Guarantee::automatique;
    double guarantee_percent = -1;  // retention money, percent of the initial amount (-1 = derived: R.2191-33)
    std::string insurance;          // insurance the holder must hold ("" = the standard wording)
    Toggle staff_takeover = Toggle::automatique;   // L.1224-1 of the Labour Code or a collective agreement
    IpOption ip = IpOption::automatique;
    Toggle personal_data = Toggle::automatique;    // the holder processes personal data for the buyer (GDPR art. 28)
    std::string court;              // the competent administrative court, e.g. "Tribunal administratif de Rennes"
    std::string other_derogations;  // further derogations to the CCAG, one a line "article : what departs"
    // The optional exclusion of firms that have not published the greenhouse-gas report or the vigilance plan
    // the law requires of them (L.2141-7-1, loi industrie verte): automatique = not decided yet.
    Toggle green_industry_exclusion = Toggle::automatique;
};

struct Project {
    int schema_version = kProjectSchemaVersion;
    std::string title;            // project name shown in the app
    Buyer buyer;
    Need need;
    std::vector<SourcingContact> sourcing;
    std::vector<Lot> lots;
    SingleLotGround single_lot_ground = SingleLotGround::aucun;   // the legal ground picked (L.2113-10, L.2113-11)
    std::string single_lot_justification;  // how that ground applies to this purchase
    std::vector<RelatedPurchase> related;
    std::vector<std::string> goals;        // sustainable goal ids
    Ambition ambition = Ambition::essentiel;
    std::vector<ChosenClause> clauses;
    std::vector<AwardCriterion> criteria;
    Weighting weighting = Weighting::ponderation;
    std::string weighting_reason;          // why weighting is impossible (Weighting::hierarchisation, R.2152-12)
    std::vector<Commitment> monitoring;
    std::vector<Specification> specifications;
    std::string social_exception;          // id of the L.2112-2-1 exception relied on, if any
    std::string social_justification;      // the buyer's written reasons
    double advance_percent = 5;            // advance payment (R.2191-3)
    int payment_days = 30;                 // payment term (R.2192-10)
    bool variants = false;
    Insertion insertion;
    ConsultationSettings consultation;
    Award award;                           // after the consultation (award.h)
    Execution execution;
    json unknown = json::object();         // fields this version does not know, kept on save
};

// Reading and writing. `project_from_json` validates types and values and, on failure, leaves `out`
// untouched and fills `error` with one French sentence naming the field. `project_from_text` also refuses,
// before parsing, text that is too big, not UTF-8 or nested too deeply.
bool project_from_json(json doc, Project& out, std::string& error);   // by value: a parsed tree is moved in, not copied
bool project_from_text(const std::string& text, Project& out, std::string& error);

// Limits on JSON text from outside (project files, clause files). nlohmann parses any depth, but copying,
// comparing, writing and freeing a json value recurse: a file of 100 000 nested arrays would overflow the
// stack. A real project is a few kilobytes, nested five levels deep.
constexpr int kMaxJsonDepth = 256;
constexpr size_t kMaxProjectBytes = size_t(16) << 20;
// True when no array or object in `text` is nested deeper than `limit` (strings are skipped; the text need
// not be valid JSON).
bool json_depth_within(std::string_view text, int limit);
json project_to_json(const Project& p);
std::string project_to_text(const Project& p);   // canonical: sorted keys, 2-space indent, final newline

// A number for JSON output: whole values as integers ("60000", not "60000.0"), as ../shared/CLI.md shows.
json number_json(double v);

// Values derived from the model (no policy here: the procedure service decides what they imply).
double renewal_factor(const Need& n);           // (initial + renewals) / initial
double initial_value(const Project& p);         // lots + members, initial period
double total_estimated_value(const Project& p);  // over all lots, members and the whole duration

// Award weights (R.2152-7): the weights of the criteria, or of one criterion's sub-criteria, in percent.
template <class T>
double weight_sum(const std::vector<T>& weighted) {
    double sum = 0;
    for (const T& x : weighted) sum += x.weight;
    return sum;
}
// The one rule for weights: together they make the whole, 100 %, to the hundredth.
bool weights_add_up(double sum);
// The same rule for weight ranges (R.2152-12): 100 % can be reached, to the hundredth, between the sum of the
// lower bounds `low` and the sum of the upper bounds `high` (percent).
bool weights_can_add_up(double low, double high);

// The criteria one lot is judged on (1-based lot; 0 = the criteria common to every lot), as indexes into
// Project::criteria. A criterion with lot 0 applies to every lot.
std::vector<size_t> criteria_of_lot(const Project& p, int lot);
// Whether some criterion belongs to one lot only, so that the criteria differ between lots.
bool criteria_differ_by_lot(const Project& p);
// The lots (1-based) to judge separately: every lot when the criteria differ by lot, else {0} (all together).
std::vector<int> criteria_groups(const Project& p);

}  // namespace clausier
