// internal.h — what the rule functions of the checks engine share (not part of the core's API).
// Each rule is a small function that looks at the project and reports hits; the engine turns hits into
// findings with the rule's metadata from data/legal/rules.json.
#pragma once
#include "checks/checks.h"
#include "checks/localism.h"
#include "project/consultation.h"

namespace clausier::checks {

struct Hit {
    std::string field;                          // empty = the rule's default field
    std::map<std::string, std::string> values;  // message placeholders: {name} → text
    std::vector<std::string> articles = {};     // empty = the rule's articles; else these (a clause's own basis)
    std::optional<FindingAction> action = {};   // unset = the rule's action
};

struct Context {
    const Project& p;
    const Library& lib;
    const LegalData& law;
    const RuleSet& rules;
    Date date;                  // effective launch date
    double total = 0;           // total estimated value, euros HT
    const ProcedureResult& procedure;   // sized once by the caller
    const ResolvedSettings& settings;   // the consultation settings resolved once (project/consultation.h)
    const Spaser* spaser;               // the buyer's SPASER, null when none is given

    const Clause* clause(const ChosenClause& c) const { return lib.find(c.id); }
    json value(const ChosenClause& c, const Variable& v) const;      // the chosen value, or the default
    double number(const ChosenClause& c, const Variable& v) const;   // 0 when not a number
    std::vector<std::string> terms(std::string_view list) const { return rules.terms(list); }
    // Chosen clauses found in the library, with their library record.
    std::vector<std::pair<const ChosenClause*, const Clause*>> chosen() const;
};

using RuleFn = void (*)(const Context&, const RuleInfo&, std::vector<Hit>&);
struct RuleEntry {
    const char* id;
    RuleFn run;
};

std::vector<RuleEntry> need_rules();       // besoin, sourcing, lots, objectifs
std::vector<RuleEntry> clause_rules();     // clauses: art. 35 conditions, EGalim, AGEC, insertion, texts
std::vector<RuleEntry> criteria_rules();   // criteres and suivi
std::vector<RuleEntry> settings_rules();   // consultation settings: calendar, framework, prices, CCAG
std::vector<RuleEntry> spaser_rules();     // the project against the targets of the buyer's SPASER

// Field ids, 1-based like the model's error messages: item("criteria", 0) = "criteria[1]".
std::string item(const char* list, size_t index);
std::string clause_field(const ChosenClause& c, const std::string& variable = "");   // "clauses.NET-E-001.taux"
std::string quoted_list(const std::vector<std::string>& items);   // « a », « b »
bool blank(const std::string& s);
std::vector<std::string> strings_param(const RuleInfo& r, const char* key);
double number_param(const RuleInfo& r, const char* key, double fallback);
// Distinct expressions of `text` matching `terms`, as written; a match right after a negation
// ("aucun prix", "sans remise") is ignored when `skip_negated`.
std::vector<std::string> matched_terms(std::string_view text, const std::vector<std::string>& terms, bool skip_negated = false);
// Whether a clause is of `kind`.
bool is(const Clause* c, ClauseKind kind);
// Whether a clause is of `kind` and brings an environmental or social consideration of `pillar`
// (Clause::considers: never a financial or organisation clause, nor one marked `consideration: false`).
bool considers(const Clause* c, ClauseKind kind, Pillar pillar);

}  // namespace clausier::checks
