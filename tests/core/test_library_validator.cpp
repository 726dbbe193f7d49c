// The library validator on broken libraries: each folder of tests/fixtures/library holds a minimal library
// (families.json, articles.json) and one clause file with a single defect; "valide" has none, which proves
// that every other folder fails because of its defect and not because of the minimal tables.
#include <catch2/catch.hpp>
#include "library/library.h"

using namespace clausier;

namespace {

struct Loaded {
    bool ok = false;
    Library lib;
    std::vector<LibraryProblem> problems;
};

Loaded load_fixture(const std::string& name) {
    Loaded out;
    std::vector<SourceFile> files;
    std::string error;
    const std::string dir = std::string(CLAUSIER_SOURCE_DIR) + "/tests/fixtures/library/" + name;
    INFO(error);
    REQUIRE(read_library_folder(dir, files, error));
    REQUIRE(files.size() == 3);
    out.ok = load_library(files, out.lib, out.problems);
    return out;
}

std::string describe(const std::vector<LibraryProblem>& problems) {
    std::string out;
    for (const LibraryProblem& p : problems) out += p.file + " [" + p.clause + "] " + p.message + "\n";
    return out;
}

struct Case {
    const char* folder;
    const char* clause;    // the clause id the problem names ("" for a file-level problem)
    const char* message;   // a substring of the expected French message
    bool dropped = true;   // the clause is left out of the library (a duplicate keeps its first occurrence)
};

const Case kCases[] = {
    {"id-en-double", "NET-E-901", "identifiant en double", false},
    {"variable-non-declaree", "NET-E-901", "la variable « frequence » est utilisée dans le texte mais n'est pas déclarée"},
    {"variable-inutilisee", "NET-E-901", "la variable « delai » est déclarée mais n'apparaît pas dans le texte"},
    {"defaut-hors-bornes", "NET-E-901", "valeur par défaut invalide : la valeur doit être comprise entre 5 et 40"},
    {"choix-hors-options", "NET-E-904", "valeur par défaut invalide : la valeur doit être l'une des options proposées"},
    {"famille-inconnue", "NET-E-901", "famille « blanchisserie » inconnue"},
    {"objectif-inconnu", "NET-E-901", "objectif « bien-etre-animal » inconnu"},
    {"article-inconnu", "NET-E-901", "référence « L.9999-1 » absente de la table des articles"},
    {"critere-sans-methode", "NET-E-902", "critère sans méthode de notation"},
    {"condition-sans-indicateur", "NET-E-901", "condition d'exécution sans indicateur de suivi"},
    {"reservation-mauvais-article", "NET-S-903", "réservation : article « L.2113-10 » inattendu"},
    {"identifiant-invalide", "NETT-E-1", "identifiant invalide"},
    {"lettre-pilier", "NET-S-905", "la lettre de l'identifiant ne correspond pas au pilier"},
    {"fin-avant-debut", "NET-E-901", "fin de validité antérieure au début"},
    {"json-invalide", "", "le fichier n'est pas un objet JSON valide"},
};

}  // namespace

TEST_CASE("library validator: the minimal valid fixture loads with no problem", "[library]") {
    Loaded l = load_fixture("valide");
    INFO(describe(l.problems));
    CHECK(l.ok);
    CHECK(l.problems.empty());
    CHECK(l.lib.clauses.size() == 4);
    CHECK(l.lib.find("NET-E-902") != nullptr);
    CHECK(l.lib.find("NET-S-903")->reservation.article == "L.2113-12");
}

TEST_CASE("library validator: each broken fixture fails with its French message and clause id", "[library]") {
    for (const Case& c : kCases) {
        SECTION(c.folder) {
            Loaded l = load_fixture(c.folder);
            INFO(describe(l.problems));
            CHECK_FALSE(l.ok);
            bool expected = false;
            for (const LibraryProblem& p : l.problems) {
                expected = expected || (p.clause == c.clause && p.message.find(c.message) != std::string::npos);
                // Every problem points at the broken clause file, and at the broken clause when there is one.
                CHECK(p.file == "clauses/nettoyage.json");
                CHECK(p.clause == c.clause);
            }
            CHECK(expected);
            // A clause with a problem is left out of the library; the others of the file stay.
            if (*c.clause && c.dropped) CHECK(l.lib.find(c.clause) == nullptr);
        }
    }
}

TEST_CASE("library validator: a duplicate keeps the first clause and rejects the second", "[library]") {
    Loaded l = load_fixture("id-en-double");
    REQUIRE(l.problems.size() == 1);
    CHECK(l.lib.clauses.size() == 1);
    CHECK(l.lib.clauses[0].id == "NET-E-901");
}

TEST_CASE("library validator: a missing folder is reported in French", "[library]") {
    std::vector<SourceFile> files;
    std::string error;
    CHECK_FALSE(read_library_folder(std::string(CLAUSIER_SOURCE_DIR) + "/tests/fixtures/library/absent", files, error));
    CHECK(error.find("introuvable") != std::string::npos);
}

TEST_CASE("library validator: an invalid default is reported once, not also as an undeclared variable", "[library]") {
    for (const char* folder : {"defaut-hors-bornes", "choix-hors-options"}) {
        Loaded l = load_fixture(folder);
        INFO(folder << ": " << describe(l.problems));
        CHECK(l.problems.size() == 1);
        for (const LibraryProblem& p : l.problems) CHECK(p.message.find("n'est pas déclarée") == std::string::npos);
    }
}
