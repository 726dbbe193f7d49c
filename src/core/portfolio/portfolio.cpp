#include "portfolio/portfolio.h"
#include "base/bundle.h"
#include "base/number.h"
#include "law/insertion.h"
#include "base/text.h"
#include <algorithm>
#include <map>

namespace clausier {

namespace {

const char* const kSplitRule = "portfolio-fractionnement";
const char* const kEgalimRule = "portfolio-egalim-non-atteint";

// Homogeneous purchases (R.2121-6, R.2121-7): the same purchase family, else the same CPV division.
std::string homogeneous_group(const Project& p) {
    const std::string family = fold(trim(p.need.family));
    if (!family.empty() && family != "transversal") return family;
    if (!p.need.cpv.empty() && p.need.cpv[0].size() >= 2) return "cpv:" + p.need.cpv[0].substr(0, 2);
    return "";
}

bool serves_sme_access(const Project& p, const Library& lib) {
    if (p.lots.size() >= 2) return true;
    for (const ChosenClause& c : p.clauses)
        if (const Clause* k = lib.find(c.id); k && contains(k->goals, "acces-pme")) return true;
    return false;
}

PortfolioItem portfolio_item(const PortfolioProject& src, const Library& lib, const LegalData& law) {
    const Project& p = src.project;
    PortfolioItem it;
    it.source = &src;
    it.launch = parse_date(p.need.launch_date);
    it.value = total_estimated_value(p);
    it.procedure = project_procedure(p, law);
    it.considerations = project_considerations(p, lib);
    it.status = project_status(p.award, p.execution);
    it.reserved = it.considerations.reserved;
    it.sme_friendly = serves_sme_access(p, lib);
    if (insertion_clause(p, lib)) it.insertion_planned = double(estimate_project_insertion(p).rounded_hours);
    it.insertion_done = insertion_hours_done(p.execution);
    it.group = homogeneous_group(p);
    return it;
}

void tally(ShareCount& s, const PortfolioItem& it, bool has) {
    if (!has) return;
    ++s.contracts;
    s.value += it.value;
}

void shares(ShareCount& s, size_t projects, double value) {
    s.share_contracts = projects ? double(s.contracts) / double(projects) : 0;
    s.share_value = value > 0 ? s.value / value : 0;
}

std::string quoted_titles(const std::vector<const PortfolioItem*>& items) {
    std::vector<std::string> names;
    for (const PortfolioItem* it : items) names.push_back("« " + trim(it->source->project.title) + " »");
    std::string out;
    for (size_t i = 0; i < names.size(); ++i)
        out += (i == 0 ? "" : i + 1 == names.size() ? " et " : ", ") + names[i];
    return out;
}

std::string files_of(const std::vector<const PortfolioItem*>& items) {
    std::string out;
    for (const PortfolioItem* it : items) out += (out.empty() ? "" : ", ") + it->source->file;
    return out;
}

// R.2121-1 ff.: the purchases of one homogeneous group launched in one year are added up; a finding when the
// sum reaches a threshold that every one of them stays under (the highest such threshold).
void split_needs(PortfolioSummary& s, const LegalData& law, const RuleInfo& rule) {
    std::map<std::pair<int, std::string>, std::vector<const PortfolioItem*>> groups;
    for (const PortfolioItem& it : s.items)
        if (it.launch.valid() && !it.group.empty() && it.value > 0) groups[{it.launch.year, it.group}].push_back(&it);
    for (const auto& [key, items] : groups) {
        if (items.size() < 2) continue;
        const Project& first = items.front()->source->project;
        double sum = 0, largest = 0;
        for (const PortfolioItem* it : items) {
            sum += it->value;
            largest = std::max(largest, it->value);
        }
        double crossed = 0;
        for (const json& id : rule.params.value("thresholds", json::array())) {
            if (!id.is_string()) continue;
            const double t = law.figure(id.get<std::string>(), first.buyer.type, first.need.nature, items.front()->launch);
            if (t > 0 && largest < t && sum >= t) crossed = std::max(crossed, t);
        }
        if (crossed == 0) continue;
        const std::string group = key.second.rfind("cpv:", 0) == 0 ? "la division CPV " + key.second.substr(4) : "la famille « " + key.second + " »";
        s.findings.push_back(rule_finding(rule, {{"projects", quoted_titles(items)}, {"count", std::to_string(items.size())},
                                                 {"group", group}, {"year", std::to_string(key.first)},
                                                 {"sum", french_euros(sum)}, {"threshold", french_euros(crossed)}}));
        s.where.push_back(files_of(items));
    }
}

// EGalim (L.230-5-1 CRPM): shares recorded in execution below the legal minimum of the rule's params.
void egalim_reached(PortfolioSummary& s, const RuleInfo& rule) {
    const double quality = rule.params.value("quality_min", 50.0), organic = rule.params.value("organic_min", 20.0);
    for (const PortfolioItem& it : s.items) {
        const Execution& e = it.source->project.execution;
        if (e.egalim_period.empty() || (e.egalim_quality_share >= quality && e.egalim_organic_share >= organic)) continue;
        s.findings.push_back(rule_finding(rule, {{"project", "« " + trim(it.source->project.title) + " »"},
                                                 {"period", e.egalim_period},
                                                 {"quality", french_number(e.egalim_quality_share) + " %"},
                                                 {"organic", french_number(e.egalim_organic_share) + " %"},
                                                 {"quality_min", french_number(quality) + " %"},
                                                 {"organic_min", french_number(organic) + " %"}},
                                          "execution.egalim_quality_share"));
        s.where.push_back(it.source->file);
    }
}

json share_count_json(const ShareCount& s) {
    auto round3 = [](double x) { return std::round(x * 1000) / 1000; };
    return {{"contracts", s.contracts}, {"value", number_json(s.value)},
            {"share_contracts", round3(s.share_contracts)}, {"share_value", round3(s.share_value)}};
}

}  // namespace

std::vector<const char*> portfolio_rules() { return {kSplitRule, kEgalimRule}; }

const RuleSet& bundled_portfolio_rules() {
    static const RuleSet rules = [] {
        RuleSet r;
        std::string error;
        load_rules(std::string(bundle_file("data/legal/portfolio_rules.json")), r, error);
        return r;
    }();
    return rules;
}

std::string quarter_label(int year, int quarter) { return "T" + std::to_string(quarter) + " " + std::to_string(year); }

PortfolioSummary summarize_portfolio(const std::vector<PortfolioProject>& projects, int year, const Library& lib,
                                     const LegalData& law, const RuleSet& rules) {
    PortfolioSummary s;
    for (const PortfolioProject& src : projects) {
        PortfolioItem it = portfolio_item(src, lib, law);
        if (year != 0 && it.launch.year != year) continue;
        s.items.push_back(std::move(it));
    }
    std::stable_sort(s.items.begin(), s.items.end(), [](const PortfolioItem& a, const PortfolioItem& b) {
        const int ka = a.launch.valid() ? a.launch.key() : 99999999, kb = b.launch.valid() ? b.launch.key() : 99999999;
        return ka != kb ? ka < kb : a.source->file < b.source->file;
    });
    double egalim_weight = 0;
    for (const PortfolioItem& it : s.items) {
        s.value += it.value;
        tally(s.environmental, it, it.considerations.environmental());
        tally(s.social, it, it.considerations.social());
        tally(s.reserved, it, it.reserved);
        tally(s.sme_friendly, it, it.sme_friendly);
        s.insertion_planned += it.insertion_planned;
        s.insertion_done += it.insertion_done;
        if (it.launch.valid()) ++s.launches_by_quarter[{it.launch.year, (it.launch.month - 1) / 3 + 1}];
        const Execution& e = it.source->project.execution;
        if (!e.egalim_period.empty()) {
            ++s.egalim.contracts;
            const double w = it.value > 0 ? it.value : 1;
            s.egalim.quality_share += e.egalim_quality_share * w;
            s.egalim.organic_share += e.egalim_organic_share * w;
            egalim_weight += w;
        }
    }
    if (egalim_weight > 0) {
        s.egalim.quality_share /= egalim_weight;
        s.egalim.organic_share /= egalim_weight;
    }
    for (ShareCount* c : {&s.environmental, &s.social, &s.reserved, &s.sme_friendly}) shares(*c, s.items.size(), s.value);
    if (const RuleInfo* r = rules.find(kSplitRule)) split_needs(s, law, *r);
    if (const RuleInfo* r = rules.find(kEgalimRule)) egalim_reached(s, *r);
    return s;
}

json portfolio_to_json(const PortfolioSummary& s) {
    json plan = json::array();
    for (const PortfolioItem& it : s.items) {
        const Project& p = it.source->project;
        plan.push_back({{"file", it.source->file}, {"title", p.title},
                        {"launch_date", it.launch.valid() ? iso_date(it.launch) : ""}, {"family", p.need.family},
                        {"value", number_json(it.value)}, {"procedure", enum_name(it.procedure.procedure)},
                        {"status", enum_name(it.status)}, {"renewed_end", p.need.renewed_end},
                        {"environmental", it.considerations.environmental()}, {"social", it.considerations.social()}});
    }
    json findings = findings_to_json(s.findings)["findings"];
    for (size_t i = 0; i < findings.size() && i < s.where.size(); ++i) findings[i]["where"] = s.where[i];
    return {{"projects", s.items.size()}, {"value", number_json(s.value)},
            {"environmental", share_count_json(s.environmental)}, {"social", share_count_json(s.social)},
            {"plan", plan}, {"findings", findings},
            {"indicators", {{"reserved", share_count_json(s.reserved)}, {"sme_friendly", share_count_json(s.sme_friendly)},
                            {"insertion_hours", {{"planned", number_json(s.insertion_planned)}, {"done", number_json(s.insertion_done)}}},
                            {"egalim", {{"contracts", s.egalim.contracts},
                                        {"quality_share", std::round(s.egalim.quality_share * 10) / 10},
                                        {"organic_share", std::round(s.egalim.organic_share * 10) / 10}}}}}};
}

}  // namespace clausier
