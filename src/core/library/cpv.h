// cpv.h — the Common Procurement Vocabulary with French labels (data/cpv/cpv_fr.tsv, bundled): lookup by
// code, search by code prefix or by words (accent- and case-insensitive), ranked by what the buyer's
// project says, and the purchase family a code suggests (clauses/families.json maps families to CPV
// prefixes). CPV: Regulation (EC) No 213/2008; divisions 03–44 and 48 are supplies, 45 works, 50–98 services.
#pragma once
#include "library/library.h"

namespace clausier {

struct CpvCode {
    std::string code;      // with check digit: "90910000-9"
    std::string label;     // French
    std::string folded;    // folded label, for search
    int depth = 0;         // significant digits, 2 (a division, "90000000") to 8: the higher, the more specific
    std::string_view digits() const { return std::string_view(code).substr(0, 8); }
};

const std::vector<CpvCode>& cpv_codes();
const CpvCode* find_cpv(std::string_view code);    // "90910000" or "90910000-9"

// The nature of the purchases a code names: "travaux" (division 45), "services" (divisions 50 to 98) or
// "fournitures" (the others).
std::string_view cpv_nature(std::string_view code);

// What the project says about the need, to rank a word search. Empty = no preference.
struct CpvContext {
    std::vector<std::string> family_prefixes;   // CPV prefixes of the project's purchase family (Family::cpv)
    std::string nature;                         // fournitures | services | travaux
};
// The context of a project whose family id is `family` (may be empty or unknown) and nature is `nature`.
CpvContext cpv_context(const Library& lib, std::string_view family, std::string_view nature);

// Digits in the query search by code prefix, in code order. Otherwise every word of the query (short
// French link words such as « de », « et » left aside) must start a word of the label, and the codes found
// are ranked, best first:
//   1. codes under one of the project's family prefixes and of its nature, then the family's other codes,
//      then codes of the project's nature, then the rest;
//   2. labels where the query's words come first (« Services de », « Travaux de », « Produits de » and
//      link words do not count: « Services de nettoyage » starts with « nettoyage »);
//   3. general codes before specific ones (depth), then labels with fewer other words;
//   4. code order.
// So « nettoyage » for a services project lists the 909… cleaning services before egg-cleaning machines.
std::vector<const CpvCode*> search_cpv(std::string_view query, size_t limit = 50, const CpvContext& context = {});
// The family whose CPV prefix matches the code best (longest prefix), or nullptr.
const Family* family_for_cpv(const Library& lib, std::string_view code);

}  // namespace clausier
