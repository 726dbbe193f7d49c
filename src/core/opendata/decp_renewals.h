// decp_renewals.h — what is done with the contracts coming up for renewal (DecpStats::renewals): the list as
// CSV for a spreadsheet, and a new project pre-filled from one of them — a buyer's starting point for its
// purchase plan, a consular chamber's list of « marchés susceptibles d'être relancés ».
#pragma once
#include "opendata/decp.h"
#include "project/model.h"

namespace clausier {

// The renewals of `s` as CSV for a French spreadsheet: UTF-8 with a byte-order mark, « ; » between fields,
// CRLF line ends, a header row, dates as JJ/MM/AAAA, amounts in euros HT with a decimal comma and no group
// separator (empty when not trusted). A field starting with = + - @ gets a leading apostrophe, so that a
// published text never runs as a formula.
std::string decp_renewals_csv(const DecpStats& s);

// A new project pre-filled from a contract coming up for renewal: its object (title and need), CPV code,
// Clausier's purchase family, nature, duration (months, modifications included), estimated value (euros HT,
// one lot, when the amount is trusted), buyer (its SIRET as name, its type guessed from the SIREN's first
// digits: 1 = State, 26 = public health establishment, else local authority), launched on `launch`; the
// description says where it comes from and what to reconsider. Nothing else is filled in: the clauses,
// criteria and lots are the buyer's choices.
Project project_from_renewal(const DecpRenewal& r, const Date& launch);

}  // namespace clausier
