#include "base/text.h"
#include <algorithm>
#include <cmath>
#include <cstdio>

namespace clausier {

namespace {

int days_in_month(int y, int m) {
    static const int d[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return m == 2 && leap ? 29 : d[m - 1];
}

// Decodes one UTF-8 sequence at s[i]; returns the code point and advances i, or -1 on invalid input.
long decode(std::string_view s, size_t& i) {
    unsigned char c = s[i];
    int len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    if (len == 0 || i + len > s.size()) { ++i; return -1; }
    long cp = len == 1 ? c : c & (0x7F >> len);
    for (int k = 1; k < len; ++k) {
        unsigned char cc = s[i + k];
        if ((cc >> 6) != 2) { ++i; return -1; }
        cp = (cp << 6) | (cc & 0x3F);
    }
    static const long min_for_len[] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < min_for_len[len] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) { ++i; return -1; }
    i += len;
    return cp;
}

void append_utf8(std::string& out, long cp) {
    if (cp < 0x80) out += char(cp);
    else if (cp < 0x800) { out += char(0xC0 | (cp >> 6)); out += char(0x80 | (cp & 0x3F)); }
    else if (cp < 0x10000) {
        out += char(0xE0 | (cp >> 12)); out += char(0x80 | ((cp >> 6) & 0x3F)); out += char(0x80 | (cp & 0x3F));
    } else {
        out += char(0xF0 | (cp >> 18)); out += char(0x80 | ((cp >> 12) & 0x3F));
        out += char(0x80 | ((cp >> 6) & 0x3F)); out += char(0x80 | (cp & 0x3F));
    }
}

// Base letter of a Latin-1 / Latin Extended-A accented letter, lowercased; 0 if none.
const char* fold_cp(long cp) {
    switch (cp) {
        case 0xE0: case 0xE1: case 0xE2: case 0xE3: case 0xE4: case 0xE5:
        case 0xC0: case 0xC1: case 0xC2: case 0xC3: case 0xC4: case 0xC5: return "a";
        case 0xE7: case 0xC7: return "c";
        case 0xE8: case 0xE9: case 0xEA: case 0xEB: case 0xC8: case 0xC9: case 0xCA: case 0xCB: return "e";
        case 0xEC: case 0xED: case 0xEE: case 0xEF: case 0xCC: case 0xCD: case 0xCE: case 0xCF: return "i";
        case 0xF1: case 0xD1: return "n";
        case 0xF2: case 0xF3: case 0xF4: case 0xF5: case 0xF6: case 0xD2: case 0xD3: case 0xD4: case 0xD5:
        case 0xD6: return "o";
        case 0xF9: case 0xFA: case 0xFB: case 0xFC: case 0xD9: case 0xDA: case 0xDB: case 0xDC: return "u";
        case 0xFD: case 0xFF: case 0xDD: case 0x178: return "y";
        case 0x153: case 0x152: return "oe";
        case 0xE6: case 0xC6: return "ae";
        case 0x2019: case 0x2018: return "'";
        case 0xA0: case 0x202F: return " ";
        default: return nullptr;
    }
}

const char* const kMonths[] = {"janvier", "février", "mars", "avril", "mai", "juin", "juillet",
                               "août", "septembre", "octobre", "novembre", "décembre"};

}  // namespace

Date parse_date(std::string_view s) {
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return {};
    for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
        if (s[i] < '0' || s[i] > '9') return {};
    auto num = [&](size_t a, size_t n) { int v = 0; for (size_t i = a; i < a + n; ++i) v = v * 10 + (s[i] - '0'); return v; };
    Date d{num(0, 4), num(5, 2), num(8, 2)};
    if (d.year < 1900 || d.month < 1 || d.month > 12 || d.day < 1 || d.day > days_in_month(d.year, d.month)) return {};
    return d;
}

std::string iso_date(const Date& d) {
    if (!d.valid()) return "";
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
    return buf;
}

std::string french_date(const Date& d) {
    if (!d.valid()) return "";
    return (d.day == 1 ? std::string("1er") : std::to_string(d.day)) + " " + kMonths[d.month - 1] + " " +
           std::to_string(d.year);
}

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

std::string french_euros(double v) { return french_number(v) + kNbsp + "€"; }
std::string french_percent(double v) { return french_number(v) + kNbsp + "%"; }

std::string fold(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (size_t i = 0; i < s.size();) {
        long cp = decode(s, i);
        if (cp < 0) continue;
        if (cp < 0x80) out += char(cp >= 'A' && cp <= 'Z' ? cp + 32 : cp);
        else if (const char* f = fold_cp(cp)) out += f;
        else append_utf8(out, cp);
    }
    return out;
}

std::vector<std::string> words(std::string_view folded) {
    std::vector<std::string> out;
    std::string cur;
    for (char c : folded) {
        bool word_char = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (unsigned char)c >= 0x80;
        if (word_char) cur += c;
        else if (!cur.empty()) { out.push_back(cur); cur.clear(); }
    }
    if (!cur.empty()) out.push_back(cur);
    return out;
}

bool valid_utf8(std::string_view s) {
    for (size_t i = 0; i < s.size();)
        if (decode(s, i) < 0) return false;
    return true;
}

std::string sanitize_utf8(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (size_t i = 0; i < s.size();) {
        long cp = decode(s, i);
        append_utf8(out, cp <= 0 ? 0xFFFD : cp);
    }
    return out;
}

std::string trim(std::string_view s) {
    size_t a = 0, b = s.size();
    while (a < b && (s[a] == ' ' || s[a] == '\t' || s[a] == '\n' || s[a] == '\r')) ++a;
    while (b > a && (s[b - 1] == ' ' || s[b - 1] == '\t' || s[b - 1] == '\n' || s[b - 1] == '\r')) --b;
    return std::string(s.substr(a, b - a));
}

std::string upper_first(std::string s) {
    if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = char(s[0] - 'a' + 'A');
    return s;
}

std::string lower_first(std::string s) {
    if (s.size() > 1 && s[0] >= 'A' && s[0] <= 'Z' && !(s[1] >= 'A' && s[1] <= 'Z')) s[0] = char(s[0] - 'A' + 'a');
    return s;
}

bool contains(const std::vector<std::string>& v, std::string_view s) { return std::find(v.begin(), v.end(), s) != v.end(); }

namespace {

bool ends_with(const std::string& s, std::string_view tail) {
    return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

// Drops the spaces (plain or no-break) at the end of `out`, so that the right one can be put back.
void drop_trailing_spaces(std::string& out) {
    for (;;) {
        if (!out.empty() && out.back() == ' ') out.pop_back();
        else if (ends_with(out, kNbsp)) out.resize(out.size() - 2);
        else if (ends_with(out, kNnbsp)) out.resize(out.size() - 3);
        else return;
    }
}

// Index of the first character from `j` that is not a space (plain or no-break).
size_t skip_spaces(std::string_view s, size_t j) {
    for (;;) {
        if (j < s.size() && s[j] == ' ') ++j;
        else if (s.compare(j, 2, kNbsp) == 0) j += 2;
        else if (s.compare(j, 3, kNnbsp) == 0) j += 3;
        else return j;
    }
}

}  // namespace

// Idempotent: text that already has its no-break spaces comes out unchanged.
std::string french_typography(std::string_view s) {
    std::string out;
    out.reserve(s.size() + 16);
    for (size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        if (c != ';' && c != ':' && c != '!' && c != '?' && c != '\xC2') {   // the common case: nothing to do
            out += c;
            continue;
        }
        const bool high = c != '\xC2';
        const bool closing = s.compare(i, 2, "\u00BB") == 0;
        if ((high || closing) && !out.empty()) {
            // A colon inside a time or URL-like token ("10:30", "https:") is left alone.
            const bool glued = c == ':' && i + 1 < s.size() && s[i + 1] != ' ' && s[i + 1] != '\n';
            drop_trailing_spaces(out);
            const char prev = out.empty() ? '\n' : out.back();
            const bool after_mark = prev == '!' || prev == '?' || prev == '\n' || prev == '(';   // "?!", line start
            if (!glued && !after_mark) out += kNnbsp;
        }
        if (closing) { out += "\u00BB"; ++i; continue; }
        if (s.compare(i, 2, "\u00AB") == 0) {
            out += "\u00AB";
            out += kNnbsp;
            i = skip_spaces(s, i + 2) - 1;
            continue;
        }
        out += c;
    }
    return out;
}

}  // namespace clausier
