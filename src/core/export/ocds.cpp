// An OCDS 1.1 release package describing the tender as planned, with the lots, award criteria breakdown and
// sustainability extensions. Dates come from the launch date, identifiers from hashes of the project: the
// same project always gives the same package.
#include "export/writers.h"
#include "document/assemble.h"
#include "library/cpv.h"
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>

namespace clausier {

namespace {

using ojson = nlohmann::ordered_json;

const char* const kExtensions[] = {
    "https://raw.githubusercontent.com/open-contracting-extensions/ocds_lots_extension/v1.1.5/extension.json",
    "https://raw.githubusercontent.com/open-contracting-extensions/ocds_awardCriteria_extension/master/extension.json",
    "https://raw.githubusercontent.com/open-contracting-extensions/ocds_sustainability_extension/master/extension.json",
};

// A text of the release: trimmed, French spacing, and otherwise the user's characters (a straight apostrophe
// stays straight: OCDS is data, not a document, unlike fr() in assemble.h).
std::string spaced(std::string_view s) { return french_typography(trim(s)); }

std::string hash_hex(std::string_view s) {   // FNV-1a, 64 bits: stable across platforms and runs
    uint64_t h = 1469598103934665603ull;
    for (char c : s) { h ^= (unsigned char)c; h *= 1099511628211ull; }
    char buf[17];
    std::snprintf(buf, sizeof buf, "%016llx", (unsigned long long)h);
    return buf;
}

ojson ocds_number(double v);

ojson money(double v) { return {{"amount", ocds_number(std::round(v * 100) / 100)}, {"currency", "EUR"}}; }

const char* category(Nature nature) {
    return nature == Nature::fournitures ? "goods" : nature == Nature::travaux ? "works" : "services";
}

const char* goal_code(std::string_view goal) {
    static const std::pair<const char*, const char*> kGoals[] = {
        {"climat", "environmental.climateChangeMitigation"},
        {"economie-circulaire", "environmental.circularEconomy"},
        {"biodiversite", "environmental.biodiversityProtectionRestoration"},
        {"sante-environnement", "environmental.pollutionPrevention"},
        {"alimentation-durable", "environmental"},
        {"numerique-responsable", "environmental.energyEfficiency"},
        {"insertion", "social.disadvantagedEmploymentOpportunities"},
        {"handicap", "social.disadvantagedEmploymentOpportunities"},
        {"egalite", "social.genderEquality"},
        {"conditions-travail", "social.laborRightsPromotion"},
        {"acces-pme", "social.smeInclusion"},
        {"commerce-equitable", "social.humanRightsInSupplyChains"},
    };
    for (const auto& [id, code] : kGoals) if (goal == id) return code;
    return nullptr;
}

const char* strategy(ClauseKind kind) {
    switch (kind) {
        case ClauseKind::specification: return "technicalSpecifications";
        case ClauseKind::condition_execution: return "contractPerformanceConditions";
        case ClauseKind::critere: return "awardCriteria";
        case ClauseKind::reservation: return "reservedParticipation";
        case ClauseKind::selection: return "selectionCriteria";
        default: return nullptr;
    }
}

// Sustainability goals with the strategies that pursue them, in order of first appearance.
struct Sustainability {
    std::vector<std::pair<std::string, std::vector<std::string>>> goals;
    void add(const char* goal, const char* how) {
        if (!goal) return;
        auto it = goals.begin();
        while (it != goals.end() && it->first != goal) ++it;
        if (it == goals.end()) it = goals.insert(goals.end(), {goal, {}});
        if (how && std::find(it->second.begin(), it->second.end(), how) == it->second.end()) it->second.push_back(how);
    }
    ojson to_json() const {
        ojson out = ojson::array();
        for (const auto& [goal, how] : goals) {
            ojson g = {{"goal", goal}};
            if (!how.empty()) g["strategies"] = how;
            out.push_back(g);
        }
        return out;
    }
};

Sustainability sustainability(const Project& p, const Library& lib) {
    Sustainability s;
    for (const std::string& g : p.goals) s.add(goal_code(g), nullptr);
    for (const ChosenRef& c : chosen_clauses(p, lib))
        if (c.clause->counts_as_consideration())   // not a financial term, data protection or a reminder of the law
            for (const std::string& g : c.clause->goals) s.add(goal_code(g), strategy(c.clause->kind));
    for (const AwardCriterion& a : p.criteria) {
        if (lib.find(a.clause)) continue;   // its clause's goals are already counted
        if (a.kind == CriterionKind::environnemental || a.kind == CriterionKind::cout_cycle_vie) s.add("environmental", "awardCriteria");
        if (a.kind == CriterionKind::social) s.add("social", "awardCriteria");
    }
    return s;
}

ojson ocds_number(double v) {
    return v == std::floor(v) && std::fabs(v) < 9e15 ? ojson(static_cast<long long>(v)) : ojson(v);
}

ojson award_criteria(const Project& p, const Library& lib) {
    ojson list = ojson::array();
    for (size_t k = 0; k < p.criteria.size(); ++k) {
        const AwardCriterion& a = p.criteria[k];
        const char* type = a.kind == CriterionKind::prix ? "price" : a.kind == CriterionKind::cout_cycle_vie ? "cost" : "quality";
        ojson c = {{"type", type}, {"name", spaced(criterion_name(a, k))}};
        std::vector<std::string> parts = {trim(criterion_method(a, lib))};
        if (!a.subcriteria.empty()) parts.push_back("Sous-critères : " + subcriteria_label(a) + ".");
        const std::string proof = trim(criterion_proof(a, lib));
        if (!proof.empty()) parts.push_back("Éléments à fournir : " + proof);
        const std::string description = spaced(join(parts, " "));
        if (!description.empty()) c["description"] = description;
        c["numbers"] = ojson::array({{{"number", ocds_number(a.weight)}, {"weight", "percentageExact"}}});
        list.push_back(c);
    }
    return list;
}

const char* award_criteria_code(const Project& p) {
    if (p.criteria.size() == 1 && p.criteria[0].kind == CriterionKind::prix) return "priceOnly";
    if (p.criteria.size() == 1 && p.criteria[0].kind == CriterionKind::cout_cycle_vie) return "costOnly";
    return "ratedCriteria";
}

ojson lots(const Project& p, const Library& lib, const ProjectFacts& f) {
    ojson out = ojson::array();
    const ojson criteria = award_criteria(p, lib);
    auto lot = [&](size_t n, const std::string& title, double value, const std::string& reserved) {
        ojson l = {{"id", std::to_string(n)}, {"title", spaced(title)}, {"status", "planning"}, {"value", money(value)}};
        if (!criteria.empty()) l["awardCriteria"] = {{"criteria", criteria}};
        if (!reserved.empty()) {
            l["hasSustainability"] = true;
            l["sustainability"] = ojson::array({{{"goal", "social.disadvantagedEmploymentOpportunities"},
                                                 {"strategies", {"reservedParticipation"}}}});
        }
        out.push_back(l);
    };
    if (p.lots.empty()) lot(1, p.need.object.empty() ? p.title : p.need.object, f.total, "");
    for (size_t k = 0; k < p.lots.size(); ++k)
        lot(k + 1, p.lots[k].title.empty() ? "Lot " + std::to_string(k + 1) : p.lots[k].title,
            p.lots[k].value * renewal_factor(p.need), p.lots[k].reserved == "ess" ? "" : p.lots[k].reserved);
    return out;
}

ojson items(const Project& p) {
    ojson out = ojson::array();
    for (size_t k = 0; k < p.need.cpv.size(); ++k) {
        const CpvCode* c = find_cpv(p.need.cpv[k]);
        const std::string id = c ? std::string(c->digits()) : trim(p.need.cpv[k]);
        out.push_back({{"id", std::to_string(k + 1)}, {"description", spaced(p.need.object)},
                       {"classification", {{"scheme", "CPV"}, {"id", id}, {"description", c ? c->label : ""}}}});
    }
    return out;
}

ojson tender(const Project& p, const Library& lib, const ProjectFacts& f, const std::string& id) {
    ojson t = {{"id", id}, {"title", spaced(p.need.object.empty() ? p.title : p.need.object)}};
    if (!trim(p.need.description).empty()) t["description"] = spaced(p.need.description);
    t["status"] = "planning";
    t["mainProcurementCategory"] = category(p.need.nature);
    const ojson it = items(p);
    if (!it.empty()) t["items"] = it;
    t["value"] = money(f.total);
    t["procurementMethod"] = f.procedure.procedure == Procedure::sans_publicite ? "limited" : "open";
    t["procurementMethodDetails"] = spaced(std::string(enum_label(f.procedure.procedure)) + " — " + enum_label(f.procedure.publicity));
    if (!p.criteria.empty()) {
        t["awardCriteria"] = award_criteria_code(p);
        std::vector<std::string> parts;
        for (size_t k = 0; k < p.criteria.size(); ++k)
            parts.push_back(criterion_name(p.criteria[k], k) + " : " + weight_label(p.criteria[k].weight));
        t["awardCriteriaDetails"] = spaced(join(parts, " ; "));
    }
    const Sustainability s = sustainability(p, lib);
    t["hasSustainability"] = !s.goals.empty();
    if (!s.goals.empty()) t["sustainability"] = s.to_json();
    t["lots"] = lots(p, lib, f);
    return t;
}

}  // namespace

std::string write_ocds(const Project& p, const ProcedureResult& procedure, const Library& lib) {
    const ProjectFacts f = project_facts(p, procedure);
    // The ocid names the procedure (buyer, object, launch date) and survives edits; the release id names
    // this exact content.
    const std::string ocid = "ocds-clausier-" + hash_hex(p.buyer.name + "\n" + p.need.object + "\n" + p.need.launch_date);
    const std::string date = iso_date(f.date) + "T00:00:00Z";
    const std::string buyer_name = trim(p.buyer.name).empty() ? "Acheteur non renseigné" : trim(p.buyer.name);
    const std::string buyer_id = "acheteur-" + hash_hex(buyer_name).substr(0, 8);
    ojson release = {{"ocid", ocid},
                     {"id", ocid + "-" + hash_hex(project_to_text(p))},
                     {"date", date},
                     {"tag", {"tender"}},
                     {"initiationType", "tender"},
                     {"language", "fr"},
                     {"parties", ojson::array({{{"id", buyer_id}, {"name", buyer_name}, {"roles", {"buyer"}}}})},
                     {"buyer", {{"id", buyer_id}, {"name", buyer_name}}},
                     {"tender", tender(p, lib, f, ocid + "-tender")}};
    ojson package = {{"uri", "urn:clausier:" + ocid},
                     {"version", "1.1"},
                     {"extensions", kExtensions},
                     {"publishedDate", date},
                     {"publisher", {{"name", buyer_name}}},
                     {"releases", ojson::array({release})}};
    return package.dump(2, ' ', false, ojson::error_handler_t::replace) + "\n";
}

}  // namespace clausier
