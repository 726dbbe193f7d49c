// The rules that read a messy DECP value and judge whether it can be trusted. Each rule is here once; its
// reason is in docs/decp.md.
#include "opendata/decp_internal.h"
#include "library/cpv.h"
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <unordered_map>

namespace clausier {

std::string decp_departement(std::string_view typed) {
    std::string t;
    for (char c : typed)
        if (c != ' ') t += char(c >= 'a' && c <= 'z' ? c - 32 : c);
    const bool digits = !t.empty() && std::all_of(t.begin(), t.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (t == "2A" || t == "2B") return t;
    if (!digits) return "";
    if (t.size() == 1 && t != "0") return "0" + t;
    if (t.size() == 2 && t >= "01" && t <= "95") return t;
    if (t.size() == 3 && (t.compare(0, 2, "97") == 0 || t.compare(0, 2, "98") == 0)) return t;
    return "";
}

Date add_months(const Date& d, int months) {
    if (!d.valid()) return {};
    static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const int index = d.year * 12 + (d.month - 1) + months;
    Date r{index / 12, index % 12 + 1, d.day};
    const bool leap = (r.year % 4 == 0 && r.year % 100 != 0) || r.year % 400 == 0;
    const int last = r.month == 2 && leap ? 29 : kDays[r.month - 1];
    r.day = std::min(r.day, last);
    return r;
}

}  // namespace clausier

namespace clausier::decp {

namespace {

std::string folded_trim(std::string_view s) { return trim(fold(s)); }

// « Non communiqué » in its usual spellings (after folding).
bool not_communicated(const std::string& f) {
    static const char* const kWords[] = {"nc", "n/c", "n.c.", "n.c", "nr", "n/r", "nd", "n/d", "na", "n/a", "non communique",
                                         "non communiquee", "non renseigne", "non renseignee", "non connu", "inconnu", "null",
                                         "none", "nan", "-", "--", "?", "s/o", "sans objet"};
    return std::find(std::begin(kWords), std::end(kWords), f) != std::end(kWords);
}

void erase_all(std::string& s, std::string_view what) {
    for (size_t p = s.find(what); p != std::string::npos; p = s.find(what, p)) s.erase(p, what.size());
}

bool value_ends_with(const std::string& s, std::string_view tail) {
    return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

int days_in_month(int y, int m) {
    static const int d[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return m == 2 && leap ? 29 : d[m - 1];
}

// Reads `len` digits at s[at]; -1 if any is not a digit.
int digits_at(std::string_view s, size_t at, size_t len) {
    if (at + len > s.size()) return -1;
    int v = 0;
    for (size_t i = at; i < at + len; ++i) {
        if (s[i] < '0' || s[i] > '9') return -1;
        v = v * 10 + (s[i] - '0');
    }
    return v;
}

Verdict make_date(int y, int m, int d, Date& out) {
    if (y < 1 || m < 1 || m > 12 || d < 1 || d > days_in_month(y, m)) return Verdict::unreadable;
    out = Date{y, m, d};
    return Verdict::ok;
}

// The nomenclature's check digit by code (8 digits as an integer), built once from the bundled CPV list.
const std::unordered_map<uint32_t, char>& cpv_check_digits() {
    static const std::unordered_map<uint32_t, char> table = [] {
        std::unordered_map<uint32_t, char> t;
        t.reserve(cpv_codes().size() * 2);
        for (const CpvCode& c : cpv_codes())
            if (c.code.size() >= 10) t.emplace(uint32_t(std::strtoul(c.code.substr(0, 8).c_str(), nullptr, 10)), c.code[9]);
        return t;
    }();
    return table;
}

}  // namespace

std::string identifier_text(const RawValue& v) {
    if (v.kind == RawValue::Kind::number && v.number == std::floor(v.number) && std::fabs(v.number) < 1e17) {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%.0f", v.number);
        return buf;
    }
    return v.kind == RawValue::Kind::string || v.kind == RawValue::Kind::number ? trim(v.text) : "";
}

Verdict read_number(const RawValue& v, double& out) {
    switch (v.kind) {
        case RawValue::Kind::absent:
        case RawValue::Kind::null: return Verdict::missing;
        case RawValue::Kind::number: out = v.number; return std::isfinite(out) ? Verdict::ok : Verdict::unreadable;
        case RawValue::Kind::boolean:
        case RawValue::Kind::container: return Verdict::unreadable;
        case RawValue::Kind::string: break;
    }
    std::string t = folded_trim(v.text);
    if (t.empty()) return Verdict::missing;
    if (not_communicated(t)) return Verdict::not_communicated;
    erase_all(t, "\u20AC");   // €
    erase_all(t, " ");
    erase_all(t, "'");        // 1'234'567
    for (bool again = true; again;) {
        again = false;
        for (const char* unit : {"h.t.", "ht", "euros", "euro", "eur"})
            if (value_ends_with(t, unit)) { t.erase(t.size() - std::strlen(unit)); again = true; }
    }
    if (t.empty() || t.find_first_not_of("0123456789.,+-") != std::string::npos) return Verdict::unreadable;
    const size_t dots = std::count(t.begin(), t.end(), '.'), commas = std::count(t.begin(), t.end(), ',');
    if (dots && commas) {   // the last separator is the decimal one: "1.234,50", "1,234.50"
        const char decimal = t.find_last_of(".,") == t.rfind(',') ? ',' : '.';
        t.erase(std::remove(t.begin(), t.end(), decimal == ',' ? '.' : ','), t.end());
        std::replace(t.begin(), t.end(), ',', '.');
    } else if (commas) {
        if (commas == 1) std::replace(t.begin(), t.end(), ',', '.');
        else t.erase(std::remove(t.begin(), t.end(), ','), t.end());   // "1,234,567"
    } else if (dots > 1) {
        t.erase(std::remove(t.begin(), t.end(), '.'), t.end());        // "1.234.567"
    }
    char* end = nullptr;
    out = std::strtod(t.c_str(), &end);
    return end && *end == '\0' && std::isfinite(out) ? Verdict::ok : Verdict::unreadable;
}

Verdict read_answer(const RawValue& v, bool& out) {
    switch (v.kind) {
        case RawValue::Kind::absent:
        case RawValue::Kind::null: return Verdict::missing;
        case RawValue::Kind::boolean: out = v.boolean; return Verdict::ok;
        case RawValue::Kind::number:
            if (v.number != 0 && v.number != 1) return Verdict::unreadable;
            out = v.number == 1;
            return Verdict::ok;
        case RawValue::Kind::container: return Verdict::unreadable;
        case RawValue::Kind::string: break;
    }
    const std::string t = folded_trim(v.text);
    if (t.empty()) return Verdict::missing;
    static const char* const kYes[] = {"oui", "o", "true", "vrai", "yes", "y", "1"};
    static const char* const kNo[] = {"non", "n", "false", "faux", "no", "0"};
    if (std::find(std::begin(kYes), std::end(kYes), t) != std::end(kYes)) { out = true; return Verdict::ok; }
    if (std::find(std::begin(kNo), std::end(kNo), t) != std::end(kNo)) { out = false; return Verdict::ok; }
    return not_communicated(t) ? Verdict::not_communicated : Verdict::unreadable;
}

Verdict read_date(const RawValue& v, Date& out) {
    if (!v.present()) return Verdict::missing;
    if (v.kind != RawValue::Kind::string) return Verdict::unreadable;
    const std::string t = trim(v.text);
    if (t.empty()) return Verdict::missing;
    // ISO, possibly followed by a time or a zone: "2024-03-15", "2024-03-15T00:00:00", "2019-03-12+01:00"
    if (t.size() >= 10 && (t[4] == '-' || t[4] == '/') && t[7] == t[4] && (t.size() == 10 || std::strchr("T +-Z", t[10])))
        return make_date(digits_at(t, 0, 4), digits_at(t, 5, 2), digits_at(t, 8, 2), out);
    // French: « 15/03/2024 », « 15-03-2024 », « 15.03.2024 »
    if (t.size() == 10 && (t[2] == '/' || t[2] == '-' || t[2] == '.') && t[5] == t[2])
        return make_date(digits_at(t, 6, 4), digits_at(t, 3, 2), digits_at(t, 0, 2), out);
    return not_communicated(folded_trim(t)) ? Verdict::not_communicated : Verdict::unreadable;
}

Verdict judge_amount(const RawValue& v, double& out) {
    const Verdict r = read_number(v, out);
    if (r != Verdict::ok) return r;
    if (out <= 0) return Verdict::non_positive;
    if (out == std::floor(out) && out >= 99999999 && out < 1e15) {   // 99 999 999, 999 999 999…: filler
        char buf[32];
        std::snprintf(buf, sizeof buf, "%.0f", out);
        if (std::strspn(buf, "9") == std::strlen(buf)) return Verdict::placeholder;
    }
    if (out < kMinPlausibleAmount) return Verdict::too_small;
    if (out >= kMaxPlausibleAmount) return Verdict::too_large;
    return Verdict::ok;
}

Verdict judge_duration(const RawValue& v, bool partnership, int& months) {
    double d = 0;
    const Verdict r = read_number(v, d);
    if (r != Verdict::ok) return r;
    if (d <= 0) return Verdict::non_positive;
    if (d > (partnership ? kMaxMonthsPartnership : kMaxMonthsOrdinary)) return Verdict::too_large;
    months = int(std::ceil(d));   // a part of a month still runs to the end of that month
    return Verdict::ok;
}

Verdict judge_date(const RawValue& v, const Date& today, Date& out) {
    Date d;
    const Verdict r = read_date(v, d);
    if (r != Verdict::ok) return r;
    if (d.year < kFirstPlausibleYear) return Verdict::too_old;
    if (today.valid() && d.key() > today.key()) return Verdict::in_future;
    out = d;
    return Verdict::ok;
}

std::string value_text(const RawValue& v) {
    switch (v.kind) {
        case RawValue::Kind::absent: return "";
        case RawValue::Kind::null: return "null";
        case RawValue::Kind::boolean: return v.boolean ? "true" : "false";
        case RawValue::Kind::container: return "un objet ou une liste";
        case RawValue::Kind::number:
            if (!v.text.empty()) return v.text;
            return identifier_text(v);
        case RawValue::Kind::string: break;
    }
    std::string t = sanitize_utf8(trim(v.text));
    if (t.size() > 60) {
        size_t cut = 57;
        while (cut > 0 && (static_cast<unsigned char>(t[cut]) & 0xC0) == 0x80) --cut;   // not inside a character
        t = t.substr(0, cut) + "…";
    }
    return t;
}

std::string verdict_words(Verdict v, const RawValue& raw, bool feminine) {
    const std::string quoted = "« " + value_text(raw) + " »";
    const char* e = feminine ? "e" : "";
    switch (v) {
        case Verdict::ok: return "";
        case Verdict::missing: return std::string("absent") + e;
        case Verdict::not_communicated: return std::string("non communiqué") + e + " (" + quoted + ")";
        case Verdict::unreadable: return "illisible (" + quoted + ")";
        case Verdict::non_positive: return std::string(feminine ? "nulle ou négative" : "nul ou négatif") + " (" + quoted + ")";
        case Verdict::too_small: return "trop faible pour être réel" + std::string(e) + " (" + quoted + ")";
        case Verdict::too_large: return "trop élevé" + std::string(e) + " pour être réel" + e + " (" + quoted + ")";
        case Verdict::placeholder: return "une valeur de remplissage (" + quoted + ")";
        case Verdict::too_old: return "invraisemblable (" + quoted + ", avant " + std::to_string(kFirstPlausibleYear) + ")";
        case Verdict::in_future: return "dans le futur (" + quoted + ")";
    }
    return "";
}

std::string read_cpv(const RawValue& v, bool& known, bool& check_ok) {
    known = false;
    check_ok = true;
    const std::string t = identifier_text(v);
    size_t n = 0;
    while (n < t.size() && t[n] >= '0' && t[n] <= '9') ++n;
    std::string code = t.substr(0, n);
    if (code.size() == 7) code = "0" + code;   // a code written as a number lost its leading zero
    if (code.size() != 8) return "";
    const auto& table = cpv_check_digits();
    const auto it = table.find(uint32_t(std::strtoul(code.c_str(), nullptr, 10)));
    known = it != table.end();
    if (known && n + 1 < t.size() && t[n] == '-' && t[n + 1] >= '0' && t[n + 1] <= '9') check_ok = t[n + 1] == it->second;
    return code;
}

const char* cpv_nature(std::string_view cpv8) {
    const int division = digits_at(cpv8, 0, 2);
    if (division < 0) return "";
    if (division == 45) return "travaux";
    return division < 45 || division == 48 ? "fournitures" : "services";
}

DecpProcedure read_procedure(const RawValue& v) {
    if (v.kind != RawValue::Kind::string) return v.present() ? DecpProcedure::other : DecpProcedure::unknown;
    for (DecpProcedure p : {DecpProcedure::adaptee, DecpProcedure::appel_offres_ouvert, DecpProcedure::appel_offres_restreint,
                            DecpProcedure::negociation, DecpProcedure::sans_publicite, DecpProcedure::dialogue_competitif})
        if (v.text == decp_procedure_label(p)) return p;   // the format's own words: most records
    const std::string t = folded_trim(v.text);
    if (t.empty()) return DecpProcedure::unknown;
    auto has = [&](const char* w) { return t.find(w) != std::string::npos; };
    if (has("adapt")) return DecpProcedure::adaptee;
    if (has("appel d'offres ouvert") || has("appel d offres ouvert") || has("appel d'offre ouvert")) return DecpProcedure::appel_offres_ouvert;
    if (has("appel d'offres restreint") || has("appel d offres restreint") || has("appel d'offre restreint")) return DecpProcedure::appel_offres_restreint;
    if (has("sans publicite")) return DecpProcedure::sans_publicite;
    if (has("negoci")) return DecpProcedure::negociation;
    if (has("dialogue")) return DecpProcedure::dialogue_competitif;
    return DecpProcedure::other;
}

std::string place_departement(std::string_view code_in, std::string_view type_in) {
    std::string code;
    for (char c : code_in)
        if (c != ' ') code += char(c >= 'a' && c <= 'z' ? c - 32 : c);
    const std::string type = type_in == "Code postal" ? "code postal" : type_in == "Code commune" ? "code commune" : folded_trim(type_in);
    if (code.empty() || type.find("region") != std::string::npos || type.find("pays") != std::string::npos) return "";
    if (type.find("departement") != std::string::npos) return decp_departement(code);
    size_t n = 0;
    while (n < code.size() && ((code[n] >= '0' && code[n] <= '9') || (n == 1 && (code[n] == 'A' || code[n] == 'B')))) ++n;
    if (n < 3) return type.empty() ? decp_departement(code) : "";
    std::string digits = code.substr(0, n);
    const bool commune = type.find("postal") != std::string::npos || type.find("commune") != std::string::npos || type.empty();
    if (n == 4 && commune) digits = "0" + digits;   // "6000": a postal or INSEE code written as a number lost its zero
    if (digits.compare(0, 2, "97") == 0 || digits.compare(0, 2, "98") == 0) return digits.substr(0, 3);
    if (digits[1] == 'A' || digits[1] == 'B') return digits.substr(0, 2);
    const bool postal = type.find("postal") != std::string::npos || (type.empty() && digits.size() == 5);
    if (postal && digits.compare(0, 2, "20") == 0 && digits.size() == 5)   // Corsica's postal codes: 200xx–201xx Corse-du-Sud
        return digits[2] <= '1' ? "2A" : "2B";
    return decp_departement(digits.substr(0, 2));
}

Consideration read_consideration(std::string_view item, bool social) {
    static const std::pair<std::string_view, Consideration> kExact[] = {
        {"Clause sociale", Consideration::some}, {"Critère social", Consideration::some}, {"Marché réservé", Consideration::some},
        {"Pas de considération sociale", Consideration::none}, {"Clause environnementale", Consideration::some},
        {"Critère environnemental", Consideration::some}, {"Pas de considération environnementale", Consideration::none}};
    for (size_t i = social ? 0 : 4; i < (social ? 4 : 7); ++i)   // the format's own words: most records
        if (item == kExact[i].first) return kExact[i].second;
    const std::string t = folded_trim(item);
    if (t.empty() || not_communicated(t)) return Consideration::blank;
    static const char* const kNone[] = {"aucune", "aucun", "non", "sans", "neant", "false", "0"};
    if (t.rfind("pas de", 0) == 0 || std::find(std::begin(kNone), std::end(kNone), t) != std::end(kNone))
        return Consideration::none;
    static const char* const kSocial[] = {"clause sociale", "critere social", "marche reserve", "concession reservee"};
    static const char* const kEnvironmental[] = {"clause environnementale", "critere environnemental"};
    const auto is = [&](const char* k) { return t == k; };
    const bool known = social ? std::any_of(std::begin(kSocial), std::end(kSocial), is)
                              : std::any_of(std::begin(kEnvironmental), std::end(kEnvironmental), is);
    return known ? Consideration::some : Consideration::unknown_value;
}

}  // namespace clausier::decp
