// cpv.h — the Common Procurement Vocabulary with French labels (data/cpv/cpv_fr.tsv, bundled): lookup by
// code, search by code prefix or by words (accent- and case-insensitive), and the purchase family a code
// suggests (clauses/families.json maps families to CPV prefixes).
#pragma once
#include "library/library.h"

namespace clausier {

struct CpvCode {
    std::string code;      // with check digit: "90910000-9"
    std::string label;     // French
    std::string folded;    // folded label, for search
    std::string_view digits() const { return std::string_view(code).substr(0, 8); }
};

const std::vector<CpvCode>& cpv_codes();
const CpvCode* find_cpv(std::string_view code);    // "90910000" or "90910000-9"
// Digits in the query search by code prefix; otherwise every word must start a word of the label.
std::vector<const CpvCode*> search_cpv(std::string_view query, size_t limit = 50);
// The family whose CPV prefix matches the code best (longest prefix), or nullptr.
const Family* family_for_cpv(const Library& lib, std::string_view code);

}  // namespace clausier
