#include "widgets.h"
#include "base/clock.h"
#include "base/date.h"
#include "base/number.h"
#include "base/text.h"
#include "base/unicode.h"
#include "base/wrap.h"
#include "platform.h"
#include "semantics.h"
#include "text_input.h"
#include <imgui_internal.h>
#include <algorithm>
#include <unordered_map>
#include <map>
#include <optional>

namespace ui {

namespace {

// Automation registry: item rectangles of the last drawn frame, by automation id, and the drawing order.
// Where each widget was drawn in the last frame, and whether its window showed all of it (not scrolled out
// or cut by the edge of its column).
struct Registered {
    ImRect rect, clip;   // the widget, and what its window shows (its clip rectangle)
    bool visible = false;
};
std::map<std::string, Registered>& registry() {
    static std::map<std::string, Registered> r;
    return r;
}
std::vector<std::string>& drawing_order() {
    static std::vector<std::string> v;
    return v;
}
// The text fields of the last frame, by automation id (what a right-click may start editing: text_field_at).
std::vector<std::string>& text_fields() {
    static std::vector<std::string> v;
    return v;
}
// The lines of text drawn by wrapped_text in the last frame, where, and what their window showed of them.
struct DrawnLine {
    std::string text;
    ImRect rect, clip;
};
struct DrawnLines {
    std::vector<DrawnLine> lines;
    size_t count = 0;   // lines of the frame being drawn (the vector keeps its strings' memory across frames)
};
DrawnLines& drawn_lines() {
    static DrawnLines d;
    return d;
}

// The Tab order (focusable ids in drawing order) and the focused id, of the frame being drawn and of the last.
// While a modal dialog is open, Tab cycles through its widgets only (`modal`), and Escape closes it.
struct FocusState {
    std::vector<std::string> order, last_order, modal, last_modal;
    std::string focused, last_focused;
};
FocusState& focus_state() {
    static FocusState f;
    return f;
}

// Gives keyboard focus to the item just drawn, with the visible focus frame, and scrolls it into view.
void focus_last_item() {
    ImGuiContext& g = *GImGui;
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    if (g.ActiveId != 0 && g.ActiveId != g.LastItemData.ID) ImGui::ClearActiveID();   // leave a text field
    ImGui::FocusWindow(window);
    ImGui::SetFocusID(g.LastItemData.ID, window);
    g.NavDisableHighlight = false;
    g.NavDisableMouseHover = true;
    const float y = (g.LastItemData.Rect.Min.y + g.LastItemData.Rect.Max.y) * 0.5f - window->Pos.y;
    // Also when a scroll is pending (a new step scrolls to its top): the item is then where it was drawn, not
    // where it will be shown.
    if (window->ScrollTarget.y != FLT_MAX || !window->ClipRect.Contains(g.LastItemData.Rect)) ImGui::SetScrollFromPosY(y, 0.4f);
}

// The keyboard focus frame, 2 px in the focus colour around the whole item (ImGui draws only a 1 px line
// around list entries): RGAA 10.7, the focus always visible.
void draw_focus_frame() {
    const ImGuiContext& g = *GImGui;
    if (g.NavDisableHighlight || g.NavId == 0 || g.NavId != g.LastItemData.ID) return;
    const float d = 2.0f;
    const ImRect& r = g.LastItemData.Rect;
    ImGui::GetWindowDrawList()->AddRect(ImVec2(r.Min.x - d, r.Min.y - d), ImVec2(r.Max.x + d, r.Max.y + d),
                                        ImGui::GetColorU32(ImGuiCol_NavHighlight), ImGui::GetStyle().FrameRounding, 0, 2.0f);
}

void field_label(const char* label) {
    ImGui::PushStyleColor(ImGuiCol_Text, palette().text);
    wrapped_text(label);
    ImGui::PopStyleColor();
}

// The lines of `text` in the current font at `width` pixels (base/wrap.h: amounts and dates stay whole).
std::vector<LineSpan> font_lines(std::string_view text, float width) {
    ImFont* font = ImGui::GetFont();
    const float size = ImGui::GetFontSize();
    return wrap_lines(text, width, [&](std::string_view s) {
        return font->CalcTextSizeA(size, FLT_MAX, 0.0f, s.data(), s.data() + s.size()).x;
    });
}

void note_line(std::string_view text, const ImRect& rect) {
    DrawnLines& d = drawn_lines();
    if (d.count == d.lines.size()) d.lines.emplace_back();
    DrawnLine& l = d.lines[d.count++];
    l.text.assign(text.data(), text.size());
    l.rect = rect;
    l.clip = ImGui::GetCurrentWindow()->ClipRect;
}

// A field being typed into: its keystrokes join one undo step (app.cpp ends the step when no field is), and
// it is where a reload brings the user back.
void note_typing(const std::string& id) {
    if (platform::text_editing() != id) return;
    app().editing_text = true;
    app().last_field = id;
}

// ---- text fields edited in a DOM element (platform/text_input.h) ------------------------------------------

// The model's value of the field being edited, as its element shows it, when they were last in step: a model
// value that differs from it was changed elsewhere (undo, another tab) and is sent to the element. Typing
// never comes back to the element (its caret and its unstored characters, e.g. a space being typed, stay).
std::string& edit_synced() {
    static std::string s;
    return s;
}
// The model's value of the field being edited, as shown, when the edit began: while the typed text of a number
// or date is refused, the field holds this value again (the keystrokes before, « 1 » of « 1,234,567 », were
// stored as they came), so that a refused text leaves the value as it was.
std::string& edit_origin() {
    static std::string s;
    return s;
}

// Number and date texts refused while typing, by field id: the text typed and why it was refused (one French
// sentence). The stored value stays as it was; the message shows under the field once it is left, and the
// text comes back into the field when it is edited again.
struct Refusal {
    std::string text, message;
};
std::map<std::string, Refusal>& refusals() {
    static std::map<std::string, Refusal> r;
    return r;
}

unsigned rgb(const ImVec4& c) {
    auto byte = [](float v) { return unsigned(std::clamp(v, 0.0f, 1.0f) * 255 + 0.5f); };
    return byte(c.x) << 16 | byte(c.y) << 8 | byte(c.z);
}

// A text field as the canvas draws it and the DOM element edits it.
struct TextBox {
    const std::string& id;
    const char* label;
    const std::string& model;   // the model's value as the element shows it ("59 999,50 €" for an amount)
    const std::string& start;   // the element's text when an edit begins (a refused text comes back)
    const char* hint = "";      // drawn, muted, in an empty field
    bool multiline = false;
    float lines = 1;            // multi-line: the least number of lines shown; the field grows with its text
    bool spellcheck = false;
    float width = 0;            // CSS pixels; 0: the width of the column
};

// Places the DOM element over the field being edited, styled like it.
void place_element(const ImRect& bb, const ImGuiWindow* window) {
    const ImGuiStyle& style = ImGui::GetStyle();
    platform::TextPlace p;
    p.x = bb.Min.x, p.y = bb.Min.y, p.w = bb.GetWidth(), p.h = bb.GetHeight();
    p.clip_l = window->ClipRect.Min.x, p.clip_t = window->ClipRect.Min.y;
    p.clip_r = window->ClipRect.Max.x, p.clip_b = window->ClipRect.Max.y;
    p.font_px = ImGui::GetFontSize();
    p.pad_x = style.FramePadding.x, p.pad_y = style.FramePadding.y;
    p.fg = rgb(palette().text), p.bg = rgb(style.Colors[ImGuiCol_FrameBg]), p.border = rgb(palette().primary);
    platform::text_place(p);
}

// Draws the text of a field that is not being edited: one line clipped to the field, or words wrapped.
void draw_field_text(const TextBox& b, const ImRect& bb) {
    const ImGuiStyle& style = ImGui::GetStyle();
    const bool empty = b.model.empty();
    const std::string& text = empty ? std::string(b.hint) : b.model;
    const ImU32 color = ImGui::GetColorU32(empty ? palette().muted : palette().text);
    const ImVec2 at(bb.Min.x + style.FramePadding.x, bb.Min.y + style.FramePadding.y);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec4 clip(bb.Min.x, bb.Min.y, bb.Max.x - style.FramePadding.x * 0.5f, bb.Max.y);
    if (!b.multiline) {
        dl->AddText(ImGui::GetFont(), ImGui::GetFontSize(), at, color, text.c_str(), text.c_str() + text.size(), 0.0f, &clip);
        return;
    }
    float y = at.y;
    for (const LineSpan& l : font_lines(text, bb.GetWidth() - 2 * style.FramePadding.x)) {
        const char* begin = text.c_str() + l.begin;
        dl->AddText(ImGui::GetFont(), ImGui::GetFontSize(), ImVec2(at.x, y), color, begin, text.c_str() + l.end, 0.0f, &clip);
        note_line(std::string_view(begin, l.end - l.begin),
                  ImRect(at.x, y, at.x + ImGui::CalcTextSize(begin, text.c_str() + l.end).x, y + ImGui::GetTextLineHeight()));
        y += ImGui::GetTextLineHeight();
    }
}

// The height of a field: one line, or at least `lines` and as many as its wrapped text needs plus one, for the
// caret on a new line. The room for the caret stays when the field is left: a click on a widget below it ends
// the edit between the press and the release, and a field shrinking then would move that widget from under the
// pointer and lose the click.
float field_height(const TextBox& b, float width) {
    const ImGuiStyle& style = ImGui::GetStyle();
    if (!b.multiline) return ImGui::GetFrameHeight();
    const float line = ImGui::GetTextLineHeight();
    const float wrap = width - 2 * style.FramePadding.x;
    const float text_h = line * float(font_lines(b.model, wrap).size() + 1);
    return std::max(b.lines * line, text_h) + 2 * style.FramePadding.y;
}

// Draws a text field and runs its edit: a click, Enter/Space on it or a focus request (Tab, a finding's
// « Corriger ») starts editing it in a DOM element; the focus going elsewhere ends it. Returns true with
// `typed` set when the element's text changed this frame.
bool text_box(const TextBox& b, std::string& typed) {
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    ImGuiContext& g = *GImGui;
    const ImGuiID gid = window->GetID(b.id.c_str());
    const float avail = ImGui::GetContentRegionAvail().x;
    const float width = b.width > 0 ? std::min(b.width, avail) : avail;
    bool editing = platform::text_editing() == b.id;
    text_fields().push_back(b.id);
    const ImVec2 pos = window->DC.CursorPos;
    const ImRect bb(pos, ImVec2(pos.x + width, pos.y + field_height(b, width)));
    ImGui::ItemSize(bb, ImGui::GetStyle().FramePadding.y);
    bool hovered = false, held = false;
    const bool pressed = ImGui::ItemAdd(bb, gid) && ImGui::ButtonBehavior(bb, gid, &hovered, &held);
    const bool disabled = g.LastItemData.InFlags & ImGuiItemFlags_Disabled;
    const bool requested = app().focus_request == b.id;
    if (hovered && !disabled) ImGui::SetMouseCursor(ImGuiMouseCursor_TextInput);
    if (!editing && !disabled && (pressed || requested)) {
        platform::text_begin(b.id, b.start, b.multiline, b.spellcheck, !pressed, b.label);
        edit_synced() = edit_origin() = b.model;
        ImGui::SetFocusID(gid, window);
        editing = true;
    } else if (editing && (disabled || (g.NavId != gid && !requested))) {
        platform::text_end();   // the keyboard focus went to another widget (Tab, a click on a button)
        editing = false;
    }
    ImGui::RenderFrame(bb.Min, bb.Max, ImGui::GetColorU32(ImGuiCol_FrameBg), true, ImGui::GetStyle().FrameRounding);
    if (!editing) {
        draw_field_text(b, bb);
        return false;
    }
    place_element(bb, window);
    if (platform::text_take(b.id, typed)) return true;
    if (b.model != edit_synced()) {
        edit_synced() = b.model;
        platform::text_set(b.model);
    }
    return false;
}

// The message of a refused number or date under its field, once the field is left.
void refusal_message(const std::string& id) {
    auto it = refusals().find(id);
    if (it == refusals().end() || platform::text_editing() == id) return;
    error_text(id + ".message", it->second.message);
}

// The text an edit of a number or date field starts from: the text refused last time, else the value shown.
const std::string& start_text(const std::string& id, const std::string& shown) {
    auto it = refusals().find(id);
    return it != refusals().end() ? it->second.text : shown;
}

// A field whose typed text is read into a value (a number, a date) by `read(text, error)`, which gives the
// value's shown text, or nothing (and `error`, in French) when it refuses the text. Returns, when typing
// changed it, the shown text of the value the field must hold now: the one read, or, while the typed text is
// refused, the value before the edit.
template <class Read, class Beside>
std::optional<std::string> read_box(const std::string& id, const char* label, const std::string& shown, const char* hint,
                                    float width_em, Read read, Beside beside) {
    field_label(label);
    std::string typed;
    std::optional<std::string> result;
    if (text_box({id, label, shown, start_text(id, shown), hint, false, 1, false, ImGui::GetFontSize() * width_em}, typed)) {
        std::string error;
        result = read(typed, error);
        if (result) refusals().erase(id);
        else refusals()[id] = {typed, error}, result = edit_origin();
        edit_synced() = *result;
    }
    note_typing(id);
    record_item(id, Role::textbox, label, shown);
    beside();   // what is drawn on the field's line, after it (a date's calendar)
    refusal_message(id);
    return result;
}

// A number field of `kind` (base/number.h), `width_em` wide. Returns true when `value` changed.
bool number_box(const std::string& id, const char* label, double& value, NumberKind kind, double lo, double hi, float width_em) {
    const auto text = read_box(id, label, format_number(value, kind), "", width_em,
                               [&](const std::string& typed, std::string& error) -> std::optional<std::string> {
                                   double v = 0;
                                   if (!parse_number(typed, kind, v, error, lo, hi)) return std::nullopt;
                                   return format_number(v, kind);
                               },
                               [] {});
    double v = value;
    std::string ignored;
    if (!text || !parse_number(*text, kind, v, ignored) || v == value) return false;   // format_number reads back
    value = v;
    return true;
}

}  // namespace

void register_item(const std::string& id, bool focusable) {
    const ImRect rect(ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
    const ImRect& clip = ImGui::GetCurrentWindow()->ClipRect;
    auto [it, inserted] = registry().insert_or_assign(id, Registered{rect, clip, clip.Contains(rect)});
    if (inserted) drawing_order().push_back(id);
    if (!focusable) return;
    FocusState& f = focus_state();
    if (inserted && !(GImGui->LastItemData.InFlags & ImGuiItemFlags_Disabled)) {
        f.order.push_back(id);
        if (ImGui::GetCurrentWindow()->RootWindow->Flags & ImGuiWindowFlags_Modal) f.modal.push_back(id);
    }
    // Focused: by the keyboard (ImGui also gives its navigation focus to a window's first item when the window
    // appears, which is not a focus the user gave), or being clicked or typed into.
    if ((ImGui::IsItemFocused() && !GImGui->NavDisableHighlight) || ImGui::IsItemActive()) f.focused = id;
    draw_focus_frame();
    App& a = app();
    if (a.focus_request == id) {
        focus_last_item();
        a.focus_request.clear();
        platform::redraw_after(0);
    }
    if (a.scroll_request == id) {
        ImGui::SetScrollHereY(0.3f);
        a.scroll_request.clear();
        platform::redraw_after(0);
    }
}

std::vector<std::string> items_with_prefix(const std::string& prefix) {
    std::vector<std::string> out;
    for (const std::string& id : drawing_order()) if (id.rfind(prefix, 0) == 0) out.push_back(id);
    return out;
}

const ImRect* find_item(const std::string& id) {
    auto it = registry().find(id);
    return it == registry().end() ? nullptr : &it->second.rect;
}

std::string text_field_at(float x, float y) {
    for (const std::string& id : text_fields()) {
        const auto it = registry().find(id);
        if (it == registry().end()) continue;
        const ImRect& r = it->second.rect;
        const ImRect& clip = it->second.clip;
        if (r.Contains(ImVec2(x, y)) && clip.Contains(ImVec2(x, y))) return id;
    }
    return {};
}

bool item_visible(const std::string& id) {
    auto it = registry().find(id);
    return it != registry().end() && it->second.visible;
}

void tab_focus(bool backwards) {
    const FocusState& f = focus_state();
    const std::vector<std::string>& order = f.last_modal.empty() ? f.last_order : f.last_modal;
    if (order.empty()) return;
    const auto at = std::find(order.begin(), order.end(), f.last_focused);
    size_t next = 0;
    if (at == order.end()) next = backwards ? order.size() - 1 : 0;
    else next = (size_t(at - order.begin()) + (backwards ? order.size() - 1 : 1)) % order.size();
    app().focus_request = order[next];
}

const std::vector<std::string>& focusable_items() { return focus_state().order; }
const std::string& focused_item() { return focus_state().focused; }

// A focus request that names a whole list (« criteres.criteria », « objectifs.goals », or a prefix ending with a
// dot: « clauses.item. ») and no widget goes to the first focusable widget of that list drawn in the last frame.
void focus_list_request() {
    std::string& request = app().focus_request;
    // The frame that made the request may have drawn another list (another step, other filters): look in a
    // frame drawn after it.
    static std::string seen;
    if (request != seen) {
        seen = request;
        if (!request.empty()) platform::redraw_after(0);
        return;
    }
    if (request.empty() || registry().count(request)) return;
    for (const std::string& id : focus_state().order)
        if (id.size() > request.size() && id.compare(0, request.size(), request) == 0 &&
            (request.back() == '.' || id[request.size()] == '.' || id[request.size()] == '[')) {
            request = id;
            platform::redraw_after(0);
            return;
        }
}

void clear_registry() {
    focus_list_request();
    registry().clear();
    drawn_lines().count = 0;
    drawing_order().clear();
    text_fields().clear();
    sem_frame_begin();
    FocusState& f = focus_state();
    f.last_order.swap(f.order);
    f.order.clear();
    f.last_modal.swap(f.modal);
    f.modal.clear();
    if (!f.focused.empty()) f.last_focused = f.focused;   // Tab goes on from the last focused widget, as in a page
    f.focused.clear();
}

void wrapped_text(std::string_view text, float width) {
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    if (window->SkipItems) return;
    if (width <= 0)
        width = ImGui::CalcWrapWidthForPos(window->DC.CursorPos, window->DC.TextWrapPos < 0 ? 0.0f : window->DC.TextWrapPos);
    ImGui::BeginGroup();
    for (const LineSpan& l : font_lines(text, width)) {
        const char* begin = text.data() + l.begin;
        ImGui::TextUnformatted(begin, text.data() + l.end);
        note_line(std::string_view(begin, l.end - l.begin), ImRect(ImGui::GetItemRectMin(), ImGui::GetItemRectMax()));
    }
    ImGui::EndGroup();
}

std::string layout_json() {
    json items = json::array(), lines = json::array();
    auto rect = [](const ImRect& r) { return json::array({r.Min.x, r.Min.y, r.GetWidth(), r.GetHeight()}); };
    for (const std::string& id : drawing_order()) {
        const Registered& r = registry().at(id);
        items.push_back({{"id", id}, {"rect", rect(r.rect)}, {"clip", rect(r.clip)}});
    }
    const DrawnLines& d = drawn_lines();
    for (size_t i = 0; i < d.count; ++i)
        lines.push_back({{"text", d.lines[i].text}, {"rect", rect(d.lines[i].rect)}, {"clip", rect(d.lines[i].clip)}});
    return json{{"items", items}, {"lines", lines}}.dump(-1, ' ', false, json::error_handler_t::replace);
}

void record_item(const std::string& id, Role role, const std::string& name, const std::string& value, unsigned state) {
    register_item(id);
    sem_widget(id, role, name, value, state);
}

void accessible_name(const std::string& name) { sem_rename_last(name); }

// Spell-check is for prose: not for searches and references (an article, an identifier).
bool prose(const std::string& id) {
    return id.find("search") == std::string::npos && id.find("article") == std::string::npos;
}

bool input_text(const std::string& id, const char* label, std::string& value, const char* hint, bool multiline, float lines) {
    field_label(label);
    std::string typed;
    bool c = false;
    if (text_box({id, label, value, value, hint, multiline, lines, prose(id)}, typed)) {
        // Where typing and paste enter: NFC, and a one-line field's line breaks become spaces (base/text.h).
        std::string v = nfc(multiline ? multiline_text(typed) : one_line(typed));
        edit_synced() = v;
        c = v != value;
        value = std::move(v);
    }
    note_typing(id);
    record_item(id, Role::textbox, label, value, multiline ? sem_multiline : sem_none);
    return c;
}

bool input_number(const std::string& id, const char* label, double& value, NumberKind kind, double lo, double hi) {
    return number_box(id, label, value, kind, lo, hi, 14);
}

bool input_int(const std::string& id, const char* label, int& value, int lo, int hi) {
    double v = value;
    if (!number_box(id, label, v, NumberKind::count, lo, hi, 10)) return false;
    value = int(v);
    return true;
}

bool input_check(const std::string& id, const char* label, bool& value) {
    // A label longer than the column wraps beside the box (ImGui would cut it); a click on it ticks the box too.
    const float inner = ImGui::GetStyle().ItemInnerSpacing.x;
    const bool wrap = ImGui::GetFrameHeight() + inner + ImGui::CalcTextSize(label).x > ImGui::GetContentRegionAvail().x;
    bool c = ImGui::Checkbox(((wrap ? std::string() : std::string(label)) + "##" + id).c_str(), &value);
    if (take_activation(id)) {
        value = !value;
        c = true;
    }
    record_item(id, Role::checkbox, label, "", value ? sem_checked : sem_none);
    if (wrap) {
        ImGui::SameLine(0, inner);
        wrapped_text(label);
        if (ImGui::IsItemClicked()) {
            value = !value;
            c = true;
        }
    }
    return c;
}

bool input_choice(const std::string& id, const char* label, std::string& value,
                  const std::vector<std::pair<std::string, std::string>>& options) {
    field_label(label);
    // At least 22 em, wider when an option needs it: a form's closed list shows its choice whole when there is room.
    float widest = 0;
    for (const auto& [v, l] : options) widest = std::max(widest, ImGui::CalcTextSize(l.c_str()).x);
    const float needed = widest + ImGui::GetFrameHeight() + 2 * ImGui::GetStyle().FramePadding.x;
    return choice_combo(id, label, value, options, std::max(22.0f, needed / ImGui::GetFontSize()));
}

bool choice_combo(const std::string& id, const char* label, std::string& value,
                  const std::vector<std::pair<std::string, std::string>>& options, float width_em) {
    const char* preview = "—";
    for (const auto& [v, l] : options) if (v == value) preview = l.c_str();
    ImGui::SetNextItemWidth(std::min(ImGui::GetFontSize() * width_em, ImGui::GetContentRegionAvail().x));
    bool c = false;
    const std::string imgui_id = "##" + id;
    if (take_activation(id)) ImGui::OpenPopupEx(ImHashStr("##ComboPopup", 0, ImGui::GetID(imgui_id.c_str())));   // as BeginCombo names it
    const bool open = ImGui::BeginCombo(imgui_id.c_str(), preview);
    // The combo's node comes before its open list in reading order (its rectangle is recorded after the list).
    // Inside the open list ImGui's last item is the list's window: the node takes the field's rectangle.
    ImGuiContext& g = *GImGui;
    const ImGuiLastItemData inside = g.LastItemData;
    if (open) g.LastItemData = g.CurrentWindowStack.back().ParentLastItemDataBackup;
    sem_widget(id, Role::combobox, label, preview, open ? sem_expanded : sem_none);
    g.LastItemData = inside;
    if (open) {
        // Not `id + "="`: that is the id of an option whose value is "" (« automatique », « aucun »), which
        // would then be its own parent in the mirror (the page refused it: a node cannot contain itself).
        sem_begin(id + ".list", Role::listbox, label);
        for (size_t i = 0; i < options.size(); ++i) {
            const bool selected = options[i].first == value;
            const std::string option = id + "=" + options[i].first;
            const bool activated = take_activation(option);
            if (ImGui::Selectable(options[i].second.c_str(), selected) || activated) {
                c = options[i].first != value;
                value = options[i].first;
                if (activated) ImGui::CloseCurrentPopup();
            }
            record_item(option, Role::option, options[i].second, "", selected ? sem_selected : sem_none);
            if (selected) ImGui::SetItemDefaultFocus();
        }
        sem_end();
        ImGui::EndCombo();
    }
    register_item(id);
    return c;
}

// ---- the small calendar beside date fields -------------------------------------------------------------------

// The month shown by the open calendar and the day that takes the keyboard focus in it.
struct CalendarState {
    std::string field;   // the date field whose calendar is open
    int year = 0, month = 0, day = 1;
};
CalendarState& calendar_state() {
    static CalendarState c;
    return c;
}

// The calendar shows the month `delta` months later, the focus on the same day (or the month's last).
void shift_month(CalendarState& c, int delta) {
    const int m = c.year * 12 + (c.month - 1) + delta;
    c.year = std::clamp(m / 12, kMinYear, kMaxYear);
    c.month = m % 12 + 1;
    c.day = std::min(c.day, days_in_month(c.year, c.month));
}

// The « Calendrier » button beside a date field, and the calendar it opens: a month of day buttons (arrows move
// between them, Entrée or Espace picks one, Page précédente / Page suivante change the month, Échap closes).
// Returns the ISO date picked, or "" when none was.
std::string date_picker(const std::string& id, const char* label, const Date& current) {
    CalendarState& c = calendar_state();
    const std::string popup = "##calendar." + id, prefix = id + ".calendar";
    ImGui::SameLine();
    if (small_button(prefix, "Calendrier")) {
        const Date start = current.valid() ? current : today();
        c = {id, start.year, start.month, start.day};
        ImGui::OpenPopup(popup.c_str());
    }
    accessible_name(std::string("Calendrier : ") + label);
    if (!ImGui::BeginPopup(popup.c_str())) return "";
    std::string picked;
    const auto focus_day = [&] { app().focus_request = prefix + ".day." + std::to_string(c.day); };
    const bool appearing = ImGui::IsWindowAppearing();
    if (appearing) focus_day();
    sem_begin(prefix + ".grid", Role::group, std::string("Calendrier : ") + label);
    if (small_button(prefix + ".prev", "←")) shift_month(c, -1);
    accessible_name("Mois précédent");
    ImGui::SameLine();
    const std::string month = std::string(french_month(c.month)) + " " + std::to_string(c.year);
    ImGui::PushFont(font_bold());
    ImGui::TextUnformatted(month.c_str());
    ImGui::PopFont();
    sem_heading(month, 3);
    ImGui::SameLine();
    if (small_button(prefix + ".next", "→")) shift_month(c, 1);
    accessible_name("Mois suivant");
    const ImGuiKey keys[] = {ImGuiKey_PageUp, ImGuiKey_PageDown};
    for (int k = 0; k < 2; ++k)
        if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(keys[k]))) {
            ImGui::NavMoveRequestCancel();   // ImGui would move the focus to the first or last day
            shift_month(c, k == 0 ? -1 : 1);
            focus_day();
        }
    const float cell = ImGui::GetFontSize() * 2.2f;
    for (int d = 0; d < 7; ++d) {   // « lu ma me je ve sa di »
        if (d > 0) ImGui::SameLine(d * cell + ImGui::GetStyle().WindowPadding.x);
        ImGui::TextDisabled("%.2s", french_weekday(d));
    }
    const int first = weekday({c.year, c.month, 1});
    for (int day = 1; day <= days_in_month(c.year, c.month); ++day) {
        const int column = (first + day - 1) % 7;
        if (day > 1 && column > 0) ImGui::SameLine(column * cell + ImGui::GetStyle().WindowPadding.x);
        else if (day == 1 && column > 0) ImGui::SetCursorPosX(column * cell + ImGui::GetStyle().WindowPadding.x);
        const Date date{c.year, c.month, day};
        const std::string day_id = prefix + ".day." + std::to_string(day);
        const bool chosen = current.valid() && current.key() == date.key();
        bool pressed = ImGui::Selectable((std::to_string(day) + "##" + day_id).c_str(), chosen, ImGuiSelectableFlags_DontClosePopups,
                                         ImVec2(cell - ImGui::GetStyle().ItemSpacing.x, 0));
        if (appearing && day == c.day) ImGui::SetItemDefaultFocus();   // not the first button, as ImGui would
        pressed |= take_activation(day_id);
        record_item(day_id, Role::button, std::string(french_weekday(column)) + " " + french_date(date), "",
                    chosen ? sem_current : sem_none);
        if (ImGui::IsItemFocused()) c.day = day;
        if (pressed) picked = iso_date(date);
    }
    sem_end();
    if (!picked.empty()) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
    return picked;
}

bool input_date(const std::string& id, const char* label, std::string& value) {
    const Date stored = parse_date(value);
    std::string picked;   // the ISO date picked in the calendar, if any
    const auto text = read_box(id, label, stored.valid() ? short_french_date(stored) : value, "JJ/MM/AAAA", 10,
                               [](const std::string& typed, std::string& error) -> std::optional<std::string> {
                                   Date d;
                                   if (trim(typed).empty()) return std::string();   // no date
                                   if (!parse_french_date(typed, d, error)) return std::nullopt;
                                   return short_french_date(d);
                               },
                               [&] { picked = date_picker(id, label, stored); });
    // A day picked in the calendar is stored as if typed: the same edit of the field, its refused text forgotten.
    if (!picked.empty()) {
        refusals().erase(id);
        if (picked == value) return false;
        value = picked;
        return true;
    }
    if (!text) return false;
    // The shown text back to ISO; a stored text that never read as a date stays as it was.
    Date d;
    std::string ignored;
    const std::string iso = text->empty() ? "" : parse_french_date(*text, d, ignored) ? iso_date(d) : value;
    if (iso == value) return false;
    value = iso;
    return true;
}

std::map<std::string, std::string> field_messages() {
    std::map<std::string, std::string> m;
    for (const auto& [id, r] : refusals()) m[id] = r.message;
    return m;
}

bool button(const std::string& id, const char* label, bool primary) {
    if (primary) {
        ImGui::PushStyleColor(ImGuiCol_Button, palette().primary);
        ImGui::PushStyleColor(ImGuiCol_ButtonHovered, palette().primary_hover);
        ImGui::PushStyleColor(ImGuiCol_ButtonActive, palette().primary_hover);
        ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1, 1, 1, 1));
    }
    bool pressed = ImGui::Button((std::string(label) + "##" + id).c_str());
    if (primary) ImGui::PopStyleColor(4);
    pressed |= take_activation(id);
    record_item(id, Role::button, label);
    return pressed;
}

bool small_button(const std::string& id, const char* label, bool link) {
    bool pressed = ImGui::SmallButton((std::string(label) + "##" + id).c_str());
    pressed |= take_activation(id);
    record_item(id, link ? Role::link : Role::button, label);
    return pressed;
}

namespace {
// How many lines `text` takes at `width` in the current font, remembered: a long list (the clause search's 200
// entries) needs every entry's height at each frame, and breaking each text into lines again cost more than
// the rest of the frame (issue 17: frame time). Forgotten when the font or the width changes.
size_t line_count(const std::string& text, float width) {
    static std::unordered_map<std::string, size_t> counts;
    static const ImFont* font = nullptr;
    static float size = 0, at_width = 0;
    if (font != ImGui::GetFont() || size != ImGui::GetFontSize() || at_width != width || counts.size() > 4096) {
        counts.clear();
        font = ImGui::GetFont(), size = ImGui::GetFontSize(), at_width = width;
    }
    auto [it, added] = counts.try_emplace(text, 0);
    if (added) it->second = font_lines(text, width).size();
    return it->second;
}
}  // namespace

bool wrapped_selectable(const std::string& id, const std::string& text, bool selected) {
    const float width = ImGui::GetContentRegionAvail().x;
    const float pad = ImGui::GetStyle().FramePadding.x;
    const float height = ImGui::GetTextLineHeight() * float(line_count(text, width - 2 * pad));
    const ImVec2 start = ImGui::GetCursorPos();
    bool pressed = ImGui::Selectable(("##" + id).c_str(), selected, 0, ImVec2(width, height + pad));
    pressed |= take_activation(id);
    record_item(id, Role::option, text, "", selected ? sem_selected : sem_none);
    if (!ImGui::IsItemVisible()) return pressed;   // scrolled out of view: its text would not be drawn
    const ImVec2 after = ImGui::GetCursorPos();
    ImGui::SetCursorPos(ImVec2(start.x + pad, start.y + pad * 0.5f));
    wrapped_text(text, width - 2 * pad);
    ImGui::SetCursorPos(after);
    return pressed;
}

void heading(const char* text) {
    ImGui::PushFont(font_heading());
    ImGui::PushStyleColor(ImGuiCol_Text, palette().primary);
    wrapped_text(text);
    ImGui::PopStyleColor();
    ImGui::PopFont();
    register_item("step.title", false);
    sem_heading(text, 1);
    ImGui::Spacing();
}

void subheading(const char* text) {
    ImGui::Spacing();
    ImGui::PushFont(font_bold());
    ImGui::TextUnformatted(text);
    ImGui::PopFont();
    sem_heading(text, 2);
}

void help_text(const std::string& text) {
    ImGui::PushStyleColor(ImGuiCol_Text, palette().muted);
    wrapped_text(text);
    ImGui::PopStyleColor();
    sem_text(text);
}

void error_text(const std::string& id, const std::string& message) {
    ImGui::PushStyleColor(ImGuiCol_Text, palette().error);
    wrapped_text(message);
    ImGui::PopStyleColor();
    register_item(id, false);
}

void paragraph(const std::string& text) {
    wrapped_text(text);
    sem_text(text);
}

void boxed_text(const char* title, const char* text, ImVec4 accent) {
    // Draws the text first on a foreground channel, then its background once the size is known.
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float pad = ImGui::GetFontSize() * 0.6f;
    dl->ChannelsSplit(2);
    dl->ChannelsSetCurrent(1);
    ImGui::SetCursorPos(ImVec2(ImGui::GetCursorPosX() + pad, ImGui::GetCursorPosY() + pad));
    ImGui::BeginGroup();
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + ImGui::GetContentRegionAvail().x - 2 * pad);
    ImGui::PushFont(font_bold());
    ImGui::PushStyleColor(ImGuiCol_Text, accent);
    wrapped_text(title);
    ImGui::PopStyleColor();
    ImGui::PopFont();
    wrapped_text(text);
    ImGui::PopTextWrapPos();
    ImGui::EndGroup();
    sem_heading(title, 3);
    sem_text(text);
    ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
    min = ImVec2(min.x - pad, min.y - pad);
    max = ImVec2(min.x + ImGui::GetContentRegionAvail().x + pad, max.y + pad);
    dl->ChannelsSetCurrent(0);
    dl->AddRectFilled(min, max, ImGui::GetColorU32(palette().surface), 4.0f);
    dl->AddRectFilled(min, ImVec2(min.x + 4, max.y), ImGui::GetColorU32(accent));
    dl->ChannelsMerge();
    ImGui::Dummy(ImVec2(0, pad * 1.5f));
}

void why_box(const char* text) {
    const App& a = app();
    if (a.mode == Mode::formation) {
        if (a.show_why) boxed_text("Pourquoi ?", text, palette().info);
        return;
    }
    // Buyer mode: the same explanation, folded until asked for (one state for every step).
    if (take_activation("step.why")) ImGui::SetNextItemOpen(!ImGui::GetStateStorage()->GetInt(ImGui::GetID("Pourquoi ?##why"), 0));
    const bool open = ImGui::TreeNodeEx("Pourquoi ?##why", ImGuiTreeNodeFlags_NoTreePushOnOpen);
    record_item("step.why", Role::button, "Pourquoi ?", "", sem_foldable | (open ? sem_expanded : sem_none));
    if (open) boxed_text("Pourquoi ?", text, palette().info);
}

void badge(const char* text, ImVec4 color) {
    ImGui::PushStyleColor(ImGuiCol_Text, color);
    ImGui::TextUnformatted(text);
    ImGui::PopStyleColor();
    sem_text(text);
}

void section_gap() {
    ImGui::Dummy(ImVec2(0, ImGui::GetFontSize() * 0.6f));
}

}  // namespace ui
