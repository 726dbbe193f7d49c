#include "base/wrap.h"
#include <algorithm>

namespace clausier {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool starts_at(std::string_view s, size_t at, std::string_view with) { return s.substr(at, with.size()) == with; }
bool ends(std::string_view s, size_t at, std::string_view with) {
    return at >= with.size() && s.substr(at - with.size(), with.size()) == with;
}
// The word at `at` is exactly `w` (followed by a space, a line break, punctuation or the end).
bool word_is(std::string_view s, size_t at, std::string_view w) {
    if (!starts_at(s, at, w)) return false;
    const size_t after = at + w.size();
    return after == s.size() || s[after] == ' ' || s[after] == '\n' || s[after] == '.' || s[after] == ',' || s[after] == ')';
}

// Whether the run of ordinary spaces s[a, b) keeps what is before it and what is after it on one line.
bool glued(std::string_view s, size_t a, size_t b) {
    if (a == 0 || b >= s.size()) return false;
    const char before = s[a - 1];
    if (is_digit(before) && (is_digit(s[b]) || starts_at(s, b, "€") || starts_at(s, b, "%"))) return true;   // 59 999 €, 12 %
    if (ends(s, a, "€") && (word_is(s, b, "HT") || word_is(s, b, "TTC"))) return true;                // € HT
    if (ends(s, a, "«") || starts_at(s, b, "»")) return true;                                            // « mot »
    return s[b] == ';' || s[b] == ':' || s[b] == '!' || s[b] == '?';                                  // mot ;
}

size_t next_char(std::string_view s, size_t i) {
    ++i;
    while (i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) ++i;
    return i;
}

bool blank(char c) { return c == ' ' || c == '\t'; }

// Lays out one paragraph s[p, q) (no "\n" inside) into `out`.
void wrap_paragraph(std::string_view s, size_t p, size_t q, float width,
                    const std::function<float(std::string_view)>& measure, std::vector<LineSpan>& out) {
    size_t start = p;
    while (start < q) {
        // The longest run of pieces from `start` that fits; a piece ends before a run of spaces that may break.
        size_t fit_end = std::string_view::npos, fit_next = q, e = start;
        for (;;) {
            size_t b = e;
            for (;;) {
                while (e < q && !blank(s[e])) ++e;
                b = e;
                while (b < q && blank(s[b])) ++b;
                if (e == q || b == q || !glued(s, e, b)) break;
                e = b;
            }
            if (measure(s.substr(start, e - start)) > width) break;
            fit_end = e, fit_next = b;
            if (b >= q) break;
            e = b;
        }
        if (fit_end == std::string_view::npos) {
            // The first piece alone is wider than the column: as many characters as fit, at least one.
            size_t c = next_char(s, start);
            while (c < q && measure(s.substr(start, next_char(s, c) - start)) <= width) c = next_char(s, c);
            out.push_back({start, c});
            start = c;
            continue;
        }
        out.push_back({start, fit_end});
        start = fit_next;
    }
}

}  // namespace

std::vector<LineSpan> wrap_lines(std::string_view text, float width, const std::function<float(std::string_view)>& measure) {
    std::vector<LineSpan> out;
    size_t p = 0;
    for (;;) {
        const size_t q = std::min(text.find('\n', p), text.size());
        if (q == p) out.push_back({p, p});
        else wrap_paragraph(text, p, q, width, measure, out);
        if (q >= text.size()) return out;
        p = q + 1;
    }
}

}  // namespace clausier
