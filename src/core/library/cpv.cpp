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
            CpvCode c{std::string(line.substr(0, tab)), std::string(line.substr(tab + 1)), ""};
            c.folded = fold(c.label);
            out.push_back(std::move(c));
        }
        return out;
    }();
    return codes;
}

const CpvCode* find_cpv(std::string_view code) {
    std::string_view key = code.substr(0, 8);
    for (const CpvCode& c : cpv_codes()) if (c.digits() == key) return &c;
    return nullptr;
}

std::vector<const CpvCode*> search_cpv(std::string_view query, size_t limit) {
    std::vector<const CpvCode*> out;
    std::string q = fold(query);
    std::string digits;
    for (char ch : q) if (ch >= '0' && ch <= '9') digits += ch; else if (ch != ' ' && ch != '-') { digits.clear(); break; }
    if (!digits.empty()) {
        for (const CpvCode& c : cpv_codes())
            if (c.code.compare(0, std::min<size_t>(digits.size(), 8), digits, 0, std::min<size_t>(digits.size(), 8)) == 0) {
                out.push_back(&c);
                if (out.size() >= limit) break;
            }
        return out;
    }
    std::vector<std::string> terms = words(q);
    if (terms.empty()) return out;
    for (const CpvCode& c : cpv_codes()) {
        bool all = std::all_of(terms.begin(), terms.end(), [&](const std::string& t) { return has_word_prefix(c.folded, t); });
        if (all) {
            out.push_back(&c);
            if (out.size() >= limit) break;
        }
    }
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
