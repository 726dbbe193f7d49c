// The indicators over the contracts read: considerations and their shares (beside the national targets),
// by year, purchase family and procedure; competition, advances, subcontracting; the renewals to come.
#include "opendata/decp_internal.h"
#include "base/bundle.h"
#include "base/number.h"
#include "library/library.h"
#include <algorithm>
#include <cmath>
#include <functional>
#include <tuple>

namespace clausier {

const char* decp_procedure_label(DecpProcedure p) {
    switch (p) {
        case DecpProcedure::unknown: return "Non renseignée";
        case DecpProcedure::adaptee: return "Procédure adaptée";
        case DecpProcedure::appel_offres_ouvert: return "Appel d'offres ouvert";
        case DecpProcedure::appel_offres_restreint: return "Appel d'offres restreint";
        case DecpProcedure::negociation: return "Procédure avec négociation";
        case DecpProcedure::sans_publicite: return "Marché passé sans publicité ni mise en concurrence préalable";
        case DecpProcedure::dialogue_competitif: return "Dialogue compétitif";
        case DecpProcedure::other: return "Autre";
    }
    return "Autre";
}

void DecpTally::add(const DecpContract& c) {
    const bool env = c.environmental == DecpAnswer::yes, soc = c.social == DecpAnswer::yes;
    ++contracts;
    blank += c.environmental == DecpAnswer::unknown || c.social == DecpAnswer::unknown;
    environmental += env;
    social += soc;
    if (!c.value_trusted) return;
    ++valued;
    value += c.value;
    if (env) environmental_value += c.value;
    if (soc) social_value += c.value;
}

namespace {

using json = nlohmann::json;

bool buyer_matches(const std::string& buyer, const std::string& wanted) {
    if (wanted.size() == 9) return buyer.compare(0, 9, wanted) == 0;   // a SIREN: every establishment
    return buyer == wanted;
}

bool passes(const DecpData& d, const DecpContract& c, const DecpFilter& f) {
    if (!f.buyer.empty() && !buyer_matches(d.buyers[c.buyer], f.buyer)) return false;
    if (f.from.valid() || f.to.valid()) {
        if (!c.notification.valid()) return false;
        if (f.from.valid() && c.notification.key() < f.from.key()) return false;
        if (f.to.valid() && c.notification.key() > f.to.key()) return false;
    }
    return f.departement.empty() || f.departement == c.departement;
}

// A problem is shown when it is about a selected contract, or about a file or a record set aside (of the
// selected buyer, when there is one).
bool shows(const DecpProblem& p, const std::vector<bool>& selected, const DecpFilter& f) {
    if (p.contract >= 0) return selected[size_t(p.contract)];
    return f.buyer.empty() || p.buyer.empty() || buyer_matches(p.buyer, f.buyer);
}

DecpRenewal renewal_of(const DecpData& d, const DecpContract& c) {
    DecpRenewal r;
    r.contract = &c;
    r.detail = &d.details[size_t(c.detail)];
    r.buyer = &d.buyers[c.buyer];
    r.family = c.family >= 0 ? &d.options.library->families[size_t(c.family)] : nullptr;
    r.nature = decp::cpv_nature(r.detail->cpv);
    return r;
}

std::vector<DecpTarget> national_targets() {
    std::vector<DecpTarget> out;
    const json doc = json::parse(bundle_file("data/legal/national_targets.json"), nullptr, false);
    if (!doc.is_object() || !doc.contains("targets")) return out;
    for (const json& t : doc["targets"]) {
        DecpTarget x;
        x.id = t.value("id", "");
        x.label = t.value("label", "");
        x.indicator = t.value("indicator", "");
        x.source = t.value("source", "");
        x.share = t.value("share", 0.0);
        x.year = t.value("year", 0);
        out.push_back(std::move(x));
    }
    return out;
}

double safe_ratio(double part, double whole) { return whole > 0 ? part / whole : 0; }
double rounded_share(double part, double whole) { return std::round(safe_ratio(part, whole) * 1000) / 1000; }
json euros_json(double v) { return number_json(std::round(v * 100) / 100); }

json tally_json(const DecpTally& t) {
    return {{"contracts", t.contracts}, {"value", euros_json(t.value)}, {"environmental", t.environmental}, {"social", t.social},
            {"valued", t.valued}, {"blank", t.blank}, {"environmental_value", euros_json(t.environmental_value)},
            {"social_value", euros_json(t.social_value)}};
}

json consideration_json(size_t contracts, double value, const DecpTally& all, size_t blank) {
    return {{"contracts", contracts}, {"value", euros_json(value)}, {"share_contracts", rounded_share(double(contracts), double(all.contracts))},
            {"share_value", rounded_share(value, all.value)}, {"blank", blank}};
}

json date_json(const Date& d) { return d.valid() ? json(iso_date(d)) : json(nullptr); }

json renewal_json(const DecpRenewal& r) {
    const DecpContract& c = *r.contract;
    const DecpDetail& t = *r.detail;
    return {{"id", t.id}, {"buyer", *r.buyer}, {"object", t.object}, {"cpv", t.cpv}, {"end_date", date_json(c.end)},
            {"value", c.value_trusted ? euros_json(c.value) : json(nullptr)}, {"family", r.family ? r.family->id : ""},
            {"family_label", r.family ? r.family->label : ""}, {"nature", r.nature}, {"procedure", decp_procedure_label(c.procedure)},
            {"notification_date", date_json(c.notification)}, {"duration_months", c.duration_months}, {"holder", t.holder},
            {"place_code", t.place_code}, {"place_type", t.place_type}, {"departement", c.departement},
            {"environmental", c.environmental == DecpAnswer::yes}, {"social", c.social == DecpAnswer::yes}};
}

}  // namespace

DecpStats decp_stats(const DecpData& data, const DecpFilter& filter) {
    DecpStats s;
    s.data = &data;
    s.filter = filter;
    s.today = data.options.today;
    s.renewal_until = add_months(s.today, data.options.renewal_months);
    s.records = data.records;
    s.duplicates = data.duplicates;
    s.set_aside = data.set_aside;
    s.files = data.files;
    std::vector<bool> selected(data.contracts.size(), false);
    std::vector<int> offers;
    for (size_t i = 0; i < data.contracts.size(); ++i) {
        const DecpContract& c = data.contracts[i];
        if (!passes(data, c, filter)) continue;
        selected[i] = true;
        ++s.contracts;
        s.total.add(c);
        s.blank_environmental += c.environmental == DecpAnswer::unknown;
        s.blank_social += c.social == DecpAnswer::unknown;
        s.blank_considerations += c.environmental == DecpAnswer::unknown || c.social == DecpAnswer::unknown;
        if (c.notification.valid()) s.by_year[c.notification.year].add(c);
        s.by_family[c.family >= 0 ? data.options.library->families[size_t(c.family)].id : "autre"].add(c);
        s.by_procedure[c.procedure].add(c);
        if (c.offers > 0) {
            offers.push_back(c.offers);
            s.single_offer += c.offers == 1;
        }
        if (c.advance != DecpAnswer::unknown) {
            ++s.advance_known;
            s.advance_granted += c.advance == DecpAnswer::yes;
        }
        if (c.subcontracting != DecpAnswer::unknown) {
            ++s.subcontracting_known;
            s.subcontracting_declared += c.subcontracting == DecpAnswer::yes;
        }
        if (c.detail >= 0 && c.end.key() >= s.today.key() && c.end.key() <= s.renewal_until.key())
            s.renewals.push_back(renewal_of(data, c));
    }
    s.offers_known = offers.size();
    if (!offers.empty()) {
        std::sort(offers.begin(), offers.end());
        const size_t n = offers.size();
        s.median_offers = n % 2 ? offers[n / 2] : (offers[n / 2 - 1] + offers[n / 2]) / 2.0;
    }
    std::sort(s.renewals.begin(), s.renewals.end(), [](const DecpRenewal& a, const DecpRenewal& b) {
        return std::make_tuple(a.contract->end.key(), std::cref(*a.buyer), std::cref(a.detail->id)) <
               std::make_tuple(b.contract->end.key(), std::cref(*b.buyer), std::cref(b.detail->id));
    });
    for (DecpTarget& t : national_targets()) {
        const bool env = t.indicator == "environmental";
        t.measured = safe_ratio(double(env ? s.total.environmental : s.total.social), double(s.total.contracts));
        const auto year = s.by_year.find(t.year);
        if (year != s.by_year.end()) {
            t.measured_in_year_known = true;
            t.measured_in_year = safe_ratio(double(env ? year->second.environmental : year->second.social), double(year->second.contracts));
        }
        s.targets.push_back(std::move(t));
    }
    for (const DecpProblem& p : data.problems)
        if (shows(p, selected, filter)) s.problems.push_back(&p);
    s.problems_total = data.problems_total;
    s.problems_by_field = data.problems_by_field;
    return s;
}

std::string decp_family_label(const DecpStats& s, const std::string& family_id) {
    const Family* f = s.data && s.data->options.library ? s.data->options.library->family(family_id) : nullptr;
    return f ? f->label : "Sans famille d'achat (CPV absent ou hors des familles de Clausier)";
}

std::string decp_share_text(size_t part, size_t whole) {
    if (whole == 0) return "–";
    return french_number(double(part), 0) + " sur " + french_number(double(whole), 0) + " (" +
           french_percent(std::round(safe_ratio(double(part), double(whole)) * 1000) / 10) + ")";
}

json decp_stats_to_json(const DecpStats& s) {
    json problems = json::array();
    for (const DecpProblem* p : s.problems)
        problems.push_back({{"id", p->id}, {"field", p->field}, {"message", p->message}, {"buyer", p->buyer}, {"file", p->file},
                            {"record", p->record}});
    json by_year = json::object(), by_family = json::object(), by_procedure = json::object();
    for (const auto& [year, t] : s.by_year) by_year[std::to_string(year)] = tally_json(t);
    for (const auto& [id, t] : s.by_family) {
        json j = tally_json(t);
        j["label"] = decp_family_label(s, id);
        by_family[id] = j;
    }
    for (const auto& [p, t] : s.by_procedure) by_procedure[decp_procedure_label(p)] = tally_json(t);
    json renewals = json::array();
    for (const DecpRenewal& r : s.renewals) renewals.push_back(renewal_json(r));
    json targets = json::array();
    for (const DecpTarget& t : s.targets)
        targets.push_back({{"id", t.id}, {"label", t.label}, {"indicator", t.indicator}, {"share", t.share}, {"year", t.year},
                           {"measured", rounded_share(t.measured, 1)},
                           {"measured_in_year", t.measured_in_year_known ? json(rounded_share(t.measured_in_year, 1)) : json(nullptr)},
                           {"source", t.source}});
    json files = json::array();
    for (const DecpFileResult& f : s.files)
        files.push_back({{"file", f.name}, {"bytes", f.bytes}, {"records", f.records}, {"read", f.decp}, {"message", f.message}});
    const DecpTally& t = s.total;
    return {
        {"records", s.records},
        {"contracts", s.contracts},
        {"duplicates", s.duplicates},
        {"set_aside", s.set_aside},
        {"problems", problems},
        {"problems_total", s.problems_total},
        {"problems_by_field", s.problems_by_field},
        {"value", euros_json(t.value)},
        {"valued_contracts", t.valued},
        {"environmental", consideration_json(t.environmental, t.environmental_value, t, s.blank_environmental)},
        {"social", consideration_json(t.social, t.social_value, t, s.blank_social)},
        {"blank_considerations", s.blank_considerations},
        {"by_year", by_year},
        {"by_family", by_family},
        {"by_procedure", by_procedure},
        {"competition", {{"contracts", s.offers_known}, {"median_offers", number_json(s.median_offers)}, {"single_offer", s.single_offer},
                         {"share_single_offer", rounded_share(double(s.single_offer), double(s.offers_known))}}},
        {"advances", {{"known", s.advance_known}, {"granted", s.advance_granted},
                      {"share", rounded_share(double(s.advance_granted), double(s.advance_known))}}},
        {"subcontracting", {{"known", s.subcontracting_known}, {"declared", s.subcontracting_declared},
                            {"share", rounded_share(double(s.subcontracting_declared), double(s.subcontracting_known))}}},
        {"targets", targets},
        {"renewals", renewals},
        {"filters", {{"buyer", s.filter.buyer}, {"from", date_json(s.filter.from)}, {"to", date_json(s.filter.to)},
                     {"departement", s.filter.departement}, {"today", date_json(s.today)}, {"renewal_until", date_json(s.renewal_until)}}},
        {"files", files},
    };
}

}  // namespace clausier
