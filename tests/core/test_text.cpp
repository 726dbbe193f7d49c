// Text hygiene and typography (base/text.h): pasted line breaks and control characters, French punctuation
// spacing that never cuts a token, web and e-mail addresses found in text.
#include <catch2/catch.hpp>
#include "base/text.h"

using namespace clausier;

namespace {
const std::string nnbsp = "\u202F", nbsp = "\u00A0";
}

TEST_CASE("text: one-line fields turn pasted line breaks into one space, never into nothing", "[text]") {
    CHECK(one_line("locaux\net de") == "locaux et de");           // the bug of issue 11: « locauxet de »
    CHECK(one_line("locaux\r\net de") == "locaux et de");
    CHECK(one_line("locaux\ret de") == "locaux et de");
    CHECK(one_line("locaux  \n\n  et de") == "locaux et de");
    CHECK(one_line("a\tb") == "a b");
    CHECK(one_line("a\fb\vc") == "a b c");                        // form feed, vertical tab
    CHECK(one_line("a\x01" "b\x7F" "c") == "a b c");              // other C0 controls and DEL
    CHECK(one_line("a\u0085b\u2028c\u2029d") == "a b c d");       // NEL, line and paragraph separators
    CHECK(one_line(std::string("a\0b", 3)) == "a b");             // NUL
    CHECK(one_line("a\u0090b") == "a b");                         // C1 control
    CHECK(one_line("Objet ") == "Objet ");                        // a space being typed stays
    CHECK(one_line("\ntitre\n") == " titre ");
    CHECK(one_line("é\xC3") == "é\uFFFD");                        // invalid UTF-8 is replaced, not dropped
    CHECK(one_line("déjà une ligne") == "déjà une ligne");
}

TEST_CASE("text: multi-line text keeps its lines, normalised", "[text]") {
    CHECK(multiline_text("a\r\nb\rc\nd") == "a\nb\nc\nd");
    CHECK(multiline_text("a\vb\u2028c\u0085d") == "a\nb\nc\nd");
    CHECK(multiline_text("page 1\fpage 2") == "page 1\n\npage 2");     // a form feed starts a paragraph
    CHECK(multiline_text("a\u2029b") == "a\n\nb");
    CHECK(multiline_text("a\tb\x01" "c") == "a b c");
    CHECK(multiline_text("déjà\n\nvu") == "déjà\n\nvu");
}

TEST_CASE("text: French typography is applied and never cuts a token", "[text]") {
    // Ordinary punctuation still gets its narrow no-break space.
    CHECK(french_typography("Objet: prix!") == "Objet" + nnbsp + ": prix" + nnbsp + "!");
    CHECK(french_typography("Vraiment ?") == "Vraiment" + nnbsp + "?");
    // Web addresses, with ? ; ! : inside or a query string, are left whole.
    const char* const untouched[] = {
        "https://www.marches-publics.gouv.fr/?page=entreprise.EntrepriseAdvancedSearch&AllCons",
        "http://exemple.fr/a;b!c?d=e:f",
        "www.boamp.fr/pages/avis/?q=idweb:26-00000",
        "mailto:achats@ville-exemple.fr?subject=Question",
        "achats@ville-exemple.fr",
        "idweb:26-00000",
        "14:30",
        "de 8:00 à 12:30",
        "ISO:14001",
        "2027-01-15T14:30:00",
    };
    for (const char* t : untouched) {
        INFO(t);
        CHECK(french_typography(t) == t);
    }
    // A token inside a sentence stays whole, and the sentence around it is still set.
    CHECK(french_typography("Dépôt sur https://exemple.fr/depot?lot=2 avant 14:30 ; merci!") ==
          "Dépôt sur https://exemple.fr/depot?lot=2 avant 14:30" + nnbsp + "; merci" + nnbsp + "!");
    CHECK(french_typography("Écrivez à achats@ville.fr: réponse sous 48 h?") ==
          "Écrivez à achats@ville.fr" + nnbsp + ": réponse sous 48 h" + nnbsp + "?");
    CHECK(french_typography("Réf. idweb:26-00000!") == "Réf. idweb:26-00000" + nnbsp + "!");
    CHECK(french_typography("«https://exemple.fr»") == "«" + nnbsp + "https://exemple.fr" + nnbsp + "»");
    // Idempotent.
    const std::string once = french_typography("Voir www.exemple.fr/?a=1 : vite ! « oui »");
    CHECK(french_typography(once) == once);
}

TEST_CASE("text: an amount never breaks across lines", "[text]") {
    // A plain space inside an amount or before its unit becomes a narrow no-break space.
    CHECK(french_typography("au-delà du seuil de 1 000 € HT") == "au-delà du seuil de 1" + nnbsp + "000" + nnbsp + "€ HT");
    CHECK(french_typography("(500 € par jour)") == "(500" + nnbsp + "€ par jour)");
    CHECK(french_typography("1 234 567,50 €") == "1" + nnbsp + "234" + nnbsp + "567,50" + nnbsp + "€");
    CHECK(french_typography("au moins 30 % des heures") == "au moins 30" + nnbsp + "% des heures");
    // Article numbers, dates and counts next to other numbers are left as they are.
    const char* const untouched[] = {"article R.2124-2 123", "lot 2 et lot 3", "les 12 lots", "2027 1234 repas"};
    for (const char* t : untouched) {
        INFO(t);
        CHECK(french_typography(t) == t);
    }
    const std::string once = french_typography("Pénalité : 1 500 € par jour, 10 % au plus.");
    CHECK(french_typography(once) == once);
}

TEST_CASE("text: a straight apostrophe between two letters becomes typographic, and only there", "[text]") {
    CHECK(typographic_apostrophes("Identification de l'acheteur") == "Identification de l’acheteur");
    CHECK(typographic_apostrophes("appel d'offres, aujourd'hui") == "appel d’offres, aujourd’hui");
    CHECK(typographic_apostrophes("L'État d'Île-de-France") == "L’État d’Île-de-France");   // accented letters
    // Quotes, a token's first or last character, digits and spaces: left alone.
    CHECK(typographic_apostrophes("le mot 'vert' ici") == "le mot 'vert' ici");
    CHECK(typographic_apostrophes("'l' x' 5'6 a'1 1'a ' ''") == "'l' x' 5'6 a'1 1'a ' ''");
    // Inside a web or e-mail address, never; beside it, as anywhere.
    CHECK(typographic_apostrophes("voir https://ex.fr/l'offre?q=d'a puis l'offre") == "voir https://ex.fr/l'offre?q=d'a puis l’offre");
    CHECK(typographic_apostrophes("www.ex.fr/aujourd'hui et l'acheteur") == "www.ex.fr/aujourd'hui et l’acheteur");
    // Idempotent, and text without a straight apostrophe comes back as it is.
    const std::string once = typographic_apostrophes("l'offre d'aujourd'hui");
    CHECK(typographic_apostrophes(once) == once);
    CHECK(typographic_apostrophes("l’offre « x »") == "l’offre « x »");
}

TEST_CASE("text: web and e-mail addresses are found with safe link targets only", "[text]") {
    auto hrefs = [](std::string_view s) {
        std::vector<std::string> out;
        for (const TextLink& l : find_links(s)) out.push_back(std::string(s.substr(l.begin, l.end - l.begin)) + " → " + l.href);
        return out;
    };
    using V = std::vector<std::string>;
    CHECK(hrefs("Voir https://exemple.fr/a?b=c.") == V{"https://exemple.fr/a?b=c → https://exemple.fr/a?b=c"});
    CHECK(hrefs("(voir www.boamp.fr)") == V{"www.boamp.fr → https://www.boamp.fr"});
    CHECK(hrefs("HTTP://EXEMPLE.FR") == V{"HTTP://EXEMPLE.FR → http://EXEMPLE.FR"});
    CHECK(hrefs("https://fr.wikipedia.org/wiki/Clause_(droit), puis") ==
          V{"https://fr.wikipedia.org/wiki/Clause_(droit) → https://fr.wikipedia.org/wiki/Clause_(droit)"});
    CHECK(hrefs("Contact : achats.durables@ville-exemple.fr ; ou mailto:a@b.fr.") ==
          V{"achats.durables@ville-exemple.fr → mailto:achats.durables@ville-exemple.fr", "mailto:a@b.fr → mailto:a@b.fr"});
    CHECK(hrefs("« https://exemple.fr/x »") == V{"https://exemple.fr/x → https://exemple.fr/x"});
    CHECK(hrefs("https://exemple.fr/\"onclick=alert(1)") == V{"https://exemple.fr/ → https://exemple.fr/"});
    // Nothing else becomes a link: other schemes, half addresses, identifiers, times.
    for (const char* s : {"javascript:alert(1)", "data:text/html,x", "file:///etc/passwd", "ftp://exemple.fr",
                          "vbscript:x", "https://", "http:// exemple", "www.", "www.exemple", "a@b", "@exemple.fr",
                          "idweb:26-00000", "14:30", "xhttps://exemple.fr", "user@localhost", "prix@2.5"}) {
        INFO(s);
        CHECK(find_links(s).empty());
    }
}

TEST_CASE("text: folding treats decomposed accents as the composed ones", "[text][unicode]") {
    CHECK(fold("re\u0301serve\u0301") == "reserve");
    CHECK(fold("re\u0301serve\u0301") == fold("réservé"));
    CHECK(fold("CE\u0300DRE") == fold("Cèdre"));
    CHECK(fold("Œuvre\u00A0d’art") == "oeuvre d'art");
}
