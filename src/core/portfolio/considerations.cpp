#include "portfolio/considerations.h"

namespace clausier {

Considerations project_considerations(const Project& p, const Library& lib, int lot) {
    Considerations c;
    for (const ChosenClause& chosen : p.clauses) {
        if (lot != 0 && chosen.lot != 0 && chosen.lot != lot) continue;
        const Clause* k = lib.find(chosen.id);
        if (!k || !k->counts_as_consideration()) continue;
        const bool env = k->pillar == Pillar::environnemental, soc = k->pillar == Pillar::social;
        switch (k->kind) {
            case ClauseKind::specification:
            case ClauseKind::condition_execution:
                c.environmental_clause |= env;
                c.social_clause |= soc;
                break;
            case ClauseKind::critere:
                c.environmental_criterion |= env;
                c.social_criterion |= soc;
                break;
            case ClauseKind::reservation: c.reserved |= soc; break;
            default: break;
        }
    }
    for (const AwardCriterion& a : p.criteria) {
        const Clause* k = a.clause.empty() ? nullptr : lib.find(a.clause);
        const bool from_clause = k && k->counts_as_consideration();
        c.environmental_criterion |= a.kind == CriterionKind::environnemental || (from_clause && k->pillar == Pillar::environnemental);
        c.social_criterion |= a.kind == CriterionKind::social || (from_clause && k->pillar == Pillar::social);
    }
    for (size_t i = 0; i < p.lots.size(); ++i)
        if ((lot == 0 || size_t(lot) == i + 1) && !p.lots[i].reserved.empty()) c.reserved = true;
    return c;
}

std::vector<std::string> decp_social(const Considerations& c) {
    std::vector<std::string> out;
    if (c.social_clause) out.push_back("Clause sociale");
    if (c.social_criterion) out.push_back("Critère social");
    if (c.reserved) out.push_back("Marché réservé");
    if (out.empty()) out.push_back("Pas de considération sociale");
    return out;
}

std::vector<std::string> decp_environmental(const Considerations& c) {
    std::vector<std::string> out;
    if (c.environmental_clause) out.push_back("Clause environnementale");
    if (c.environmental_criterion) out.push_back("Critère environnemental");
    if (out.empty()) out.push_back("Pas de considération environnementale");
    return out;
}

}  // namespace clausier
