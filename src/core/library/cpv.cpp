#include "library/cpv.h"
#include "base/bundle.h"
#include <algorithm>
#include <cctype>

namespace clausier {

namespace {

// Whether `term` starts a word of `text` (a word starts after anything that is not a letter or digit).
bool has_word_prefix(const std::string& text, std::string_view term) {
    for (size_t p = text.find(term); p != std::string::npos; p = text.find(term, p + 1))
        if (p == 0 || !std::isalnum(static_cast<unsigned char>(text[p - 1]))) return true;
    return false;
}

// Folded words that say nothing about what is bought: French link words and the heads of CPV labels.
bool filler_word(std::string_view w) {
    static const char* const kFiller[] = {"a", "au", "aux", "d", "de", "des", "du", "en", "et", "l", "la", "le",
                                          "les", "ou", "par", "pour", "sur", "un", "une", "services", "service",
                                          "travaux", "produits", "fournitures"};
    return std::find(std::begin(kFiller), std::end(kFiller), w) != std::end(kFiller);
}

int depth_of(std::string_view digits) {
    size_t n = digits.size();
    while (n > 2 && digits[n - 1] == '0') --n;
    return int(n);
}

// The ranking key of a code found by words (smaller is better), as search_cpv documents it.
struct Rank {
    int context = 0, position = 0, depth = 0, extra_words = 0;
    const CpvCode* code = nullptr;
    bool operator<(const Rank& o) const {
        if (context != o.context) return context < o.context;
        if (position != o.position) return position < o.position;
        if (depth != o.depth) return depth < o.depth;
        if (extra_words != o.extra_words) return extra_words < o.extra_words;
        return code->code < o.code->code;
    }
};

Rank rank(const CpvCode& c, const std::vector<std::string>& terms, const CpvContext& ctx) {
    Rank r;
    r.code = &c;
    const bool in_family = std::any_of(ctx.family_prefixes.begin(), ctx.family_prefixes.end(),
                                       [&](const std::string& p) { return !p.empty() && c.digits().substr(0, p.size()) == p; });
    const bool same_nature = !ctx.nature.empty() && cpv_nature(c.digits()) == ctx.nature;
    r.context = (in_family ? 0 : 2) + (same_nature ? 0 : 1);   // family and nature, family, nature, neither
    std::vector<std::string> label;   // the label's meaningful words
    for (std::string& w : words(c.folded))
        if (!filler_word(w)) label.push_back(std::move(w));
    r.position = int(label.size());
    for (const std::string& t : terms)
        for (size_t k = 0; k < label.size() && int(k) < r.position; ++k)
            if (label[k].compare(0, t.size(), t) == 0) r.position = int(k);
    r.depth = c.depth;
    r.extra_words = int(label.size()) - int(terms.size());
    return r;
}

std::vector<const CpvCode*> search_by_code(const std::string& digits, size_t limit) {
    std::vector<const CpvCode*> out;
    const size_t n = std::min<size_t>(digits.size(), 8);
    for (const CpvCode& c : cpv_codes())
        if (c.code.compare(0, n, digits, 0, n) == 0) {
            out.push_back(&c);
            if (out.size() >= limit) break;
        }
    return out;
}

}  // namespace

const std::vector<CpvCode>& cpv_codes() {
    static const std::vector<CpvCode> codes = [] {
        std::vector<CpvCode> out;
        std::string_view data = bundle_file("data/cpv/cpv_fr.tsv");
        out.reserve(9500);
        while (!data.empty()) {
            size_t nl = data.find('\n');
            std::string_view line = data.substr(0, nl);
            data = nl == std::string_view::npos ? std::string_view() : data.substr(nl + 1);
            size_t tab = line.find('\t');
            if (tab == std::string_view::npos) continue;
            CpvCode c{std::string(line.substr(0, tab)), std::string(line.substr(tab + 1)), "", 0};
            c.folded = fold(c.label);
            c.depth = depth_of(c.digits());
            out.push_back(std::move(c));
        }
        return out;
    }();
    return codes;
}

const CpvCode* find_cpv(std::string_view code) {
    // The vocabulary file is in code order (a test checks it): a binary search, not a pass over 9,454 codes
    // (the need step looks its codes up at every frame).
    const std::string_view key = code.substr(0, 8);
    const std::vector<CpvCode>& codes = cpv_codes();
    auto it = std::lower_bound(codes.begin(), codes.end(), key, [](const CpvCode& c, std::string_view k) { return c.digits() < k; });
    return it != codes.end() && it->digits() == key ? &*it : nullptr;
}

std::string_view cpv_nature(std::string_view code) {
    if (code.size() < 2 || code[0] < '0' || code[0] > '9' || code[1] < '0' || code[1] > '9') return "fournitures";
    const int division = (code[0] - '0') * 10 + (code[1] - '0');
    return division == 45 ? "travaux" : division >= 50 ? "services" : "fournitures";
}

CpvContext cpv_context(const Library& lib, std::string_view family, std::string_view nature) {
    CpvContext ctx;
    if (const Family* f = family.empty() ? nullptr : lib.family(family)) ctx.family_prefixes = f->cpv;
    ctx.nature = std::string(nature);
    return ctx;
}

std::vector<const CpvCode*> search_cpv(std::string_view query, size_t limit, const CpvContext& context) {
    const std::string q = fold(query);
    std::string digits;
    for (char ch : q) if (ch >= '0' && ch <= '9') digits += ch; else if (ch != ' ' && ch != '-') { digits.clear(); break; }
    if (!digits.empty()) return search_by_code(digits, limit);
    std::vector<std::string> terms;
    for (std::string& t : words(q))
        if (!filler_word(t) || t.size() > 3) terms.push_back(std::move(t));   // « services » is still searched
    if (terms.empty()) terms = words(q);                                      // a query of link words only
    std::vector<Rank> found;
    if (terms.empty() || limit == 0) return {};
    for (const CpvCode& c : cpv_codes())
        if (std::all_of(terms.begin(), terms.end(), [&](const std::string& t) { return has_word_prefix(c.folded, t); }))
            found.push_back(rank(c, terms, context));
    const size_t n = std::min(limit, found.size());
    std::partial_sort(found.begin(), found.begin() + long(n), found.end());
    std::vector<const CpvCode*> out;
    for (size_t k = 0; k < n; ++k) out.push_back(found[k].code);
    return out;
}

const Family* family_for_cpv(const Library& lib, std::string_view code) {
    const Family* best = nullptr;
    size_t best_len = 0;
    for (const Family& f : lib.families)
        for (const std::string& prefix : f.cpv)
            if (prefix.size() > best_len && code.substr(0, prefix.size()) == prefix) {
                best = &f;
                best_len = prefix.size();
            }
    return best;
}

}  // namespace clausier
