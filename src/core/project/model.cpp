#include "project/model.h"
#include "project/migrate.h"
#include "base/text.h"
#include <cmath>

namespace clausier {

namespace {

// Bounds on list lengths, far beyond any real consultation. Some outputs hold one line per lot and criterion
// (the OCDS package repeats the criteria in every lot), so these two are tighter.
constexpr size_t kMaxListItems = 10000;
constexpr size_t kMaxLots = 1000;        // also the largest lot number a chosen clause may name
constexpr size_t kMaxCriteria = 100;

// Reads typed fields out of a JSON object, remembering the first problem as a French sentence with the
// field's path. Missing fields keep their defaults: older and hand-written files stay readable.
struct Reader {
    std::string error;

    bool ok() const { return error.empty(); }
    void fail(const std::string& path, const char* expected) {
        if (error.empty()) error = "Le champ « " + path + " » devrait être " + expected + ".";
    }
    const json* field(const json& obj, const char* key) {
        auto it = obj.find(key);
        return (it == obj.end() || it->is_null()) ? nullptr : &*it;
    }
    void str(const json& obj, const char* key, const std::string& path, std::string& out) {
        if (const json* v = field(obj, key)) {
            if (v->is_string()) out = v->get<std::string>();
            else fail(path + key, "un texte");
        }
    }
    void num(const json& obj, const char* key, const std::string& path, double& out, double lo, double hi) {
        if (const json* v = field(obj, key)) {
            if (!v->is_number()) return fail(path + key, "un nombre");
            double d = v->get<double>();
            if (!(d >= lo && d <= hi)) return fail(path + key, "un nombre dans les limites admises");
            out = d;
        }
    }
    void integer(const json& obj, const char* key, const std::string& path, int& out, int lo, int hi) {
        double d = out;
        num(obj, key, path, d, lo, hi);
        out = static_cast<int>(d);
    }
    void boolean(const json& obj, const char* key, const std::string& path, bool& out) {
        if (const json* v = field(obj, key)) {
            if (v->is_boolean()) out = v->get<bool>();
            else fail(path + key, "vrai ou faux");
        }
    }
    void strings(const json& obj, const char* key, const std::string& path, std::vector<std::string>& out) {
        const json* v = field(obj, key);
        if (!v) return;
        if (!v->is_array()) return fail(path + key, "une liste de textes");
        out.clear();
        for (const json& s : *v) {
            if (!s.is_string()) return fail(path + key, "une liste de textes");
            out.push_back(s.get<std::string>());
        }
    }
    const json* object(const json& obj, const char* key, const std::string& path) {
        const json* v = field(obj, key);
        if (v && !v->is_object()) { fail(path + key, "un objet"); return nullptr; }
        return v;
    }
    // Reads an array of objects with `read_one(element, path, item)`, at most `max` of them.
    template <class T, class F>
    void list(const json& obj, const char* key, const std::string& path, std::vector<T>& out, F read_one,
              size_t max = kMaxListItems) {
        const json* v = field(obj, key);
        if (!v) return;
        if (!v->is_array()) return fail(path + key, "une liste");
        if (v->size() > max) return fail(path + key, ("une liste d'au plus " + std::to_string(max) + " éléments").c_str());
        out.clear();
        for (size_t i = 0; i < v->size() && ok(); ++i) {
            const json& e = (*v)[i];
            std::string p = path + key + "[" + std::to_string(i + 1) + "].";
            if (!e.is_object()) return fail(p.substr(0, p.size() - 1), "un objet");
            T item;
            read_one(e, p, item);
            out.push_back(std::move(item));
        }
    }
};

constexpr double kMaxEuros = 1e13;   // beyond any real public contract; guards against absurd input

void read_need(Reader& r, const json& j, Need& n) {
    const std::string p = "need.";
    r.str(j, "object", p, n.object);
    r.str(j, "description", p, n.description);
    r.str(j, "nature", p, n.nature);
    if (n.nature != "fournitures" && n.nature != "services" && n.nature != "travaux")
        r.fail("need.nature", "« fournitures », « services » ou « travaux »");
    r.str(j, "family", p, n.family);
    r.strings(j, "cpv", p, n.cpv);
    r.str(j, "quantities", p, n.quantities);
    r.str(j, "expected_result", p, n.expected_result);
    r.str(j, "sobriety_note", p, n.sobriety_note);
    r.boolean(j, "need_questioned", p, n.need_questioned);
    r.integer(j, "duration_months", p, n.duration_months, 1, 600);
    r.integer(j, "renewals", p, n.renewals, 0, 50);
    r.integer(j, "renewal_months", p, n.renewal_months, 1, 600);
    r.str(j, "launch_date", p, n.launch_date);
    r.boolean(j, "social_services", p, n.social_services);
    r.str(j, "pooling", p, n.pooling);
    r.list(j, "members", p, n.members, [&](const json& e, const std::string& q, Member& m) {
        r.str(e, "name", q, m.name);
        r.num(e, "value", q, m.value, 0, kMaxEuros);
    });
}

void read_buyer(Reader& r, const json& j, Buyer& b) {
    const std::string p = "buyer.";
    r.str(j, "name", p, b.name);
    r.str(j, "type", p, b.type);
    if (b.type != "etat" && b.type != "collectivite" && b.type != "entite-adjudicatrice")
        r.fail("buyer.type", "« etat », « collectivite » ou « entite-adjudicatrice »");
    r.num(j, "annual_purchases", p, b.annual_purchases, 0, kMaxEuros);
    r.boolean(j, "spaser_adopted", p, b.spaser_adopted);
    r.strings(j, "spaser_commitments", p, b.spaser_commitments);
}

void read_project(Reader& r, const json& j, Project& out) {
    r.str(j, "title", "", out.title);
    if (const json* b = r.object(j, "buyer", "")) read_buyer(r, *b, out.buyer);
    if (const json* n = r.object(j, "need", "")) read_need(r, *n, out.need);
    r.list(j, "sourcing", "", out.sourcing, [&](const json& e, const std::string& q, SourcingContact& s) {
        r.str(e, "date", q, s.date);
        r.str(e, "operator", q, s.operator_name);
        r.str(e, "channel", q, s.channel);
        r.str(e, "shared", q, s.shared);
        r.str(e, "notes", q, s.notes);
    });
    r.list(j, "lots", "", out.lots, [&](const json& e, const std::string& q, Lot& l) {
        r.str(e, "title", q, l.title);
        r.num(e, "value", q, l.value, 0, kMaxEuros);
        r.str(e, "reserved", q, l.reserved);
        r.str(e, "reserved_article", q, l.reserved_article);
    }, kMaxLots);
    r.str(j, "single_lot_justification", "", out.single_lot_justification);
    r.list(j, "related", "", out.related, [&](const json& e, const std::string& q, RelatedPurchase& x) {
        r.str(e, "object", q, x.object);
        r.str(e, "family", q, x.family);
        r.num(e, "value", q, x.value, 0, kMaxEuros);
        r.str(e, "date", q, x.date);
    });
    r.strings(j, "goals", "", out.goals);
    r.str(j, "ambition", "", out.ambition);
    r.list(j, "clauses", "", out.clauses, [&](const json& e, const std::string& q, ChosenClause& c) {
        r.str(e, "id", q, c.id);
        if (const json* v = r.object(e, "values", q))
            for (auto it = v->begin(); it != v->end(); ++it) c.values[it.key()] = it.value();
        r.integer(e, "lot", q, c.lot, 0, int(kMaxLots));
    });
    r.list(j, "criteria", "", out.criteria, [&](const json& e, const std::string& q, AwardCriterion& c) {
        r.str(e, "name", q, c.name);
        r.str(e, "kind", q, c.kind);
        r.num(e, "weight", q, c.weight, 0, 100);
        r.str(e, "method", q, c.method);
        r.str(e, "proof", q, c.proof);
        r.str(e, "clause", q, c.clause);
        r.list(e, "subcriteria", q, c.subcriteria, [&](const json& s, const std::string& q2, SubCriterion& sc) {
            r.str(s, "name", q2, sc.name);
            r.num(s, "weight", q2, sc.weight, 0, 100);
        }, kMaxCriteria);
    }, kMaxCriteria);
    r.list(j, "monitoring", "", out.monitoring, [&](const json& e, const std::string& q, Commitment& c) {
        r.str(e, "clause", q, c.clause);
        r.str(e, "commitment", q, c.commitment);
        r.str(e, "indicator", q, c.indicator);
        r.str(e, "proof", q, c.proof);
        r.str(e, "checkpoint", q, c.checkpoint);
        r.str(e, "penalty", q, c.penalty);
    });
    r.list(j, "specifications", "", out.specifications, [&](const json& e, const std::string& q, Specification& s) {
        r.str(e, "title", q, s.title);
        r.str(e, "text", q, s.text);
    });
    r.str(j, "social_exception", "", out.social_exception);
    r.str(j, "social_justification", "", out.social_justification);
    r.num(j, "advance_percent", "", out.advance_percent, 0, 100);
    r.integer(j, "payment_days", "", out.payment_days, 0, 365);
    r.boolean(j, "variants", "", out.variants);
    if (const json* ins = r.object(j, "insertion", "")) {
        r.num(*ins, "labour_share", "insertion.", out.insertion.labour_share, 0, 100);
        r.num(*ins, "hourly_cost", "insertion.", out.insertion.hourly_cost, 1, 10000);
        r.num(*ins, "rate", "insertion.", out.insertion.rate, 0, 100);
        r.str(*ins, "facilitator", "insertion.", out.insertion.facilitator);
    }
}

const char* const kKnownKeys[] = {
    "format", "schema_version", "title", "buyer", "need", "sourcing", "lots", "single_lot_justification",
    "related", "goals", "ambition", "clauses", "criteria", "monitoring", "specifications", "social_exception",
    "social_justification", "advance_percent", "payment_days", "variants", "insertion"};

}  // namespace

bool project_from_json(const json& doc_in, Project& out, std::string& error) {
    if (!doc_in.is_object()) {
        error = "Ce fichier n'est pas un projet Clausier : il ne contient pas d'objet JSON.";
        return false;
    }
    json doc = doc_in;
    if (!migrate_project(doc, error)) return false;
    Project p;
    Reader r;
    read_project(r, doc, p);
    if (!r.ok()) {
        error = "Projet illisible : " + r.error;
        return false;
    }
    for (auto it = doc.begin(); it != doc.end(); ++it) {
        bool known = false;
        for (const char* k : kKnownKeys) known = known || it.key() == k;
        if (!known) p.unknown[it.key()] = it.value();
    }
    out = std::move(p);
    return true;
}

bool json_depth_within(std::string_view text, int limit) {
    int depth = 0;
    bool in_string = false;
    for (size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (in_string) {
            if (c == '\\') ++i;
            else if (c == '"') in_string = false;
        } else if (c == '"') {
            in_string = true;
        } else if (c == '[' || c == '{') {
            if (++depth > limit) return false;
        } else if ((c == ']' || c == '}') && depth > 0) {
            --depth;
        }
    }
    return true;
}

bool project_from_text(const std::string& text, Project& out, std::string& error) {
    const std::string not_project = "Ce fichier n'est pas un projet Clausier : ";
    if (text.size() > kMaxProjectBytes) {
        error = "Ce fichier est trop volumineux pour un projet Clausier (plus de " +
                std::to_string(kMaxProjectBytes >> 20) + " Mo) : il n'a pas été lu.";
        return false;
    }
    if (text.find_first_not_of(" \t\r\n") == std::string::npos) {
        error = not_project + "il est vide.";
        return false;
    }
    if (!valid_utf8(text)) {
        error = not_project + "son texte n'est pas encodé en UTF-8.";
        return false;
    }
    if (!json_depth_within(text, kMaxJsonDepth)) {
        error = not_project + "ses données sont imbriquées sur plus de " + std::to_string(kMaxJsonDepth) + " niveaux.";
        return false;
    }
    json doc;
    try {
        doc = json::parse(nfc(text));   // NFC before parsing: JSON syntax is ASCII, only the strings change
    } catch (const json::parse_error& e) {
        error = not_project + "son contenu n'est pas du JSON valide (erreur vers l'octet " + std::to_string(e.byte) + ").";
        return false;
    } catch (const json::exception&) {   // out_of_range: a number too large for a double, such as 1e400
        error = not_project + "il contient un nombre hors des limites admises.";
        return false;
    }
    return project_from_json(doc, out, error);
}

json project_to_json(const Project& p) {
    json j = p.unknown;
    j["format"] = kProjectFormat;
    j["schema_version"] = kProjectSchemaVersion;
    j["title"] = p.title;
    j["buyer"] = {{"name", p.buyer.name}, {"type", p.buyer.type}, {"annual_purchases", number_json(p.buyer.annual_purchases)},
                  {"spaser_adopted", p.buyer.spaser_adopted}, {"spaser_commitments", p.buyer.spaser_commitments}};
    const Need& n = p.need;
    json members = json::array();
    for (const Member& m : n.members) members.push_back({{"name", m.name}, {"value", number_json(m.value)}});
    j["need"] = {{"object", n.object}, {"description", n.description}, {"nature", n.nature}, {"family", n.family},
                 {"cpv", n.cpv}, {"quantities", n.quantities}, {"expected_result", n.expected_result},
                 {"sobriety_note", n.sobriety_note}, {"need_questioned", n.need_questioned},
                 {"duration_months", n.duration_months}, {"renewals", n.renewals},
                 {"renewal_months", n.renewal_months}, {"launch_date", n.launch_date},
                 {"social_services", n.social_services}, {"pooling", n.pooling}, {"members", members}};
    j["sourcing"] = json::array();
    for (const SourcingContact& s : p.sourcing)
        j["sourcing"].push_back({{"date", s.date}, {"operator", s.operator_name}, {"channel", s.channel},
                                 {"shared", s.shared}, {"notes", s.notes}});
    j["lots"] = json::array();
    for (const Lot& l : p.lots)
        j["lots"].push_back({{"title", l.title}, {"value", number_json(l.value)}, {"reserved", l.reserved},
                             {"reserved_article", l.reserved_article}});
    j["single_lot_justification"] = p.single_lot_justification;
    j["related"] = json::array();
    for (const RelatedPurchase& x : p.related)
        j["related"].push_back({{"object", x.object}, {"family", x.family}, {"value", number_json(x.value)}, {"date", x.date}});
    j["goals"] = p.goals;
    j["ambition"] = p.ambition;
    j["clauses"] = json::array();
    for (const ChosenClause& c : p.clauses) {
        json values = json::object();
        for (const auto& [k, v] : c.values) values[k] = v;
        j["clauses"].push_back({{"id", c.id}, {"values", values}, {"lot", c.lot}});
    }
    j["criteria"] = json::array();
    for (const AwardCriterion& c : p.criteria) {
        json subs = json::array();
        for (const SubCriterion& s : c.subcriteria) subs.push_back({{"name", s.name}, {"weight", number_json(s.weight)}});
        j["criteria"].push_back({{"name", c.name}, {"kind", c.kind}, {"weight", number_json(c.weight)}, {"method", c.method},
                                 {"proof", c.proof}, {"clause", c.clause}, {"subcriteria", subs}});
    }
    j["monitoring"] = json::array();
    for (const Commitment& c : p.monitoring)
        j["monitoring"].push_back({{"clause", c.clause}, {"commitment", c.commitment}, {"indicator", c.indicator},
                                   {"proof", c.proof}, {"checkpoint", c.checkpoint}, {"penalty", c.penalty}});
    j["specifications"] = json::array();
    for (const Specification& s : p.specifications)
        j["specifications"].push_back({{"title", s.title}, {"text", s.text}});
    j["social_exception"] = p.social_exception;
    j["social_justification"] = p.social_justification;
    j["advance_percent"] = number_json(p.advance_percent);
    j["payment_days"] = p.payment_days;
    j["variants"] = p.variants;
    j["insertion"] = {{"labour_share", number_json(p.insertion.labour_share)}, {"hourly_cost", number_json(p.insertion.hourly_cost)},
                      {"rate", number_json(p.insertion.rate)}, {"facilitator", p.insertion.facilitator}};
    return j;
}

std::string project_to_text(const Project& p) {
    // nlohmann's json object is a std::map: keys come out sorted, so the same project gives the same bytes.
    return project_to_json(p).dump(2, ' ', /*ensure_ascii=*/false, json::error_handler_t::replace) + "\n";
}

json number_json(double v) {
    if (std::isfinite(v) && std::floor(v) == v && std::fabs(v) < 9e15) return static_cast<long long>(v);
    return v;
}

double renewal_factor(const Need& n) {
    if (n.duration_months <= 0) return 1;
    return double(n.duration_months + n.renewals * n.renewal_months) / n.duration_months;
}

double initial_value(const Project& p) {
    double v = 0;
    for (const Lot& l : p.lots) v += l.value;
    for (const Member& m : p.need.members) v += m.value;
    return v;
}

double total_estimated_value(const Project& p) { return initial_value(p) * renewal_factor(p.need); }

}  // namespace clausier
