// The bundled clause library: it loads without a single problem, and it covers what the issue "Clause
// library v1" asks for (number of clauses, families, pillars, kinds and levels). A shortfall is reported as
// the list of what is missing, so the writers know which clauses to add.
#include <catch2/catch.hpp>
#include "library/library.h"
#include "base/unicode.h"
#include <set>

using namespace clausier;

namespace {

const Library& loaded(std::vector<LibraryProblem>& problems) {
    static Library lib;
    static std::vector<LibraryProblem> found;
    static bool done = false;
    if (!done) {
        load_library(bundled_library_files(), lib, found);
        done = true;
    }
    problems = found;
    return lib;
}

std::string describe_problems(const std::vector<LibraryProblem>& problems) {
    std::string out;
    for (const LibraryProblem& p : problems) out += p.file + " [" + p.clause + "] " + p.message + "\n";
    return out;
}

const char* const kLevels[] = {"essentiel", "avance", "exemplaire"};
const char* const kRequiredKinds[] = {"specification", "condition-execution", "critere"};

// What one family lacks among the kinds and levels every family must offer.
std::vector<std::string> family_gaps(const Library& lib, const std::string& family) {
    std::set<std::string> kinds, levels;
    int home = 0;
    for (const Clause& c : lib.clauses)
        if (!c.families.empty() && c.families[0] == family) {
            ++home;
            kinds.insert(to_name(c.kind));
            levels.insert(to_name(c.level));
        }
    std::vector<std::string> gaps;
    if (home < 5) gaps.push_back(std::to_string(home) + " clause(s) propre(s) au lieu de 5");
    for (const char* k : kRequiredKinds) if (!kinds.count(k)) gaps.push_back(std::string("aucune clause « ") + k + " »");
    for (const char* l : kLevels) if (!levels.count(l)) gaps.push_back(std::string("aucune clause de niveau « ") + l + " »");
    return gaps;
}

}  // namespace

TEST_CASE("library: the bundled library loads with no problem", "[library]") {
    std::vector<LibraryProblem> problems;
    const Library& lib = loaded(problems);
    INFO(describe_problems(problems));
    CHECK(problems.empty());
    CHECK(lib.clauses.size() == bundled_library().clauses.size());
    CHECK_FALSE(lib.families.empty());
    CHECK_FALSE(lib.goals.empty());
    // The families read alone (what the app's need step shows before the library is loaded) are the same.
    const std::vector<Family>& alone = bundled_families();
    REQUIRE(alone.size() == lib.families.size());
    for (size_t i = 0; i < alone.size(); ++i) {
        CHECK(alone[i].id == lib.families[i].id);
        CHECK(alone[i].label == lib.families[i].label);
        CHECK(alone[i].cpv == lib.families[i].cpv);
        CHECK(alone[i].natures == lib.families[i].natures);
    }
}

TEST_CASE("library: every article a clause cites is in the table of articles", "[library]") {
    std::vector<LibraryProblem> problems;
    const Library& lib = loaded(problems);
    std::string dangling;
    for (const Clause& c : lib.clauses) {
        CHECK_FALSE(c.articles.empty());
        for (const std::string& a : c.articles) if (!lib.article(a)) dangling += c.id + " → " + a + "\n";
        if (c.kind == ClauseKind::reservation && !lib.article(c.reservation.article)) dangling += c.id + " → " + c.reservation.article + "\n";
    }
    INFO(dangling);
    CHECK(dangling.empty());
}

TEST_CASE("library: coverage asked by the issue (counts by size, pillar, family, kind and level)", "[library]") {
    std::vector<LibraryProblem> problems;
    const Library& lib = loaded(problems);
    LibraryStats s = library_stats(lib);
    std::vector<std::string> missing;
    auto at_least = [&](const std::string& what, int have, int want) {
        if (have < want) missing.push_back(what + " : " + std::to_string(have) + " au lieu de " + std::to_string(want) + " au moins");
    };
    at_least("clauses", s.clauses, 160);
    at_least("clauses environnementales", s.by_pillar["environnemental"], 70);
    at_least("clauses sociales", s.by_pillar["social"], 50);
    at_least("clauses économiques", s.by_pillar["economique"], 20);
    int families_with_five = 0;
    for (const Family& f : lib.families) {
        const std::vector<std::string> gaps = family_gaps(lib, f.id);
        for (const std::string& g : gaps) missing.push_back("famille « " + f.id + " » : " + g);
        int home = 0;
        for (const Clause& c : lib.clauses) home += !c.families.empty() && c.families[0] == f.id;
        families_with_five += home >= 5;
    }
    at_least("familles comptant au moins 5 clauses propres", families_with_five, 18);
    std::string report;
    for (const std::string& m : missing) report += "- " + m + "\n";
    INFO("Ce qui manque à la bibliothèque :\n" << report);
    CHECK(missing.empty());
}

TEST_CASE("library: every clause's home family is the family of its file", "[library]") {
    std::vector<LibraryProblem> problems;
    const Library& lib = loaded(problems);
    for (const Clause& c : lib.clauses) {
        INFO(c.id << " in " << c.file);
        REQUIRE_FALSE(c.families.empty());
        CHECK(c.file == "clauses/" + c.families[0] + ".json");
    }
}

// The app loads the bundled library without checking it again (load_checked_library): what it gets must be
// what the full validation gives, and the files must need no normalisation, since that load skips it.
TEST_CASE("The bundled library loads the same without re-validation", "[library]") {
    std::vector<LibraryProblem> problems;
    const Library& validated = loaded(problems);
    const Library& fast = bundled_library();
    REQUIRE(fast.clauses.size() == validated.clauses.size());
    for (size_t i = 0; i < fast.clauses.size(); ++i) {
        INFO(validated.clauses[i].id);
        CHECK(fast.clauses[i].id == validated.clauses[i].id);
        CHECK(fast.clauses[i].text == validated.clauses[i].text);
        CHECK(fast.clauses[i].search_text == validated.clauses[i].search_text);
        CHECK(fast.clauses[i].variables.size() == validated.clauses[i].variables.size());
    }
    CHECK(fast.articles.size() == validated.articles.size());
    CHECK(fast.families.size() == validated.families.size());
    for (const SourceFile& f : bundled_library_files()) {
        INFO(f.path);
        CHECK(nfc(f.text) == f.text);
    }
}

TEST_CASE("Clauses are found by id through the index, and after the library changed", "[library]") {
    Library lib = bundled_library();   // a copy shares the index
    REQUIRE(lib.clause_index);
    for (const Clause& c : lib.clauses) CHECK(lib.find(c.id) == &c);
    CHECK(lib.find("NOPE-E-999") == nullptr);
    Clause extra = lib.clauses.front();
    extra.id = "ZZZ-E-999";
    lib.clauses.push_back(extra);   // the index no longer covers every clause: looked up one by one
    CHECK(lib.find("ZZZ-E-999") == &lib.clauses.back());
    CHECK(lib.find(lib.clauses.front().id) == &lib.clauses.front());
}
