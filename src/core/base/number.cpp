#include "base/number.h"
#include "base/text.h"
#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace clausier {

// ---- formatting ---------------------------------------------------------------------------------------

namespace {

std::string group_digit_string(const std::string& digits) {
    std::string out;
    for (size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += kNnbsp;
        out += digits[i];
    }
    return out;
}

}  // namespace

std::string group_digits(long long n) {
    // Through unsigned arithmetic: -n overflows for the smallest long long.
    const unsigned long long magnitude = n < 0 ? 0ULL - static_cast<unsigned long long>(n) : static_cast<unsigned long long>(n);
    const std::string out = group_digit_string(std::to_string(magnitude));
    return n < 0 ? "-" + out : out;
}

std::string french_number(double v, int decimals_max) {
    if (!std::isfinite(v)) return "?";
    if (std::fabs(v) >= 1e15) {
        // Beyond the integers a double holds exactly (and beyond long long): whole digits, no decimals.
        char buf[320];
        std::snprintf(buf, sizeof buf, "%.0f", std::fabs(v));
        return (v < 0 ? "-" : "") + group_digit_string(buf);
    }
    double scale = std::pow(10.0, decimals_max);
    double r = std::round(v * scale) / scale;
    long long whole = static_cast<long long>(std::trunc(r));
    std::string out = group_digits(whole);
    if (whole == 0 && r < 0) out = "-" + out;
    long long frac = std::llround(std::fabs(r - whole) * scale);
    if (frac > 0) {
        std::string f = std::to_string(frac);
        while ((int)f.size() < decimals_max) f = "0" + f;
        while (!f.empty() && f.back() == '0') f.pop_back();
        out += "," + f;
    }
    return out;
}

std::string french_euros(double v) {
    if (!std::isfinite(v) || std::fabs(v) >= kMaxAmount * 10) return french_number(v, 0) + kNbsp + "€";
    // Rounded to the cent first: 59 999,999 € shows as 60 000 €, not 59 999,100 €.
    const double cents = std::round(v * 100);
    if (std::fmod(cents, 100) == 0) return french_number(cents / 100, 0) + kNbsp + "€";
    std::string s = french_number(cents / 100, 2);
    if (s.size() >= 2 && s[s.size() - 2] == ',') s += '0';   // "22,5" → "22,50"
    return s + kNbsp + "€";
}

std::string french_percent(double v) { return french_number(v) + kNbsp + "%"; }

std::string format_number(double v, NumberKind kind) {
    switch (kind) {
        case NumberKind::euros: return french_euros(v);
        case NumberKind::percent: return french_percent(v);
        case NumberKind::quantity: return french_number(v, 3);
        case NumberKind::count: break;
    }
    return french_number(v, 0);
}

// ---- parsing ------------------------------------------------------------------------------------------

namespace {

struct KindRules {
    int decimals;          // most decimals accepted
    const char* what;      // "un montant en euros HT", for messages
    const char* example;   // what to type instead
};

KindRules rules_of(NumberKind kind) {
    switch (kind) {
        case NumberKind::euros: return {2, "un montant en euros HT", "59 999,50 ou 60 000 € HT"};
        case NumberKind::percent: return {2, "un pourcentage", "12,5 %"};
        case NumberKind::quantity: return {3, "une quantité", "1 250,5"};
        case NumberKind::count: break;
    }
    return {0, "un nombre entier", "12"};
}

// The text with every kind of space as ' ' (runs of them as one), ASCII letters lowercased, minus signs as
// '-', trimmed. Other characters are kept as they are (the euro sign stays "€").
std::string canonical(std::string_view text) {
    static const char* const kSpaces[] = {"\u00A0", "\u202F", "\u2009", "\u2007", "\t"};
    std::string out;
    for (size_t i = 0; i < text.size();) {
        bool space = text[i] == ' ';
        size_t len = 1;
        for (const char* sp : kSpaces) {
            const std::string_view s(sp);
            if (text.compare(i, s.size(), s) == 0) { space = true; len = s.size(); }
        }
        if (text.compare(i, 3, "\u2212") == 0 || text.compare(i, 3, "\u2013") == 0) {   // − and – typed as minus
            out += '-';
            i += 3;
            continue;
        }
        if (space) {
            if (!out.empty() && out.back() != ' ') out += ' ';
        } else {
            const char c = text[i];
            out += c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c;
        }
        i += len;
    }
    return trim(out);
}

bool has_suffix(const std::string& s, std::string_view tail) {
    return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

// Removes `tail` (and the spaces before it) from the end of `s` if it is there.
bool strip_suffix(std::string& s, std::string_view tail) {
    if (!has_suffix(s, tail)) return false;
    s = trim(s.substr(0, s.size() - tail.size()));
    return true;
}

bool all_ascii_digits(std::string_view s) {
    if (s.empty()) return false;
    for (char c : s)
        if (c < '0' || c > '9') return false;
    return true;
}

// The parse itself: fills `digits` (the integer part, ungrouped) and `decimals`, or returns an error.
struct AmountReader {
    const KindRules& rules;
    NumberKind kind;
    std::string shown;     // the user's text, trimmed, for messages
    std::string error;

    bool fail(std::string message) {
        error = std::move(message);
        return false;
    }
    std::string expected() const { return std::string(rules.what) + ", par exemple " + rules.example; }

    // The unit signs the kind allows around the number; the others are refused by name.
    bool strip_units(std::string& s) {
        if (kind == NumberKind::euros) {
            if (strip_suffix(s, "ttc"))
                return fail("Saisissez le montant hors taxes (HT) : les montants sont tenus hors TVA.");
            if (!strip_suffix(s, "ht")) strip_suffix(s, "h.t.");
            if (!strip_suffix(s, "€") && !strip_suffix(s, "euros") && !strip_suffix(s, "euro")) strip_suffix(s, "eur");
            if (s.compare(0, 3, "€") == 0) s = trim(s.substr(3));
        } else if (kind == NumberKind::percent) {
            strip_suffix(s, "%");
        }
        if (s.find('%') != std::string::npos)
            return fail("Ce champ attend " + std::string(rules.what) + ", pas un pourcentage : saisissez par exemple " +
                        rules.example + ".");
        if (s.find("€") != std::string::npos)
            return fail("Ce champ attend " + std::string(rules.what) + ", pas un montant en euros : saisissez par exemple " +
                        rules.example + ".");
        return true;
    }

    // An integer part, possibly grouped by three with spaces or dots (one kind).
    bool integer_part(const std::string& s, std::string& digits) {
        const bool spaces = s.find(' ') != std::string::npos, dots = s.find('.') != std::string::npos;
        if (spaces && dots)
            return fail("« " + shown + " » mêle deux façons de grouper les milliers : utilisez les espaces "
                        "(par exemple 1 234 567,89).");
        const char sep = spaces ? ' ' : '.';
        size_t start = 0;
        for (bool first = true;; first = false) {
            const size_t end = s.find(sep, start);
            const std::string group = s.substr(start, end == std::string::npos ? std::string::npos : end - start);
            const bool ok = all_ascii_digits(group) && ((!spaces && !dots) || (first ? group.size() <= 3 : group.size() == 3));
            if (!ok) {
                if (group.empty() && first) return fail("Un chiffre est attendu avant la virgule : saisissez " + expected() + ".");
                return fail("« " + shown + " » : les chiffres se groupent par trois (par exemple 59 999 ou 1 234 567).");
            }
            digits += group;
            if (end == std::string::npos) return true;
            start = end + 1;
        }
    }

    bool read(std::string s, std::string& digits, std::string& decimals) {
        if (s.empty()) return fail("Le champ est vide : saisissez " + expected() + ".");
        if (!strip_units(s)) return false;
        if (!s.empty() && s[0] == '-')
            return fail(kind == NumberKind::euros ? "Un montant ne peut pas être négatif : saisissez " + expected() + "."
                                                  : "Une valeur négative n'est pas admise : saisissez " + expected() + ".");
        if (s.empty() || s.find_first_not_of("0123456789 ,.") != std::string::npos || s.find_first_of("0123456789") == std::string::npos)
            return fail("« " + shown + " » n'est pas " + rules.what + " : seuls des chiffres, des espaces et une virgule "
                        "décimale sont attendus, par exemple " + rules.example + ".");
        const size_t comma = s.find(',');
        if (comma != std::string::npos && s.find(',', comma + 1) != std::string::npos)
            return fail("« " + shown + " » est ambigu : en français la virgule sépare les décimales et n'apparaît qu'une "
                        "fois ; groupez les milliers avec des espaces (par exemple 1 234 567).");
        std::string whole = s;
        if (comma != std::string::npos) {
            whole = trim(s.substr(0, comma));
            decimals = trim(s.substr(comma + 1));
            if (!all_ascii_digits(decimals))
                return fail("« " + shown + " » : après la virgule, des chiffres sont attendus et rien d'autre (par exemple "
                            "59 999,50).");
        } else if (const size_t dot = s.find('.'); dot != std::string::npos && s.find('.', dot + 1) == std::string::npos) {
            const std::string before = s.substr(0, dot), after = s.substr(dot + 1);
            const bool could_group = after.size() == 3 && all_ascii_digits(after) && before != "0" && !before.empty();
            if (!could_group) {            // « 12.5 », « 0.125 »: only a decimal point
                whole = before;
                decimals = after;
                if (!all_ascii_digits(decimals))
                    return fail("« " + shown + " » n'est pas " + rules.what + " : écrivez par exemple " + rules.example + ".");
            } else if (kind != NumberKind::euros) {
                return fail("« " + shown + " » est ambigu : écrivez " + before + " " + after + " pour un nombre entier, ou " +
                            before + "," + after + " avec la virgule décimale.");
            }
        }
        if (!integer_part(whole, digits)) return false;
        if (int(decimals.size()) > rules.decimals) {
            if (kind == NumberKind::euros && comma != std::string::npos && decimals.size() == 3 && digits.size() <= 3)
                return fail("« " + shown + " » : en français la virgule sépare les centimes, un montant a donc au plus deux "
                            "décimales ; pour les milliers, écrivez " + digits + " " + decimals + ".");
            if (rules.decimals == 0) return fail("« " + shown + " » : un nombre entier est attendu, sans décimales.");
            return fail("« " + shown + " » : " + std::string(rules.what) + " a au plus " + std::to_string(rules.decimals) +
                        " décimales.");
        }
        return true;
    }
};

}  // namespace

bool parse_number(std::string_view text, NumberKind kind, double& value, std::string& error, double min, double max) {
    const KindRules rules = rules_of(kind);
    const std::string s = canonical(text);
    AmountReader r{rules, kind, trim(one_line(text)), ""};
    std::string digits, decimals;
    if (!r.read(s, digits, decimals)) {
        error = r.error;
        return false;
    }
    const size_t first = digits.find_first_not_of('0');
    if (first != std::string::npos && digits.size() - first > 15) {
        error = "« " + r.shown + " » est bien trop grand : saisissez " + r.expected() + ".";
        return false;
    }
    const double v = std::strtod((digits + (decimals.empty() ? "" : "." + decimals)).c_str(), nullptr);
    if (!(v >= min && v <= max)) {
        error = "La valeur doit être comprise entre " + format_number(min, kind) + " et " + format_number(max, kind) +
                " ; « " + r.shown + " » est hors de ces limites.";
        return false;
    }
    value = v;
    return true;
}

std::string counted(size_t n, std::string_view one, std::string_view many) {
    return french_number(double(n), 0) + " " + std::string(n > 1 ? many : one);
}

}  // namespace clausier
