// award.h — what happens after the consultation: the award of each lot (attribution) and the execution
// record kept against the monitoring plan (suivi d'exécution). The award record is what the DECP export
// (export/decp.cpp, arrêté du 22 décembre 2022) publishes; the execution record feeds the « Bilan
// d'exécution » and the SPASER's indicators (portfolio/). Fields are listed once in model.cpp.
#pragma once
#include "base/enums.h"
#include <string>
#include <string_view>
#include <vector>

namespace clausier {

// Where a project stands in the buyer's year, derived from its dates (project_status).
enum class ProjectStatus { preparation, publie, attribue, execution, clos };
// A commitment of the monitoring plan, as the buyer judges it: not yet due, kept, late, not kept.
enum class CommitmentStatus { a_suivre, tenu, en_retard, non_tenu };
// How several holders answered together (DECP typeGroupementOperateurs).
enum class OperatorGroup { aucun, conjoint, solidaire };
// The code that names the main place of execution (DECP lieuExecution.typeCode).
enum class PlaceCodeType { code_postal, code_commune, code_departement, code_region, code_pays };
// The public of insertion hours (the categories insertion facilitators report on).
enum class InsertionPublic { demandeur_longue_duree, minima_sociaux, jeune, travailleur_handicape, senior, iae, autre };
template <> EnumNames<ProjectStatus> enum_names<ProjectStatus>();
template <> EnumNames<CommitmentStatus> enum_names<CommitmentStatus>();
template <> EnumNames<OperatorGroup> enum_names<OperatorGroup>();
template <> EnumNames<PlaceCodeType> enum_names<PlaceCodeType>();
template <> EnumNames<InsertionPublic> enum_names<InsertionPublic>();

struct Holder {                       // titulaire: a firm the contract is notified to
    std::string name;
    std::string siret;                // 14 digits (spaces allowed when typed)
};

struct LotAward {                     // the award of one lot (or of the whole contract when it has no lots)
    int lot = 1;                      // 1-based lot number; 1 for a contract not divided into lots
    std::string contract_id;          // the buyer's contract number, 1 to 16 characters (DECP id); "" = generated
    std::string notification_date;    // YYYY-MM-DD
    std::vector<Holder> holders;
    OperatorGroup group = OperatorGroup::aucun;
    double amount = 0;                // euros HT as notified (the maximum of a framework agreement)
    int offers = 0;                   // offers received, irregular and unacceptable ones included
    bool subcontracting = false;      // subcontracting declared at notification
    bool advance = false;             // an advance is granted (R.2191-3)
    double advance_rate = 0;          // percent of the amount; 0 with `advance` = rate not known
};

struct Award {                        // the passation and award record
    std::string published_date;       // YYYY-MM-DD: the contract notice was sent (status « publié »)
    std::string place_code;           // main place of execution: postcode, INSEE code…
    PlaceCodeType place_type = PlaceCodeType::code_postal;
    std::vector<LotAward> lots;
};

struct InsertionDone {                // insertion hours done by one public, as the facilitator reports them
    InsertionPublic who = InsertionPublic::demandeur_longue_duree;
    double hours = 0;
    std::string date;                 // date of the facilitator's report, YYYY-MM-DD
};

struct ProofReceived {
    std::string date;                 // YYYY-MM-DD
    std::string document;             // what was received
};

struct PenaltyApplied {
    std::string date;                 // YYYY-MM-DD
    double amount = 0;                // euros
    std::string reason;
};

struct CommitmentRecord {             // what happened to one line of the monitoring plan
    int commitment = 1;               // 1-based line of the monitoring plan as monitoring_rows() lists it
    CommitmentStatus status = CommitmentStatus::a_suivre;
    std::vector<ProofReceived> proofs;
    std::vector<PenaltyApplied> penalties;
    std::string remediation;          // plan de progrès asked of the holder
    std::string remediation_due;      // YYYY-MM-DD
    std::string note;
};

struct Execution {
    std::vector<InsertionDone> insertion;
    std::string egalim_period;        // the period the shares below were measured on ("2027"); "" = not measured
    double egalim_quality_share = 0;  // percent of purchases (value) of sustainable and quality products (L.230-5-1 CRPM)
    double egalim_organic_share = 0;  // percent from organic farming, included in the above
    std::vector<CommitmentRecord> commitments;
    std::string closed_date;          // YYYY-MM-DD: the contract is over and its review written (status « clos »)
};

}  // namespace clausier

namespace clausier {

// A SIRET as typed (« 213 505 238 00018 »): its 14 digits, or "" when it holds anything but digits and spaces.
std::string siret_digits(std::string_view typed);
// "" for a valid SIRET, else what is wrong, in French, to follow « SIRET : » (14 digits, INSEE's Luhn key).
std::string siret_problem(std::string_view typed);
bool awarded(const Award& a);                 // at least one lot has a notification date
bool execution_started(const Execution& e);   // anything recorded after notification
// En préparation → publié (notice sent) → attribué (a lot notified) → en exécution (anything recorded) → clos.
ProjectStatus project_status(const Award& a, const Execution& e);
double insertion_hours_done(const Execution& e);   // hours, every public together

}  // namespace clausier
