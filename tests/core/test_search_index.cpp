// Clause search goes through a word index (library.cpp): it must give exactly what reading every clause's
// text gives, in the same order, for single words, parts of words, several words, ids and accents.
#include "library/library.h"
#include <catch2/catch.hpp>

using namespace clausier;

namespace {
// The reference: every term must occur in the folded text; a match in the id or title counts more.
std::vector<const Clause*> by_reading(const Library& lib, std::string_view query) {
    std::vector<std::pair<int, const Clause*>> hits;
    for (const Clause& c : lib.clauses) {
        int score = 0;
        bool all = true;
        for (const std::string& t : words(fold(query))) {
            const size_t at = c.search_text.find(t);
            if (at == std::string::npos) { all = false; break; }
            score += at < c.title.size() + c.id.size() + 1 ? 3 : 1;
        }
        if (all) hits.emplace_back(-score, &c);
    }
    std::stable_sort(hits.begin(), hits.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    std::vector<const Clause*> out;
    for (const auto& h : hits) out.push_back(h.second);
    return out;
}
}  // namespace

TEST_CASE("Indexed clause search gives what reading every clause gives", "[search]") {
    const Library& lib = bundled_library();
    REQUIRE(lib.clauses.size() > 20);
    std::vector<std::string> queries = {"déchets", "DECHETS", "chets", "titulaire", "e", "de", "l’acheteur",
                                        "réemploi matériaux", "insertion professionnelle heures", "zzzz", "",
                                        "Œuvre", "2026", lib.clauses[0].id, lib.clauses[7].title};
    for (size_t i = 0; i < lib.clauses.size(); i += 9)   // pieces of real texts, cut anywhere
        queries.push_back(lib.clauses[i].search_text.substr(i % 50, 3 + i % 7));
    for (const std::string& q : queries) {
        INFO("query: " << q);
        CHECK(search_clauses(lib, q) == by_reading(lib, q));
    }
    CHECK(search_clauses(lib, "déchets", 2).size() <= 2);
}

TEST_CASE("A library changed after a search is searched afresh", "[search]") {
    Library lib = bundled_library();
    const size_t before = search_clauses(lib, "titulaire").size();
    lib.clauses.push_back(lib.clauses.front());
    lib.clauses.back().search_text = "zz-e-999 titulaire unique";
    CHECK(search_clauses(lib, "titulaire").size() == before + 1);
    CHECK(search_clauses(lib, "unique").size() == by_reading(lib, "unique").size());
}
