// considerations.h — whether a project (or one of its lots) carries an environmental or a social
// consideration, derived once from its clauses, award criteria and reserved lots. The portfolio's indicators
// (`clausier portfolio`), the SPASER report and the DECP export (`considerationsSociales`,
// `considerationsEnvironnementales`) all read this one derivation (../shared/CLI.md, DOMAIN.md §7).
#pragma once
#include "library/library.h"
#include <string>
#include <vector>

namespace clausier {

struct Considerations {
    bool environmental_clause = false;     // environmental execution condition or technical specification
    bool environmental_criterion = false;  // environmental award criterion
    bool social_clause = false;            // social execution condition or technical specification
    bool social_criterion = false;         // social award criterion
    bool reserved = false;                 // reserved lot (L.2113-12, L.2113-13, L.2113-15) or reserved clause
    bool environmental() const { return environmental_clause || environmental_criterion; }
    bool social() const { return social_clause || social_criterion || reserved; }
};

// `lot`: 0 for the whole project (a consideration of any lot counts), else the 1-based lot number (clauses
// for every lot and for that lot, criteria of the whole consultation, that lot's reservation). Library
// clauses count only when they bring a consideration (Clause::counts_as_consideration); an award criterion
// counts by its kind or by the clause it comes from.
Considerations project_considerations(const Project& p, const Library& lib, int lot = 0);

// The DECP values (decp_v2.0.3_enums.json): "Clause sociale", "Critère social", "Marché réservé" or
// "Pas de considération sociale"; "Clause environnementale", "Critère environnemental" or "Pas de
// considération environnementale".
std::vector<std::string> decp_social(const Considerations& c);
std::vector<std::string> decp_environmental(const Considerations& c);

}  // namespace clausier
