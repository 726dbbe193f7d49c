// Rules on the consultation settings (project/consultation.h): the calendar against the minimum time limits,
// the maximum of a framework agreement, compulsory price revision, derogations to the CCAG the CCAP would
// not list. Figures come from data/legal/consultation.json through resolve_settings.
#include "checks/internal.h"
#include "project/consultation.h"

namespace clausier::checks {

namespace {

bool publicised(const ResolvedSettings& r) { return r.s.procedure != ProcedureForm::sans_publicite; }

void missing_deadline(const Context& c, const RuleInfo&, std::vector<Hit>& out) {
    const ResolvedSettings& r = c.settings;
    if (publicised(r) && !r.deadline.valid()) out.push_back({});
}

// Days between the notice (publication date, else the launch date) and the deadline.
int time_limit(const Context& c, const ResolvedSettings& r) {
    const Date from = r.publication.valid() ? r.publication : c.date;
    return days_between(from, r.deadline);
}

void below_minimum(const Context& c, const RuleInfo&, std::vector<Hit>& out) {
    const ResolvedSettings& r = c.settings;
    if (!r.deadline.valid() || r.minimum_days == 0) return;
    const int days = time_limit(c, r);
    if (days < r.minimum_days)
        out.push_back({"", {{"days", std::to_string(days)}, {"min", std::to_string(r.minimum_days)},
                            {"procedure", lower_first(enum_label(r.s.procedure))}}});
}

void short_adapted(const Context& c, const RuleInfo&, std::vector<Hit>& out) {
    const ResolvedSettings& r = c.settings;
    if (!r.deadline.valid() || r.minimum_days != 0 || !publicised(r)) return;
    const int days = time_limit(c, r);
    if (days < r.advised_days) out.push_back({"", {{"days", std::to_string(days)}, {"min", std::to_string(r.advised_days)}}});
}

void framework_without_maximum(const Context& c, const RuleInfo&, std::vector<Hit>& out) {
    const ConsultationSettings& s = c.p.consultation;
    if (s.contract == ContractForm::ordinaire) return;
    if (s.framework_max <= 0) out.push_back({"framework_max", {{"problem", "ne fixe pas de montant maximum"}}});
    else if (s.framework_min > s.framework_max)
        out.push_back({"framework_min", {{"problem", "fixe un minimum supérieur à son maximum"}}});
}

void revision_missing(const Context& c, const RuleInfo&, std::vector<Hit>& out) {
    const ResolvedSettings& r = c.settings;
    if (r.revision_compulsory && r.s.revision == PriceRevision::fermes) out.push_back({});
}

void revision_incomplete(const Context& c, const RuleInfo&, std::vector<Hit>& out) {
    const ResolvedSettings& r = c.settings;
    if (r.s.revision != PriceRevision::revisables) return;
    if (blank(r.s.revision_index)) out.push_back({"revision_index", {{"missing", "l’indice de référence"}}});
    else if (blank(r.s.revision_formula)) out.push_back({"revision_formula", {{"missing", "la formule de révision"}}});
}

// A derogation the CCAP's last article would cite against the wrong CCAG (the clause departs only from the
// CCAG-FCS while the contract applies the CCAG-Travaux), or a penalty the buyer wrote with an amount and
// listed nowhere as a derogation. A clause written for several CCAGs (maintenance: FCS or Travaux) is right
// when one of them is the applied one.
void unlisted_derogation(const Context& c, const RuleInfo&, std::vector<Hit>& out) {
    const ResolvedSettings& r = c.settings;
    const std::string applied = ccag_short(r.s.ccag);
    for (const auto& [chosen, k] : c.chosen()) {
        if (!k->ccag.derogates || k->ccag.articles.empty() || !k->ccag.articles_of(applied).empty()) continue;
        out.push_back({"ccag", {{"what", "la clause « " + k->title + " »"},
                                {"problem", "déroge à « " + k->ccag.articles.front() + " » alors que le marché " +
                                                (applied.empty() ? "n’applique aucun CCAG" : "applique le " + applied)}}});
    }
    if (!blank(r.s.other_derogations) || applied.empty()) return;
    for (size_t i = 0; i < c.p.monitoring.size(); ++i) {
        const Commitment& m = c.p.monitoring[i];
        if (m.clause.empty() && m.penalty.find("€") != std::string::npos)
            out.push_back({"other_derogations",
                           {{"what", "la pénalité « " + trim(m.penalty) + " »"},
                            {"problem", "n’est pas listée parmi les dérogations au " + applied +
                                            " alors qu’elle s’ajoute à ses pénalités"}}});
    }
}

// The one price schedule fits the price form (R.2112-6): a DPGF cannot score unit prices, a BPU or a DQE
// cannot decompose a lump sum.
void schedule_mismatch(const Context& c, const RuleInfo&, std::vector<Hit>& out) {
    const ResolvedSettings& r = c.settings;
    if (c.p.consultation.schedule == PriceSchedule::automatique || schedule_fits(r.s.schedule, r.s.price_form)) return;
    out.push_back({"schedule", {{"schedule", schedule_short(r.s.schedule)}, {"form", lower_first(enum_label(r.s.price_form))}}});
}

}  // namespace

std::vector<RuleEntry> settings_rules() {
    return {
        {"consultation-date-limite-absente", missing_deadline},
        {"consultation-delai-minimum", below_minimum},
        {"consultation-delai-court", short_adapted},
        {"consultation-accord-cadre-maximum", framework_without_maximum},
        {"consultation-revision-obligatoire", revision_missing},
        {"consultation-revision-incomplete", revision_incomplete},
        {"consultation-derogation-non-listee", unlisted_derogation},
        {"consultation-bordereau-incoherent", schedule_mismatch},
    };
}

}  // namespace clausier::checks
