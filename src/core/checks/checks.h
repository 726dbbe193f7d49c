// checks.h — the legal and quality checks run on a project: each rule has an id, a severity, the articles
// it rests on, a French message saying what is wrong and what to do, and where to fix it (step and field)
// so the app can jump there. Rule metadata (severity, articles, messages, dates) lives in
// data/legal/rules.json; this code only decides when a rule fires.
#pragma once
#include "law/legal.h"
#include "library/library.h"
#include "project/path.h"
#include <optional>

namespace clausier {

struct Spaser;   // portfolio/spaser.h

// Most severe first: a blocking point exposes the procedure to an appeal, an alert calls for a written
// decision, a piece of advice improves the consultation. Names: "bloquant", "alerte", "conseil".
enum class Severity { bloquant, alerte, conseil };
template <> EnumNames<Severity> enum_names<Severity>();

// What a finding offers beside « Corriger », the same for every face (the app draws it as a button with the
// label, the CLI prints its name): start the buyer's SPASER, or open it. Names: "demarrer-spaser", "ouvrir-spaser".
enum class FindingAction { none, start_spaser, open_spaser };
template <> EnumNames<FindingAction> enum_names<FindingAction>();

struct Finding {
    std::string rule;                    // rule id, e.g. "art35-condition-environnementale"
    Severity severity = Severity::conseil;
    std::vector<std::string> articles;
    std::string message;                 // French: what is wrong and what to do
    Step step = Step::verification;      // the step of the buyer's path where it is fixed
    std::string field;                   // field id inside the step, e.g. "criteria[2].weight"
    FindingAction action = FindingAction::none;
    // "criteres.criteria[2].weight": the step's name, then the field (the app's widget ids follow it).
    std::string where() const { return field.empty() ? enum_name(step) : enum_name(step) + ("." + field); }
};

// One rule's metadata, read from data/legal/rules.json.
struct RuleInfo {
    std::string id, title;
    Severity severity = Severity::conseil;
    Step step = Step::verification;
    std::string field;
    std::vector<std::string> articles;
    std::string message;        // French template; {name} placeholders are filled by the rule
    std::string description;    // French: what the rule checks (for the documentation and the app)
    std::string obligation;     // id of a dated obligation in thresholds.json the rule depends on, if any
    Date valid_from;            // first launch date the rule applies to (invalid = always)
    json params = json::object();   // figures and word lists the rule uses
    bool reminder = false;      // a reminder of a step after the draft (publication, declaration), not a fault
    json examples = json::object();   // {"fires": fragment, "quiet": fragment}: merge patches of example_base;
                                      // a fragment's "_spaser" is the buyer's SPASER the example is checked with
    FindingAction action = FindingAction::none;   // "action": what its findings offer, unless the rule says otherwise
};

struct RuleSet {
    std::vector<RuleInfo> rules;
    json vocabulary = json::object();   // named word lists shared by several rules
    json example_base = json::object();   // the project file every rule's examples patch (RFC 7396)
    const RuleInfo* find(std::string_view id) const;
    std::vector<std::string> terms(std::string_view list) const;   // a vocabulary list, empty if absent
};

bool load_rules(const std::string& json_text, RuleSet& out, std::string& error);
const RuleSet& bundled_rules();             // parsed once from the bundle
std::vector<std::string> implemented_rules();   // the rule ids the engine runs on one project, in order
// The rules that only show across several projects (data/legal/portfolio_rules.json), run by summarize_portfolio.
std::vector<const char*> portfolio_rules();
// A finding of `info` with its {name} placeholders filled in from `values`, at `field` (or the rule's own),
// citing `articles` (or the rule's own).
Finding rule_finding(const RuleInfo& info, const std::map<std::string, std::string>& values, const std::string& field = "",
                     const std::vector<std::string>& articles = {}, std::optional<FindingAction> action = std::nullopt);

// Every rule on the project, most severe first. `procedure` is the project's (project_procedure): sized once
// per change by the caller and shared with the recommendations and the documents. `spaser`: the buyer's SPASER
// (portfolio/spaser.h) when there is one (the one kept in the browser, `clausier check --spaser`): the project is
// then measured against its targets (rules spaser-cible-*), and an adopted one stands for buyer.spaser_adopted.
std::vector<Finding> run_checks(const Project& p, const ProcedureResult& procedure, const Library& lib = bundled_library(),
                                const LegalData& law = bundled_legal_data(), const RuleSet& rules = bundled_rules(),
                                const Spaser* spaser = nullptr);
json findings_to_json(const std::vector<Finding>& findings);   // {"findings": [...]} per ../shared/CLI.md

// The project of one of a rule's examples ("fires" or "quiet"): the table's example_base patched by the
// example's fragment (JSON merge patch, RFC 7396). Null when the rule has no such example.
json rule_example(const RuleSet& rules, const RuleInfo& rule, const char* which);
// The SPASER that example is checked with (its fragment's "_spaser"), null when none.
json rule_example_spaser(const RuleInfo& rule, const char* which);
// The rule table of docs/rules.md, generated from the rules (id, severity, articles as citations, step, what
// it checks, its examples): the documentation is written from the data, and a test keeps them equal.
std::string rules_markdown(const RuleSet& rules, const Library& lib = bundled_library());

// Where the app shows the field a finding names (the widget ids of docs/automation.md): most findings are
// fixed where their where() says, a few fields live on another step than their rule's (the payment terms on
// the lots step, the CPV codes in their search field…). `clause` is the chosen clause whose detail holds the
// field, if any (a clause's variable, the insertion facilitator). A finding fixed by adding a clause (a
// missing environmental or social execution condition, L.2112-2 and art. 35 of the loi Climat et résilience)
// names the clause list to add from (`widget` "clauses.item.", the first clause drawn) with the filter that
// shows the kind of clause missing.
struct ClauseFilter {
    Pillar pillar;
    ClauseKind kind;
};
struct FieldPlace {
    Step step = Step::verification;
    std::string widget;
    std::string clause;
    std::optional<ClauseFilter> add_from;
};
FieldPlace field_place(const Finding& f, const Project& p, const Library& lib = bundled_library());

// Whether the buyer has filled in the essentials of a step of the purchase path, for the app's stepper:
// a step is "to do" until then, "done" once filled with nothing to review. `findings` are the project's own.
bool step_filled(const Project& p, Step step, const std::vector<Finding>& findings, const Library& lib = bundled_library());

}  // namespace clausier
