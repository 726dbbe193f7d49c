#include "library/recommend.h"
#include <algorithm>
#include <cmath>

namespace clausier {

namespace {

bool includes(const std::vector<std::string>& v, std::string_view s) { return std::find(v.begin(), v.end(), s) != v.end(); }

int level_rank(Level level) { return int(level); }   // Level is declared from the least to the most ambitious
int level_rank(std::string_view level) {   // a project's ambition, by name
    Level l = Level::exemplaire;
    from_name(level, l);
    return level_rank(l);
}

// Words of five letters or more shared by two titles: a rough sign that two clauses treat the same topic.
int shared_title_words(const Clause& a, const Clause& b) {
    std::vector<std::string> wa = words(fold(a.title)), wb = words(fold(b.title));
    int n = 0;
    for (const std::string& w : wa)
        if (w.size() >= 5 && std::find(wb.begin(), wb.end(), w) != wb.end()) ++n;
    return n;
}

// Whether `other` is the same kind of clause on the same topic at another ambition level.
bool overlaps(const Clause& c, const Clause& other) {
    return other.kind == c.kind && other.level != c.level && !c.families.empty() && !other.families.empty() &&
           other.families[0] == c.families[0] && !c.goals.empty() && !other.goals.empty() && other.goals[0] == c.goals[0] &&
           shared_title_words(c, other) >= 2;
}

size_t longest_cpv_match(const Clause& c, const std::vector<std::string>& codes) {
    size_t best = 0;
    for (const std::string& prefix : c.cpv)
        for (const std::string& code : codes)
            if (code.compare(0, prefix.size(), prefix) == 0) best = std::max(best, prefix.size());
    return best;
}

// Context computed once per call, shared by every clause's score.
struct Context {
    const Project& p;
    const Library& lib;
    Date date;
    bool above_eu = false;
};

void score_clause(const Context& ctx, const Clause& c, Recommendation& r) {
    const Project& p = ctx.p;
    double s = 0;
    auto add = [&](double points, std::string reason) {
        s += points;
        if (!reason.empty()) r.reasons.push_back(std::move(reason));
    };
    const Family* fam = ctx.lib.family(p.need.family);
    const std::string fam_label = fam ? fam->label : p.need.family;
    if (!c.families.empty() && c.families[0] == p.need.family) add(5, "Clause propre à la famille « " + fam_label + " ».");
    else if (includes(c.families, p.need.family)) add(3, "S'applique aussi à la famille « " + fam_label + " ».");
    else if (!c.families.empty() && c.families[0] == "transversal") add(1, "Clause transversale, utilisable dans tout marché.");
    else if (!c.families.empty()) {
        // Written for another purchase: shared goals alone must not lift it above the family's own clauses.
        const Family* home = ctx.lib.family(c.families[0]);
        add(-2, "Clause rédigée pour une autre famille d'achat (« " + (home ? home->label : c.families[0]) + " ») : à adapter au besoin.");
    }
    if (size_t m = longest_cpv_match(c, p.need.cpv)) add(0.5 * double(m) / 2, "Correspond au code CPV du besoin.");
    if (includes(c.natures, enum_name(p.need.nature))) s += 1;
    else add(-3, "Prévue pour une autre nature de marché.");
    for (const std::string& g : p.goals)
        if (includes(c.goals, g))
            if (const Goal* goal = ctx.lib.goal(g)) add(1.5, "Sert l'objectif « " + goal->label + " ».");
    const int gap = level_rank(c.level) - level_rank(enum_name(p.ambition));
    if (gap == 0) add(1, std::string("Au niveau d'ambition choisi (") + level_label(c.level) + ").");
    else if (gap > 0) s -= gap;
    else s += 0.25;
    if (c.considers(ClauseKind::condition_execution, Pillar::environnemental))
        add(1.5, "Répond à l'obligation d'une condition d'exécution environnementale (L.2112-2).");
    if (c.considers(ClauseKind::critere, Pillar::environnemental))
        add(1.5, "Répond à l'obligation d'un critère d'attribution environnemental (L.2152-7).");
    if (ctx.above_eu && c.considers(ClauseKind::condition_execution, Pillar::social))
        add(2, "Au-dessus des seuils européens, une condition d'exécution sociale est attendue (L.2112-2-1).");
    r.score = std::clamp(s / 16.0, 0.0, 1.0);
}

}  // namespace

std::vector<Recommendation> recommend(const Project& p, const ProcedureResult& procedure, const Library& lib) {
    Context ctx{p, lib, effective_launch_date(p)};
    ctx.above_eu = procedure.procedure == Procedure::formalisee;
    // The project's clauses looked up once, not once per library clause.
    std::vector<const Clause*> chosen;
    for (const ChosenClause& ch : p.clauses)
        if (const Clause* k = lib.find(ch.id)) chosen.push_back(k);
    std::vector<Recommendation> out;
    for (const Clause& c : lib.clauses) {
        if (!c.valid_on(ctx.date)) continue;
        Recommendation r;
        r.clause = &c;
        score_clause(ctx, c, r);
        r.chosen = std::find(chosen.begin(), chosen.end(), &c) != chosen.end();
        for (const Clause* other : chosen) {
            if (r.chosen || !r.overlaps.empty()) break;   // a chosen clause is the buyer's decision, not a duplicate
            if (other != &c && overlaps(c, *other)) r.overlaps = other->id;
        }
        if (r.chosen) r.reasons.insert(r.reasons.begin(), "Déjà retenue dans le projet.");
        if (!r.overlaps.empty())
            r.reasons.insert(r.reasons.begin(), "Recoupe la clause " + r.overlaps + " déjà retenue (autre niveau d'ambition).");
        out.push_back(std::move(r));
    }
    std::stable_sort(out.begin(), out.end(), [](const Recommendation& a, const Recommendation& b) { return a.score > b.score; });
    return out;
}

json recommendations_to_json(const std::vector<Recommendation>& recs, size_t limit) {
    json list = json::array();
    for (size_t i = 0; i < recs.size() && i < limit; ++i) {
        const Recommendation& r = recs[i];
        json item = {{"id", r.clause->id}, {"score", std::round(r.score * 1000) / 1000}, {"reasons", r.reasons},
                     {"title", r.clause->title}, {"chosen", r.chosen}};
        if (!r.overlaps.empty()) item["overlaps"] = r.overlaps;
        list.push_back(item);
    }
    return {{"clauses", list}};
}

}  // namespace clausier
