// insertion.h — the insertion-hours calculator: from the value of a contract, the share of it that is labour,
// an average loaded hourly cost and the share of labour hours set aside for insertion, the volume of insertion
// hours a buyer can propose to the facilitator, with every intermediate figure and its assumptions in French.
#pragma once
#include "library/library.h"
#include <string>

namespace clausier {

// The insertion clauses, defined once for the checks, the documents and the app: a clause serves insertion
// when it pursues the goal "insertion" (work set aside for people far from employment); an insertion clause is
// an execution condition that serves it (L.2112-2), the one whose hours the calculator sizes and whose
// facilitator the buyer names.
bool serves_insertion(const Clause& c);
bool is_insertion_clause(const Clause& c);
// The project's first chosen insertion clause, or nullptr.
const ChosenClause* insertion_clause(const Project& p, const Library& lib);

struct InsertionEstimate {
    bool valid = false;
    std::string error;            // French, when not valid
    double value = 0;             // euros HT
    double labour_share = 0;      // percent of the value that is labour
    double hourly_cost = 0;       // euros per hour, loaded
    double rate = 0;              // percent of labour hours reserved for insertion
    double labour_cost = 0;       // value × share
    double labour_hours = 0;      // labour cost / hourly cost
    double insertion_hours = 0;   // labour hours × rate
    long long rounded_hours = 0;  // insertion hours rounded to the nearest hour, the figure to write in a clause
    std::string explanation;      // French: the reasoning, figure by figure
};

InsertionEstimate estimate_insertion_hours(double value, double labour_share, double hourly_cost, double rate);

// The calculator on a project's own assumptions (Project::insertion) and value: one lot's (1-based) or, for
// lot 0, the whole purchase's, in both cases over the whole duration with renewals.
InsertionEstimate estimate_project_insertion(const Project& p, int lot = 0);

}  // namespace clausier
