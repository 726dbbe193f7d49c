// Rules on the award criteria (art. 35 criterion, weights, scoring methods, localism), the monitoring plan
// and the payment terms.
#include "checks/internal.h"
#include <algorithm>
#include <cmath>

namespace clausier::checks {

namespace {

const Clause* linked(const Context& c, const AwardCriterion& k) { return k.clause.empty() ? nullptr : c.lib.find(k.clause); }

std::string criterion_text(const Context& c, const AwardCriterion& k) {
    std::string text = k.name + "\n" + k.method + "\n" + k.proof;
    for (const SubCriterion& s : k.subcriteria) text += "\n" + s.name;
    if (const Clause* clause = linked(c, k)) text += "\n" + clause->title + "\n" + clause->text + "\n" + clause->criterion.scoring;
    return text;
}

// A life-cycle cost counts as environmental when it comes from an environmental clause or prices energy,
// emissions or end of life.
bool environmental_cost(const Context& c, const AwardCriterion& k) {
    if (k.kind != CriterionKind::cout_cycle_vie) return false;
    if (const Clause* clause = linked(c, k); clause && clause->pillar == Pillar::environnemental && clause->counts_as_consideration())
        return true;
    return !matched_terms(criterion_text(c, k), c.terms("cycle-vie-environnement")).empty();
}

bool environmental_criterion(const Context& c, const AwardCriterion& k) {
    return k.kind == CriterionKind::environnemental || considers(linked(c, k), ClauseKind::critere, Pillar::environnemental) || environmental_cost(c, k);
}

std::string name_of(const AwardCriterion& k, size_t i) {
    return blank(k.name) ? "critère n° " + std::to_string(i + 1) : "« " + trim(k.name) + " »";
}

// --- criteres --------------------------------------------------------------------------------------------

void no_criteria(const Context& c, const RuleInfo&, std::vector<Hit>& out) {
    if (c.p.criteria.empty()) out.push_back({});
}

// A purchase without publicity or competition (R.2122-8) has no award criteria to state: the art. 35 criterion
// rules do not apply to it.
bool competed(const Context& c) { return c.procedure.procedure != Procedure::sans_publicite; }

// The groups of criteria judged together: one per lot when the criteria differ by lot (criteria_groups), with
// the words a message puts after « critères » (« du lot 2 » or nothing).
struct Group {
    std::vector<size_t> indexes;
    std::string lot;   // " du lot n" or ""
};
std::vector<Group> groups(const Context& c) {
    std::vector<Group> out;
    for (int lot : criteria_groups(c.p))
        out.push_back({criteria_of_lot(c.p, lot), lot ? " du lot " + std::to_string(lot) : ""});
    return out;
}

void environmental_award(const Context& c, const RuleInfo&, std::vector<Hit>& out) {
    if (!competed(c) || c.p.criteria.empty()) return;
    for (const Group& g : groups(c)) {
        bool found = false;
        for (size_t i : g.indexes) found = found || environmental_criterion(c, c.p.criteria[i]);
        if (!found) out.push_back({"", {{"lot", g.lot}}});
    }
}

// The criterion that carries the whole award of a group, if there is only one that counts.
const AwardCriterion* sole_criterion(const Context& c, const std::vector<size_t>& group, size_t& index) {
    const auto& all = c.p.criteria;
    if (group.size() == 1) { index = group[0]; return &all[index]; }
    if (c.p.weighting == Weighting::hierarchisation) return nullptr;
    const AwardCriterion* sole = nullptr;
    for (size_t i : group) {
        if (!(all[i].weight > 0)) continue;
        if (sole) return nullptr;
        sole = &all[i];
        index = i;
    }
    return sole;
}

void sole_criterion_rule(const Context& c, const RuleInfo&, std::vector<Hit>& out) {
    if (!competed(c)) return;
    std::vector<size_t> reported;
    for (const Group& g : groups(c)) {
        size_t i = 0;
        const AwardCriterion* k = sole_criterion(c, g.indexes, i);
        if (k && !environmental_cost(c, *k) && std::find(reported.begin(), reported.end(), i) == reported.end()) {
            reported.push_back(i);
            out.push_back({item("criteria", i) + ".kind", {{"name", name_of(*k, i)}}});
        }
    }
}

void no_price(const Context& c, const RuleInfo&, std::vector<Hit>& out) {
    if (c.p.criteria.empty()) return;
    for (const Group& g : groups(c)) {
        bool found = false;
        for (size_t i : g.indexes)
            found = found || c.p.criteria[i].kind == CriterionKind::prix || c.p.criteria[i].kind == CriterionKind::cout_cycle_vie;
        if (!found) out.push_back({"", {{"lot", g.lot}}});
    }
}

// With one weight per criterion, each group's weights make 100 %; with ranges, 100 % lies between the sum of
// the lower bounds and the sum of the upper bounds, and no range is reversed (R.2152-12).
void weights_total(const Context& c, const RuleInfo&, std::vector<Hit>& out) {
    if (c.p.weighting == Weighting::hierarchisation) return;
    const bool ranges = c.p.weighting == Weighting::fourchette;
    for (const Group& g : groups(c)) {
        double low = 0, high = 0;
        bool weighted = false;
        for (size_t i : g.indexes) {
            const AwardCriterion& k = c.p.criteria[i];
            low += k.weight;
            high += ranges ? std::max(k.weight, k.weight_max) : k.weight;
            weighted = weighted || k.weight > 0 || (ranges && k.weight_max > 0);
        }
        if (!weighted) continue;
        if (!ranges && !weights_add_up(low))
            out.push_back({"", {{"lot", g.lot}, {"value", french_percent(low)}}});
        else if (ranges && !weights_can_add_up(low, high))
            out.push_back({"", {{"lot", g.lot},
                                {"value", "entre " + french_percent(low) + " et " + french_percent(high) + " selon les bornes des fourchettes"}}});
    }
}

// R.2152-12: in a formalised procedure each criterion is weighted (one weight or a range) or, when weighting
// is impossible for objective reasons, the criteria are ranked — and the reasons are recorded.
void unweighted_formalised(const Context& c, const RuleInfo&, std::vector<Hit>& out) {
    if (c.procedure.procedure != Procedure::formalisee) return;
    if (c.p.weighting == Weighting::hierarchisation) return;   // "criteres-hierarchisation-non-motivee"
    for (size_t i = 0; i < c.p.criteria.size(); ++i) {
        const AwardCriterion& k = c.p.criteria[i];
        if (!(k.weight > 0) && !(c.p.weighting == Weighting::fourchette && k.weight_max > 0))
            out.push_back({item("criteria", i) + ".weight", {{"name", name_of(k, i)}}});
    }
}

void ranking_without_reason(const Context& c, const RuleInfo&, std::vector<Hit>& out) {
    if (c.procedure.procedure == Procedure::formalisee && c.p.weighting == Weighting::hierarchisation && blank(c.p.weighting_reason))
        out.push_back({});
}

void no_method(const Context& c, const RuleInfo&, std::vector<Hit>& out) {
    for (size_t i = 0; i < c.p.criteria.size(); ++i) {
        const AwardCriterion& k = c.p.criteria[i];
        const Clause* clause = linked(c, k);
        if (blank(k.method) && !(clause && !blank(clause->criterion.scoring)))
            out.push_back({item("criteria", i) + ".method", {{"name", name_of(k, i)}}});
    }
}

void no_proof(const Context& c, const RuleInfo&, std::vector<Hit>& out) {
    for (size_t i = 0; i < c.p.criteria.size(); ++i) {
        const AwardCriterion& k = c.p.criteria[i];
        const Clause* clause = linked(c, k);
        if (blank(k.proof) && !(clause && !blank(clause->criterion.provides)))
            out.push_back({item("criteria", i) + ".proof", {{"name", name_of(k, i)}}});
    }
}

void subcriteria_total(const Context& c, const RuleInfo&, std::vector<Hit>& out) {
    for (size_t i = 0; i < c.p.criteria.size(); ++i) {
        const AwardCriterion& k = c.p.criteria[i];
        if (k.subcriteria.empty()) continue;
        const double sum = weight_sum(k.subcriteria);
        if (!weights_add_up(sum)) out.push_back({item("criteria", i) + ".subcriteria", {{"name", name_of(k, i)}, {"value", french_percent(sum)}}});
    }
}

void price_dominant(const Context& c, const RuleInfo& r, std::vector<Hit>& out) {
    if (c.p.criteria.size() < 2 || c.p.weighting == Weighting::hierarchisation) return;
    const double max = number_param(r, "max_weight", 80);
    double price = 0;
    size_t first = c.p.criteria.size();
    for (size_t i = 0; i < c.p.criteria.size(); ++i)
        if (c.p.criteria[i].kind == CriterionKind::prix) {
            price += c.p.criteria[i].weight;
            first = std::min(first, i);
        }
    if (price > max) out.push_back({item("criteria", first) + ".weight", {{"value", french_percent(price)}, {"max", french_percent(max)}}});
}

void weight_outside_range(const Context& c, const RuleInfo&, std::vector<Hit>& out) {
    for (size_t i = 0; i < c.p.criteria.size(); ++i) {
        const AwardCriterion& k = c.p.criteria[i];
        const Clause* clause = linked(c, k);
        if (!is(clause, ClauseKind::critere) || !(clause->criterion.weight_max > 0) || !(k.weight > 0)) continue;
        if (k.weight < clause->criterion.weight_min || k.weight > clause->criterion.weight_max)
            out.push_back({item("criteria", i) + ".weight",
                           {{"name", name_of(k, i)}, {"value", french_percent(k.weight)}, {"clause", clause->id},
                            {"min", french_percent(clause->criterion.weight_min)}, {"max", french_percent(clause->criterion.weight_max)}}});
    }
}

void candidate_capacity(const Context& c, const RuleInfo&, std::vector<Hit>& out) {
    const std::vector<std::string> terms = c.terms("critere-candidature");
    for (size_t i = 0; i < c.p.criteria.size(); ++i) {
        const AwardCriterion& k = c.p.criteria[i];
        std::string text = k.name + "\n" + k.method;
        for (const SubCriterion& s : k.subcriteria) text += "\n" + s.name;
        std::vector<std::string> found = matched_terms(text, terms);
        if (!found.empty()) out.push_back({item("criteria", i) + ".name", {{"name", name_of(k, i)}, {"terms", quoted_list(found)}}});
    }
}

void criterion_localism(const Context& c, const RuleInfo&, std::vector<Hit>& out) {
    for (size_t i = 0; i < c.p.criteria.size(); ++i) {
        const AwardCriterion& k = c.p.criteria[i];
        std::vector<std::pair<std::string, const std::string*>> fields = {
            {item("criteria", i) + ".name", &k.name}, {item("criteria", i) + ".method", &k.method}, {item("criteria", i) + ".proof", &k.proof}};
        for (size_t j = 0; j < k.subcriteria.size(); ++j)
            fields.push_back({item("criteria", i) + "." + item("subcriteria", j) + ".name", &k.subcriteria[j].name});
        // One finding per criterion, at the first field that carries the place, naming every expression.
        std::string first;
        std::vector<std::string> all;
        for (const auto& [field, text] : fields)
            for (const std::string& term : find_localism(*text, LocalismScope::criterion)) {
                if (first.empty()) first = field;
                if (!contains(all, term)) all.push_back(term);
            }
        if (!all.empty()) out.push_back({first, {{"name", name_of(k, i)}, {"terms", quoted_list(all)}}});
    }
}

// --- suivi -----------------------------------------------------------------------------------------------

struct Missing {
    std::vector<std::string> labels;
    std::string first_field;
};

Missing missing_parts(const std::string& indicator, const std::string& proof, const std::string& checkpoint, const std::string& penalty) {
    Missing m;
    const std::pair<const char*, const std::string*> parts[] = {
        {"indicator", &indicator}, {"proof", &proof}, {"checkpoint", &checkpoint}, {"penalty", &penalty}};
    const char* labels[] = {"un indicateur", "une preuve", "une échéance de contrôle", "une pénalité ou une mesure corrective"};
    for (size_t i = 0; i < 4; ++i)
        if (blank(*parts[i].second)) {
            if (m.first_field.empty()) m.first_field = parts[i].first;
            m.labels.push_back(labels[i]);
        }
    return m;
}

void monitoring_incomplete(const Context& c, const RuleInfo&, std::vector<Hit>& out) {
    for (size_t i = 0; i < c.p.monitoring.size(); ++i) {
        const Commitment& m = c.p.monitoring[i];
        const Missing miss = missing_parts(m.indicator, m.proof, m.checkpoint, m.penalty);
        if (miss.labels.empty()) continue;
        const std::string what = !blank(m.commitment) ? "« " + trim(m.commitment) + " »"
                                 : !m.clause.empty() ? "le suivi de la clause " + m.clause
                                                     : "la ligne n° " + std::to_string(i + 1);
        out.push_back({item("monitoring", i) + "." + miss.first_field, {{"what", what}, {"missing", french_list(miss.labels)}}});
    }
    // Execution conditions with no monitoring line rely on the library's indicator, proof, checkpoint, penalty.
    for (const auto& [chosen, k] : c.chosen()) {
        if (!is(k, ClauseKind::condition_execution)) continue;
        bool followed = false;
        for (const Commitment& m : c.p.monitoring) followed = followed || m.clause == chosen->id;
        const Missing miss = missing_parts(k->indicator, k->execution_proof, k->checkpoint, k->penalty);
        if (!followed && !miss.labels.empty())
            out.push_back({clause_field(*chosen), {{"what", "la clause " + k->id + " (« " + k->title + " »)"}, {"missing", french_list(miss.labels)}}});
    }
}

// A figure of params that may depend on the buyer type: params[by_buyer][type], else params[key].
double buyer_param(const Context& c, const RuleInfo& r, const char* key, const char* by_buyer, double fallback) {
    const json& by = r.params.contains(by_buyer) ? r.params[by_buyer] : json();
    const char* buyer = enum_name(c.p.buyer.type);
    if (by.is_object() && by.contains(buyer) && by[buyer].is_number()) return by[buyer].get<double>();
    return number_param(r, key, fallback);
}

// R.2191-3: an advance is owed above 50 000 € HT when the duration exceeds 2 months, at least 5 % (R.2191-7).
void advance_owed(const Context& c, const RuleInfo& r, std::vector<Hit>& out) {
    const double min = number_param(r, "min_percent", 5), from = number_param(r, "from_value", 50000);
    const double months = number_param(r, "from_months", 2);
    const int duration = c.p.need.duration_months + c.p.need.renewals * c.p.need.renewal_months;
    if (c.p.advance_percent < min && c.total > from && duration > months)
        out.push_back({"", {{"value", french_percent(c.p.advance_percent)}, {"min", french_percent(min)}}});
}

void low_advance(const Context& c, const RuleInfo& r, std::vector<Hit>& out) {
    const double min = buyer_param(c, r, "min_percent", "min_percent_by_buyer", 20), from = number_param(r, "from_value", 50000);
    const double owed = c.rules.find("paiement-avance-obligatoire") ? number_param(*c.rules.find("paiement-avance-obligatoire"), "min_percent", 5) : 5;
    if (c.p.advance_percent < owed) return;   // "paiement-avance-obligatoire" says it
    if (!(c.p.advance_percent < min) || !(c.total > from)) return;
    // Likely to attract small firms: at least one lot of a size an SME can take on (below the EU threshold).
    const double factor = renewal_factor(c.p.need);
    bool sme_sized = false;
    for (const Lot& lot : c.p.lots) sme_sized = sme_sized || lot.value * factor < c.procedure.eu_threshold;
    if (sme_sized) out.push_back({"", {{"value", french_percent(c.p.advance_percent)}, {"min", french_percent(min)}}});
}

// R.2192-10, R.2192-11: 30 days for the State and local authorities, 50 for public health establishments,
// 60 for public undertakings (entities of params.max_days_by_buyer).
void long_payment(const Context& c, const RuleInfo& r, std::vector<Hit>& out) {
    const double max = buyer_param(c, r, "max_days", "max_days_by_buyer", 30);
    if (c.p.payment_days > max)
        out.push_back({"", {{"value", std::to_string(c.p.payment_days)}, {"max", french_number(max)},
                            {"buyer", enum_label(c.p.buyer.type)}}});
}

}  // namespace

std::vector<RuleEntry> criteria_rules() {
    return {
        {"criteres-absents", no_criteria},
        {"art35-critere-environnemental", environmental_award},
        {"art35-critere-unique", sole_criterion_rule},
        {"criteres-prix-absent", no_price},
        {"criteres-total-ponderation", weights_total},
        {"criteres-non-ponderes-formalise", unweighted_formalised},
        {"criteres-hierarchisation-non-motivee", ranking_without_reason},
        {"criteres-sans-methode", no_method},
        {"criteres-sans-preuve", no_proof},
        {"criteres-sous-criteres-total", subcriteria_total},
        {"criteres-prix-preponderant", price_dominant},
        {"criteres-hors-fourchette", weight_outside_range},
        {"criteres-capacite-candidat", candidate_capacity},
        {"localisme-critere", criterion_localism},
        {"suivi-incomplet", monitoring_incomplete},
        {"paiement-avance-obligatoire", advance_owed},
        {"paiement-avance-faible", low_advance},
        {"paiement-delai", long_payment},
    };
}

}  // namespace clausier::checks
