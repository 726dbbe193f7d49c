// spaser.h — the buyer's SPASER (schéma de promotion des achats socialement et écologiquement responsables,
// L.2111-3): axes → measurable targets (an indicator, a unit, a target figure and a deadline) → actions with
// who is responsible, adopted on a date and published. The targets are measured on the portfolio
// (portfolio.h), so that a SPASER always carries figures and its yearly report computes itself.
// Kept as its own file (`.spaser.json`): it belongs to the buyer, not to one project.
#pragma once
#include "portfolio/portfolio.h"
#include "document/document.h"
#include "project/autosave.h"

namespace clausier {

struct DecpData;

// What a target measures on the portfolio.
enum class SpaserIndicator { environmental, social, reserved, sme_friendly, insertion_hours, egalim_quality, egalim_organic };
// contracts: share of contracts (percent); value: share of value (percent); hours: insertion hours done;
// percent: a share reached in execution (EGalim).
enum class TargetUnit { contracts, value, hours, percent };
template <> EnumNames<SpaserIndicator> enum_names<SpaserIndicator>();
template <> EnumNames<TargetUnit> enum_names<TargetUnit>();

struct SpaserTarget {
    SpaserIndicator indicator = SpaserIndicator::environmental;
    TargetUnit unit = TargetUnit::contracts;
    double target = 0;           // percent (0–100) or hours
    std::string deadline;        // YYYY-MM-DD
};

struct SpaserAction {
    std::string action;
    std::string responsible;     // the service or person in charge
};

struct SpaserAxis {
    std::string title;
    std::vector<SpaserTarget> targets;
    std::vector<SpaserAction> actions;
};

struct Spaser {
    std::string buyer;
    std::string siret;           // the buyer's SIRET as typed (« 213 105 554 00017 »); "" = not given. It finds the
                                 // buyer's own records in published data (DECP): see spaser_siret
    std::string adopted;         // YYYY-MM-DD: date of the deliberation adopting it ("" = draft)
    std::string published;       // where it is published (address of the page)
    std::vector<SpaserAxis> axes;
};

// Reading and writing (`.spaser.json`); on failure `error` is one French sentence naming the field.
bool spaser_from_json(const json& j, Spaser& out, std::string& error);
json spaser_to_json(const Spaser& s);
// A first SPASER with the national plan's targets (PNAD: 100 % of contracts with an environmental
// consideration, 30 % with a social one) for `buyer`, deadline the end of `year` (« Démarrer un SPASER »).
Spaser starter_spaser(const std::string& buyer, int year);

// The buyer's SPASER as this browser keeps it: one, under kSpaserStoreKey, in its `.spaser.json` form (it belongs
// to the buyer, not to a project). load_spaser is false when none is stored, or with a French `error` when the
// stored one does not read (it is then left as it is).
constexpr const char* kSpaserStoreKey = "clausier.spaser";
bool load_spaser(const KeyValueStore& store, Spaser& out, std::string& error);
StoreStatus save_spaser(KeyValueStore& store, const Spaser& s);

// How one project stands against each target of the SPASER, measured as the yearly report measures it (the
// project's portfolio item: its considerations, reserved lots, SME-friendly terms, insertion hours planned, EGalim
// shares recorded). It serves the target when it brings what the target counts; otherwise `missing` says in French
// what it lacks. `pulls_down`: the target is a share (of contracts, of value, of EGalim purchases) in whose base
// the project counts, so a project that does not serve it lowers the indicator (insertion hours, a total, are
// never pulled down; EGalim shares only by a catering contract whose shares are recorded). One entry per target,
// in the SPASER's order.
struct TargetStanding {
    std::string axis;        // the axis' title
    std::string target;      // target_label
    std::string number;      // « 1.2 »: the axis' number, then the target's in it
    bool served = false;
    bool pulls_down = false; // not served, and lowers the target's indicator
    std::string missing;     // "" when served
};
std::vector<TargetStanding> project_spaser_standing(const Spaser& s, const Project& p, const Library& lib = bundled_library());

// The buyer's SIRET of `s`: its 14 digits, or "" with `problem` set (in French) when it is missing or wrong
// (14 digits, INSEE's Luhn key, spaces allowed as people type them).
std::string spaser_siret(const Spaser& s, std::string& problem);

// The figure of `indicator` in `unit` on the portfolio (percent or hours).
double indicator_value(const PortfolioSummary& s, SpaserIndicator indicator, TargetUnit unit);
std::string target_label(const SpaserTarget& t);   // « 100 % des marchés avec une considération environnementale »

// The documents of the buyer's year, in the document model (any writer): the SPASER to adopt and publish,
// its « Bilan annuel » (indicators against the targets, with charts), and the « Programmation prévisionnelle
// des achats » firms read. `year` names the period (0 = every project of the portfolio).
// The report also measures the buyer's own published records (`published`: DECP files read, nullptr = none
// imported): those whose buyer is the SPASER's SIRET, notified in `year` (0: the latest year of notification among
// them), beside the portfolio's figures, each figure naming its source; without data or SIRET it says so and why.
Document assemble_spaser(const Spaser& s);
Document assemble_spaser_report(const Spaser& s, const PortfolioSummary& p, int year, const DecpData* published = nullptr);
Document assemble_purchase_plan(const PortfolioSummary& p, const std::string& buyer, int year);
// The same plan as CSV for a spreadsheet: UTF-8 with BOM, « ; » between fields, one line per project.
std::string purchase_plan_csv(const PortfolioSummary& p);

}  // namespace clausier
