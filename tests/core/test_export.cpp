// Export: document assembly, the six writers, the zip container, escaping and reproducibility.
#include "document/assemble.h"
#include "export/export.h"
#include "export/writers.h"
#include "export/xml.h"
#include "export/zip.h"
#include "project/scenarios.h"
#include "support/xml_check.h"
#include "support/zip_read.h"
#include "test_files.h"
#include <catch2/catch.hpp>
#include <algorithm>
#include <cctype>
#include <fstream>
#include <set>
#include <sstream>

using namespace clausier;
using Catch::Matchers::Contains;
using test_support::ZipPart;
using test_support::zip_read;
using test_support::xml_well_formed;
using test_support::kXmlParser;

namespace {

Project load_project_file(const char* relative) {
    Project p;
    std::string error;
    INFO(relative << " : " << error);
    REQUIRE(project_from_text(test_files::read(test_files::source(relative)), p, error));
    return p;
}

const Project& sample() { static const Project p = load_project_file("tests/export/sample.clausier.json"); return p; }
const Project& hostile() { static const Project p = load_project_file("tests/export/hostile.clausier.json"); return p; }

const DocumentKind kKinds[] = {DocumentKind::dce, DocumentKind::entreprise, DocumentKind::synthese};
const Format kFormats[] = {Format::html, Format::md, Format::docx, Format::odt, Format::json, Format::ocds};

std::vector<ZipPart> unzip(const std::string& bytes) {
    std::vector<ZipPart> parts;
    std::string error;
    INFO(error);
    REQUIRE(zip_read(bytes, parts, error));
    return parts;
}

const ZipPart& zip_part(const std::vector<ZipPart>& parts, const std::string& name) {
    for (const ZipPart& e : parts) if (e.name == name) return e;
    FAIL("part absent: " << name);
    return parts.front();
}

bool ends_with(const std::string& s, const std::string& tail) {
    return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

size_t count_substrings(const std::string& s, const std::string& what) {
    size_t n = 0;
    for (size_t at = s.find(what); at != std::string::npos; at = s.find(what, at + 1)) ++n;
    return n;
}

// Every XML part of a DOCX or ODT package is well-formed and free of forbidden characters.
void check_xml_parts(const std::string& package) {
    for (const ZipPart& e : unzip(package)) {
        if (!ends_with(e.name, ".xml") && !ends_with(e.name, ".rels")) continue;
        std::string error;
        if (kXmlParser) {
            INFO(e.name << " : " << error);
            CHECK(xml_well_formed(e.data, error));
        }
        const bool controls = std::any_of(e.data.begin(), e.data.end(), [](char c) { return (unsigned char)c < 0x20 && c != '\n'; });
        CHECK_FALSE(controls);
        CHECK(e.data.find("\xEF\xBF\xBF") == std::string::npos);
    }
}

// The straight apostrophes (raw, or escaped as HTML and XML write them) between two letters in `s`, each with a
// little context: prose that missed the typographic one. A byte of a multi-byte character counts as a letter
// (the documents are French: « é'a » is a miss, « »' » does not occur).
std::vector<std::string> straight_apostrophes_in_words(const std::string& s) {
    auto letter = [](char c) { return std::isalpha(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80; };
    std::vector<std::string> out;
    for (const std::string mark : {"'", "&#39;", "&apos;"})
        for (size_t at = s.find(mark); at != std::string::npos; at = s.find(mark, at + 1)) {
            const size_t after = at + mark.size();
            if (at > 0 && after < s.size() && letter(s[at - 1]) && letter(s[after]))
                out.push_back(s.substr(at < 30 ? 0 : at - 30, 60));
        }
    return out;
}

}  // namespace

TEST_CASE("Formats and document kinds parse from the CLI names", "[export]") {
    Format f{};
    CHECK(parse_enum("docx", f));
    CHECK(f == Format::docx);
    CHECK(parse_enum("ocds", f));
    CHECK(f == Format::ocds);
    CHECK_FALSE(parse_enum("pdf", f));
    CHECK_FALSE(parse_enum("", f));
    DocumentKind k{};
    CHECK(parse_enum("synthese", k));
    CHECK(k == DocumentKind::synthese);
    CHECK_FALSE(parse_enum("synthèse", k));
    CHECK(std::string(format_extension(Format::ocds)) == "json");
    CHECK(std::string(format_extension(Format::md)) == "md");
    CHECK(std::string(format_mime(Format::docx)) == "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    CHECK(std::string(format_mime(Format::odt)) == "application/vnd.oasis.opendocument.text");
}

TEST_CASE("Export file names are ASCII, from the object and the launch date", "[export]") {
    CHECK(export_file_name(sample(), Format::docx, DocumentKind::dce) ==
          "dce-nettoyage-et-entretien-des-locaux-administratifs-et-sportifs-2026-11-22.docx");
    CHECK(export_file_name(sample(), Format::ocds, DocumentKind::dce) ==
          "ocds-nettoyage-et-entretien-des-locaux-administratifs-et-sportifs-2026-11-22.json");
    CHECK(export_file_name(sample(), Format::json, DocumentKind::synthese).rfind("projet-", 0) == 0);
    CHECK(export_file_name(hostile(), Format::html, DocumentKind::entreprise) == "entreprise-script-x-2026-11-22.html");
    Project blank;
    CHECK(export_file_name(blank, Format::md, DocumentKind::synthese) == "synthese-consultation.md");
    Project long_name;
    long_name.need.object = std::string(200, 'a') + " b";
    CHECK(export_file_name(long_name, Format::md, DocumentKind::dce).size() <= 4 + 60 + 3);
}

TEST_CASE("The same project always exports to the same bytes", "[export]") {
    for (Format f : kFormats)
        for (DocumentKind k : kKinds) {
            INFO(format_extension(f) << " " << int(k));
            const std::string a = export_project(sample(), f, k), b = export_project(sample(), f, k);
            CHECK_FALSE(a.empty());
            CHECK(a == b);
        }
}

TEST_CASE("DOCX packages hold the WordprocessingML parts with real styles", "[export]") {
    const std::string docx = export_project(sample(), Format::docx);
    CHECK(docx.compare(0, 4, "PK\x03\x04") == 0);
    const auto parts = unzip(docx);
    std::vector<std::string> names;
    for (const ZipPart& e : parts) names.push_back(e.name);
    CHECK(names == std::vector<std::string>{"[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/styles.xml",
                                            "word/numbering.xml", "word/settings.xml", "word/header1.xml", "word/footer1.xml",
                                            "word/_rels/document.xml.rels", "docProps/core.xml"});
    const std::string& styles = zip_part(parts, "word/styles.xml").data;
    for (const char* id : {"Title", "Heading1", "Heading2", "Heading3", "ListBullet", "ListNumber", "TableGrid"})
        CHECK(styles.find(std::string("w:styleId=\"") + id + "\"") != std::string::npos);
    CHECK(styles.find("<w:outlineLvl w:val=\"2\"/>") != std::string::npos);   // headings feed the navigation pane
    const std::string& doc = zip_part(parts, "word/document.xml").data;
    CHECK(doc.find("<w:pStyle w:val=\"Heading1\"/>") != std::string::npos);
    CHECK(doc.find("<w:tblHeader/>") != std::string::npos);
    CHECK(doc.find("<w:numId w:val=\"2\"/>") != std::string::npos);          // a numbered list with its own numbering
    CHECK(zip_part(parts, "docProps/core.xml").data.find("2026-11-22T00:00:00Z") != std::string::npos);
    // The table of contents: page references to bookmarks on the headings, refreshed by Word on opening.
    CHECK(doc.find("<w:bookmarkStart w:id=\"1\" w:name=\"sommaire-1\"/>") != std::string::npos);
    CHECK(doc.find("<w:instrText xml:space=\"preserve\"> PAGEREF sommaire-1 \\h </w:instrText>") != std::string::npos);
    CHECK(zip_part(parts, "word/settings.xml").data.find("<w:updateFields w:val=\"true\"/>") != std::string::npos);
    // No macros, no external targets, no fields but the footer's page number and page count and the contents' page
    // references.
    const std::string footer = zip_part(parts, "word/footer1.xml").data;
    CHECK(footer.find("<w:fldSimple w:instr=\" PAGE \">") != std::string::npos);
    CHECK(footer.find("<w:fldSimple w:instr=\" NUMPAGES \">") != std::string::npos);
    CHECK(zip_part(parts, "word/header1.xml").data.find("<w:t xml:space=\"preserve\">") != std::string::npos);
    for (const ZipPart& e : parts) {
        CHECK(e.data.find("TargetMode=\"External\"") == std::string::npos);
        if (e.name != "word/footer1.xml") CHECK(e.data.find("fldSimple") == std::string::npos);
        std::string rest = e.data;   // every field instruction is a page reference of the contents
        for (size_t at = rest.find("<w:instrText"); at != std::string::npos; at = rest.find("<w:instrText", at + 1))
            CHECK(rest.compare(rest.find('>', at) + 1, 17, " PAGEREF sommaire") == 0);
        CHECK(e.name.find("vbaProject") == std::string::npos);
    }
    check_xml_parts(docx);
}

TEST_CASE("ODT packages start with a stored mimetype and hold ODF 1.2 parts", "[export]") {
    const std::string odt = export_project(sample(), Format::odt, DocumentKind::entreprise);
    const auto parts = unzip(odt);
    REQUIRE(parts.size() == 5);
    CHECK(parts[0].name == "mimetype");
    CHECK(parts[0].method == 0);
    CHECK(parts[0].offset == 0);
    CHECK(parts[0].data == "application/vnd.oasis.opendocument.text");
    CHECK(odt.substr(30, 8) == "mimetype");                                  // no extra field before the name
    CHECK(odt.substr(38, 39) == "application/vnd.oasis.opendocument.text");  // readable at a fixed offset
    for (const char* name : {"META-INF/manifest.xml", "content.xml", "styles.xml", "meta.xml"}) CHECK_NOTHROW(zip_part(parts, name));
    const std::string& styles = zip_part(parts, "styles.xml").data;
    for (const char* s : {"Heading_20_1", "Heading_20_3", "List_20_Bullet", "List_20_Number", "Table_20_Heading", "Note"})
        CHECK(styles.find(std::string("style:name=\"") + s + "\"") != std::string::npos);
    const std::string& content = zip_part(parts, "content.xml").data;
    CHECK(content.find("text:outline-level=\"1\"") != std::string::npos);
    CHECK(content.find("<table:table-header-rows>") != std::string::npos);
    CHECK(zip_part(parts, "META-INF/manifest.xml").data.find("manifest:full-path=\"content.xml\"") != std::string::npos);
    check_xml_parts(odt);
}

TEST_CASE("Every XML part is well-formed for every document, even a hostile project", "[export]") {
    for (const Project* p : {&sample(), &hostile()})
        for (DocumentKind k : kKinds) {
            check_xml_parts(export_project(*p, Format::docx, k));
            check_xml_parts(export_project(*p, Format::odt, k));
        }
}

TEST_CASE("The XML checker rejects what is not well-formed", "[export]") {
    if (!kXmlParser) return;   // the wasm build of the tests has no XML parser (support/xml_check.h)
    std::string e;
    CHECK(xml_well_formed("<?xml version=\"1.0\"?>\n<a x=\"1\"><b/><!-- c --><![CDATA[<>]]>&amp;&#233;&#xE9;</a>\n", e));
    CHECK_FALSE(xml_well_formed("<a><b></a></b>", e));
    CHECK_FALSE(xml_well_formed("<a>&nbsp;</a>", e));
    CHECK_FALSE(xml_well_formed("<a x='1' x='2'/>", e));
    CHECK_FALSE(xml_well_formed("<a>]]></a>", e));
    CHECK_FALSE(xml_well_formed("<a/><b/>", e));
    CHECK_FALSE(xml_well_formed("<a x=1/>", e));
    CHECK_FALSE(xml_well_formed("<a>\x01</a>", e));
    CHECK_FALSE(xml_well_formed("<a>", e));
    CHECK_FALSE(e.empty());
    CHECK_FALSE(xml_well_formed("<!DOCTYPE a [<!ENTITY x \"y\">]><a>&x;</a>", e));   // no DTD in an exported part
}

TEST_CASE("A hostile object is escaped in every format", "[export]") {
    const std::string object = "<script>&]]>{{x}}";
    REQUIRE(hostile().need.object == object);
    const std::string escaped = "&lt;script&gt;&amp;]]&gt;{{x}}";

    const std::string html = export_project(hostile(), Format::html);
    CHECK(html.find(escaped) != std::string::npos);
    CHECK(html.find("<script") == std::string::npos);
    CHECK(html.find("<img") == std::string::npos);
    CHECK(html.find("<a ") == std::string::npos);

    const std::string md = export_project(hostile(), Format::md);
    CHECK(md.find("\\<script\\>\\&\\]\\]\\>") != std::string::npos);
    CHECK(count_substrings(md, "<") == count_substrings(md, "\\<"));   // every angle bracket escaped
    CHECK(md.find("\n# pas un titre") == std::string::npos);
    CHECK(md.find("\n\\# pas un titre") != std::string::npos);
    CHECK(md.find("\n1\\. pas une liste") != std::string::npos);
    CHECK(md.find("\n    pas du code") == std::string::npos);

    for (Format f : {Format::docx, Format::odt}) {
        const auto parts = unzip(export_project(hostile(), f));
        const std::string& body = zip_part(parts, f == Format::docx ? "word/document.xml" : "content.xml").data;
        CHECK(body.find(escaped) != std::string::npos);
        CHECK(body.find(object) == std::string::npos);
    }

    const json ocds = json::parse(export_project(hostile(), Format::ocds));
    CHECK(ocds["releases"][0]["tender"]["title"] == object);
    Project back;
    std::string error;
    REQUIRE(project_from_text(export_project(hostile(), Format::json), back, error));
    CHECK(back.need.object == object);
    CHECK(project_to_text(back) == export_project(hostile(), Format::json));
}

TEST_CASE("Text hygiene drops what XML forbids", "[export]") {
    CHECK(clean_text("a\x01" "b\tc\nd\x7F" "e") == "a b c d e");   // control characters become spaces, never nothing
    CHECK(clean_text("x\xEF\xBF\xBFy") == "xy");
    CHECK(clean_text("\xC3") == "\xEF\xBF\xBD");   // invalid UTF-8 becomes U+FFFD
    CHECK(xml_escape("<a href='x'>&\"") == "&lt;a href=&apos;x&apos;&gt;&amp;&quot;");
}

TEST_CASE("French typography is applied once, whatever the input spacing", "[export][text]") {
    const std::string nn = "\u202F";
    CHECK(french_typography("Objet: prix!") == "Objet" + nn + ": prix" + nn + "!");
    CHECK(french_typography("«prix»") == "«" + nn + "prix" + nn + "»");
    CHECK(french_typography("« prix »") == "«" + nn + "prix" + nn + "»");
    const std::string once = french_typography("Note : 10 ; « prix » ?!");
    CHECK(french_typography(once) == once);
    CHECK(french_typography("10:30 https://x") == "10:30 https://x");
    CHECK(french_typography("Note\u00A0: x") == "Note" + nn + ": x");
}

TEST_CASE("The consultation draft carries the RC, CCAP, CCTP, grid and monitoring plan", "[export]") {
    const Document d = assemble_document(sample(), DocumentKind::dce, project_procedure(sample()), {});
    CHECK(d.title == "Dossier de consultation des entreprises");
    CHECK(d.date == "2026-11-22");
    std::vector<std::string> h1;
    int previous = 0;
    for (const Block& b : d.blocks) {
        if (b.kind != Block::heading) continue;
        CHECK(b.level <= previous + 1);   // no level skipped
        previous = b.level;
        if (b.level == 1) h1.push_back(inline_text(b.text));
    }
    std::vector<std::string> expected = {"Sommaire", "Règlement de la consultation (RC)",
                                         "Cahier des clauses administratives particulières (CCAP)"};
    for (const char* part : {"Acte d’engagement (AE)", "Cahier des clauses techniques particulières (CCTP)"})
        for (size_t k = 0; k < sample().lots.size(); ++k)   // one per lot
            expected.push_back(fr(part + (" — Lot " + std::to_string(k + 1) + " : " + sample().lots[k].title)));
    expected.push_back("Grille d’analyse des offres");
    expected.push_back("Plan de suivi d’exécution (annexe au CCAP)");
    expected.push_back("Liste du personnel à reprendre (annexe au RC et au CCAP)");   // cleaning: staff taken over
    CHECK(h1 == expected);
    // The criteria grid and the monitoring plan are tables with one row per criterion (+ total) and commitment:
    // each the first table after its part's heading.
    auto first_table_after = [&](const std::string& title) -> const Block* {
        bool inside = false;
        for (const Block& b : d.blocks) {
            if (b.kind == Block::heading && b.level == 1) inside = inline_text(b.text) == title;
            else if (inside && b.kind == Block::table) return &b;
        }
        return nullptr;
    };
    const Block* grid_table = first_table_after("Grille d’analyse des offres");
    const Block* plan_table = first_table_after("Plan de suivi d’exécution (annexe au CCAP)");
    REQUIRE(grid_table);
    REQUIRE(plan_table);
    const Block& grid = *grid_table;
    CHECK(grid.rows.size() == sample().criteria.size() + 1);
    CHECK(inline_text(grid.rows.back()[2]) == "100\u00A0%");
    const Block& plan = *plan_table;
    CHECK(plan.header.size() == 5);
    CHECK(plan.rows.size() == monitoring_rows(sample(), bundled_library()).size());
    // Amounts and dates the French way.
    const std::string md = write_markdown(d);
    CHECK(md.find("592\u202F000\u00A0€ HT") != std::string::npos);
    CHECK(md.find("22 novembre 2026") != std::string::npos);
    CHECK(md.find("R.2123-1, 2°") != std::string::npos);   // lot 3 qualifies as a small lot
}

TEST_CASE("The monitoring plan merges the buyer's lines into the clause lines", "[export]") {
    const auto rows = monitoring_rows(sample(), bundled_library());
    REQUIRE_FALSE(rows.empty());
    bool overridden = false, own = false;
    for (const Commitment& c : rows) {
        overridden = overridden || (c.clause == "NET-E-002" && c.checkpoint == "Bilan semestriel présenté en comité de suivi." &&
                                    !c.indicator.empty());
        own = own || c.commitment == "Contrôle contradictoire de la qualité du nettoyage";
    }
    CHECK(overridden);
    CHECK(own);
}

TEST_CASE("The insertion section states each clause's volume beside the estimate for its own lot", "[export]") {
    const std::string md = export_project(sample(), Format::md, DocumentKind::dce);
    // NET-S-001 on lot 1 sets a share, not hours: 95 000 € × 4 years × 60 % ÷ 28 € × 7 % = 570 hours.
    CHECK_THAT(md, Contains("**Lot 1 (Nettoyage des locaux administratifs) — Parcours d’insertion qualifiants"));
    CHECK_THAT(md, Contains("volume fixé selon les modalités de la clause. Estimation de référence"));
    CHECK_THAT(md, Contains("environ 570"));
    CHECK_THAT(md, !Contains("environ 888"));   // the whole purchase's figure is not the lot's
    Project p = sample();
    p.insertion.hourly_cost = 0;
    CHECK_THAT(export_project(p, Format::md, DocumentKind::dce), Contains("à établir avec le facilitateur"));
    p.clauses.clear();
    CHECK_THAT(export_project(p, Format::md, DocumentKind::dce), !Contains("Insertion professionnelle : volume d"));
}

TEST_CASE("The sheet for firms explains each requirement and ends with a glossary", "[export]") {
    const std::string md = export_project(sample(), Format::md, DocumentKind::entreprise);
    for (const char* s : {"Ce qui est demandé", "Comment c’est évalué", "La preuve à fournir", "En clair",
                          "À joindre à votre offre", "À fournir pendant l’exécution",
                          "Comment une petite entreprise peut y répondre", "## Glossaire", "| **DUME** |", "| **SIAE** |",
                          "| **MAPA** |", "| **ESAT** |", "Le groupement d’entreprises"})
        CHECK(md.find(s) != std::string::npos);
}

TEST_CASE("The memo lists obligations and the findings it is given", "[export]") {
    Finding f;
    f.rule = "test";
    f.severity = Severity::bloquant;
    f.articles = {"L.2152-7"};
    f.message = "Ajoutez un critère environnemental.";
    f.step = Step::criteres;
    const std::string md = write_markdown(assemble_document(sample(), DocumentKind::synthese, project_procedure(sample()), {f}));
    CHECK(md.find("## Points encore ouverts") != std::string::npos);
    CHECK(md.find("| **Bloquant** | Ajoutez un critère environnemental. | CCP, art. L.2152-7 | Critères |") != std::string::npos);
    CHECK(md.find("L.2112-2-1") != std::string::npos);
    CHECK(md.find("Respectée") != std::string::npos);
    const std::string none = export_project(sample(), Format::md, DocumentKind::synthese);
    CHECK(none.find("## Points encore ouverts") != std::string::npos);
}

TEST_CASE("HTML is standalone, accessible and printable", "[export]") {
    const std::string html = export_project(sample(), Format::html);
    CHECK(html.rfind("<!DOCTYPE html>", 0) == 0);
    CHECK(html.find("<html lang=\"fr\">") != std::string::npos);
    CHECK(html.find("@media print") != std::string::npos);
    CHECK(html.find("<script") == std::string::npos);
    CHECK(html.find(" src=") == std::string::npos);
    // The only links are the addresses of the text (the facilitator's e-mail): web and e-mail links only.
    CHECK(count_substrings(html, " href=") == count_substrings(html, "<a href=\"mailto:") + count_substrings(html, "<a href=\"https://") +
                                   count_substrings(html, "<a href=\"http://"));
    CHECK(html.find("<a href=\"mailto:clauses.sociales@exemple.fr\">") != std::string::npos);
    CHECK(count_substrings(html, "<th") - count_substrings(html, "<thead") == count_substrings(html, "<th scope=\"col\">"));
    CHECK(count_substrings(html, "<h1>") == 1);
}

TEST_CASE("Markdown escapes block markers and inline syntax", "[export]") {
    Document d;
    d.title = "# Titre";
    d.blocks = {paragraph("1. pas une liste"), paragraph("- pas une puce"), paragraph("    pas du code"),
                paragraph({plain("a "), strong(" gras "), plain(" b*c_d`e[f]|g<h>&i")}),
                table({text("A|B")}, {{text("x")}})};
    const std::string md = write_markdown(d);
    CHECK(md.rfind("# \\# Titre\n", 0) == 0);
    CHECK(md.find("\n1\\. pas une liste\n") != std::string::npos);
    CHECK(md.find("\n\\- pas une puce\n") != std::string::npos);
    CHECK(md.find("\npas du code\n") != std::string::npos);
    CHECK(md.find("a  **gras**  b\\*c\\_d\\`e\\[f\\]\\|g\\<h\\>\\&i") != std::string::npos);   // markers hug the text
    CHECK(md.find("| A\\|B |\n| --- |\n| x |") != std::string::npos);
}

TEST_CASE("The OCDS package describes the tender with lots, criteria and sustainability", "[export]") {
    const json pkg = json::parse(export_project(sample(), Format::ocds));
    CHECK(pkg["version"] == "1.1");
    CHECK(pkg["publishedDate"] == "2026-11-22T00:00:00Z");
    CHECK(pkg["extensions"].size() == 3);
    REQUIRE(pkg["releases"].size() == 1);
    const json& r = pkg["releases"][0];
    CHECK(r["ocid"].get<std::string>().rfind("ocds-clausier-", 0) == 0);
    CHECK(r["date"] == "2026-11-22T00:00:00Z");
    CHECK(r["tag"] == json::array({"tender"}));
    CHECK(r["initiationType"] == "tender");
    CHECK(r["parties"][0]["roles"] == json::array({"buyer"}));
    CHECK(r["buyer"]["id"] == r["parties"][0]["id"]);
    const json& t = r["tender"];
    CHECK(t["status"] == "planning");
    CHECK(t["mainProcurementCategory"] == "services");
    CHECK(t["procurementMethod"] == "open");
    CHECK(t["awardCriteria"] == "ratedCriteria");
    CHECK(t["value"]["amount"] == 592000);
    CHECK(t["value"]["currency"] == "EUR");
    CHECK(t["items"][0]["classification"]["scheme"] == "CPV");
    CHECK(t["items"][0]["classification"]["id"] == "90910000");
    CHECK(t["items"][0]["classification"]["description"] == "Services de nettoyage");
    REQUIRE(t["lots"].size() == 3);
    const json& criteria = t["lots"][0]["awardCriteria"]["criteria"];
    REQUIRE(criteria.size() == 4);
    CHECK(criteria[0]["type"] == "price");
    CHECK(criteria[0]["numbers"][0]["number"] == 40);
    CHECK(criteria[0]["numbers"][0]["weight"] == "percentageExact");
    CHECK(t["lots"][1]["sustainability"][0]["strategies"] == json::array({"reservedParticipation"}));
    REQUIRE(t["sustainability"].is_array());
    std::set<std::string> goals;
    for (const json& s : t["sustainability"]) goals.insert(s["goal"].get<std::string>());
    CHECK(goals.count("social.disadvantagedEmploymentOpportunities") == 1);
    CHECK(goals.size() == t["sustainability"].size());   // one entry per goal
    // The ocid survives edits of the content; the release id does not.
    Project edited = sample();
    edited.criteria[0].weight = 45;
    const json other = json::parse(export_project(edited, Format::ocds));
    CHECK(other["releases"][0]["ocid"] == r["ocid"]);
    CHECK(other["releases"][0]["id"] != r["id"]);
}

TEST_CASE("Zip archives round-trip with their CRC", "[export]") {
    CHECK(crc32("123456789") == 0xCBF43926u);
    const std::string z = zip_store({{"a.txt", "bonjour"}, {"dir/b.xml", std::string("\0\x01", 2)}});
    const auto parts = unzip(z);
    REQUIRE(parts.size() == 2);
    CHECK(parts[1].name == "dir/b.xml");
    CHECK(parts[1].data == std::string("\0\x01", 2));
    std::string corrupt = z, error;
    corrupt[30 + 5] = 'X';   // first byte of a.txt's data
    std::vector<ZipPart> out;
    CHECK_FALSE(zip_read(corrupt, out, error));
    CHECK_FALSE(zip_read("PK", out, error));
}

TEST_CASE("The sourcing minutes list every exchange with its date, channel and what was shared", "[export]") {
    DocumentKind kind;
    REQUIRE(parse_enum("sourcing", kind));
    CHECK(kind == DocumentKind::sourcing);
    const std::string md = export_project(sample(), Format::md, DocumentKind::sourcing);
    CHECK_THAT(md, Contains("Compte rendu du sourcing"));
    CHECK_THAT(md, Contains("Échange 1 — Réunion d’information ouverte à tous les opérateurs"));
    CHECK_THAT(md, Contains("15 septembre 2026"));
    CHECK_THAT(md, Contains("Plans des bâtiments, surfaces"));
    CHECK_THAT(md, Contains("R.2111-1"));
    CHECK(export_file_name(sample(), Format::docx, DocumentKind::sourcing).rfind("sourcing-", 0) == 0);
    Project empty;
    CHECK_THAT(export_project(empty, Format::md, DocumentKind::sourcing), Contains("Aucun échange n’a été consigné"));
}

TEST_CASE("Exported documents print the typographic apostrophe; the project and its data exports keep the user's", "[export][text]") {
    const std::string typed = "Entretien de l'école d'Ambérieu et de l'accueil";   // the buyer's own text
    for (const Scenario& sc : bundled_scenarios()) {
        Project p;
        std::string error;
        REQUIRE(project_from_text(sc.text, p, error));
        p.need.description = typed;
        const std::string stored = project_to_text(p);
        for (DocumentKind kind : {DocumentKind::dce, DocumentKind::entreprise, DocumentKind::synthese, DocumentKind::sourcing,
                                  DocumentKind::execution})
            for (Format f : {Format::md, Format::html}) {
                INFO(sc.name << ", " << enum_name(kind) << ", " << format_extension(f));
                const std::string doc = export_project(p, f, kind);
                CHECK(straight_apostrophes_in_words(doc) == std::vector<std::string>{});
                if (kind == DocumentKind::dce) CHECK_THAT(doc, Contains("Entretien de l’école d’Ambérieu"));
            }
        INFO(sc.name);
        CHECK(p.need.description == typed);   // the project is never changed by an export...
        CHECK(project_to_text(p) == stored);
        for (Format f : {Format::json, Format::ocds}) {   // ...and its data exports keep the buyer's characters
            const std::string data = export_project(p, f);
            CHECK_THAT(data, Contains(typed));
            CHECK_THAT(data, !Contains("Entretien de l’école"));
        }
    }
}
