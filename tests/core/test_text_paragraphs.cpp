// Multi-line text typed by the buyer, as the document model reads it (document.h, text_blocks) and as every
// writer renders it: a blank line starts a paragraph, a single line break stays a line break, and no control
// character ever reaches a document.
#include <catch2/catch.hpp>
#include "document/assemble.h"
#include "export/writers.h"
#include "export/xml.h"
#include "export/zip.h"

using namespace clausier;

namespace {

std::string part(const std::string& archive, const std::string& name) {
    std::vector<ZipEntry> parts;
    std::string error;
    REQUIRE(zip_read(archive, parts, error));
    for (const ZipEntry& e : parts)
        if (e.name == name) return e.data;
    FAIL("no part " << name);
    return "";
}

size_t count(const std::string& s, const std::string& what) {
    size_t n = 0;
    for (size_t p = s.find(what); p != std::string::npos; p = s.find(what, p + what.size())) ++n;
    return n;
}

// A document holding one typed text, the way the assembler adds the buyer's description.
Document typed(std::string_view text) {
    Document d;
    d.title = "Essai";
    add_text(d.blocks, text);
    return d;
}

const char* const kTyped =
    "Nettoyage des bureaux\net des salles de réunion.\n\n"     // one paragraph, two lines
    "Horaires : 6 h\u20138 h\r\ndu lundi au vendredi.\n"        // CR LF is one break
    "\n\n\n"                                                    // several blank lines: one paragraph break
    "- vitrerie\n- sanitaires\n"                                // a bullet list
    "Dernier paragraphe\fAprès un saut de page.";              // a form feed starts a paragraph

}  // namespace

TEST_CASE("paragraphs: a blank line starts a paragraph, a single line break stays inside it", "[paragraphs]") {
    const std::vector<Block> b = text_blocks(kTyped);
    REQUIRE(b.size() == 5);
    CHECK(b[0].kind == Block::paragraph);
    CHECK(inline_text(b[0].text) == "Nettoyage des bureaux\net des salles de réunion.");
    REQUIRE(b[0].text.size() == 3);
    CHECK(b[0].text[1].style == Run::line_break);
    CHECK(inline_text(b[1].text) == "Horaires : 6 h\u20138 h\ndu lundi au vendredi.");
    CHECK(b[2].kind == Block::bullet_list);
    CHECK(b[2].items.size() == 2);
    CHECK(inline_text(b[3].text) == "Dernier paragraphe");
    CHECK(inline_text(b[4].text) == "Après un saut de page.");
    // Lines are trimmed, a styling function (the assembler's French typography) applies to each line.
    const std::vector<Block> styled = text_blocks("  Objet: prix  \n  suite ", french_typography);
    REQUIRE(styled.size() == 1);
    CHECK(inline_text(styled[0].text) == "Objet\u202F: prix\nsuite");
    CHECK(text_blocks("").empty());
    CHECK(text_blocks(" \n \n\t\n").empty());
    // As one paragraph's runs (a value beside a label): a blank line is read as one line break.
    CHECK(inline_text(text_lines("a\n\n\nb\nc")) == "a\nb\nc");
}

TEST_CASE("paragraphs: every writer renders a line break as its own format's line break", "[paragraphs][export]") {
    const Document d = typed(kTyped);
    const std::string docx = part(write_docx(d), "word/document.xml");
    CHECK(count(docx, "<w:br/>") == 2);
    CHECK(docx.find("Nettoyage des bureaux</w:t></w:r><w:r><w:br/></w:r><w:r><w:t xml:space=\"preserve\">et des salles") !=
          std::string::npos);
    const std::string odt = part(write_odt(d), "content.xml");
    CHECK(count(odt, "<text:line-break/>") == 2);
    CHECK(odt.find("Nettoyage des bureaux<text:line-break/>et des salles") != std::string::npos);
    const std::string html = write_html(d);
    CHECK(count(html, "<br>") == 2);
    CHECK(html.find("<p>Nettoyage des bureaux<br>et des salles de réunion.</p>") != std::string::npos);
    const std::string md = write_markdown(d);
    CHECK(md.find("Nettoyage des bureaux\\\net des salles de réunion.\n\n") != std::string::npos);
    for (const std::string& xml : {docx, odt}) {
        std::string error;
        CHECK(xml_well_formed(xml, error));
    }
}

TEST_CASE("paragraphs: line breaks in lists, notes, labels and table cells", "[paragraphs][export]") {
    Document d;
    d.title = "Essai";
    d.blocks.push_back(bullet_list({text_lines("premier\n1. pas une liste")}));
    d.blocks.push_back(numbered_list({text_lines("un\ndeux")}));
    d.blocks.push_back(note({text_lines("note\nsuite")}));
    d.blocks.push_back(table({text("Colonne")}, {{text_lines("ligne 1\nligne 2")}}));
    d.blocks.push_back(paragraph(labelled_text("Motifs", "premier motif\nsecond motif")));
    d.blocks.push_back(paragraph(labelled("Objet", "collé\ndepuis un courriel")));   // a one-line field stays one line
    const std::string md = write_markdown(d);
    CHECK(md.find("- premier\\\n  1\\. pas une liste\n") != std::string::npos);   // continues the item, escaped
    CHECK(md.find("1. un\\\n   deux\n") != std::string::npos);
    CHECK(md.find("> note\\\n> suite\n") != std::string::npos);
    CHECK(md.find("| ligne 1 ligne 2 |") != std::string::npos);                     // pipe tables have no breaks
    CHECK(md.find("**Motifs\u202F:** premier motif\\\nsecond motif") != std::string::npos);
    CHECK(md.find("**Objet\u202F:** collé depuis un courriel\n") != std::string::npos);
    const std::string html = write_html(d);
    CHECK(html.find("<td>ligne 1<br>ligne 2</td>") != std::string::npos);
    CHECK(html.find("<li>premier<br>1. pas une liste</li>") != std::string::npos);
}

TEST_CASE("paragraphs: no control character ever reaches a document", "[paragraphs][export]") {
    Document d = typed("Texte\x01" "avec\x0B" "contrôles\x1B" "et\x7F" "DEL\u0085NEL\u0090" "C1\tTAB");
    d.subtitle = "Objet\ncollé\x0C page";
    d.metadata.push_back({"Acheteur\n", "Ville\x01" "de\r\nTest"});
    d.blocks.push_back(heading(1, "Titre\nsur deux lignes"));
    auto control_free = [](const std::string& s) {
        for (size_t i = 0; i < s.size(); ++i) {
            const unsigned char c = static_cast<unsigned char>(s[i]);
            if ((c < 0x20 && c != '\n') || c == 0x7F) return false;
            if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) >= 0x80 &&
                static_cast<unsigned char>(s[i + 1]) <= 0x9F) return false;   // C1 controls
        }
        return true;
    };
    CHECK(control_free(write_html(d)));
    CHECK(control_free(write_markdown(d)));
    CHECK(control_free(part(write_docx(d), "word/document.xml")));
    CHECK(control_free(part(write_odt(d), "content.xml")));
    // Controls became spaces or breaks: the words stay apart.
    const std::string html = write_html(d);
    CHECK(html.find("Texte avec<br>contrôles et DEL<br>NEL C1 TAB") != std::string::npos);
    CHECK(html.find("Objet collé page") != std::string::npos);
    CHECK(html.find("<dd>Ville de Test</dd>") != std::string::npos);
    CHECK(html.find("<h2>Titre sur deux lignes</h2>") != std::string::npos);
}

TEST_CASE("paragraphs: web and e-mail addresses are links in HTML only, with safe targets", "[export][text]") {
    const Document d = typed("Dépôt : https://www.marches-publics.gouv.fr/?page=a&b=c.\n"
                             "Questions : achats@ville-exemple.fr ; javascript:alert(1) ; data:text/html,x");
    const std::string html = write_html(d);
    CHECK(html.find("<a href=\"https://www.marches-publics.gouv.fr/?page=a&amp;b=c\">"
                    "https://www.marches-publics.gouv.fr/?page=a&amp;b=c</a>.") != std::string::npos);
    CHECK(html.find("<a href=\"mailto:achats@ville-exemple.fr\">achats@ville-exemple.fr</a>") != std::string::npos);
    CHECK(count(html, "<a href=") == 2);
    CHECK(html.find("href=\"javascript") == std::string::npos);
    CHECK(html.find("href=\"data") == std::string::npos);
    // Markdown, DOCX and ODT keep the address as text (no external reference in office files).
    CHECK(part(write_docx(d), "word/document.xml").find("hyperlink") == std::string::npos);
    CHECK(write_markdown(d).find("https://www.marches-publics.gouv.fr/?page=a\\&b=c") != std::string::npos);
}
