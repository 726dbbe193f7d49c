// checks.h — the legal and quality checks run on a project: each rule has an id, a severity, the articles
// it rests on, a French message saying what is wrong and what to do, and where to fix it (step and field)
// so the app can jump there. Rule metadata (severity, articles, messages, dates) lives in
// data/legal/rules.json; this code only decides when a rule fires.
#pragma once
#include "legal.h"
#include "library.h"

namespace clausier {

struct Finding {
    std::string rule;                    // rule id, e.g. "art35-condition-environnementale"
    std::string severity;                // bloquant | alerte | conseil
    std::vector<std::string> articles;
    std::string message;                 // French: what is wrong and what to do
    std::string step;                    // wizard step id: besoin, sourcing, lots, objectifs, clauses, criteres, suivi, verification, export
    std::string field;                   // field id inside the step, e.g. "criteria[2].weight"
    std::string where() const { return field.empty() ? step : step + "." + field; }
};

std::vector<Finding> run_checks(const Project& p, const Library& lib = bundled_library(),
                                const LegalData& law = bundled_legal_data());
json findings_to_json(const std::vector<Finding>& findings);   // {"findings": [...]} per ../shared/CLI.md

}  // namespace clausier
