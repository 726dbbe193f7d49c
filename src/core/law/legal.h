// legal.h — the dated legal figures (thresholds, obligations, social-condition exceptions) read from
// data/legal/thresholds.json, and the procedure sizing built on them. No figure lives in code: the engine
// picks the row whose validity covers the consultation's launch date.
#pragma once
#include "project/model.h"
#include "base/text.h"

namespace clausier {

// The procedure a consultation follows and the publicity it needs. Names (CLI.md) and French labels — the one
// wording every screen and document uses — are in legal.cpp.
enum class Procedure { sans_publicite, adaptee, formalisee };   // R.2122-8, R.2123-1, R.2124-1
enum class Publicity { aucune, libre, boamp_ou_jal, joue };      // R.2131-12, R.2131-16
template <> EnumNames<Procedure> enum_names<Procedure>();
template <> EnumNames<Publicity> enum_names<Publicity>();

struct Threshold {
    std::string id;                    // dispense, electronic, eu, publicite-adaptee, petits-lots, spaser…
    std::vector<BuyerType> buyers;     // empty = every buyer type
    std::vector<Nature> natures;       // empty = every nature
    double figure = 0;
    Date from, until;                  // until invalid = open-ended
    std::string article, source;
};

struct Obligation {
    std::string id, article, source, label;
    Date from;
};

struct SocialException {
    std::string id, label, article;
};

struct LegalData {
    std::vector<Threshold> thresholds;
    std::vector<Obligation> obligations;
    std::vector<SocialException> social_exceptions;

    // The row for (id, buyer, nature) in force on `date`, or nullptr.
    const Threshold* find(std::string_view id, BuyerType buyer, Nature nature, Date date) const;
    double figure(std::string_view id, BuyerType buyer, Nature nature, Date date, double fallback = 0) const;
    // Whether a dated obligation applies to a consultation launched on `date`.
    bool in_force(std::string_view obligation_id, Date date) const;
    const Obligation* obligation(std::string_view id) const;
};

bool load_legal_data(const std::string& json_text, LegalData& out, std::string& error);
const LegalData& bundled_legal_data();   // parsed once from the bundle

struct ProcedureInput {
    BuyerType buyer = BuyerType::collectivite;
    Nature nature = Nature::services;
    double amount = 0;                 // euros HT, all lots, whole duration
    Date date;
    bool social_services = false;
};

struct ProcedureResult {
    Procedure procedure = Procedure::sans_publicite;
    Publicity publicity = Publicity::aucune;
    bool electronic = false;
    double dispense_threshold = 0;
    double eu_threshold = 0;
    std::vector<std::string> articles;
    std::string explanation;           // French, for the buyer
};

ProcedureResult size_procedure(const ProcedureInput& in, const LegalData& law = bundled_legal_data());
ProcedureInput procedure_input(const Project& p);   // from the project: total value, buyer, nature, date
// The project's procedure: size_procedure(procedure_input(p)). Computed once per change by the Session
// (project/session.h) and passed to the checks, the recommendations and the documents.
ProcedureResult project_procedure(const Project& p, const LegalData& law = bundled_legal_data());
json procedure_to_json(const ProcedureResult& r);
// How many times size_procedure has run in this process: lets the tests check that a change sizes the
// procedure once, not once per service.
unsigned long long procedure_sizings();

// Small-lots exception (R.2123-1 2°): within a formalised purchase, any set of lots each below the small-lot
// figure may follow an adapted procedure as long as together they stay within the allowed share of all lots.
// The set proposed is the largest number of eligible lots that fits, smallest first; the DCE names it.
struct SmallLots {
    double lot_limit = 0, share_limit = 0;  // figure per lot (euros HT), percent of the total
    std::vector<int> eligible;              // 1-based lot numbers below the per-lot figure
    double eligible_total = 0;              // their value over the whole duration
    std::vector<int> passable;              // the set proposed as MAPA, in lot order (a subset of eligible)
    double passable_total = 0;              // its value over the whole duration, within the share
    bool usable = false;                    // some set of eligible lots stays within the share
};
SmallLots small_lots(const Project& p, const LegalData& law = bundled_legal_data());

Date effective_launch_date(const Project& p);   // the project's date, or today when empty

// Social and other specific services (R.2123-1 3°): whether a CPV code (8 digits, "-check" digit ignored) is in
// the list annexed to the code (data/legal/services_sociaux.json).
bool social_services_cpv(std::string_view code);
// Whether the project buys such services: services whose CPV codes are in the list, or the buyer's own flag
// (Need::social_services) for a need the codes do not describe.
bool social_services(const Project& p);
// Health, social and cultural services that L.2113-15 lets a buyer reserve for social and solidarity economy
// enterprises (R.2113-8: the codes of the avis annexed to the code, data/legal/services_sociaux.json,
// « reservation_ess »): whether one CPV code is such a service, and the project's codes that are (services only).
bool ess_reservable_cpv(std::string_view code);
std::vector<std::string> ess_reservable_codes(const Project& p);
// Whether a catering project serves schools (school-catering CPV codes, or an object or description that says
// so): the weekly vegetarian menu (L.230-5-6) and the ban on plastic containers (L.541-15-10) then apply.
bool school_catering(const Project& p);

}  // namespace clausier
