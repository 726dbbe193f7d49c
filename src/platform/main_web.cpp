// main_web.cpp — the browser host of the app: a WebGL2 context on the page's canvas, a Dear ImGui input
// backend over Emscripten's HTML5 events, and a frame loop that runs only when something happened (input,
// resize, a timer or an async completion): an idle page draws no frames.
//
// Dear ImGui 1.86 reads input as polled state, so a press and a release arriving within one frame would be
// lost (a fast click). Events are therefore queued and applied in order, stopping at the first event that
// would change a button or key already changed this frame; the rest waits for the next frame.
//
// While a text field is edited, a DOM element has the keyboard (text_input.h, web/text_input.js): the browser
// handles its keys and the app receives its text, in the same queue; only Tab and the app's Ctrl+S / Ctrl+O
// still reach ImGui.
#include "../ui/app.h"
#include "../ui/widgets.h"
#include "platform.h"
#include "text_input.h"
#include <GLES3/gl3.h>
#include <backends/imgui_impl_opengl3.h>
#include <emscripten.h>
#include <emscripten/html5.h>
#include <algorithm>
#include <cstring>
#include <deque>

namespace {

struct InputEvent {
    enum Type { MouseMove, MouseButton, Wheel, Key, Char, Text, TextBlur } type;
    float x = 0, y = 0;      // MouseMove: position; Wheel: deltas
    int code = 0;            // MouseButton: button; Key: key index; Char: code point; Text, TextBlur: edit serial
    bool down = false;
    bool ctrl = false, shift = false, alt = false;
    std::string text = {};   // Text: the DOM element's whole text
};

struct Host {
    EMSCRIPTEN_WEBGL_CONTEXT_HANDLE gl = 0;
    std::deque<InputEvent> events;
    int frames_left = 0;
    bool looping = false;
    double css_w = 0, css_h = 0;
    float dpr = 1, font_dpr = 0, font_zoom = 0;
    bool font_contrast = false;
    std::string clipboard;
    bool keys_pushed[512] = {};   // keys whose last event given to ImGui was a press
    double last_frame_ms = -1e9;  // when the last frame ended (emscripten_get_now)
    unsigned frames_drawn = 0;    // frames drawn since start (clausier_frames, for scripts/bench)
};

Host host;

EM_BOOL frame(double, void*);

// Starts the loop for `frames` frames at least (3 by default: an input's hover, pressed and released states
// settle over a few frames).
void wake(int frames = 3) {
    if (host.frames_left < frames) host.frames_left = frames;
    if (!host.looping) {
        host.looping = true;
        emscripten_request_animation_frame_loop(frame, nullptr);
    }
}

void push(const InputEvent& e) {
    if (e.type == InputEvent::Key && e.code > 0 && e.code < 512) host.keys_pushed[e.code] = e.down;
    host.events.push_back(e);
    wake();
}

// Applies queued events until one would change a button or key already changed this frame.
void apply_events() {
    ImGuiIO& io = ImGui::GetIO();
    bool mouse_changed[5] = {};
    static bool key_changed[512];
    std::fill(std::begin(key_changed), std::end(key_changed), false);
    while (!host.events.empty()) {
        const InputEvent& e = host.events.front();
        switch (e.type) {
            case InputEvent::MouseMove: io.MousePos = ImVec2(e.x, e.y); break;
            case InputEvent::MouseButton:
                if (mouse_changed[e.code]) return;
                mouse_changed[e.code] = true;
                io.MousePos = ImVec2(e.x, e.y);
                io.MouseDown[e.code] = e.down;
                break;
            case InputEvent::Wheel: io.MouseWheel += e.y; io.MouseWheelH += e.x; break;
            case InputEvent::Key:
                // Tab moves the focus across the whole app (ui::tab_focus), not ImGui's text-fields-only tabbing.
                if (e.code == 9) {
                    if (e.down && !e.ctrl && !e.alt) ui::tab_focus(e.shift);
                    break;
                }
                if (key_changed[e.code]) return;
                key_changed[e.code] = true;
                io.KeysDown[e.code] = e.down;
                // Enter activates the focused button, checkbox or list entry as Space does (ImGui reserves it
                // for text input), as it would on a web page.
                if (e.code == 13 && !io.WantTextInput) io.KeysDown[32] = e.down;
                io.KeyCtrl = e.ctrl;
                io.KeyShift = e.shift;
                io.KeyAlt = e.alt;
                break;
            case InputEvent::Char: io.AddInputCharacter(unsigned(e.code)); break;
            case InputEvent::Text: platform::text_received(e.code, e.text); break;
            case InputEvent::TextBlur: platform::text_blurred(e.code); break;
        }
        host.events.pop_front();
    }
}

void update_size() {
    double w, h;
    emscripten_get_element_css_size("#canvas", &w, &h);
    const float dpr = float(emscripten_get_device_pixel_ratio());
    if (w != host.css_w || h != host.css_h || dpr != host.dpr) {
        host.css_w = w;
        host.css_h = h;
        host.dpr = dpr;
        emscripten_set_canvas_element_size("#canvas", int(w * dpr + 0.5), int(h * dpr + 0.5));
    }
}

void update_fonts() {
    ui::App& a = ui::app();
    if (host.font_dpr == host.dpr && host.font_zoom == a.zoom && host.font_contrast == a.high_contrast) return;
    host.font_dpr = host.dpr;
    host.font_zoom = a.zoom;
    host.font_contrast = a.high_contrast;
    ui::load_fonts(a.zoom, host.dpr);
    ui::apply_theme(a.high_contrast, a.zoom);
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    ImGui_ImplOpenGL3_CreateFontsTexture();
}

// Draws one frame: applies the queued input, runs the app, then its bookkeeping (Session autosave timer…).
void draw_frame() {
    update_size();
    update_fonts();
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(float(host.css_w), float(host.css_h));
    io.DisplayFramebufferScale = ImVec2(host.dpr, host.dpr);
    io.DeltaTime = 1.0f / 60.0f;
    apply_events();
    ImGui_ImplOpenGL3_NewFrame();
    ImGui::NewFrame();
    ui::draw_app();
    platform::text_frame_end();
    ImGui::Render();
    glViewport(0, 0, int(host.css_w * host.dpr + 0.5), int(host.css_h * host.dpr + 0.5));
    const ImVec4 bg = ui::palette().background;
    glClearColor(bg.x, bg.y, bg.z, 1);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    ui::end_frame();
    io.MouseWheel = io.MouseWheelH = 0;
    host.last_frame_ms = emscripten_get_now();
    ++host.frames_drawn;
}

EM_BOOL frame(double, void*) {
    draw_frame();
    const ImGuiIO& io = ImGui::GetIO();
    // Keep drawing while events wait or a button or key is held (a drag, a key repeating); otherwise stop after
    // a few settling frames. A focused text field alone needs no frames: its keys wake the loop.
    const bool held = io.MouseDown[0] || std::any_of(std::begin(io.KeysDown), std::end(io.KeysDown), [](bool d) { return d; });
    if (!host.events.empty() || held) host.frames_left = std::max(host.frames_left, 2);
    if (--host.frames_left > 0) return EM_TRUE;
    host.looping = false;
    return EM_FALSE;
}

// ---- HTML5 event callbacks -------------------------------------------------------------------------------

EM_BOOL on_mouse_move(int, const EmscriptenMouseEvent* e, void*) {
    push({InputEvent::MouseMove, float(e->clientX), float(e->clientY)});
    return EM_FALSE;
}

// Events that may move the keyboard to a text field's DOM element (a click, Tab) are drawn at once, before the
// browser dispatches the next event: the keys typed right after them (Ctrl+A, the first letters) then reach
// the element, not the canvas.
void draw_now(const InputEvent& e) {
    push(e);
    draw_frame();
}

EM_BOOL on_mouse_button(int type, const EmscriptenMouseEvent* e, void*) {
    const int button = e->button == 0 ? 0 : e->button == 2 ? 1 : e->button == 1 ? 2 : -1;
    if (button < 0) return EM_FALSE;
    const InputEvent event{InputEvent::MouseButton, float(e->clientX), float(e->clientY), button, type == EMSCRIPTEN_EVENT_MOUSEDOWN};
    // ImGui 1.86 refuses the press of an item that allows overlap (a tab) when another item was hovered in the frame
    // before. A pointer that jumps onto a widget and presses at once (a touch screen, a pen, a screen reader's
    // click, a fast hand: move, press and release in one burst) first gets one frame hovering there, as a hand
    // moving the mouse would give it.
    const ImVec2 at = ImGui::GetIO().MousePos;
    if (event.down && (at.x != event.x || at.y != event.y)) draw_now({InputEvent::MouseMove, event.x, event.y});
    draw_now(event);
    return EM_FALSE;
}

EM_BOOL on_wheel(int, const EmscriptenWheelEvent* e, void*) {
    const float scale = e->deltaMode == DOM_DELTA_PIXEL ? 1.0f / 100 : e->deltaMode == DOM_DELTA_LINE ? 1.0f / 3 : 1.0f;
    push({InputEvent::Wheel, float(-e->deltaX) * scale, float(-e->deltaY) * scale});
    return EM_TRUE;
}

// Keys the app's widgets navigate with (Backspace, Tab, Enter, Escape, the page and arrow keys, Insert,
// Delete): the browser's default action (scrolling the page, going back) is cancelled. Function keys are not
// among them: F5, F11 and F12 stay the browser's.
bool is_control_key(int code) {
    return code == 8 || code == 9 || code == 13 || code == 27 || (code >= 33 && code <= 40) || code == 45 || code == 46;
}

// The app's own shortcuts (ui::is_shortcut_key). Every other Ctrl combination stays the browser's: Ctrl+R
// reloads, Ctrl+F finds, Ctrl+P prints, Ctrl+plus zooms, Ctrl+Tab changes tab.
bool is_app_shortcut(const EmscriptenKeyboardEvent* e) {
    return (e->ctrlKey || e->metaKey) && !e->altKey && ui::is_shortcut_key(int(e->keyCode));
}

// While a DOM element edits a text field, its keys are the browser's: only Tab (the app's focus order), the
// app's file shortcuts (Ctrl+S, Ctrl+O; never with Alt, which is AltGr on Windows) and key releases reach ImGui.
bool keys_for_app_while_editing(const EmscriptenKeyboardEvent* e, bool down) {
    const int code = int(e->keyCode);
    const bool command = (e->ctrlKey || e->metaKey) && !e->altKey;
    return !down || code == 9 || (command && (code == 'S' || code == 'O'));
}

EM_BOOL on_key(int type, const EmscriptenKeyboardEvent* e, void*) {
    const bool down = type == EMSCRIPTEN_EVENT_KEYDOWN;
    const int code = int(e->keyCode);
    const bool command = e->ctrlKey || e->metaKey;
    const InputEvent key{InputEvent::Key, 0, 0, code, down, command, bool(e->shiftKey), bool(e->altKey)};
    if (code == 9 && down && !command) {
        draw_now(key);
        return EM_TRUE;
    }
    if (!platform::text_editing().empty()) {
        if (!keys_for_app_while_editing(e, down)) return EM_FALSE;
        // The release of a key the app never saw pressed (a letter typed into the DOM element) changes nothing:
        // it must not wake the loop for frames of its own. Modifiers' releases always go (io.KeyCtrl & co.).
        const bool modifier = code == 16 || code == 17 || code == 18 || code == 91 || code == 92 || code == 93 || code == 224;
        if (!down && !modifier && code > 0 && code < 512 && !host.keys_pushed[code]) return EM_FALSE;
        push(key);
        return down ? EM_TRUE : EM_FALSE;
    }
    // Ctrl+V is left to the browser so that its paste event brings the system clipboard (see clausier_paste).
    if (command && code == 'V') return EM_FALSE;
    if (code > 0 && code < 512) push(key);
    // Character keys must reach the keypress event (including keys a foreign layout or an input method sends
    // with no key code); navigation keys and the app's shortcuts are the app's, the rest the browser's.
    return (is_app_shortcut(e) || (!command && is_control_key(code))) ? EM_TRUE : EM_FALSE;
}

EM_BOOL on_keypress(int, const EmscriptenKeyboardEvent* e, void*) {
    if (e->ctrlKey || e->metaKey || !platform::text_editing().empty()) return EM_FALSE;
    const unsigned c = e->charCode;
    if (c >= 32 && c != 127) push({InputEvent::Char, 0, 0, int(c)});
    return EM_TRUE;
}

EM_BOOL on_resize(int, const EmscriptenUiEvent*, void*) {
    wake();
    return EM_FALSE;
}

EM_BOOL on_blur(int, const EmscriptenFocusEvent*, void*) {
    // Keys held when the page loses focus would otherwise stay down.
    ImGuiIO& io = ImGui::GetIO();
    std::fill(std::begin(io.KeysDown), std::end(io.KeysDown), false);
    std::fill(std::begin(host.keys_pushed), std::end(host.keys_pushed), false);
    io.KeyCtrl = io.KeyShift = io.KeyAlt = false;
    wake();
    return EM_FALSE;
}

const char* get_clipboard(void*) { return host.clipboard.c_str(); }
void set_clipboard(void*, const char* text) {
    host.clipboard = text;
    platform::clipboard_write(text);
}

void setup_imgui() {
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    io.BackendPlatformName = "clausier_html5";
    const std::pair<ImGuiKey_, int> keys[] = {
        {ImGuiKey_Tab, 9}, {ImGuiKey_LeftArrow, 37}, {ImGuiKey_RightArrow, 39}, {ImGuiKey_UpArrow, 38},
        {ImGuiKey_DownArrow, 40}, {ImGuiKey_PageUp, 33}, {ImGuiKey_PageDown, 34}, {ImGuiKey_Home, 36},
        {ImGuiKey_End, 35}, {ImGuiKey_Insert, 45}, {ImGuiKey_Delete, 46}, {ImGuiKey_Backspace, 8},
        {ImGuiKey_Space, 32}, {ImGuiKey_Enter, 13}, {ImGuiKey_Escape, 27}, {ImGuiKey_KeyPadEnter, 13},
        {ImGuiKey_A, 'A'}, {ImGuiKey_C, 'C'}, {ImGuiKey_V, 'V'}, {ImGuiKey_X, 'X'}, {ImGuiKey_Y, 'Y'}, {ImGuiKey_Z, 'Z'}};
    for (const auto& [k, code] : keys) io.KeyMap[k] = code;
    io.GetClipboardTextFn = get_clipboard;
    io.SetClipboardTextFn = set_clipboard;
}

}  // namespace

extern "C" {
// The page's JavaScript wakes the loop on events the HTML5 callbacks do not see (timers, file reads): `frames`
// frames at least, 0 (no argument from JavaScript) for the default settling frames.
EMSCRIPTEN_KEEPALIVE void clausier_wake(int frames) { wake(frames > 0 ? frames : 3); }
// The page is being hidden or left: keys typed but not yet drawn reach the project first (a burst of typing
// followed at once by a reload or a closed tab), then the app writes what is pending.
EMSCRIPTEN_KEEPALIVE void clausier_page_hidden() {
    for (int i = 0; i < 64 && !host.events.empty(); ++i) draw_frame();
    app_page_hidden();
}
// A paste event from the browser: the system clipboard's text, then Ctrl+V for the focused field.
EMSCRIPTEN_KEEPALIVE void clausier_paste(const char* text) {
    host.clipboard = text;
    push({InputEvent::Key, 0, 0, 'V', true, true});
    push({InputEvent::Key, 0, 0, 'V', false, true});
}
// web/text_input.js: the DOM element of edit `serial` holds `text` now (after a key, a paste, a composition…).
// Typing is drawn at once unless a frame ended less than half a display refresh ago (8 ms): the character is
// on the canvas when the browser composes its next frame, instead of waiting up to a whole refresh for the
// loop's next animation frame. Right after a frame (fast repeats, a paste) the loop's next frame draws it.
EMSCRIPTEN_KEEPALIVE void clausier_text_input(int serial, const char* text) {
    InputEvent e{InputEvent::Text};
    e.code = serial;
    e.text = text;
    push(e);
    if (emscripten_get_now() - host.last_frame_ms < 8) return;
    draw_frame();
    // The key is drawn: one more frame redraws what was drawn before the field changed (ui::end_frame asks for
    // it), not the settling frames of a wake; the derived data of the typing bring their own frames.
    if (host.events.empty()) host.frames_left = 1;
}
// The number of frames drawn so far: scripts/bench times a key to the end of the first frame drawn after it.
EMSCRIPTEN_KEEPALIVE unsigned clausier_frames() { return host.frames_drawn; }
// web/text_input.js: the DOM element of edit `serial` lost the keyboard (Enter, Escape, a click elsewhere).
EMSCRIPTEN_KEEPALIVE void clausier_text_blur(int serial) {
    InputEvent e{InputEvent::TextBlur};
    e.code = serial;
    push(e);
}
// web/semantics.js: the node of text field `id` got the focus (a screen reader moved it there): the edit starts
// at once, in this event, in that node (web/text_input.js), so that keys typed right after go into the field.
EMSCRIPTEN_KEEPALIVE void clausier_text_edit_now(const char* id) {
    if (platform::text_editing() == id) return;
    ui::app().focus_request = id;
    draw_frame();
}
// web/text_input.js: a right button pressed at (x, y), CSS pixels. On a text field, its edit starts at once, in
// this event, so that the browser's context menu (which opens right after the press) belongs to the field's
// DOM element and offers « Coller », as in any page; returns 1 then (the press is the element's, not the
// canvas's), else 0.
EMSCRIPTEN_KEEPALIVE int clausier_text_press(float x, float y) {
    const std::string id = ui::text_field_at(x, y);
    if (id.empty()) return 0;
    clausier_text_edit_now(id.c_str());
    return platform::text_editing() == id;
}
// For other page scripts (window.clausierText.focus): edit the field with automation id `id`, as if the user
// had reached it with Tab (the app scrolls to it and its DOM element appears over it, focused).
EMSCRIPTEN_KEEPALIVE void clausier_text_focus(const char* id) {
    ui::app().focus_request = id;
    wake();
}
}

int main() {
    EmscriptenWebGLContextAttributes attrs;
    emscripten_webgl_init_context_attributes(&attrs);
    attrs.majorVersion = 2;
    attrs.alpha = false;
    attrs.antialias = false;
    host.gl = emscripten_webgl_create_context("#canvas", &attrs);
    if (host.gl <= 0) {
        EM_ASM({ document.getElementById('fatal').textContent =
                 "Votre navigateur ne permet pas l'affichage WebGL 2 : Clausier ne peut pas démarrer."; });
        return 1;
    }
    emscripten_webgl_make_context_current(host.gl);
    setup_imgui();
    update_size();
    update_fonts();
    ImGui_ImplOpenGL3_Init("#version 300 es");
    ui::start_session();
    platform::watch_page();

    const char* canvas = "#canvas";
    emscripten_set_mousedown_callback(canvas, nullptr, true, on_mouse_button);
    emscripten_set_mouseup_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, nullptr, true, on_mouse_button);
    emscripten_set_mousemove_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, nullptr, true, on_mouse_move);
    emscripten_set_wheel_callback(canvas, nullptr, true, on_wheel);
    emscripten_set_keydown_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, nullptr, true, on_key);
    emscripten_set_keyup_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, nullptr, true, on_key);
    emscripten_set_keypress_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, nullptr, true, on_keypress);
    emscripten_set_resize_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, nullptr, true, on_resize);
    emscripten_set_blur_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, nullptr, true, on_blur);
    wake();
    return 0;
}
