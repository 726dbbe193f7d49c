// consultation.h — the consultation settings with nothing left to derive: every `automatique` value of
// ConsultationSettings (model.h) replaced by the one the project calls for, each with the one French line that
// says why. The tables (CCAG by family, payment period by buyer type, advance and guarantee rates, families
// with staff takeover or compulsory price revision, minimum time limits) are data: data/legal/consultation.json.
// The documents, the checks and the app read the settings only through resolve_settings.
#pragma once
#include "base/date.h"
#include "law/legal.h"

namespace clausier {

struct ResolvedSettings {
    ConsultationSettings s;          // every choice concrete (no `automatique`, no -1 rate)
    int payment_days = 30;           // the project's payment period (Project::payment_days)
    int legal_payment_days = 30;     // the legal maximum for the buyer type (R.2192-10, R.2192-11)
    double advance_percent = 0;      // the general advance rate (Project::advance_percent)
    bool advance_compulsory = false; // above 50 000 € HT and over two months (R.2191-3)
    double guarantee_max_sme = 3;    // the cap of the retention money for an SME with this buyer (R.2191-33)
    bool revision_compulsory = false;   // the family is exposed to raw-material costs, over 3 months (R.2112-13)
    bool framework = false;          // an accord-cadre
    Date deadline, publication;      // invalid when not set
    int minimum_days = 0;            // legal minimum between publication and deadline (0 = a reasonable time)
    int advised_days = 0;            // advised minimum in an adapted procedure
    std::map<std::string, std::string> why;   // field key of ConsultationSettings → one French line
    // Each lot's price form and the one price schedule that goes with it (R.2112-6): the lot's own choice,
    // else the consultation's. Same order as Project::lots (one entry for a contract without lots).
    std::vector<PriceForm> lot_price_forms;
    std::vector<PriceSchedule> lot_schedules;
    bool price_forms_differ = false;     // some lot has a price form of its own, different from another's
};

// The price schedule that goes with a price form: unit prices are scored on a DQE (estimated quantities), a
// lump sum on a DPGF; mixed prices put the lump-sum part and the unit-price part in one DPGF with a BPU annex.
PriceSchedule schedule_for(PriceForm form);
// Whether a schedule fits a price form (a BPU or DQE for unit prices, a DPGF for a lump sum; any for mixed).
bool schedule_fits(PriceSchedule schedule, PriceForm form);

ResolvedSettings resolve_settings(const Project& p, const ProcedureResult& procedure);
// The CCAG the project applies: its own choice, else the one its family and nature call for (what
// resolve_settings puts in ResolvedSettings::s.ccag; needs no procedure). Ccag::aucun when none applies.
Ccag applied_ccag(const Project& p);
// Where staff is taken over: the collective agreement's stipulation that requires it for the project's family,
// else « article L.1224-1 du code du travail » (data/legal/consultation.json).
std::string staff_takeover_basis(const Project& p);

// The defaults a buyer type and a family call for, as concrete values: the payment period of the buyer type
// (30 days, 50 for public health establishments, 60 for utilities) and the minimum advance. Session's
// apply_consultation_defaults writes them into the project.
int legal_payment_days(BuyerType buyer);

// Short names of the CCAG ("CCAG-FCS"), "" for none; the article on penalties when known ("14", "19").
const char* ccag_short(Ccag c);
const char* ccag_penalty_article(Ccag c);
const char* schedule_short(PriceSchedule s);   // "BPU", "DQE", "DPGF"

// Days from `from` to `to` (negative when `to` comes first); 0 when either is invalid.
int days_between(const Date& from, const Date& to);

}  // namespace clausier
