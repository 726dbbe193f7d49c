// A standalone HTML page: embedded style sheet (screen and print), no script, no external resource (the
// Content-Security-Policy forbids loading anything), headings in order from <h1> (the title) down.
#include "export/writers.h"
#include <cctype>
#include "export/xml.h"
#include "base/text.h"
#include <algorithm>
#include <cstdio>

namespace clausier {

namespace {

const char* const kStyle = R"(
:root { color-scheme: light; }
body { font-family: "DejaVu Sans", "Segoe UI", Arial, sans-serif; font-size: 1rem; line-height: 1.5;
       color: #1a1a1a; background: #fff; max-width: 48rem; margin: 0 auto; padding: 1.5rem; }
h1 { font-size: 1.8rem; line-height: 1.2; margin: 0 0 .25rem; }
h2 { font-size: 1.4rem; margin: 2rem 0 .5rem; padding-bottom: .2rem; border-bottom: 2px solid #1f4e79; color: #1f4e79; }
h3 { font-size: 1.15rem; margin: 1.5rem 0 .4rem; color: #1f4e79; }
h4 { font-size: 1rem; margin: 1.2rem 0 .3rem; }
.subtitle { font-size: 1.2rem; margin: 0 0 1rem; color: #444; }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; margin: 0 0 1.5rem;
          padding: .75rem 1rem; background: #f3f6f9; border-radius: 4px; }
dl.meta dt { font-weight: bold; }
dl.meta dd { margin: 0; }
table { border-collapse: collapse; width: 100%; margin: .75rem 0; font-size: .95rem; }
th, td { border: 1px solid #8a9bb0; padding: .35rem .5rem; text-align: left; vertical-align: top; }
th { background: #dde6ef; }
.note { border: 1px solid #1f4e79; border-left-width: 5px; background: #f3f6f9; padding: .5rem 1rem; margin: 1rem 0; }
.note p { margin: .4rem 0; }
a { color: #1f4e79; overflow-wrap: anywhere; }
nav.contents ul { list-style: none; padding-left: 0; }
nav.contents li { margin: .3rem 0 0; font-weight: bold; }
nav.contents li.sub { margin: 0; padding-left: 1.5rem; font-weight: normal; }
@media print {
  @page { size: A4; margin: 2cm 1.8cm; }
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  h2, h3, h4 { break-after: avoid; page-break-after: avoid; }
  h2 { break-before: auto; }
  table, .note, dl.meta { break-inside: avoid; page-break-inside: avoid; }
  thead { display: table-header-group; }
  tr { break-inside: avoid; page-break-inside: avoid; }
  th { background: #e8e8e8; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  h2 { break-before: page; page-break-before: always; }
  main > h2:first-child { break-before: auto; page-break-before: auto; }
}
th { hyphens: none; word-break: keep-all; overflow-wrap: normal; }
)";

// A CSS string literal for a running header: every ASCII character but letters, digits, spaces, dots, commas,
// hyphens and apostrophes is written as a CSS escape, so that the text can never close the <style> element,
// spell url( or @import, or leave a bare "&" or "]]>" in the page.
std::string css_string(const std::string& s) {
    static const char* const kHex = "0123456789ABCDEF";
    std::string out = "\"";
    for (char c : s) {
        const unsigned char u = static_cast<unsigned char>(c);
        if (u >= 0x80 || std::isalnum(u) || c == ' ' || c == '.' || c == ',' || c == '-' || c == '\'') {
            out += c;
            continue;
        }
        out += '\\';
        if (u >= 16) out += kHex[u >> 4];
        out += kHex[u & 15];
        out += ' ';
    }
    return out + "\"";
}

// Added only to pages that hold a chart, so that the other pages stay byte for byte as they were.
const char* const kChartStyle = R"(
figure.chart { margin: 1rem 0 .25rem; break-inside: avoid; page-break-inside: avoid; }
figure.chart figcaption { font-weight: bold; margin-bottom: .25rem; }
figure.chart svg { width: 100%; height: auto; font-family: inherit; }
)";

// Escaped text where web and e-mail addresses become links (find_links gives only http, https and mailto
// addresses: no other scheme can reach an href).
std::string linked_text(const std::string& text) {
    std::string out;
    size_t at = 0;
    for (const TextLink& link : find_links(text)) {
        out += xml_escape(text.substr(at, link.begin - at));
        out += "<a href=\"" + xml_escape(link.href) + "\">" + xml_escape(text.substr(link.begin, link.end - link.begin)) + "</a>";
        at = link.end;
    }
    return out + xml_escape(text.substr(at));
}

std::string runs_html(const Inline& runs) {
    std::string out;
    for (const Run& r : runs) {
        if (r.style == Run::line_break) { out += "<br>"; continue; }
        const std::string t = linked_text(r.text);
        if (r.style == Run::strong) out += "<strong>" + t + "</strong>";
        else if (r.style == Run::emphasis) out += "<em>" + t + "</em>";
        else out += t;
    }
    return out;
}

void list_html(std::string& out, const char* tag, const std::vector<Inline>& items) {
    out += std::string("<") + tag + ">\n";
    for (const Inline& item : items) out += "<li>" + runs_html(item) + "</li>\n";
    out += std::string("</") + tag + ">\n";
}

void table_html(std::string& out, const Block& b) {
    out += "<table>\n";
    if (!b.widths.empty()) {
        out += "<colgroup>";
        for (int pct : column_percents(b)) out += "<col style=\"width: " + std::to_string(pct) + "%\">";
        out += "</colgroup>\n";
    }
    out += "<thead>\n<tr>";
    for (const Inline& cell : b.header) out += "<th scope=\"col\">" + runs_html(cell) + "</th>";
    out += "</tr>\n</thead>\n<tbody>\n";
    for (const auto& row : b.rows) {
        out += "<tr>";
        for (const Inline& cell : row) out += "<td>" + runs_html(cell) + "</td>";
        out += "</tr>\n";
    }
    out += "</tbody>\n</table>\n";
}

std::string number_attr(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", v);
    return buf;
}

}  // namespace

// A horizontal bar chart: for each bar its label above it, the bar, and the figure at its end; a dashed
// reference line for the target. The caption names the figure, and the table the assembler puts beside it
// holds the same figures for screen readers.
constexpr double kChartBars = 440, kChartRow = 36, kChartTop = 22;
double chart_svg_height(const Block& b) { return kChartTop + kChartRow * double(b.bars.size()) + 6; }

std::string chart_svg(const Block& b, bool standalone) {
    const double height = chart_svg_height(b);
    std::string out = "<svg " + std::string(standalone ? "xmlns=\"http://www.w3.org/2000/svg\" width=\"" + number_attr(kChartSvgWidth) +
                                                              "\" height=\"" + number_attr(height) + "\" " : "") +
                      "viewBox=\"0 0 " + number_attr(kChartSvgWidth) + " " + number_attr(height) +
                      "\" role=\"img\" aria-label=\"" + xml_escape(inline_text(b.text)) + "\">\n";
    double y = kChartTop;
    for (const Bar& bar : b.bars) {
        const double w = bar.value * kChartBars;
        out += "<text x=\"0\" y=\"" + number_attr(y + 11) + "\" font-size=\"13\" fill=\"#1a1a1a\">" + xml_escape(bar.label) + "</text>\n";
        out += "<rect x=\"0\" y=\"" + number_attr(y + 15) + "\" width=\"" + number_attr(w < 1 && bar.value > 0 ? 1 : w) +
               "\" height=\"14\" fill=\"#1f4e79\"/>\n";
        out += "<text x=\"" + number_attr(w + 6) + "\" y=\"" + number_attr(y + 26) + "\" font-size=\"12\" fill=\"#1a1a1a\">" +
               xml_escape(bar.shown) + "</text>\n";
        y += kChartRow;
    }
    if (b.target >= 0) {
        const std::string x = number_attr(b.target * kChartBars);
        out += "<line x1=\"" + x + "\" y1=\"" + number_attr(kChartTop - 4) + "\" x2=\"" + x + "\" y2=\"" + number_attr(height) +
               "\" stroke=\"#ce0500\" stroke-width=\"2\" stroke-dasharray=\"5 3\"/>\n";
        out += "<text x=\"" + x + "\" y=\"12\" font-size=\"12\" fill=\"#ce0500\" text-anchor=\"" +
               std::string(b.target > 0.5 ? "end" : "start") + "\">" + xml_escape(b.target_label) + "</text>\n";
    }
    return out + "</svg>\n";
}

namespace {

void chart_html(std::string& out, const Block& b) {
    out += "<figure class=\"chart\">\n<figcaption>" + runs_html(b.text) + "</figcaption>\n" + chart_svg(b) + "</figure>\n";
}

void block_html(std::string& out, const Block& b) {
    switch (b.kind) {
        case Block::heading: {
            const std::string tag = "h" + std::to_string(b.level + 1);   // <h1> is the document title
            out += "<" + tag + ">" + runs_html(b.text) + "</" + tag + ">\n";
            break;
        }
        case Block::paragraph: out += "<p>" + runs_html(b.text) + "</p>\n"; break;
        case Block::bullet_list: list_html(out, "ul", b.items); break;
        case Block::numbered_list: list_html(out, "ol", b.items); break;
        case Block::table: table_html(out, b); break;
        case Block::note:
            out += "<div class=\"note\" role=\"note\">\n";
            for (const Inline& p : b.items) out += "<p>" + runs_html(p) + "</p>\n";
            out += "</div>\n";
            break;
        case Block::chart: chart_html(out, b); break;
        case Block::contents:   // the entries only: the page links only to web and e-mail addresses
            out += "<nav class=\"contents\" aria-label=\"Sommaire\"><ul>\n";
            for (size_t k = 0; k < b.items.size(); ++k)
                out += std::string("<li") + (k < b.levels.size() && b.levels[k] > 1 ? " class=\"sub\"" : "") + ">" +
                       runs_html(b.items[k]) + "</li>\n";
            out += "</ul></nav>\n";
            break;
    }
}

}  // namespace

std::string write_html(const Document& d) {
    std::string out =
        "<!DOCTYPE html>\n<html lang=\"fr\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n";
    if (!d.author.empty()) out += "<meta name=\"author\" content=\"" + xml_escape(d.author) + "\">\n";
    out += "<title>" + xml_escape(d.subtitle.empty() ? d.title : d.title + " — " + d.subtitle) + "</title>\n";
    const bool charts = std::any_of(d.blocks.begin(), d.blocks.end(), [](const Block& b) { return b.kind == Block::chart; });
    out += "<style>" + std::string(kStyle) + (charts ? kChartStyle : "") + "@media print { @page { @top-center { content: " +
           css_string(d.running_header.empty() ? d.title : d.running_header) +
           "; font-size: 8pt; color: #444; } @bottom-center { content: \"Page \" counter(page) \" sur \" counter(pages); "
           "font-size: 8pt; color: #444; } } }\n</style>\n</head>\n<body>\n<header>\n";
    out += "<h1>" + xml_escape(d.title) + "</h1>\n";
    if (!d.subtitle.empty()) out += "<p class=\"subtitle\">" + xml_escape(d.subtitle) + "</p>\n";
    if (!d.metadata.empty()) {
        out += "<dl class=\"meta\">\n";
        for (const auto& [label, value] : d.metadata)
            out += "<dt>" + xml_escape(label) + "</dt><dd>" + linked_text(value) + "</dd>\n";
        out += "</dl>\n";
    }
    out += "</header>\n<main>\n";
    for (const Block& b : d.blocks) block_html(out, b);
    out += "</main>\n</body>\n</html>\n";
    return out;
}

}  // namespace clausier
