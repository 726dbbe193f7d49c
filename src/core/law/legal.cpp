#include "law/legal.h"
#include "base/bundle.h"
#include "base/clock.h"
#include <algorithm>

namespace clausier {

namespace {

std::vector<std::string> string_list(const json& j, const char* key) {
    std::vector<std::string> out;
    if (j.contains(key) && j[key].is_array())
        for (const json& s : j[key]) if (s.is_string()) out.push_back(s.get<std::string>());
    return out;
}

std::string string_of(const json& j, const char* key) {
    return j.contains(key) && j[key].is_string() ? j[key].get<std::string>() : std::string();
}

// A list of enum names of the table; false when one is not a known name.
template <class E>
bool enum_list(const json& j, const char* key, std::vector<E>& out) {
    for (const std::string& name : string_list(j, key)) {
        E e;
        if (!parse_enum(name, e)) return false;
        out.push_back(e);
    }
    return true;
}

template <class E>
bool has_entry(const std::vector<E>& v, E e) { return std::find(v.begin(), v.end(), e) != v.end(); }

const EnumEntry<Procedure> kProcedures[] = {
    {Procedure::sans_publicite, "sans-publicite", "Marché sans publicité ni mise en concurrence préalables"},
    {Procedure::adaptee, "adaptee", "Procédure adaptée (MAPA)"},
    {Procedure::formalisee, "formalisee", "Procédure formalisée (appel d'offres)"}};
const EnumEntry<Publicity> kPublicities[] = {
    {Publicity::aucune, "aucune", "Aucune publicité obligatoire"},
    {Publicity::libre, "libre", "Publicité libre, adaptée au montant et à l'objet du marché"},
    {Publicity::boamp_ou_jal, "boamp-ou-jal", "Avis au BOAMP ou dans un journal d'annonces légales"},
    {Publicity::joue, "joue", "Avis au JOUE et au BOAMP"}};

unsigned long long sizings = 0;

}  // namespace

template <> EnumNames<Procedure> enum_names<Procedure>() { return kProcedures; }
template <> EnumNames<Publicity> enum_names<Publicity>() { return kPublicities; }

unsigned long long procedure_sizings() { return sizings; }

const Threshold* LegalData::find(std::string_view id, BuyerType buyer, Nature nature, Date date) const {
    auto applies = [&](const Threshold& t) {
        return t.id == id && (t.buyers.empty() || has_entry(t.buyers, buyer)) && (t.natures.empty() || has_entry(t.natures, nature));
    };
    auto covers = [&](const Threshold& t) {
        return date.key() >= t.from.key() && (!t.until.valid() || date.key() <= t.until.key());
    };
    // A row naming the buyer wins over a generic one.
    const Threshold* generic = nullptr;
    for (const Threshold& t : thresholds) {
        if (!applies(t) || !covers(t)) continue;
        if (!t.buyers.empty()) return &t;
        if (!generic) generic = &t;
    }
    if (generic) return generic;
    // Past the end of the table (figures not yet published): keep the latest known figure rather than none.
    const Threshold* latest = nullptr;
    for (const Threshold& t : thresholds)
        if (applies(t) && t.from.key() <= date.key() && (!latest || t.from.key() > latest->from.key())) latest = &t;
    return latest;
}

double LegalData::figure(std::string_view id, BuyerType buyer, Nature nature, Date date, double fallback) const {
    const Threshold* t = find(id, buyer, nature, date);
    return t ? t->figure : fallback;
}

const Obligation* LegalData::obligation(std::string_view id) const {
    for (const Obligation& o : obligations) if (o.id == id) return &o;
    return nullptr;
}

bool LegalData::in_force(std::string_view id, Date date) const {
    const Obligation* o = obligation(id);
    return o && date.key() >= o->from.key();
}

bool load_legal_data(const std::string& text, LegalData& out, std::string& error) {
    json doc = json::parse(text, nullptr, false);
    if (doc.is_discarded() || !doc.is_object() || !doc.contains("thresholds") || !doc["thresholds"].is_array()) {
        error = "Table des seuils illisible.";
        return false;
    }
    LegalData d;
    for (const json& t : doc["thresholds"]) {
        Threshold th;
        th.id = string_of(t, "id");
        if (!enum_list(t, "buyers", th.buyers) || !enum_list(t, "natures", th.natures)) {
            error = "Table des seuils : ligne « " + th.id + " » : type d'acheteur ou nature inconnus.";
            return false;
        }
        th.figure = t.value("figure", 0.0);
        th.from = parse_date(string_of(t, "from"));
        th.until = parse_date(string_of(t, "until"));
        th.article = string_of(t, "article");
        th.source = string_of(t, "source");
        if (th.id.empty() || !th.from.valid() || th.figure <= 0) {
            error = "Table des seuils : ligne « " + th.id + " » incomplète (identifiant, date de début ou montant).";
            return false;
        }
        d.thresholds.push_back(th);
    }
    if (doc.contains("obligations"))
        for (const json& o : doc["obligations"])
            d.obligations.push_back({string_of(o, "id"), string_of(o, "article"), string_of(o, "source"),
                                     string_of(o, "label"), parse_date(string_of(o, "from"))});
    if (doc.contains("social_exceptions"))
        for (const json& e : doc["social_exceptions"])
            d.social_exceptions.push_back({string_of(e, "id"), string_of(e, "label"), string_of(e, "article")});
    out = std::move(d);
    return true;
}

const LegalData& bundled_legal_data() {
    static const LegalData data = [] {
        LegalData d;
        std::string error;
        load_legal_data(std::string(bundle_file("data/legal/thresholds.json")), d, error);
        return d;
    }();
    return data;
}

ProcedureResult size_procedure(const ProcedureInput& in, const LegalData& law) {
    ++sizings;
    ProcedureResult r;
    const Date date = in.date;
    r.dispense_threshold = law.figure("dispense", in.buyer, in.nature, date);
    r.eu_threshold = law.figure("eu", in.buyer, in.nature, date);
    const double publicity_floor = law.figure("publicite-adaptee", in.buyer, in.nature, date);
    const double electronic_floor = law.figure("electronic", in.buyer, in.nature, date);
    const std::string amount = french_euros(in.amount);

    if (in.amount < r.dispense_threshold) {
        r.procedure = Procedure::sans_publicite;
        r.publicity = Publicity::aucune;
        r.articles = {"R.2122-8"};
        r.explanation = "La valeur estimée (" + amount + " HT) est inférieure au seuil de " +
                        french_euros(r.dispense_threshold) + " HT : le marché peut être passé sans publicité ni mise en "
                        "concurrence préalables. Choisissez une offre pertinente, faites une bonne utilisation des "
                        "deniers publics et ne contractez pas systématiquement avec le même opérateur.";
    } else if (in.social_services && in.nature == Nature::services) {
        const double joue = law.figure("services-sociaux-joue", in.buyer, Nature::services, date);
        r.procedure = Procedure::adaptee;
        r.articles = {"R.2123-1"};
        if (in.amount >= joue) {
            r.publicity = Publicity::joue;
            r.articles.push_back("R.2131-15");
        } else {
            r.publicity = in.amount >= publicity_floor && in.buyer != BuyerType::entite_adjudicatrice ? Publicity::boamp_ou_jal
                                                                                                       : Publicity::libre;
            r.articles.push_back("R.2131-12");
        }
        r.explanation = "Services sociaux ou autres services spécifiques : la procédure adaptée s'applique quel que "
                        "soit le montant (" + amount + " HT). " +
                        (r.publicity == Publicity::joue ? "À partir de " + french_euros(joue) + " HT, un avis est publié au JOUE."
                                               : std::string("En dessous de ") + french_euros(joue) +
                                                 " HT, la publicité est adaptée au montant et à l'objet.");
    } else if (in.amount < r.eu_threshold) {
        r.procedure = Procedure::adaptee;
        const bool boamp = in.amount >= publicity_floor && in.buyer != BuyerType::entite_adjudicatrice;
        r.publicity = boamp ? Publicity::boamp_ou_jal : Publicity::libre;
        r.articles = {"R.2123-1", "R.2131-12"};
        r.explanation = "La valeur estimée (" + amount + " HT) est inférieure au seuil européen de " +
                        french_euros(r.eu_threshold) + " HT : procédure adaptée (MAPA). " +
                        (boamp ? "À partir de " + french_euros(publicity_floor) +
                                     " HT, l'avis est publié au BOAMP ou dans un journal d'annonces légales, et dans la "
                                     "presse spécialisée si nécessaire."
                               : std::string("La publicité est libre et adaptée aux caractéristiques du marché."));
    } else {
        r.procedure = Procedure::formalisee;
        r.publicity = Publicity::joue;
        r.articles = {"R.2124-1", "R.2131-16"};
        r.explanation = "La valeur estimée (" + amount + " HT) atteint le seuil européen de " +
                        french_euros(r.eu_threshold) + " HT : une procédure formalisée s'impose, avec un avis publié au JOUE et au BOAMP et des critères "
                        "pondérés.";
    }
    r.electronic = r.procedure != Procedure::sans_publicite && in.amount >= electronic_floor;
    if (r.electronic) {
        r.articles.push_back("R.2132-2");
        r.explanation += " La valeur estimée atteignant " + french_euros(electronic_floor) + " HT, les documents de la "
                         "consultation sont gratuits en ligne sur le profil d'acheteur et les échanges sont électroniques.";
    }
    return r;
}

namespace {

struct CpvList {
    std::vector<std::string> prefixes, codes, school;
    std::vector<std::string> ess;   // prefixes of the ESS-reservable services (codes cut of their trailing zeros)
};

const CpvList& social_list() {
    static const CpvList list = [] {
        CpvList l;
        const json doc = json::parse(std::string(bundle_file("data/legal/services_sociaux.json")), nullptr, false);
        auto read = [&](const char* key, std::vector<std::string>& out) {
            if (doc.is_object() && doc.contains(key) && doc[key].is_array())
                for (const json& c : doc[key]) if (c.is_string()) out.push_back(c.get<std::string>());
        };
        read("prefixes", l.prefixes);
        read("codes", l.codes);
        read("restauration_scolaire", l.school);
        if (doc.is_object() && doc.contains("reservation_ess") && doc["reservation_ess"].is_object()) {
            const json& ess = doc["reservation_ess"];
            for (const char* key : {"codes", "prefixes"})
                if (ess.contains(key) && ess[key].is_array())
                    for (const json& c : ess[key]) {
                        if (!c.is_string()) continue;
                        std::string code = c.get<std::string>();
                        if (std::string_view(key) == "codes")   // a code covers its subdivisions
                            while (code.size() > 2 && code.back() == '0') code.pop_back();
                        l.ess.push_back(code);
                    }
        }
        return l;
    }();
    return list;
}

std::string cpv_digits(std::string_view code) {
    std::string d;
    for (char c : code) {
        if (c == '-') break;
        if (c >= '0' && c <= '9') d += c;
    }
    return d;
}

}  // namespace

bool social_services_cpv(std::string_view code) {
    const std::string d = cpv_digits(code);
    if (d.size() != 8) return false;
    const CpvList& l = social_list();
    if (contains(l.codes, d)) return true;
    for (const std::string& prefix : l.prefixes)
        if (d.compare(0, prefix.size(), prefix) == 0) return true;
    return false;
}

bool ess_reservable_cpv(std::string_view code) {
    const std::string d = cpv_digits(code);
    if (d.size() != 8) return false;
    for (const std::string& prefix : social_list().ess)
        if (d.compare(0, prefix.size(), prefix) == 0) return true;
    return false;
}

std::vector<std::string> ess_reservable_codes(const Project& p) {
    std::vector<std::string> out;
    if (p.need.nature != Nature::services) return out;
    for (const std::string& code : p.need.cpv)
        if (ess_reservable_cpv(code)) out.push_back(cpv_digits(code));
    return out;
}

bool social_services(const Project& p) {
    if (p.need.social_services) return true;
    if (p.need.nature != Nature::services) return false;
    for (const std::string& code : p.need.cpv)
        if (social_services_cpv(code)) return true;
    return false;
}

bool school_catering(const Project& p) {
    for (const std::string& code : p.need.cpv)
        if (contains(social_list().school, cpv_digits(code))) return true;
    if (p.need.family != "restauration-collective") return false;
    for (const std::string& w : words(fold(p.need.object + " " + p.need.description)))
        for (const char* school : {"scolaire", "scolaires", "ecole", "ecoles", "college", "colleges", "lycee", "lycees"})
            if (w == school) return true;
    return false;
}

Date effective_launch_date(const Project& p) {
    Date d = parse_date(p.need.launch_date);
    return d.valid() ? d : today();
}

ProcedureInput procedure_input(const Project& p) {
    ProcedureInput in;
    in.buyer = p.buyer.type;
    in.nature = p.need.nature;
    in.amount = total_estimated_value(p);
    in.date = effective_launch_date(p);
    in.social_services = social_services(p);
    return in;
}

ProcedureResult project_procedure(const Project& p, const LegalData& law) { return size_procedure(procedure_input(p), law); }

json procedure_to_json(const ProcedureResult& r) {
    return {{"procedure", enum_name(r.procedure)}, {"publicity", enum_name(r.publicity)}, {"electronic", r.electronic},
            {"dispense_threshold", number_json(r.dispense_threshold)}, {"eu_threshold", number_json(r.eu_threshold)},
            {"articles", r.articles}, {"explanation", r.explanation}};
}

SmallLots small_lots(const Project& p, const LegalData& law) {
    SmallLots s;
    const Date date = effective_launch_date(p);
    s.lot_limit = law.figure("petits-lots", p.buyer.type, p.need.nature, date);
    s.share_limit = law.figure("petits-lots-part", p.buyer.type, p.need.nature, date);
    const double factor = renewal_factor(p.need);
    const double total = total_estimated_value(p);
    for (size_t i = 0; i < p.lots.size(); ++i) {
        const double v = p.lots[i].value * factor;
        if (v < s.lot_limit) {
            s.eligible.push_back(int(i) + 1);
            s.eligible_total += v;
        }
    }
    // Smallest lots first: the most lots that fit within the share.
    std::vector<int> by_value = s.eligible;
    std::stable_sort(by_value.begin(), by_value.end(), [&](int a, int b) { return p.lots[a - 1].value < p.lots[b - 1].value; });
    const double room = total * s.share_limit / 100.0;
    for (int n : by_value) {
        const double v = p.lots[n - 1].value * factor;
        if (s.passable_total + v > room) break;
        s.passable.push_back(n);
        s.passable_total += v;
    }
    std::sort(s.passable.begin(), s.passable.end());
    s.usable = !s.passable.empty() && total > 0;
    return s;
}

}  // namespace clausier
