// CommonMark (with pipe tables, which pandoc and most renderers read). Every text is escaped so that no
// character of the project can become markup: inline delimiters, HTML, entities, and block markers at the
// start of a line.
#include "export/writers.h"
#include "base/text.h"
#include <algorithm>

namespace clausier {

namespace {

bool is_ascii_digit(char c) { return c >= '0' && c <= '9'; }

// Escapes one piece of text. `line_start`: the text opens a line (paragraph, list item, cell).
std::string md_escape(std::string_view raw, bool line_start) {
    const std::string s = clean_text(raw);
    std::string out;
    out.reserve(s.size() + 8);
    size_t i = 0;
    if (line_start) {
        while (i < s.size() && s[i] == ' ') ++i;   // leading spaces could open a code block
        size_t d = i;
        while (d < s.size() && is_ascii_digit(s[d])) ++d;
        if (d > i && d < s.size() && (s[d] == '.' || s[d] == ')')) {   // "1. " would start a numbered list
            out.append(s, i, d - i);
            out += '\\';
            i = d;
        } else if (i < s.size() && (s[i] == '-' || s[i] == '+' || s[i] == '=')) {
            out += '\\';
        }
    }
    for (; i < s.size(); ++i) {
        const char c = s[i];
        switch (c) {
            case '\\': case '`': case '*': case '_': case '[': case ']': case '<': case '>':
            case '&': case '|': case '~': case '#':
                out += '\\';
                break;
            default: break;
        }
        out += c;
    }
    return out;
}

// Trailing spaces would make a hard line break.
std::string trim_end(std::string s) {
    while (!s.empty() && s.back() == ' ') s.pop_back();
    return s;
}

// Emphasis markers must hug the text: spaces go outside them.
std::string styled(const Run& r, bool line_start) {
    const std::string marker = r.style == Run::strong ? "**" : r.style == Run::emphasis ? "*" : "";
    const std::string t = clean_text(r.text);
    if (marker.empty()) return md_escape(t, line_start);
    size_t a = t.find_first_not_of(' ');
    if (a == std::string::npos) return t.empty() ? "" : " ";
    size_t b = t.find_last_not_of(' ');
    return std::string(a, ' ') + marker + md_escape(t.substr(a, b - a + 1), false) + marker +
           std::string(t.size() - 1 - b, ' ');
}

// A paragraph's runs. A line break is a hard break (a backslash at the end of the line) followed by `cont`,
// what continues the block on the next line (a list item's indentation, "> " in a note); where Markdown
// has no line break (`cont` null: headings, table cells) it becomes a space.
std::string runs_md(const Inline& runs, const char* cont = nullptr) {
    std::string out, line;
    bool pending_break = false;
    auto end_line = [&] {
        line.erase(0, std::min(line.size(), line.find_first_not_of(' ')));
        line = trim_end(line);
        if (line.empty()) return;
        if (pending_break) out += std::string("\\\n") + cont;
        out += line;
        line.clear();
        pending_break = false;
    };
    for (const Run& r : runs) {
        if (r.style != Run::line_break) line += styled(r, line.find_first_not_of(' ') == std::string::npos);
        else if (!cont) line += ' ';
        else {
            end_line();
            pending_break = !out.empty();
        }
    }
    end_line();
    return out;
}

void table_md(std::string& out, const Block& b) {
    auto row_md = [](const std::vector<Inline>& cells) {
        std::string line = "|";
        for (const Inline& c : cells) line += " " + runs_md(c) + " |";
        return line + "\n";
    };
    out += row_md(b.header);
    out += "|";
    for (size_t k = 0; k < b.header.size(); ++k) out += " --- |";
    out += "\n";
    for (const auto& row : b.rows) out += row_md(row);
}

void block_md(std::string& out, const Block& b) {
    switch (b.kind) {
        case Block::heading: out += std::string(size_t(b.level) + 1, '#') + " " + runs_md(b.text) + "\n"; break;
        case Block::paragraph: out += runs_md(b.text, "") + "\n"; break;
        case Block::bullet_list:
            for (const Inline& item : b.items) out += "- " + runs_md(item, "  ") + "\n";
            break;
        case Block::numbered_list:
            for (size_t k = 0; k < b.items.size(); ++k) {
                const std::string marker = std::to_string(k + 1) + ". ";
                out += marker + runs_md(b.items[k], std::string(marker.size(), ' ').c_str()) + "\n";
            }
            break;
        case Block::table: table_md(out, b); break;
        case Block::note:
            for (size_t k = 0; k < b.items.size(); ++k) out += (k ? ">\n> " : "> ") + runs_md(b.items[k], "> ") + "\n";
            break;
        case Block::chart: break;   // HTML only; its figures are in the table beside it (document.h)
        case Block::contents:       // no pages in Markdown: the entries as a list
            for (size_t k = 0; k < b.items.size(); ++k)
                out += std::string(k < b.levels.size() && b.levels[k] > 1 ? "  - " : "- ") + runs_md(b.items[k], "    ") + "\n";
            break;
    }
}

}  // namespace

std::string write_markdown(const Document& d) {
    std::string out = "# " + trim_end(md_escape(d.title, true)) + "\n\n";
    if (!d.subtitle.empty()) out += trim_end(styled(emphasis(d.subtitle), true)) + "\n\n";
    if (!d.metadata.empty()) {
        for (const auto& [label, value] : d.metadata)
            out += "- **" + trim_end(md_escape(label, false)) + kNnbsp + ":** " + trim_end(md_escape(value, false)) + "\n";
        out += "\n";
    }
    for (size_t k = 0; k < d.blocks.size(); ++k) {
        if (d.blocks[k].kind == Block::chart) continue;
        block_md(out, d.blocks[k]);
        out += "\n";
    }
    while (out.size() > 1 && out[out.size() - 2] == '\n') out.pop_back();   // one final newline
    return out;
}

}  // namespace clausier
