#include "document/document.h"
#include "base/text.h"

namespace clausier {

std::string clean_text(std::string_view s) {
    std::string valid = one_line(s);
    if (valid.find("\xEF\xBF") == std::string::npos) return valid;
    std::string out;
    out.reserve(valid.size());
    for (size_t i = 0; i < valid.size(); ++i) {
        // U+FFFE and U+FFFF are not characters XML accepts.
        if (valid.compare(i, 2, "\xEF\xBF") == 0 && i + 2 < valid.size() &&
            (valid[i + 2] == '\xBE' || valid[i + 2] == '\xBF')) { i += 2; continue; }
        out += valid[i];
    }
    return out;
}

std::string inline_text(const Inline& runs) {
    std::string out;
    for (const Run& r : runs) out += r.text;
    return out;
}

namespace {

// The lines of a typed text, trimmed; an empty line stands for a paragraph break.
std::vector<std::string> typed_lines(std::string_view typed) {
    const std::string all = multiline_text(typed);
    std::vector<std::string> out;
    size_t start = 0;
    for (;;) {
        const size_t end = all.find('\n', start);
        out.push_back(trim(std::string_view(all).substr(start, end == std::string::npos ? std::string::npos : end - start)));
        if (end == std::string::npos) return out;
        start = end + 1;
    }
}

// The text of a bullet line without its marker, or false if the line is not a bullet.
bool bullet_text(const std::string& line, std::string& item) {
    for (const char* marker : {"- ", "\u2022 "}) {
        const std::string m(marker);
        if (line.compare(0, m.size(), m) == 0) {
            item = trim(line.substr(m.size()));
            return true;
        }
    }
    return false;
}

Inline styled_line(const std::string& line, const LineStyle& style) { return text(style ? style(line) : line); }

}  // namespace

std::vector<Block> text_blocks(std::string_view typed, const LineStyle& style) {
    std::vector<Block> out;
    Inline para;                  // the paragraph being built, lines joined by line breaks
    std::vector<Inline> bullets;  // the bullet list being built
    auto flush = [&] {
        if (!para.empty()) out.push_back(paragraph(std::move(para)));
        if (!bullets.empty()) out.push_back(bullet_list(std::move(bullets)));
        para.clear();
        bullets.clear();
    };
    for (const std::string& line : typed_lines(typed)) {
        std::string item;
        if (line.empty()) {
            flush();
        } else if (bullet_text(line, item)) {
            if (!para.empty()) flush();
            bullets.push_back(styled_line(item, style));
        } else {
            if (!bullets.empty()) flush();
            if (!para.empty()) para.push_back(line_break());
            for (Run& r : styled_line(line, style)) para.push_back(std::move(r));
        }
    }
    flush();
    return out;
}

Inline text_lines(std::string_view typed, const LineStyle& style) {
    Inline out;
    for (const std::string& line : typed_lines(typed)) {
        if (line.empty()) continue;
        if (!out.empty()) out.push_back(line_break());
        for (Run& r : styled_line(line, style)) out.push_back(std::move(r));
    }
    return out;
}

namespace {

// The text of a run, a bar or a chart's reference line: clean, with the typographic apostrophe of French prose.
std::string prose(std::string_view s) { return typographic_apostrophes(clean_text(s)); }

}  // namespace

Run plain(std::string_view s) { return {Run::plain, prose(s)}; }
Run emphasis(std::string_view s) { return {Run::emphasis, prose(s)}; }
Run strong(std::string_view s) { return {Run::strong, prose(s)}; }
Run line_break() { return {Run::line_break, "\n"}; }
Inline text(std::string_view s) { return {plain(s)}; }

Block heading(int level, std::string_view s) {
    Block b;
    b.kind = Block::heading;
    b.level = level < 1 ? 1 : level > 3 ? 3 : level;
    b.text = text(s);
    return b;
}

Block paragraph(Inline runs) {
    Block b;
    b.kind = Block::paragraph;
    b.text = std::move(runs);
    return b;
}

Block paragraph(std::string_view s) { return paragraph(text(s)); }

Block bullet_list(std::vector<Inline> items) {
    Block b;
    b.kind = Block::bullet_list;
    b.items = std::move(items);
    return b;
}

Block numbered_list(std::vector<Inline> items) {
    Block b = bullet_list(std::move(items));
    b.kind = Block::numbered_list;
    return b;
}

Block table(std::vector<Inline> header, std::vector<std::vector<Inline>> rows, std::vector<int> widths) {
    Block b;
    b.kind = Block::table;
    b.header = std::move(header);
    for (auto& row : rows) row.resize(b.header.size());   // every row as wide as the header
    b.rows = std::move(rows);
    if (widths.size() == b.header.size()) b.widths = std::move(widths);
    return b;
}

std::vector<int> column_percents(const Block& t) {
    const size_t n = t.header.empty() ? 1 : t.header.size();
    std::vector<int> w = t.widths.size() == n ? t.widths : std::vector<int>(n, 1);
    int sum = 0;
    for (int& x : w) sum += (x = x < 1 ? 1 : x);
    std::vector<int> out;
    int used = 0;
    for (size_t k = 0; k < n; ++k) {
        out.push_back(k + 1 == n ? 100 - used : w[k] * 100 / sum);
        used += out.back();
    }
    return out;
}

Block note(std::vector<Inline> paragraphs) {
    Block b;
    b.kind = Block::note;
    b.items = std::move(paragraphs);
    return b;
}

Block chart(std::string_view caption, std::vector<Bar> bars, double target, std::string_view target_label) {
    Block b;
    b.kind = Block::chart;
    b.text = text(caption);
    for (Bar& bar : bars) {
        bar.label = prose(bar.label);
        bar.shown = clean_text(bar.shown);
        bar.value = bar.value > 0 ? (bar.value < 1 ? bar.value : 1) : 0;
    }
    b.bars = std::move(bars);
    b.target = target > 1 ? 1 : target;
    b.target_label = prose(target_label);
    return b;
}

const EnumEntry<Run::Style> kRunStyles[] = {
    {Run::plain, "plain", "texte"}, {Run::emphasis, "emphasis", "italique"},
    {Run::strong, "strong", "gras"}, {Run::line_break, "line_break", "saut de ligne"}};
template <> EnumNames<Run::Style> enum_names<Run::Style>() { return kRunStyles; }

const EnumEntry<Block::Kind> kBlockKinds[] = {
    {Block::heading, "heading", "titre"}, {Block::paragraph, "paragraph", "paragraphe"},
    {Block::bullet_list, "bullet_list", "liste à puces"}, {Block::numbered_list, "numbered_list", "liste numérotée"},
    {Block::table, "table", "tableau"}, {Block::note, "note", "encadré"}, {Block::chart, "chart", "graphique"},
    {Block::contents, "contents", "sommaire"}};
template <> EnumNames<Block::Kind> enum_names<Block::Kind>() { return kBlockKinds; }

}  // namespace clausier
