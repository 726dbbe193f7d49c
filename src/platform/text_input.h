// text_input.h — text fields edited through a DOM element (web/text_input.js): while a field is edited, a real
// <input> or <textarea> lies over it and the browser handles the keyboard, dead keys, input methods, dictation,
// paste and selection; the app receives the element's whole text after every change and draws the field itself
// the rest of the time. One field is edited at a time. The widgets (src/ui/widgets.cpp) call these functions;
// the browser's events arrive through the frame's input queue (main_web.cpp), in order with mouse and keys.
#pragma once
#include <string>

namespace platform {

// How the element looks: where the field is drawn (CSS pixels), the visible part of its window, its text
// size and padding, and its colours as 0xRRGGBB.
struct TextPlace {
    float x = 0, y = 0, w = 0, h = 0;
    float clip_l = 0, clip_t = 0, clip_r = 0, clip_b = 0;
    float font_px = 16, pad_x = 0, pad_y = 0;
    unsigned fg = 0, bg = 0xffffff, border = 0;
};

// Starts editing field `id` (an automation id) with `text`: the element appears and takes the keyboard, its
// whole text selected (`select_all`, a field reached with Tab) or the caret at its end (a click). `label` is
// what a screen reader says. Spell-check is the browser's French one.
void text_begin(const std::string& id, const std::string& text, bool multiline, bool spellcheck, bool select_all,
                const std::string& label);
// Places the element over the field; called at every frame while the field is edited (it scrolls, it grows).
void text_place(const TextPlace& place);
// The field's value was changed elsewhere (undo, another tab): the element shows `text`.
void text_set(const std::string& text);
// Ends the edit: the element goes away and the canvas takes the keyboard back.
void text_end();
// The id of the field being edited, "" when none.
const std::string& text_editing();
// The element's text for field `id` when it changed since the last call (true). Text that arrives just
// before the element loses the keyboard is still handed over in that frame.
bool text_take(const std::string& id, std::string& text);
// Called at the end of every frame: an edit whose element lost the keyboard, or whose field was not drawn
// (another step, a closed list), ends.
void text_frame_end();

// From the browser event queue (main_web.cpp): the element's text changed, or the element lost the keyboard,
// for the edit numbered `serial` (events of an edit already ended are ignored).
void text_received(int serial, const std::string& text);
void text_blurred(int serial);

}  // namespace platform
