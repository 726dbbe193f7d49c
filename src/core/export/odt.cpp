// OpenDocument Text 1.2: `mimetype` first and stored, a manifest, content, styles (headings with outline
// levels, bullet and numbered list styles, table text styles, a boxed note) and metadata.
#include "export/writers.h"
#include "export/xml.h"
#include "export/zip.h"
#include <cstdio>

namespace clausier {

namespace {

constexpr const char* kOdtXmlHead = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
constexpr const char* kNs =
    "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
    "xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\" "
    "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" "
    "xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" "
    "xmlns:fo=\"urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0\" "
    "xmlns:svg=\"urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0\" "
    "xmlns:draw=\"urn:oasis:names:tc:opendocument:xmlns:drawing:1.0\" "
    "xmlns:xlink=\"http://www.w3.org/1999/xlink\" office:version=\"1.2\"";

// ODF collapses runs of spaces: the second and later ones of a run are written as <text:s/>.
std::string odt_text(std::string_view s) {
    std::string escaped = xml_escape(s);
    if (escaped.find("  ") == std::string::npos) return escaped;   // no run of spaces: nothing to mark
    std::string out;
    int spaces = 0;
    auto flush = [&] {
        if (spaces > 1) out += "<text:s text:c=\"" + std::to_string(spaces - 1) + "\"/>";
        spaces = 0;
    };
    for (char c : escaped) {
        if (c == ' ') { if (spaces++ == 0) out += ' '; continue; }
        flush();
        out += c;
    }
    flush();
    return out;
}

struct OdtBody {
    std::string xml;
    std::string column_styles;   // automatic styles of the tables' columns
    int tables = 0;
    std::vector<ZipEntry> pictures;   // the charts as SVG files of their own (Pictures/chart-N.svg)

    // A chart: its caption, then the SVG image in a frame 16 cm wide, anchored as a character so that it moves
    // with the text; the table beside it (the assembler's) keeps the figures readable.
    void chart(const Block& b) {
        para("Text_20_body", b.text);
        const std::string path = "Pictures/chart-" + std::to_string(pictures.size() + 1) + ".svg";
        pictures.push_back({path, std::string(kOdtXmlHead) + chart_svg(b, true)});
        char height[32];
        std::snprintf(height, sizeof height, "%.2fcm", 16.0 * chart_svg_height(b) / kChartSvgWidth);
        xml += "<text:p text:style-name=\"Text_20_body\"><draw:frame draw:name=\"Graphique " + std::to_string(pictures.size()) +
               "\" text:anchor-type=\"as-char\" svg:width=\"16cm\" svg:height=\"" + height + "\"><draw:image xlink:href=\"" + path +
               "\" xlink:type=\"simple\" xlink:show=\"embed\" xlink:actuate=\"onLoad\"/><svg:title>" + xml_escape(inline_text(b.text)) +
               "</svg:title></draw:frame></text:p>\n";
    }

    void runs(const Inline& rs) {
        for (const Run& r : rs) {
            if (r.style == Run::line_break) { xml += "<text:line-break/>"; continue; }
            if (r.style == Run::plain) { xml += odt_text(r.text); continue; }
            const char* style = r.style == Run::strong ? "Strong_20_Emphasis" : "Emphasis";
            xml += "<text:span text:style-name=\"";
            xml += style;
            xml += "\">";
            xml += odt_text(r.text);
            xml += "</text:span>";
        }
    }
    void para(const char* style, const Inline& rs) {
        xml += std::string("<text:p text:style-name=\"") + style + "\">";
        runs(rs);
        xml += "</text:p>\n";
    }
    void list(const std::vector<Inline>& items, bool numbered) {
        xml += std::string("<text:list text:style-name=\"") + (numbered ? "List_20_Number" : "List_20_Bullet") + "\">\n";
        for (const Inline& item : items) {
            xml += "<text:list-item>";
            para("List_20_Contents", item);
            xml += "</text:list-item>\n";
        }
        xml += "</text:list>\n";
    }
    void row(const std::vector<Inline>& cells, bool header) {
        xml += "<table:table-row table:style-name=\"TableRow\">";   // rows never split across pages
        for (const Inline& c : cells) {
            xml += std::string("<table:table-cell table:style-name=\"") + (header ? "TableHeadCell" : "TableCell") +
                   "\" office:value-type=\"string\">";
            para(header ? "Table_20_Heading" : "Table_20_Contents", c);
            xml += "</table:table-cell>";
        }
        xml += "</table:table-row>\n";
    }
    void table(const Block& b) {
        const std::string name = "Tableau" + std::to_string(++tables);
        xml += "<table:table table:name=\"" + name + "\" table:style-name=\"Table\">";
        const std::vector<int> pcts = column_percents(b);
        for (size_t k = 0; k < pcts.size(); ++k) {
            const std::string col = name + ".C" + std::to_string(k + 1);
            char cm[16];
            std::snprintf(cm, sizeof cm, "%.2fcm", 16.6 * pcts[k] / 100);
            column_styles += "<style:style style:name=\"" + col + "\" style:family=\"table-column\">"
                             "<style:table-column-properties style:column-width=\"" + cm + "\" style:rel-column-width=\"" +
                             std::to_string(pcts[k] * 100) + "*\"/></style:style>\n";
            xml += "<table:table-column table:style-name=\"" + col + "\"/>";
        }
        xml += "\n<table:table-header-rows>";
        row(b.header, true);
        xml += "</table:table-header-rows>\n";
        for (const auto& r : b.rows) row(r, false);
        xml += "</table:table>\n";
    }
    // Each entry: its text, a dotted tab and the page of its heading (a page reference to the heading's bookmark,
    // which LibreOffice computes when it lays the document out).
    void contents(const Block& b) {
        for (size_t k = 0; k < b.items.size() && k < b.targets.size(); ++k) {
            const int level = k < b.levels.size() ? b.levels[k] : 1;
            xml += "<text:p text:style-name=\"Contents_20_" + std::to_string(level) + "\">";
            runs(b.items[k]);
            xml += "<text:tab/><text:bookmark-ref text:reference-format=\"page\" text:ref-name=\"" + xml_escape(b.targets[k]) +
                   "\">1</text:bookmark-ref></text:p>\n";
        }
    }
    void block(const Block& b) {
        switch (b.kind) {
            case Block::heading: {
                const std::string level = std::to_string(b.level);
                xml += "<text:h text:style-name=\"Heading_20_" + level + "\" text:outline-level=\"" + level + "\">";
                if (!b.anchor.empty()) xml += "<text:bookmark-start text:name=\"" + xml_escape(b.anchor) + "\"/>";
                runs(b.text);
                if (!b.anchor.empty()) xml += "<text:bookmark-end text:name=\"" + xml_escape(b.anchor) + "\"/>";
                xml += "</text:h>\n";
                break;
            }
            case Block::contents: contents(b); break;
            case Block::paragraph: para("Text_20_body", b.text); break;
            case Block::bullet_list: list(b.items, false); break;
            case Block::numbered_list: list(b.items, true); break;
            case Block::table: table(b); break;
            case Block::note: for (const Inline& p : b.items) para("Note", p); break;
            case Block::chart: chart(b); break;
        }
    }
};

// content.xml, and the pictures it refers to in `pictures`.
std::string content_xml(const Document& d, std::vector<ZipEntry>& pictures) {
    OdtBody body;
    body.para("Title", text(d.title));
    if (!d.subtitle.empty()) body.para("Subtitle", text(d.subtitle));
    for (const auto& [label, value] : d.metadata) body.para("Metadata", {strong(label + "\u202F: "), plain(value)});
    for (const Block& b : d.blocks) body.block(b);
    pictures = std::move(body.pictures);
    const std::string border = "fo:border=\"0.5pt solid #8a9bb0\" fo:padding=\"0.1cm\"";
    return std::string(kOdtXmlHead) + "<office:document-content " + kNs + ">\n<office:automatic-styles>\n"
        "<style:style style:name=\"Table\" style:family=\"table\"><style:table-properties style:width=\"16.6cm\" "
        "table:align=\"margins\" fo:margin-top=\"0.1cm\" fo:margin-bottom=\"0.3cm\"/></style:style>\n"
        "<style:style style:name=\"TableRow\" style:family=\"table-row\"><style:table-row-properties "
        "fo:keep-together=\"always\"/></style:style>\n"
        "<style:style style:name=\"TableCell\" style:family=\"table-cell\"><style:table-cell-properties " + border +
        "/></style:style>\n<style:style style:name=\"TableHeadCell\" style:family=\"table-cell\">"
        "<style:table-cell-properties " + border + " fo:background-color=\"#dde6ef\"/></style:style>\n"
        + body.column_styles + "</office:automatic-styles>\n<office:body>\n<office:text>\n" + body.xml +
        "</office:text>\n</office:body>\n</office:document-content>\n";
}

std::string odt_paragraph_style(const std::string& name, const std::string& display, const std::string& parent,
                            const std::string& para_props, const std::string& text_props, int outline = 0) {
    std::string s = "<style:style style:name=\"" + name + "\" style:display-name=\"" + display +
                    "\" style:family=\"paragraph\" style:parent-style-name=\"" + parent + "\"";
    if (outline > 0) s += " style:default-outline-level=\"" + std::to_string(outline) + "\"";
    s += " style:class=\"text\">";
    if (!para_props.empty()) s += "<style:paragraph-properties " + para_props + "/>";
    if (!text_props.empty()) s += "<style:text-properties " + text_props + "/>";
    return s + "</style:style>\n";
}

std::string list_level(bool numbered) {
    const std::string props = "<style:list-level-properties text:list-level-position-and-space-mode=\"label-alignment\">"
                              "<style:list-level-label-alignment text:label-followed-by=\"listtab\" "
                              "text:list-tab-stop-position=\"1cm\" fo:text-indent=\"-0.5cm\" fo:margin-left=\"1cm\"/>"
                              "</style:list-level-properties>";
    if (numbered)
        return "<text:list-level-style-number text:level=\"1\" style:num-suffix=\".\" style:num-format=\"1\">" + props +
               "</text:list-level-style-number>";
    return "<text:list-level-style-bullet text:level=\"1\" text:bullet-char=\"\xE2\x80\xA2\">" + props +
           "</text:list-level-style-bullet>";
}

std::string odt_styles_xml(const Document& d) {
    std::string s = std::string(kOdtXmlHead) + "<office:document-styles " + kNs + ">\n" +
        "<office:font-face-decls><style:font-face style:name=\"Arial\" svg:font-family=\"Arial\" "
        "style:font-family-generic=\"swiss\" style:font-pitch=\"variable\"/></office:font-face-decls>\n<office:styles>\n"
        "<style:default-style style:family=\"paragraph\"><style:paragraph-properties fo:hyphenation-ladder-count=\"no-limit\"/>"
        "<style:text-properties style:font-name=\"Arial\" fo:font-size=\"10.5pt\" fo:language=\"fr\" fo:country=\"FR\" "
        "fo:hyphenate=\"false\"/></style:default-style>\n"
        "<style:style style:name=\"Standard\" style:family=\"paragraph\" style:class=\"text\"/>\n";
    s += odt_paragraph_style("Text_20_body", "Text body", "Standard", "fo:margin-top=\"0cm\" fo:margin-bottom=\"0.2cm\" fo:line-height=\"115%\"", "");
    s += odt_paragraph_style("Heading", "Heading", "Standard", "fo:margin-top=\"0.5cm\" fo:margin-bottom=\"0.2cm\" fo:keep-with-next=\"always\"",
                         "fo:font-weight=\"bold\" fo:color=\"#1f4e79\"");
    s += odt_paragraph_style("Heading_20_1", "Heading 1", "Heading", "fo:margin-top=\"0.8cm\" fo:padding-bottom=\"0.05cm\" "
                         "fo:border-bottom=\"1.5pt solid #1f4e79\"", "fo:font-size=\"16pt\"", 1);
    s += odt_paragraph_style("Heading_20_2", "Heading 2", "Heading", "", "fo:font-size=\"13pt\"", 2);
    s += odt_paragraph_style("Heading_20_3", "Heading 3", "Heading", "", "fo:font-size=\"11pt\" fo:color=\"#1a1a1a\"", 3);
    s += odt_paragraph_style("Title", "Title", "Standard", "fo:margin-bottom=\"0.2cm\"",
                         "fo:font-size=\"22pt\" fo:font-weight=\"bold\" fo:color=\"#1f4e79\"");
    s += odt_paragraph_style("Subtitle", "Subtitle", "Standard", "fo:margin-bottom=\"0.4cm\"", "fo:font-size=\"14pt\" fo:color=\"#444444\"");
    s += odt_paragraph_style("Metadata", "Metadata", "Standard", "fo:margin-bottom=\"0.07cm\"", "");
    s += odt_paragraph_style("Header", "Header", "Standard", "fo:padding-bottom=\"0.05cm\" fo:border-bottom=\"0.5pt solid #8a9bb0\"",
                         "fo:font-size=\"8.5pt\" fo:color=\"#444444\"");
    s += odt_paragraph_style("Footer", "Footer", "Standard", "fo:text-align=\"center\"", "fo:font-size=\"8.5pt\" fo:color=\"#444444\"");
    s += odt_paragraph_style("List_20_Contents", "List Contents", "Standard", "fo:margin-bottom=\"0.1cm\"", "");
    for (int level : {1, 2})   // table of contents: a right tab stop with dots before the page number
        s += "<style:style style:name=\"Contents_20_" + std::to_string(level) + "\" style:display-name=\"Contents " +
             std::to_string(level) + "\" style:family=\"paragraph\" style:parent-style-name=\"Standard\" style:class=\"index\">"
             "<style:paragraph-properties fo:margin-left=\"" + (level == 1 ? "0cm" : "0.5cm") + "\" fo:margin-top=\"" +
             (level == 1 ? "0.2cm" : "0cm") + "\" fo:margin-bottom=\"0.05cm\"><style:tab-stops><style:tab-stop "
             "style:position=\"" + (level == 1 ? "16.6cm" : "16.1cm") + "\" style:type=\"right\" style:leader-style=\"dotted\" "
             "style:leader-text=\".\"/></style:tab-stops></style:paragraph-properties>" +
             (level == 1 ? "<style:text-properties fo:font-weight=\"bold\"/>" : "") + "</style:style>\n";
    s += odt_paragraph_style("Table_20_Contents", "Table Contents", "Standard", "", "fo:font-size=\"9.5pt\"");
    s += odt_paragraph_style("Table_20_Heading", "Table Heading", "Table_20_Contents", "", "fo:font-weight=\"bold\"");
    s += odt_paragraph_style("Note", "Note", "Standard", "fo:margin-top=\"0.1cm\" fo:margin-bottom=\"0.1cm\" fo:padding=\"0.15cm\" "
                         "fo:border=\"0.5pt solid #1f4e79\" fo:border-left=\"2.5pt solid #1f4e79\" fo:background-color=\"#f3f6f9\" "
                         "style:join-border=\"true\"", "");
    s += "<style:style style:name=\"Emphasis\" style:family=\"text\"><style:text-properties fo:font-style=\"italic\"/></style:style>\n"
         "<style:style style:name=\"Strong_20_Emphasis\" style:display-name=\"Strong Emphasis\" style:family=\"text\">"
         "<style:text-properties fo:font-weight=\"bold\"/></style:style>\n";
    s += "<text:list-style style:name=\"List_20_Bullet\" style:display-name=\"List Bullet\">" + list_level(false) + "</text:list-style>\n";
    s += "<text:list-style style:name=\"List_20_Number\" style:display-name=\"List Number\">" + list_level(true) + "</text:list-style>\n";
    s += "<text:outline-style style:name=\"Outline\">";
    for (int k = 1; k <= 3; ++k) s += "<text:outline-level-style text:level=\"" + std::to_string(k) + "\" style:num-format=\"\"/>";
    s += "</text:outline-style>\n</office:styles>\n<office:automatic-styles><style:page-layout style:name=\"A4\">"
         "<style:page-layout-properties fo:page-width=\"21cm\" fo:page-height=\"29.7cm\" style:print-orientation=\"portrait\" "
         "fo:margin-top=\"1.5cm\" fo:margin-bottom=\"1.5cm\" fo:margin-left=\"2.2cm\" fo:margin-right=\"2.2cm\"/>"
         "<style:header-style><style:header-footer-properties fo:min-height=\"0.6cm\" fo:margin-bottom=\"0.4cm\"/></style:header-style>"
         "<style:footer-style><style:header-footer-properties fo:min-height=\"0.6cm\" fo:margin-top=\"0.4cm\"/></style:footer-style>"
         "</style:page-layout></office:automatic-styles>\n<office:master-styles><style:master-page style:name=\"Standard\" "
         "style:page-layout-name=\"A4\"><style:header><text:p text:style-name=\"Header\">" +
         odt_text(d.running_header.empty() ? d.title : d.running_header) + "</text:p></style:header>"
         "<style:footer><text:p text:style-name=\"Footer\">Page <text:page-number text:select-page=\"current\">1</text:page-number>"
         " sur <text:page-count>1</text:page-count></text:p></style:footer>"
         "</style:master-page></office:master-styles>\n</office:document-styles>\n";
    return s;
}

std::string meta_xml(const Document& d) {
    std::string s = std::string(kOdtXmlHead) +
        "<office:document-meta xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
        "xmlns:meta=\"urn:oasis:names:tc:opendocument:xmlns:meta:1.0\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" "
        "office:version=\"1.2\"><office:meta><meta:generator>Clausier</meta:generator>"
        "<dc:title>" + xml_escape(d.title) + "</dc:title><dc:subject>" + xml_escape(d.subtitle) + "</dc:subject>"
        "<meta:initial-creator>" + xml_escape(d.author) + "</meta:initial-creator><dc:creator>" + xml_escape(d.author) +
        "</dc:creator><dc:language>fr-FR</dc:language>";
    if (!d.date.empty())
        s += "<meta:creation-date>" + xml_escape(d.date) + "T00:00:00</meta:creation-date><dc:date>" + xml_escape(d.date) +
             "T00:00:00</dc:date>";
    return s + "</office:meta></office:document-meta>\n";
}

std::string manifest(const std::vector<ZipEntry>& pictures) {
    std::string s = std::string(kOdtXmlHead) +
        "<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\" manifest:version=\"1.2\">\n"
        "<manifest:file-entry manifest:full-path=\"/\" manifest:version=\"1.2\" manifest:media-type=\"application/vnd.oasis.opendocument.text\"/>\n"
        "<manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/>\n"
        "<manifest:file-entry manifest:full-path=\"styles.xml\" manifest:media-type=\"text/xml\"/>\n"
        "<manifest:file-entry manifest:full-path=\"meta.xml\" manifest:media-type=\"text/xml\"/>\n";
    for (const ZipEntry& p : pictures)
        s += "<manifest:file-entry manifest:full-path=\"" + p.name + "\" manifest:media-type=\"image/svg+xml\"/>\n";
    return s + "</manifest:manifest>\n";
}

}  // namespace

std::string write_odt(const Document& d) {
    std::vector<ZipEntry> pictures;
    std::string content = content_xml(d, pictures);
    // Each part moved into the list (an initializer list would copy the 0.8 MB content once more).
    std::vector<ZipEntry> entries;
    entries.reserve(5 + pictures.size());
    entries.push_back({"mimetype", "application/vnd.oasis.opendocument.text"});
    entries.push_back({"META-INF/manifest.xml", manifest(pictures)});
    entries.push_back({"content.xml", std::move(content)});
    entries.push_back({"styles.xml", odt_styles_xml(d)});
    entries.push_back({"meta.xml", meta_xml(d)});
    for (ZipEntry& p : pictures) entries.push_back(std::move(p));
    return zip_store(entries);
}

}  // namespace clausier
