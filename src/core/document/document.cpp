#include "document/document.h"
#include "base/text.h"

namespace clausier {

std::string clean_text(std::string_view s) {
    std::string bytes;
    bytes.reserve(s.size());
    for (char c : s) {
        unsigned char u = static_cast<unsigned char>(c);
        if (c == '\t' || c == '\n') bytes += ' ';
        else if (u >= 0x20 && u != 0x7F) bytes += c;
    }
    std::string valid = sanitize_utf8(bytes), out;
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

Run plain(std::string_view s) { return {Run::plain, clean_text(s)}; }
Run emphasis(std::string_view s) { return {Run::emphasis, clean_text(s)}; }
Run strong(std::string_view s) { return {Run::strong, clean_text(s)}; }
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

}  // namespace clausier
