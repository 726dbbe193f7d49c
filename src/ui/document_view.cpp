// The document model drawn on screen: the draft preview of the right panel and the firm's reading in
// Entreprise mode. Another writer in the pandoc sense (document.h): it knows blocks and runs, nothing about
// procurement. A paragraph that opens with a bold label ("Ce qui est demandé :") shows the label on its own
// line, since ImGui cannot switch fonts inside wrapped text.
#include "document/assemble.h"
#include "widgets.h"
#include "opendata.h"
#include <imgui_internal.h>

namespace ui {

const ImRect* find_item(const std::string& id);   // widgets.cpp

namespace {

// The glossary entries whose term appears as a whole word in `text` (firm mode's hover help).
std::vector<const GlossaryTerm*> terms_in(const std::string& text) {
    std::vector<const GlossaryTerm*> out;
    auto letter = [](char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); };
    for (const GlossaryTerm& g : firm_glossary()) {
        const std::string term = g.term;
        const std::string first = term.substr(0, term.find(' '));   // "BPU / DQE" is found by "BPU"
        for (size_t at = text.find(first); at != std::string::npos; at = text.find(first, at + 1)) {
            const size_t end = at + first.size();
            if ((at == 0 || !letter(text[at - 1])) && (end >= text.size() || !letter(text[end]))) {
                out.push_back(&g);
                break;
            }
        }
    }
    return out;
}

// Each term's first paragraph is registered as "firm.glossary.<term>" for the automation API.
void glossary_tooltip(const std::string& text, bool glossary) {
    if (!glossary) return;
    const std::vector<const GlossaryTerm*> found = terms_in(text);
    for (const GlossaryTerm* g : found)
        if (!find_item(std::string("firm.glossary.") + g->term)) register_item(std::string("firm.glossary.") + g->term, false);
    if (found.empty() || !ImGui::IsItemHovered()) return;
    ImGui::BeginTooltip();
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 28);
    for (const GlossaryTerm* g : found) {
        app().hover_help += std::string(g->term) + " : " + g->meaning + "\n";
        ImGui::PushFont(font_bold());
        wrapped_text(g->term);
        ImGui::PopFont();
        wrapped_text(g->meaning);
    }
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
}

// A run of inlines. A leading bold label goes on its own line, or beside the text when `beside` and it is
// short (a list of facts reads as label / value).
void runs(const Inline& in, bool glossary, bool beside = false) {
    size_t body = 0;
    const bool label = in.size() > 1 && in[0].style == Run::strong;
    if (label) {
        ImGui::PushFont(font_bold());
        wrapped_text(in[0].text);
        const float width = ImGui::GetItemRectSize().x;
        ImGui::PopFont();
        if (beside && width < ImGui::GetContentRegionAvail().x * 0.35f) ImGui::SameLine();
        body = 1;
    }
    std::string rest;
    for (size_t i = body; i < in.size(); ++i) rest += in[i].text;
    const bool bold = !label && in.size() == 1 && in[0].style == Run::strong;
    if (bold) ImGui::PushFont(font_bold());
    wrapped_text(trim(rest));
    if (bold) ImGui::PopFont();
    sem_text(trim(inline_text(in)));
    glossary_tooltip(inline_text(in), glossary);
}

void list(const Block& b, bool glossary) {
    for (size_t i = 0; i < b.items.size(); ++i) {
        if (b.kind != Block::numbered_list) ImGui::Bullet();
        else ImGui::Text("%zu.", i + 1);
        ImGui::SameLine();
        ImGui::BeginGroup();
        runs(b.items[i], glossary, true);
        ImGui::EndGroup();
    }
}

// A table too wide for its column (the side panel's preview): each row as a list of « header : value ».
void stacked_table(const Block& b, bool glossary) {
    for (const std::vector<Inline>& row : b.rows) {
        ImGui::Separator();
        for (size_t c = 0; c < b.header.size() && c < row.size(); ++c) {
            Inline cell = {{Run::strong, trim(inline_text(b.header[c])) + " : "}};
            cell.insert(cell.end(), row[c].begin(), row[c].end());
            runs(cell, glossary, true);
        }
    }
    ImGui::Separator();
}

void table_block(const Block& b, bool glossary, int index) {
    const int columns = int(b.header.size());
    if (columns == 0 || columns > 16) return;
    // Below about six characters' width a column would show a word a letter a line, cut by its border.
    if (ImGui::GetContentRegionAvail().x < float(columns) * ImGui::GetFontSize() * 6) return stacked_table(b, glossary);
    const ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable(("##table" + std::to_string(index)).c_str(), columns, flags)) return;
    const std::vector<int> widths = column_percents(b);
    for (int c = 0; c < columns; ++c)
        ImGui::TableSetupColumn(inline_text(b.header[size_t(c)]).c_str(), ImGuiTableColumnFlags_WidthStretch,
                                float(size_t(c) < widths.size() ? widths[size_t(c)] : 1));
    ImGui::PushFont(font_bold());
    ImGui::TableHeadersRow();
    ImGui::PopFont();
    for (const std::vector<Inline>& row : b.rows) {
        ImGui::TableNextRow();
        for (int c = 0; c < columns && size_t(c) < row.size(); ++c) {
            ImGui::TableSetColumnIndex(c);
            runs(row[size_t(c)], glossary);
        }
    }
    ImGui::EndTable();
}

// A note in a box; a leading bold label ("À compléter :") becomes the box's title.
void note_block(const Block& b) {
    std::string title = "À noter", text;
    for (const Inline& p : b.items) {
        size_t first = 0;
        if (text.empty() && p.size() > 1 && p[0].style == Run::strong) {
            title = trim(p[0].text);
            while (!title.empty() && (title.back() == ':' || title.back() == ' ')) title.pop_back();
            if (title.size() >= 3 && title.compare(title.size() - 3, 3, "\u202F") == 0) title.resize(title.size() - 3);
            first = 1;
        }
        std::string para;
        for (size_t i = first; i < p.size(); ++i) para += p[i].text;
        text += (text.empty() ? "" : "\n") + trim(para);
    }
    boxed_text(title.c_str(), text.c_str(), palette().warning);
}

void heading_block(const Block& b) {
    ImGui::Dummy(ImVec2(0, ImGui::GetFontSize() * (b.level == 1 ? 0.8f : 0.4f)));
    ImGui::PushFont(b.level == 1 ? font_heading() : font_bold());
    ImGui::PushStyleColor(ImGuiCol_Text, b.level <= 2 ? palette().primary : palette().text);
    wrapped_text(inline_text(b.text));
    ImGui::PopStyleColor();
    ImGui::PopFont();
    sem_heading(inline_text(b.text), b.level + 2);   // the document sits under the step's title and its panel
}

}  // namespace

void document_view(const Document& d, bool glossary) {
    ImGui::PushFont(font_heading());
    wrapped_text(d.title);
    ImGui::PopFont();
    sem_heading(d.title, 2);
    if (!d.subtitle.empty()) help_text(d.subtitle);
    for (const auto& [label, value] : d.metadata)   // « label : value », the value under a label too wide beside
        runs({{Run::strong, label + " :"}, {Run::plain, " " + value}}, false, true);
    for (size_t i = 0; i < d.blocks.size(); ++i) {
        const Block& b = d.blocks[i];
        switch (b.kind) {
        case Block::heading: heading_block(b); break;
        case Block::paragraph: runs(b.text, glossary); break;
        case Block::bullet_list:
        case Block::numbered_list:
        case Block::contents: list(b, glossary); break;
        case Block::table: table_block(b, glossary, int(i)); break;
        case Block::note: note_block(b); break;
        case Block::chart: chart_view(b); break;
        }
        ImGui::Dummy(ImVec2(0, ImGui::GetFontSize() * 0.3f));
    }
}

}  // namespace ui
