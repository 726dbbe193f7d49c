// text_input.cpp — the C++ side of web/text_input.js (see text_input.h).
#include "text_input.h"
#include <emscripten.h>
#include <cstdio>
#include <vector>

// clang-format off
EM_JS(int, js_text_begin, (const char* id, const char* text, int multiline, int spellcheck, int select_all, const char* label), {
    return ClausierText.begin(UTF8ToString(id), UTF8ToString(text), !!multiline, !!spellcheck, !!select_all, UTF8ToString(label));
});
EM_JS(void, js_text_place, (float x, float y, float w, float h, float cl, float ct, float cr, float cb, float font_px,
                            float pad_x, float pad_y, unsigned fg, unsigned bg, unsigned border), {
    const css = (c) => '#' + (c >>> 0).toString(16).padStart(6, '0');
    ClausierText.place(x, y, w, h, cl, ct, cr, cb, font_px, pad_x, pad_y, css(fg), css(bg), css(border));
});
EM_JS(void, js_text_set, (int serial, const char* text), { ClausierText.set(serial, UTF8ToString(text)); });
EM_JS(void, js_text_end, (int serial), { ClausierText.end(serial); });
EM_JS(void, js_text_font, (const char* data, int size), { ClausierText.font(HEAPU8.slice(data, data + size).buffer); });
// clang-format on

namespace platform {

namespace {

struct Agent {
    std::string id;          // field being edited, "" when none
    int serial = 0;          // number of the current edit (web/text_input.js counts the same way)
    bool seen = false;       // the field was drawn this frame
    bool blurred = false;    // the element lost the keyboard: the edit ends after this frame
    std::string pending_id;  // the field whose element's text arrived since the last text_take() ("" when none)
    std::string pending;
    bool font_loaded = false;
    TextPlace placed;        // where the element was put last (a new edit or a move sets it again)
    bool is_placed = false;
};

bool same_place(const TextPlace& a, const TextPlace& b) {
    return a.x == b.x && a.y == b.y && a.w == b.w && a.h == b.h && a.clip_l == b.clip_l && a.clip_t == b.clip_t &&
           a.clip_r == b.clip_r && a.clip_b == b.clip_b && a.font_px == b.font_px && a.pad_x == b.pad_x &&
           a.pad_y == b.pad_y && a.fg == b.fg && a.bg == b.bg && a.border == b.border;
}

Agent agent;

// The element draws with the canvas's font (DejaVu Sans, embedded in the page) so that its text wraps alike.
void load_font() {
    if (agent.font_loaded) return;
    agent.font_loaded = true;
    FILE* f = std::fopen("/fonts/DejaVuSans.ttf", "rb");
    if (!f) return;
    std::vector<char> bytes;
    char buf[65536];
    for (size_t n; (n = std::fread(buf, 1, sizeof buf, f)) > 0;) bytes.insert(bytes.end(), buf, buf + n);
    std::fclose(f);
    js_text_font(bytes.data(), int(bytes.size()));
}

}  // namespace

void text_begin(const std::string& id, const std::string& text, bool multiline, bool spellcheck, bool select_all,
                const std::string& label) {
    load_font();
    agent.id = id;
    agent.serial = js_text_begin(id.c_str(), text.c_str(), multiline, spellcheck, select_all, label.c_str());
    agent.seen = true;
    agent.blurred = false;
    agent.is_placed = false;
}

void text_place(const TextPlace& p) {
    agent.seen = true;
    // Only a move or a new look touches the element's style: every write costs the page a style recalculation.
    if (agent.is_placed && same_place(agent.placed, p)) return;
    agent.placed = p;
    agent.is_placed = true;
    js_text_place(p.x, p.y, p.w, p.h, p.clip_l, p.clip_t, p.clip_r, p.clip_b, p.font_px, p.pad_x, p.pad_y, p.fg, p.bg, p.border);
}

void text_set(const std::string& text) { js_text_set(agent.serial, text.c_str()); }

void text_end() {
    if (agent.id.empty()) return;
    js_text_end(agent.serial);
    agent.id.clear();
    agent.blurred = false;
}

const std::string& text_editing() { return agent.id; }

bool text_take(const std::string& id, std::string& text) {
    if (agent.pending_id.empty() || agent.pending_id != id) return false;
    agent.pending_id.clear();
    text = std::move(agent.pending);
    return true;
}

void text_frame_end() {
    if (!agent.id.empty() && (!agent.seen || agent.blurred)) text_end();
    agent.seen = false;
    agent.pending_id.clear();   // its field was not drawn: nowhere to store it
}

void text_received(int serial, const std::string& text) {
    if (serial != agent.serial || agent.id.empty()) return;
    agent.pending_id = agent.id;
    agent.pending = text;
}

void text_blurred(int serial) {
    if (serial == agent.serial) agent.blurred = true;
}

}  // namespace platform
