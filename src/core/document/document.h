// document.h — a small, format-neutral document model (in the spirit of pandoc's AST): a title block and a
// list of blocks made of inline runs. Assembly (assemble.h) builds it from a project; each writer in export/
// turns it into one file format without knowing anything about public procurement.
#pragma once
#include "base/enums.h"
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace clausier {

struct Run {
    enum Style { plain, emphasis, strong, line_break };   // line_break: a line break inside the paragraph
    Style style = plain;
    std::string text;   // one line, no control character; a line_break's text is "\n" (for plain-text readers)
};
using Inline = std::vector<Run>;   // one paragraph of text

// One bar of a chart: `value` is its length over the chart's scale (0..1), `shown` the figure written beside it.
struct Bar {
    std::string label, shown;
    double value = 0;
};

struct Block {
    // chart: a horizontal bar chart: inline SVG in HTML, an embedded SVG image in ODT, a native DrawingML chart in
    // DOCX; Markdown leaves it out: an assembler always gives the same figures in a table beside it (readable, and
    // what a screen reader reads).
    // contents: a table of contents; `items` are its entries, `targets` the anchors of the headings they name
    // and `levels` their levels. DOCX and ODT give each entry the page of its heading (a page reference to a
    // bookmark, computed when the document is laid out); HTML and Markdown list the entries.
    enum Kind { heading, paragraph, bullet_list, numbered_list, table, note, chart, contents };
    Kind kind = paragraph;
    int level = 1;                          // heading: 1 to 3
    Inline text;                            // heading, paragraph
    std::vector<Inline> items;              // list items; the paragraphs of a note
    std::vector<Inline> header;             // table header cells
    std::vector<std::vector<Inline>> rows;  // table body: rows of cells
    std::vector<int> widths;                // table: relative column widths (empty = equal)
    std::vector<Bar> bars;                  // chart (its caption in `text`)
    double target = -1;                     // chart: a reference line at this value (0..1); < 0 = none
    std::string target_label;               // chart: what the reference line is ("Objectif national : 30 %")
    std::string anchor;                     // heading: a name a table of contents points to ("" = none)
    std::vector<std::string> targets;       // contents: the anchor of each entry
    std::vector<int> levels;                // contents: the level of each entry (1 or 2)
};

// Names of the styles and block kinds where a document is written as JSON (a published package, package.h).
template <> EnumNames<Run::Style> enum_names<Run::Style>();
template <> EnumNames<Block::Kind> enum_names<Block::Kind>();

struct Document {
    std::string title, subtitle;
    std::string author;                     // for the file's own metadata
    std::string date;                       // YYYY-MM-DD, for the file's own metadata (never the clock)
    std::vector<std::pair<std::string, std::string>> metadata;   // shown under the title: label, value
    std::string running_header;             // repeated at the top of every page (DOCX, ODT, print HTML); "" = none
    std::vector<Block> blocks;
};

// Builders. Every text goes through `clean_text` (hygiene), then `typographic_apostrophes` (text.h): a straight
// apostrophe between two letters becomes ’ in every run, bar and reference line, whatever assembled it (a
// literal, an enum label, the buyer's text), so every writer prints « l’acheteur ». The rest of the typography
// (spacing) is the assembler's business: fr() in assemble.h, which also gives the title block its apostrophes.
Run plain(std::string_view s);
Run emphasis(std::string_view s);
Run strong(std::string_view s);
Run line_break();                                // a line break inside the paragraph
Inline text(std::string_view s);                 // one plain run
Block heading(int level, std::string_view s);
Block paragraph(Inline runs);
Block paragraph(std::string_view s);
Block bullet_list(std::vector<Inline> items);
Block numbered_list(std::vector<Inline> items);
Block table(std::vector<Inline> header, std::vector<std::vector<Inline>> rows, std::vector<int> widths = {});
// The share of the text width of each column of a table, in percent, summing to 100 (rounding on the last).
std::vector<int> column_percents(const Block& table);
Block note(std::vector<Inline> paragraphs);
// A bar chart titled `caption`; `target` (0..1) draws a reference line labelled `target_label`.
Block chart(std::string_view caption, std::vector<Bar> bars, double target = -1, std::string_view target_label = "");

// Valid UTF-8 on one line, without the characters XML 1.0 forbids: one_line() (text.h) turns line breaks,
// tabs and every control character into spaces, and U+FFFE and U+FFFF are dropped. Multi-line text goes
// through text_blocks or text_lines first.
std::string clean_text(std::string_view s);
// The run texts of a paragraph joined (a line break as "\n"), for tests and plain-text uses.
std::string inline_text(const Inline& runs);

// ---- multi-line text typed by the buyer: how every writer reads it, defined once ---------------------
// The text is first read as multiline_text() says (CR LF, form feed, U+2028… normalised). Then:
//   - a blank line (or several, or spaces only) starts a new paragraph;
//   - a single line break stays a line break inside the paragraph (Run::line_break; DOCX <w:br/>, ODT
//     <text:line-break/>, HTML <br>, Markdown hard break);
//   - a run of lines starting with "- " or "• " is a bullet list, one item per line;
//   - every line is trimmed, then passed through `style` if given (the assembler's French typography).
using LineStyle = std::function<std::string(std::string_view)>;
std::vector<Block> text_blocks(std::string_view typed, const LineStyle& style = {});
// The same text as one paragraph's runs (for a value beside a label, a table cell): lines joined by line
// breaks, a blank line read as one line break (an Inline cannot hold two paragraphs).
Inline text_lines(std::string_view typed, const LineStyle& style = {});

}  // namespace clausier
