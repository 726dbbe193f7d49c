// Line breaking of drawn text (base/wrap.h): amounts, numbers and dates are never cut, whatever the spaces.
#include <catch2/catch.hpp>
#include "base/wrap.h"
#include <string>

using namespace clausier;

namespace {
// A monospaced font: one unit per character (code point).
float chars(std::string_view s) {
    float n = 0;
    for (unsigned char c : s) n += (c & 0xC0) != 0x80;
    return n;
}
std::vector<std::string> lines(const std::string& text, float width) {
    std::vector<std::string> out;
    for (const LineSpan& l : wrap_lines(text, width, chars)) out.push_back(text.substr(l.begin, l.end - l.begin));
    return out;
}
using L = std::vector<std::string>;
const std::string narrow_nbsp = "\u202F", plain_nbsp = "\u00A0";
}  // namespace

TEST_CASE("wrap: words go to the next line at spaces, lines never exceed the width", "[wrap]") {
    CHECK(lines("un deux trois quatre", 9) == L{"un deux", "trois", "quatre"});
    CHECK(lines("un deux trois quatre", 100) == L{"un deux trois quatre"});
    CHECK(lines("", 10) == L{""});
    CHECK(lines("a\n\nb", 10) == L{"a", "", "b"});              // a blank line stays a blank line
    CHECK(lines("éèà ùç", 3) == L{"éèà", "ùç"});                   // widths of characters, not bytes
    CHECK(lines("mot   suivant", 7) == L{"mot", "suivant"});     // the spaces where it broke are not drawn
}

TEST_CASE("wrap: an amount is never cut, whatever spaces separate its digits (issue 11)", "[wrap]") {
    // ImGui 1.86 drew « 59 999, / 50 € HT » and « 1 234 567, / 89 € ».
    const std::string stepper = "Valeur estimée : 59" + narrow_nbsp + "999,50" + plain_nbsp + "€ HT";
    CHECK(lines(stepper, 20) == L{"Valeur estimée :", "59" + narrow_nbsp + "999,50" + plain_nbsp + "€ HT"});
    const std::string finding = "Le montant de 1" + narrow_nbsp + "234" + narrow_nbsp + "567,89" + plain_nbsp + "€ dépasse le seuil.";
    CHECK(lines(finding, 17) == L{"Le montant de", "1" + narrow_nbsp + "234" + narrow_nbsp + "567,89" + plain_nbsp + "€", "dépasse le seuil."});
    // Typed with ordinary spaces: still whole, with its unit.
    CHECK(lines("soit 59 999,50 € HT par an", 15) == L{"soit", "59 999,50 € HT", "par an"});
    CHECK(lines("taux de 12,5 % au moins", 10) == L{"taux de", "12,5 % au", "moins"});
    CHECK(lines("total 60 000 € TTC", 12) == L{"total", "60 000 € TTC"});
    // A comma or a period is not a place to break.
    CHECK(lines("1.234.567,89", 8) == L{"1.234.56", "7,89"});   // wider than the column: the last resort
    CHECK(lines("ab 1.234.567,89", 12) == L{"ab", "1.234.567,89"});
}

TEST_CASE("wrap: dates, French punctuation and addresses stay whole", "[wrap]") {
    CHECK(lines("avant le 15/01/2027 à midi", 12) == L{"avant le", "15/01/2027 à", "midi"});
    CHECK(lines("dit « oui »", 7) == L{"dit", "« oui »"});
    CHECK(lines("Objet : nettoyage", 9) == L{"Objet :", "nettoyage"});
    CHECK(lines("voir www.marches-publics.gouv.fr demain", 30) == L{"voir", "www.marches-publics.gouv.fr", "demain"});
}

TEST_CASE("wrap: a word wider than the column is cut between characters, never lost", "[wrap]") {
    CHECK(lines("anticonstitutionnellement", 10) == L{"anticonsti", "tutionnell", "ement"});
    CHECK(lines("é", 0) == L{"é"});                                // at least one character per line
    std::string joined;
    for (const std::string& l : lines("idweb:26-00000 et la suite", 5)) joined += l;
    CHECK(joined == "idweb:26-00000et lasuite");   // cut only inside the long identifier
}
