// The library validator on broken libraries: each folder of tests/fixtures/library holds the minimal library
// of "valide" (families.json, articles.json, nettoyage.json) with a single defect, written by
// tests/fixtures/library/generate.py; "valide" has none, which proves that every other folder fails because of
// its defect and not because of the minimal tables. Structural defects leave the clause out; drafting defects
// (the rules of the legal review, clauses/README.md rules 7–15) keep it and name their rule.
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

std::string list_problems(const std::vector<LibraryProblem>& problems) {
    std::string out;
    for (const LibraryProblem& p : problems) out += p.file + " [" + p.clause + "] " + p.message + "\n";
    return out;
}

struct ValidatorCase {
    const char* folder;
    const char* clause;    // the clause id the problem names ("" for a file-level problem)
    const char* message;   // a substring of the expected French message
    const char* rule = "";                          // the drafting rule, "" for a structural problem
    const char* file = "clauses/nettoyage.json";    // the file every problem names
};

const ValidatorCase kValidatorCases[] = {
    // structural: the clause is left out
    {"id-en-double", "NET-E-901", "identifiant en double"},
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
    {"consideration-mal-typee", "NET-E-901", "« consideration » doit valoir true ou false"},
    {"nature-inconnue", "NET-P-905", "nature de clause « clause-administrative » inconnue"},
    {"json-invalide", "", "le fichier n'est pas un objet JSON valide"},
    // drafting: the clause stays, the check fails
    {"sanction-absente", "NET-E-901", "ne dit pas la conséquence d'un manquement", "sanction-dans-le-texte"},
    {"penalite-sans-montant", "NET-E-904", "une pénalité dont le montant est une variable en euros", "sanction-dans-le-texte"},
    {"resume-sans-texte", "NET-E-904", "annonce un plan correctif que le texte de la clause n'énonce pas", "sanction-dans-le-texte"},
    {"renvoi-au-ccap", "NET-E-901", "clause du CCAP qui renvoie au CCAP", "pas-de-renvoi-au-ccap"},
    {"reservation-sans-r2113-7", "NET-S-903", "sans citer l'article R.2113-7", "reservation-r2113-7"},
    {"reservation-l2113-14", "NET-S-903", "réservation citant l'article L.2113-14", "reservation-r2113-7"},
    {"preuve-offre-absente", "NET-E-902", "« offer_proof »", "preuves-offre-execution"},
    {"preuve-execution-absente", "NET-E-901", "« execution_proof »", "preuves-offre-execution"},
    {"ancien-champ-proof", "NET-E-901", "le champ « proof » est remplacé", "preuves-offre-execution"},
    {"relecture-absente", "NET-S-903", "trace de relecture absente", "trace-de-relecture"},
    {"derogation-non-declaree", "NET-E-904", "sans bloc « ccag »", "derogation-ccag-declaree"},
    {"derogation-autre-ccag", "NET-E-904", "« CCAG-TIC art. 14 » n'est pas formulée dans le texte", "derogation-ccag-declaree"},
    {"derogation-alternative", "NET-E-904", "alternative non tranchée dans le texte (« CCAG-FCS ou CCAG-TRAVAUX »)",
     "pas-d-alternative-non-tranchee"},
    {"derogation-plusieurs-ccag", "NET-E-904", "la dérogation vaut pour plusieurs CCAG", "derogation-ccag-declaree"},
    {"financiere-hors-ccap", "NET-P-905", "figure au seul CCAP", "documents-selon-la-nature"},
    {"valeur-carbone-renommee", "NET-E-902", "« valeur_carbone »", "valeur-carbone-sourcee"},
    {"valeur-carbone-differente", "NET-E-907", "valeur du carbone différente de celle de NET-E-902", "valeur-carbone-sourcee"},
    {"citation-absente", "", "article « L.2152-7 » sans « citation »", "citations", "clauses/articles.json"},
    {"article-remplace", "NET-S-903", "référence « L.2113-12 » erronée, à remplacer par : CCP, art. L.2113-13", "citations"},
};

}  // namespace

TEST_CASE("library validator: the minimal valid fixture loads with no problem", "[library]") {
    Loaded l = load_fixture("valide");
    INFO(list_problems(l.problems));
    CHECK(l.ok);
    CHECK(l.problems.empty());
    CHECK(l.lib.clauses.size() == 6);
    CHECK(l.lib.find("NET-E-902") != nullptr);
    CHECK(l.lib.find("NET-S-903")->reservation.article == "L.2113-12");
    const Clause* derogation = l.lib.find("NET-E-904");
    CHECK(derogation->ccag.derogates);
    CHECK(derogation->ccag.articles == std::vector<std::string>{"CCAG-FCS art. 14.3"});
    CHECK(l.lib.find("NET-P-905")->kind == ClauseKind::clause_financiere);
    CHECK(l.lib.find("NET-P-906")->kind == ClauseKind::organisation);
    CHECK(l.lib.find("NET-E-901")->review.sources == std::vector<std::string>{"CCP, art. L.2112-2"});
    CHECK(l.lib.citation("R.2113-7") == "CCP, art. R.2113-7");
    CHECK(l.lib.citations({"L.2112-2", "CCAG-FCS", "R.2113-7", "L.9999-1"}) ==
          "CCP, art. L.2112-2, R.2113-7 ; CCAG-FCS (arrêté du 30 mars 2021) ; L.9999-1");
}

TEST_CASE("library validator: each broken fixture fails with its French message, clause id and rule", "[library]") {
    for (const ValidatorCase& c : kValidatorCases) {
        SECTION(c.folder) {
            Loaded l = load_fixture(c.folder);
            INFO(list_problems(l.problems));
            CHECK_FALSE(l.ok);
            bool expected = false;
            for (const LibraryProblem& p : l.problems) {
                expected = expected || (p.clause == c.clause && p.message.find(c.message) != std::string::npos);
                // Every problem points at the broken file, the broken clause and the rule it breaks.
                CHECK(p.file == c.file);
                CHECK(p.clause == c.clause);
                CHECK(p.rule == c.rule);
            }
            CHECK(expected);
            // A structural problem leaves the clause out (a duplicate keeps its first occurrence); a drafting
            // problem keeps it usable. The other clauses of the file stay.
            if (*c.clause && std::string(c.folder) != "id-en-double")
                CHECK((l.lib.find(c.clause) == nullptr) == (*c.rule == 0));
            if (*c.clause) CHECK(l.lib.clauses.size() >= 5);
        }
    }
}

TEST_CASE("library validator: a duplicate keeps the first clause and rejects the second", "[library]") {
    Loaded l = load_fixture("id-en-double");
    REQUIRE(l.problems.size() == 1);
    CHECK(l.lib.clauses.size() == 5);
    CHECK(l.lib.clauses[0].id == "NET-E-901");
    CHECK(l.lib.clauses[0].kind == ClauseKind::condition_execution);
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
        INFO(folder << ": " << list_problems(l.problems));
        CHECK(l.problems.size() == 1);
        for (const LibraryProblem& p : l.problems) CHECK(p.message.find("n'est pas déclarée") == std::string::npos);
    }
}

TEST_CASE("library validator: the vocabularies are enums with one name table each way", "[library]") {
    for (ClauseKind k : {ClauseKind::specification, ClauseKind::condition_execution, ClauseKind::critere, ClauseKind::selection,
                         ClauseKind::reservation, ClauseKind::sourcing, ClauseKind::clause_financiere, ClauseKind::organisation}) {
        ClauseKind back = ClauseKind::sourcing;
        CHECK(from_name(to_name(k), back));
        CHECK(back == k);
        CHECK(std::string(kind_label(k)).size() > 3);
    }
    Pillar p = Pillar::social;
    CHECK_FALSE(from_name("Environnemental", p));   // names are exact: a wrong case is unknown
    CHECK(p == Pillar::social);
    CHECK(std::string(to_name(Level::avance)) == "avance");
    CHECK(std::string(level_label("exemplaire")) == "Exemplaire");
    CHECK(std::string(level_label("inconnu")) == "?");
}
