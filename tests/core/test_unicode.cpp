// Unicode normalisation (base/unicode.h), natively through utf8proc and in WebAssembly through the
// JavaScript engine: the same results, and decomposed text (« re\u0301serve\u0301 », as copied from many
// PDFs) is stored, checked and searched exactly as the composed « réservé ».
#include <catch2/catch.hpp>
#include "base/text.h"
#include "checks/checks.h"
#include "checks/localism.h"
#include "library/cpv.h"
#include "library/library.h"
#include "project/scenarios.h"

using namespace clausier;

namespace {

// The checks with the project's procedure, sized here once.
std::vector<Finding> findings_of(const Project& p) { return run_checks(p, project_procedure(p)); }

// Text as a PDF copy gives it: every French accented letter as its base letter and a combining mark.
std::string decomposed(std::string s) {
    const std::pair<const char*, const char*> marks[] = {
        {"é", "e\u0301"}, {"è", "e\u0300"}, {"ê", "e\u0302"}, {"ë", "e\u0308"}, {"à", "a\u0300"}, {"â", "a\u0302"},
        {"ç", "c\u0327"}, {"î", "i\u0302"}, {"ï", "i\u0308"}, {"ô", "o\u0302"}, {"ù", "u\u0300"}, {"û", "u\u0302"},
        {"É", "E\u0301"}, {"È", "E\u0300"}, {"À", "A\u0300"}, {"Ç", "C\u0327"}};
    for (const auto& [composed, parts] : marks)
        for (size_t p = s.find(composed); p != std::string::npos; p = s.find(composed, p + 1))
            s.replace(p, std::string(composed).size(), parts);
    return s;
}

std::vector<std::string> messages(const std::vector<Finding>& findings) {
    std::vector<std::string> out;
    for (const Finding& f : findings) out.push_back(f.rule + " | " + f.message + " | " + f.where());
    return out;
}

}  // namespace

TEST_CASE("unicode: NFC composes, reorders and keeps what is already normal", "[unicode]") {
    CHECK(nfc("re\u0301serve\u0301") == "réservé");
    CHECK(nfc("re\u0301serve\u0301").size() == std::string("réservé").size());
    CHECK(nfc("réservé") == "réservé");
    CHECK(nfc("Cahier des clauses") == "Cahier des clauses");
    CHECK(nfc("") == "");
    CHECK(nfc("A\u030A") == "\u00C5");                        // Å
    CHECK(nfc("a\u0323\u0302") == "\u1EAD");                  // ậ: marks in canonical order…
    CHECK(nfc("a\u0302\u0323") == "\u1EAD");                  // …whatever order they came in
    CHECK(nfc("\u2126") == "\u03A9");                         // the ohm sign is the Greek capital omega
    CHECK(nfc("\u1100\u1161") == "\uAC00");                   // Hangul syllable composition
    CHECK(nfc("œ€«»’\u202F") == "œ€«»’\u202F");              // nothing to compose
    CHECK(nfc("fi\uFB01") == "fi\uFB01");                     // NFC is not NFKC: the ligature stays
    CHECK(nfc(std::string("e\0\u0301", 4)) == std::string("e\0\u0301", 4));   // NUL kept, nothing composed across it
    CHECK(nfc("e\xC3\u0301") == "e\uFFFD\u0301");             // invalid UTF-8 replaced, then normalised
    // The fast path for text that is plainly NFC (Latin letters, general punctuation, currency signs) stops at
    // whatever needs the normaliser: a combining mark after a Latin letter, the singletons U+2000 and U+2001.
    CHECK(nfc("Lot n° 2 — 45 000 € « réservé » ça\u2026 CO\u2082") == "Lot n° 2 — 45 000 € « réservé » ça\u2026 CO\u2082");
    CHECK(nfc("\u00C9\u0301") == "\u00C9\u0301");             // a second accent on É: nothing composes, order kept
    CHECK(nfc("\u01B7\u030C") == "\u01EE");                   // Ʒ (Latin Extended-B) composes with a caron
    CHECK(nfc("a\u2000b\u2001") == "a\u2002b\u2003");         // en quad, em quad
    CHECK(nfc("e\xE2\x80") == "e\uFFFD\uFFFD");               // truncated sequence replaced, byte by byte
    const std::string long_text = decomposed(std::string(2000, 'x') + "é") + std::string(3000, 'y');
    CHECK(nfc(long_text) == std::string(2000, 'x') + "é" + std::string(3000, 'y'));
}

TEST_CASE("unicode: a project file in decomposed Unicode is stored in NFC and checked the same", "[unicode][checks]") {
    for (const Scenario& s : bundled_scenarios()) {
        INFO(s.name);
        const std::string nfd = decomposed(s.text);
        REQUIRE(nfd != s.text);
        Project composed, from_pdf;
        std::string error;
        REQUIRE(project_from_text(s.text, composed, error));
        REQUIRE(project_from_text(nfd, from_pdf, error));
        CHECK(project_to_text(from_pdf) == project_to_text(composed));
        CHECK(messages(findings_of(from_pdf)) == messages(findings_of(composed)));
    }
}

TEST_CASE("unicode: decomposed words are found by the checks and the searches", "[unicode][search]") {
    // Localism is found in decomposed text even without normalisation (folding drops combining marks).
    CHECK_FALSE(find_localism(decomposed("Société IMPLANTÉE en Région Occitanie"), LocalismScope::text).empty());
    CHECK_FALSE(find_localism(decomposed("Le prestataire doit être implanté dans le département."), LocalismScope::text).empty());
    const Library& lib = bundled_library();
    const auto composed = search_clauses(lib, "réservé");
    REQUIRE_FALSE(composed.empty());
    CHECK(search_clauses(lib, "re\u0301serve\u0301") == composed);
    CHECK(search_clauses(lib, "RE\u0301SERVE\u0301") == composed);
    const auto screens = search_cpv("écrans ordinateurs", 100);
    REQUIRE_FALSE(screens.empty());
    CHECK(search_cpv("e\u0301crans ordinateurs", 100) == screens);
    CHECK(search_cpv(decomposed("électricité"), 100) == search_cpv("électricité", 100));
}

TEST_CASE("unicode: a clause pack in decomposed Unicode loads in NFC", "[unicode][library]") {
    std::vector<SourceFile> files = bundled_library_files();
    for (SourceFile& f : files) f.text = decomposed(f.text);
    Library lib;
    std::vector<LibraryProblem> problems;
    CHECK(load_library(files, lib, problems));
    CHECK(problems.empty());
    const Library& bundled = bundled_library();
    REQUIRE(lib.clauses.size() == bundled.clauses.size());
    for (size_t k = 0; k < lib.clauses.size(); ++k) {
        INFO(bundled.clauses[k].id);
        CHECK(lib.clauses[k].title == bundled.clauses[k].title);
        CHECK(lib.clauses[k].text == bundled.clauses[k].text);
    }
}

TEST_CASE("unicode: text typed into a project without normalisation is still checked alike", "[unicode][checks]") {
    // The app's fields store what they receive; until every path calls nfc(), the checks must not depend on it.
    for (const Scenario& s : bundled_scenarios()) {
        INFO(s.name);
        Project composed, raw;
        std::string error;
        REQUIRE(project_from_text(s.text, composed, error));
        raw = composed;
        raw.need.object = decomposed(raw.need.object);
        raw.need.description = decomposed(raw.need.description);
        for (Specification& sp : raw.specifications) sp.text = decomposed(sp.text);
        for (AwardCriterion& c : raw.criteria) c.method = decomposed(c.method);
        // Same findings; a message quoting the buyer's words quotes them as they were written.
        std::vector<std::string> found = messages(findings_of(raw));
        for (std::string& m : found) m = nfc(m);
        CHECK(found == messages(findings_of(composed)));
    }
}
