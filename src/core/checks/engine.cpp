// The checks engine: loads the rule metadata (data/legal/rules.json), runs every rule function on the
// project and turns their hits into findings, most severe first.
#include "checks/checks.h"
#include "base/bundle.h"
#include "checks/internal.h"
#include <algorithm>
#include <cmath>

namespace clausier {

namespace checks {

json Context::value(const ChosenClause& c, const Variable& v) const {
    auto it = c.values.find(v.name);
    return it != c.values.end() && !it->second.is_null() ? it->second : v.default_value;
}

double Context::number(const ChosenClause& c, const Variable& v) const {
    json x = value(c, v);
    return x.is_number() && std::isfinite(x.get<double>()) ? x.get<double>() : 0;
}

std::vector<std::pair<const ChosenClause*, const Clause*>> Context::chosen() const {
    std::vector<std::pair<const ChosenClause*, const Clause*>> out;
    for (const ChosenClause& c : p.clauses)
        if (const Clause* k = clause(c)) out.emplace_back(&c, k);
    return out;
}

std::string item(const char* list, size_t index) { return std::string(list) + "[" + std::to_string(index + 1) + "]"; }

std::string clause_field(const ChosenClause& c, const std::string& variable) {
    return "clauses." + c.id + (variable.empty() ? "" : "." + variable);
}

std::string quoted_list(const std::vector<std::string>& items) {
    std::string out;
    for (const std::string& s : items) out += (out.empty() ? "« " : ", « ") + s + " »";
    return out;
}

bool blank(const std::string& s) { return trim(s).empty(); }


std::vector<std::string> strings_param(const RuleInfo& r, const char* key) {
    std::vector<std::string> out;
    if (r.params.contains(key) && r.params[key].is_array())
        for (const json& s : r.params[key]) if (s.is_string()) out.push_back(s.get<std::string>());
    return out;
}

double number_param(const RuleInfo& r, const char* key, double fallback) {
    return r.params.contains(key) && r.params[key].is_number() ? r.params[key].get<double>() : fallback;
}

std::vector<std::string> matched_terms(std::string_view text, const std::vector<std::string>& terms, bool skip_negated) {
    static const std::vector<std::string> kNegations = {"aucun", "aucune", "pas", "sans", "ni", "jamais", "non"};
    const std::vector<Token> tokens = tokenize(text);
    std::vector<std::string> out, seen;
    for (const TermHit& h : find_terms(tokens, terms)) {
        bool negated = false;
        for (size_t k = 1; skip_negated && k <= 3 && k <= h.first; ++k)
            negated = negated || (tokens[h.first - k].sentence == tokens[h.first].sentence &&
                                  any_word_matches(tokens[h.first - k].word, kNegations));
        if (negated) continue;
        std::string s = span_text(text, tokens, h.first, h.last);
        if (contains(seen, fold(s))) continue;
        seen.push_back(fold(s));
        out.push_back(s);
    }
    return out;
}

bool is(const Clause* c, ClauseKind kind) { return c && c->kind == kind; }

bool considers(const Clause* c, ClauseKind kind, Pillar pillar) { return c && c->considers(kind, pillar); }

}  // namespace checks

namespace {

std::string fill(std::string message, const std::map<std::string, std::string>& values) {
    for (const auto& [key, text] : values) {
        const std::string mark = "{" + key + "}";
        for (size_t p = message.find(mark); p != std::string::npos; p = message.find(mark, p + text.size()))
            message.replace(p, mark.size(), text);
    }
    return message;
}

const EnumEntry<Severity> kSeverities[] = {
    {Severity::bloquant, "bloquant", "Bloquant"}, {Severity::alerte, "alerte", "Alerte"}, {Severity::conseil, "conseil", "Conseil"}};
const EnumEntry<FindingAction> kActions[] = {{FindingAction::none, "", ""},
                                             {FindingAction::start_spaser, "demarrer-spaser", "Démarrer un SPASER"},
                                             {FindingAction::open_spaser, "ouvrir-spaser", "Ouvrir le SPASER"}};

std::vector<checks::RuleEntry> registry() {
    std::vector<checks::RuleEntry> all;
    for (auto part : {checks::need_rules, checks::spaser_rules, checks::clause_rules, checks::criteria_rules, checks::settings_rules})
        for (const checks::RuleEntry& e : part()) all.push_back(e);
    return all;
}

bool applies(const RuleInfo& r, const LegalData& law, Date date) {
    if (!r.obligation.empty()) return law.in_force(r.obligation, date);
    return !r.valid_from.valid() || date.key() >= r.valid_from.key();
}

std::string text_of(const json& j, const char* key) {
    return j.contains(key) && j[key].is_string() ? j[key].get<std::string>() : std::string();
}

}  // namespace

template <> EnumNames<Severity> enum_names<Severity>() { return kSeverities; }
template <> EnumNames<FindingAction> enum_names<FindingAction>() { return kActions; }

const RuleInfo* RuleSet::find(std::string_view id) const {
    for (const RuleInfo& r : rules) if (r.id == id) return &r;
    return nullptr;
}

std::vector<std::string> RuleSet::terms(std::string_view list) const {
    std::vector<std::string> out;
    auto it = vocabulary.find(std::string(list));
    if (it != vocabulary.end() && it->is_array())
        for (const json& s : *it) if (s.is_string()) out.push_back(s.get<std::string>());
    return out;
}

bool load_rules(const std::string& text, RuleSet& out, std::string& error) {
    json doc = json::parse(text, nullptr, false);
    if (doc.is_discarded() || !doc.is_object() || !doc.contains("rules") || !doc["rules"].is_array()) {
        error = "Table des règles de vérification illisible.";
        return false;
    }
    RuleSet set;
    if (doc.contains("vocabulary") && doc["vocabulary"].is_object()) set.vocabulary = doc["vocabulary"];
    if (doc.contains("example_base") && doc["example_base"].is_object()) set.example_base = doc["example_base"];
    for (const json& j : doc["rules"]) {
        RuleInfo r;
        if (!j.is_object()) { error = "Table des règles : une entrée n'est pas un objet."; return false; }
        r.id = text_of(j, "id");
        r.title = text_of(j, "title");
        const bool known_severity = parse_enum(text_of(j, "severity"), r.severity);
        const bool known_step = parse_enum(text_of(j, "step"), r.step);
        r.field = text_of(j, "field");
        r.message = text_of(j, "message");
        r.description = text_of(j, "description");
        r.obligation = text_of(j, "obligation");
        r.valid_from = parse_date(text_of(j, "valid_from"));
        if (j.contains("articles") && j["articles"].is_array())
            for (const json& a : j["articles"]) if (a.is_string()) r.articles.push_back(a.get<std::string>());
        if (j.contains("params") && j["params"].is_object()) r.params = j["params"];
        if (j.contains("examples") && j["examples"].is_object()) r.examples = j["examples"];
        r.reminder = j.value("reminder", false);
        const bool known_action = text_of(j, "action").empty() || parse_enum(text_of(j, "action"), r.action);
        if (r.id.empty() || r.message.empty() || !known_step || !known_severity || !known_action) {
            error = "Table des règles : la règle « " + r.id + " » est incomplète (identifiant, gravité, étape, message ou action inconnue).";
            return false;
        }
        set.rules.push_back(std::move(r));
    }
    out = std::move(set);
    return true;
}

const RuleSet& bundled_rules() {
    static const RuleSet rules = [] {
        RuleSet r;
        std::string error;
        load_rules(std::string(bundle_file("data/legal/rules.json")), r, error);
        return r;
    }();
    return rules;
}

std::vector<std::string> implemented_rules() {
    std::vector<std::string> ids;
    for (const checks::RuleEntry& e : registry()) ids.push_back(e.id);
    return ids;
}

Finding rule_finding(const RuleInfo& info, const std::map<std::string, std::string>& values, const std::string& field,
                     const std::vector<std::string>& articles, std::optional<FindingAction> action) {
    return {info.id, info.severity, articles.empty() ? info.articles : articles,
            sanitize_utf8(french_typography(typographic_apostrophes(fill(info.message, values)))), info.step,
            field.empty() ? info.field : field, action.value_or(info.action)};
}

std::vector<Finding> run_checks(const Project& p, const ProcedureResult& procedure, const Library& lib, const LegalData& law,
                                const RuleSet& rules, const Spaser* spaser) {
    const ResolvedSettings settings = resolve_settings(p, procedure);
    const checks::Context ctx{p, lib, law, rules, effective_launch_date(p), total_estimated_value(p), procedure, settings, spaser};
    std::vector<Finding> findings;
    for (const checks::RuleEntry& entry : registry()) {
        const RuleInfo* info = rules.find(entry.id);
        if (!info || !applies(*info, law, ctx.date)) continue;
        std::vector<checks::Hit> hits;
        entry.run(ctx, *info, hits);
        for (const checks::Hit& h : hits)
            findings.push_back(rule_finding(*info, h.values, h.field, h.articles, h.action));
    }
    std::stable_sort(findings.begin(), findings.end(), [](const Finding& a, const Finding& b) {
        return a.severity < b.severity;
    });
    return findings;
}

json findings_to_json(const std::vector<Finding>& findings) {
    json out = json::array();
    for (const Finding& f : findings) {
        out.push_back({{"rule", f.rule}, {"severity", enum_name(f.severity)}, {"articles", f.articles}, {"message", f.message}, {"where", f.where()}});
        if (f.action != FindingAction::none) out.back()["action"] = enum_name(f.action);
    }
    return {{"findings", out}};
}

bool step_filled(const Project& p, Step step, const std::vector<Finding>& findings, const Library& lib) {
    switch (step) {
        case Step::besoin: return !trim(p.need.object).empty() && total_estimated_value(p) > 0;
        case Step::sourcing: return !p.sourcing.empty();
        case Step::lots: return p.lots.size() > 1 || (p.lots.size() == 1 && p.single_lot_ground != SingleLotGround::aucun);
        case Step::objectifs: return !p.goals.empty();
        case Step::clauses: return !p.clauses.empty();
        case Step::criteres: {   // weights add up in every group judged together; ranges and ranks have no total
            if (p.criteria.size() < 2) return false;
            if (p.weighting != Weighting::ponderation) return true;
            const std::vector<int> groups = criteria_groups(p);
            return std::all_of(groups.begin(), groups.end(), [&](int lot) {
                double sum = 0;
                for (size_t i : criteria_of_lot(p, lot)) sum += p.criteria[i].weight;
                return weights_add_up(sum);
            });
        }
        case Step::suivi:   // the buyer's own commitments, or execution conditions that bring theirs
            return !p.monitoring.empty() || std::any_of(p.clauses.begin(), p.clauses.end(), [&](const ChosenClause& c) {
                       const Clause* k = lib.find(c.id);
                       return k && k->kind == ClauseKind::condition_execution;
                   });
        case Step::consultation:
            return !trim(p.consultation.tender_deadline).empty() && !trim(p.consultation.reference).empty();
        case Step::verification:
            return step_filled(p, Step::besoin, findings, lib) &&
                   std::none_of(findings.begin(), findings.end(), [](const Finding& f) { return f.severity == Severity::bloquant; });
        default: return false;   // export: nothing to fill in
    }
}

}  // namespace clausier
