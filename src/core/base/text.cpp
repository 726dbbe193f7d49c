#include "base/text.h"
#include <algorithm>

namespace clausier {

namespace {

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

}  // namespace

std::string fold(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (size_t i = 0; i < s.size();) {
        long cp = decode(s, i);
        if (cp < 0) continue;
        if (cp < 0x80) out += char(cp >= 'A' && cp <= 'Z' ? cp + 32 : cp);
        else if (cp >= 0x300 && cp <= 0x36F) continue;   // a combining accent (U+0300–U+036F) of decomposed text
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
    for (size_t i = 0; i < s.size();) {
        if (static_cast<unsigned char>(s[i]) < 0x80) {   // ASCII, most of a project file: no decoding call
            ++i;
            continue;
        }
        if (decode(s, i) < 0) return false;
    }
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

std::string french_list(const std::vector<std::string>& items) {
    std::string out;
    for (size_t i = 0; i < items.size(); ++i) out += (i == 0 ? "" : i + 1 == items.size() ? " et " : ", ") + items[i];
    return out;
}

bool contains(const std::vector<std::string>& v, std::string_view s) { return std::find(v.begin(), v.end(), s) != v.end(); }

std::string multiline_text(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (size_t i = 0; i < s.size();) {
        size_t plain = i;   // printable ASCII, the bulk of any text, is copied as it is
        while (plain < s.size() && s[plain] >= 0x20 && s[plain] < 0x7F) ++plain;
        if (plain > i) { out.append(s.substr(i, plain - i)); i = plain; continue; }
        const long cp = decode(s, i);
        if (cp == '\r' && i < s.size() && s[i] == '\n') continue;             // CR LF: the LF makes the break
        if (cp == '\n' || cp == '\r' || cp == 0x0B || cp == 0x85 || cp == 0x2028) out += '\n';
        else if (cp == 0x0C || cp == 0x2029) out += "\n\n";                   // page or paragraph: a new paragraph
        else if (cp >= 0 && (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F))) out += ' ';   // tab, NUL, DEL, C1…
        else append_utf8(out, cp < 0 ? 0xFFFD : cp);
    }
    return out;
}

std::string one_line(std::string_view s) {
    const std::string lines = multiline_text(s);
    if (lines.find('\n') == std::string::npos) return lines;
    std::string out;
    out.reserve(lines.size());
    for (size_t i = 0; i < lines.size(); ++i) {
        if (lines[i] != '\n') { out += lines[i]; continue; }
        while (!out.empty() && out.back() == ' ') out.pop_back();
        while (i + 1 < lines.size() && (lines[i + 1] == '\n' || lines[i + 1] == ' ')) ++i;
        out += ' ';
    }
    return out;
}

namespace {

bool ascii_alnum(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// Letters and digits, for telling a glued colon (« idweb:26 », « 14:30 ») from punctuation.
bool word_cp(long cp) {
    return (cp < 0x80 && ascii_alnum(char(cp))) || (cp >= 0xC0 && cp < 0x2000 && cp != 0xD7 && cp != 0xF7);
}

// Letters only, in the same ranges as word_cp: an apostrophe is typographic between two of them.
bool letter_cp(long cp) { return word_cp(cp) && !(cp >= '0' && cp <= '9'); }

long cp_at(std::string_view s, size_t i) { return i < s.size() ? decode(s, i) : -1; }

long last_cp(const std::string& s) {
    size_t i = s.size();
    while (i > 0 && (static_cast<unsigned char>(s[i - 1]) & 0xC0) == 0x80) --i;   // continuation bytes
    return i > 0 ? cp_at(s, i - 1) : -1;
}

bool starts_ci(std::string_view s, size_t at, std::string_view lower) {
    if (s.size() - at < lower.size()) return false;
    for (size_t k = 0; k < lower.size(); ++k) {
        char c = s[at + k];
        if (c >= 'A' && c <= 'Z') c = char(c - 'A' + 'a');
        if (c != lower[k]) return false;
    }
    return true;
}

// The end of an address starting at `i`: the first space, quote, angle bracket or French quotation mark.
size_t address_end(std::string_view s, size_t i) {
    while (i < s.size()) {
        size_t next = i;
        const long cp = decode(s, next);
        const bool stop = cp <= 0x20 || cp == 0x7F || cp == 0xA0 || cp == 0xAB || cp == 0xBB || cp == 0x2009 ||
                          cp == 0x202F || cp == 0x201C || cp == 0x201D || cp == 0x2028 || cp == 0x2029 ||
                          (cp < 0x80 && std::string_view("<>\"`{}|\\^").find(char(cp)) != std::string_view::npos);
        if (stop) return i;
        i = next;
    }
    return i;
}

// Drops the punctuation that ends a sentence rather than the address: « voir https://x.fr/a. »
size_t trim_address(std::string_view s, size_t begin, size_t end) {
    while (end > begin) {
        const char c = s[end - 1];
        const std::string_view part = s.substr(begin, end - begin);
        auto count = [&](char ch) { return std::count(part.begin(), part.end(), ch); };
        if (std::string_view(".,;:!?'").find(c) != std::string_view::npos) --end;
        else if (end - begin >= 3 && s.compare(end - 3, 3, "\u2019") == 0) end -= 3;
        else if ((c == ')' && count('(') < count(')')) || (c == ']' && count('[') < count(']'))) --end;
        else break;
    }
    return end;
}

bool local_char(char c) { return ascii_alnum(c) || std::string_view("._%+-").find(c) != std::string_view::npos; }
bool domain_char(char c) { return ascii_alnum(c) || c == '.' || c == '-'; }

// A bare e-mail address around the '@' at `at`, as [begin, end), or false.
bool email_at(std::string_view s, size_t at, size_t& begin, size_t& end) {
    begin = at;
    while (begin > 0 && local_char(s[begin - 1])) --begin;
    if (begin == at || s[begin] == '.' || s[at - 1] == '.') return false;
    if (begin > 0 && (s[begin - 1] == '/' || s[begin - 1] == ':' || s[begin - 1] == '@')) return false;   // inside a URL
    end = at + 1;
    while (end < s.size() && domain_char(s[end])) ++end;
    while (end > at + 1 && (s[end - 1] == '.' || s[end - 1] == '-')) --end;
    const std::string_view domain = s.substr(at + 1, end - at - 1);
    const size_t last_dot = domain.rfind('.');
    if (last_dot == std::string_view::npos || last_dot == 0 || domain.find("..") != std::string_view::npos) return false;
    const std::string_view tld = domain.substr(last_dot + 1);
    return tld.size() >= 2 && std::all_of(tld.begin(), tld.end(), [](char c) { return ascii_alnum(c) && !(c >= '0' && c <= '9'); });
}

}  // namespace

std::vector<TextLink> find_links(std::string_view s) {
    std::vector<TextLink> out;
    size_t covered = 0;   // links never overlap: a new one starts at or after this byte
    for (size_t i = 0; i < s.size(); ++i) {
        if (i < covered) continue;
        // Only a scheme (https://, http://, mailto:), "www." or an e-mail's '@' can start a link here.
        const char first = s[i];
        if (first != '@' && first != 'h' && first != 'H' && first != 'm' && first != 'M' && first != 'w' && first != 'W')
            continue;
        const bool boundary = i == 0 || !(ascii_alnum(s[i - 1]) || s[i - 1] == '.' || s[i - 1] == '@');
        std::string scheme;   // the href's start, when a scheme or "www." opens an address here
        size_t body = i;      // where the part after the scheme starts
        for (const char* sch : {"https://", "http://", "mailto:"})
            if (scheme.empty() && boundary && starts_ci(s, i, sch)) { scheme = sch; body = i + scheme.size(); }
        if (scheme.empty() && boundary && starts_ci(s, i, "www.")) { scheme = "https://"; body = i; }
        if (!scheme.empty()) {
            const size_t end = trim_address(s, i, address_end(s, i));
            const std::string_view rest = s.substr(body, end > body ? end - body : 0);
            const bool ok = scheme == "mailto:" ? rest.find('@') != std::string_view::npos && rest.find('@') > 0
                            : body == i         ? rest.find('.', 4) != std::string_view::npos && rest.size() > 5
                                                : !rest.empty() && ascii_alnum(rest[0]);
            if (ok) {
                out.push_back({i, end, scheme + std::string(rest)});
                covered = end;
                i = end - 1;
            }
            continue;
        }
        size_t begin = 0, end = 0;
        if (s[i] == '@' && email_at(s, i, begin, end) && begin >= covered) {
            out.push_back({begin, end, "mailto:" + std::string(s.substr(begin, end - begin))});
            covered = end;
            i = end - 1;
        }
    }
    return out;
}

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

bool digit(char c) { return c >= '0' && c <= '9'; }

// Whether the plain space at `i` is inside an amount or before its unit: « 1 000 », « 500 € », « 567,50 € »,
// « 30 % » (a number that starts a word — not the end of an article number such as « R.2124-2 » — then a unit, or
// one to three digits then exactly three digits: a thousands group).
bool number_space(std::string_view s, size_t i) {
    if (s[i] != ' ' || i == 0 || !digit(s[i - 1])) return false;
    size_t from = i - 1;
    while (from > 0 && digit(s[from - 1])) --from;
    const size_t group = i - from;
    const bool decimal = from > 1 && s[from - 1] == ',' && digit(s[from - 2]);
    if (decimal)
        for (--from; from > 0 && digit(s[from - 1]);) --from;
    const bool starts_word = from == 0 || s[from - 1] == ' ' || s[from - 1] == '(' || s[from - 1] == '\n' ||
                             (from >= 3 && s.compare(from - 3, 3, kNnbsp) == 0);
    if (!starts_word) return false;
    if (s.compare(i + 1, 3, "\u20AC") == 0 || s.compare(i + 1, 1, "%") == 0) return true;
    return !decimal && group <= 3 && i + 3 < s.size() && digit(s[i + 1]) && digit(s[i + 2]) && digit(s[i + 3]) &&
           (i + 4 == s.size() || !digit(s[i + 4]));
}

bool has_number_space(std::string_view s) {
    for (size_t i = s.find(' '); i != std::string_view::npos; i = s.find(' ', i + 1))
        if (number_space(s, i)) return true;
    return false;
}

}  // namespace

// Idempotent: text that already has its no-break spaces comes out unchanged. Beside the punctuation spacing of
// text.h, a plain space inside an amount or before its unit (« 1 000 € », « 30 % ») becomes a narrow no-break
// space, so that a printed line never ends inside an amount.
std::string french_typography(std::string_view s) {
    // Nothing to space without one of these (\xC2 opens « and ») or a space inside an amount: most strings come
    // back as they are.
    if (s.find_first_of(";:!?\xC2") == std::string_view::npos && !has_number_space(s)) return std::string(s);
    const std::vector<TextLink> links = find_links(s);
    size_t link = 0;
    std::string out;
    out.reserve(s.size() + 16);
    for (size_t i = 0; i < s.size(); ++i) {
        while (link < links.size() && links[link].begin < i) ++link;
        if (link < links.size() && i == links[link].begin) {   // an address is copied as it is
            out.append(s.substr(i, links[link].end - i));
            i = links[link++].end - 1;
            continue;
        }
        const char c = s[i];
        if (number_space(s, i)) {   // « 1 000 € » never breaks across lines
            out += kNnbsp;
            continue;
        }
        if (c != ';' && c != ':' && c != '!' && c != '?' && c != '\xC2') {   // the common case: nothing to do
            out += c;
            continue;
        }
        const bool high = c != '\xC2';
        const bool closing = s.compare(i, 2, "\u00BB") == 0;
        if ((high || closing) && !out.empty()) {
            // A colon between two letters or digits is inside a token (« 14:30 », « idweb:26-00000 »).
            if (c == ':' && word_cp(last_cp(out)) && word_cp(cp_at(s, i + 1))) {
                out += c;
                continue;
            }
            drop_trailing_spaces(out);
            const char prev = out.empty() ? '\n' : out.back();
            const bool after_mark = prev == '!' || prev == '?' || prev == '\n' || prev == '(';   // "?!", line start
            if (!after_mark) out += kNnbsp;
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

std::string typographic_apostrophes(std::string_view s) {
    if (s.find('\'') == std::string_view::npos) return std::string(s);   // most strings: nothing to do
    const std::vector<TextLink> links = find_links(s);
    size_t link = 0;
    std::string out;
    out.reserve(s.size() + 8);
    for (size_t i = 0; i < s.size(); ++i) {
        while (link < links.size() && links[link].end <= i) ++link;
        const bool in_link = link < links.size() && links[link].begin <= i;
        if (s[i] == '\'' && !in_link && letter_cp(last_cp(out)) && letter_cp(cp_at(s, i + 1))) out += "\u2019";
        else out += s[i];
    }
    return out;
}

}  // namespace clausier
