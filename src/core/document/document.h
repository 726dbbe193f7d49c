// document.h — a small, format-neutral document model (in the spirit of pandoc's AST): a title block and a
// list of blocks made of inline runs. Assembly (assemble.h) builds it from a project; each writer in export/
// turns it into one file format without knowing anything about public procurement.
#pragma once
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace clausier {

struct Run {
    enum Style { plain, emphasis, strong };
    Style style = plain;
    std::string text;
};
using Inline = std::vector<Run>;   // one paragraph of text

struct Block {
    enum Kind { heading, paragraph, bullet_list, numbered_list, table, note };
    Kind kind = paragraph;
    int level = 1;                          // heading: 1 to 3
    Inline text;                            // heading, paragraph
    std::vector<Inline> items;              // list items; the paragraphs of a note
    std::vector<Inline> header;             // table header cells
    std::vector<std::vector<Inline>> rows;  // table body: rows of cells
    std::vector<int> widths;                // table: relative column widths (empty = equal)
};

struct Document {
    std::string title, subtitle;
    std::string author;                     // for the file's own metadata
    std::string date;                       // YYYY-MM-DD, for the file's own metadata (never the clock)
    std::vector<std::pair<std::string, std::string>> metadata;   // shown under the title: label, value
    std::vector<Block> blocks;
};

// Builders. Every text goes through `clean_text`: typography is the assembler's business, hygiene is here.
Run plain(std::string_view s);
Run emphasis(std::string_view s);
Run strong(std::string_view s);
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

// Valid UTF-8 on one line, without the characters XML 1.0 forbids: C0 controls and DEL are dropped, tabs
// and line feeds become spaces, U+FFFE and U+FFFF are dropped (split multi-line text into paragraphs first).
std::string clean_text(std::string_view s);
// The run texts of a paragraph joined, for tests and plain-text uses.
std::string inline_text(const Inline& runs);

}  // namespace clausier
