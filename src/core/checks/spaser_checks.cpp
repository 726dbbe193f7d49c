// Rules on the project against the targets of the buyer's SPASER (L.2111-3): the targets it serves and those it
// misses, measured as the SPASER's yearly report measures them (project_spaser_standing, portfolio/spaser.h).
// They run only when the caller gives the SPASER (run_checks' `spaser`).
#include "checks/internal.h"
#include "base/date.h"
#include "base/text.h"
#include "portfolio/spaser.h"

namespace clausier::checks {

namespace {

// « du SPASER adopté le 12 février 2027 », « du projet de SPASER (non encore adopté) ».
std::string whose(const Spaser& s) {
    const Date adopted = parse_date(s.adopted);
    if (adopted.valid()) return "du SPASER adopté le " + french_date(adopted);
    return blank(s.adopted) ? "du projet de SPASER (non encore adopté)" : "du SPASER adopté le " + trim(s.adopted);
}

std::map<std::string, std::string> values(const Spaser& s, const TargetStanding& st) {
    return {{"number", st.number}, {"target", st.target}, {"axis", trim(st.axis).empty() ? "sans intitulé" : trim(st.axis)},
            {"spaser", whose(s)}, {"missing", st.missing}};
}

void targets_served(const Context& c, const RuleInfo&, std::vector<Hit>& out) {
    if (!c.spaser) return;
    for (const TargetStanding& st : project_spaser_standing(*c.spaser, c.p, c.lib))
        if (st.served) out.push_back({"", values(*c.spaser, st)});
}

void targets_missed(const Context& c, const RuleInfo&, std::vector<Hit>& out) {
    if (!c.spaser) return;
    for (const TargetStanding& st : project_spaser_standing(*c.spaser, c.p, c.lib))
        if (st.pulls_down) out.push_back({"", values(*c.spaser, st)});
}

}  // namespace

std::vector<RuleEntry> spaser_rules() {
    return {
        {"spaser-cible-manquee", targets_missed},
        {"spaser-cible-servie", targets_served},
    };
}

}  // namespace clausier::checks
