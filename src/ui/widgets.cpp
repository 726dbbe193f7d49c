#include "widgets.h"
#include "base/date.h"
#include "base/number.h"
#include "base/text.h"
#include "base/unicode.h"
#include "platform.h"
#include "semantics.h"
#include "text_input.h"
#include <imgui_internal.h>
#include <algorithm>
#include <map>
#include <optional>

namespace ui {

namespace {

// Automation registry: item rectangles of the last drawn frame, by automation id, and the drawing order.
// Where each widget was drawn in the last frame, and whether its window showed all of it (not scrolled out
// or cut by the edge of its column).
struct Registered {
    ImRect rect;
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
    if (!window->ClipRect.Contains(g.LastItemData.Rect)) ImGui::SetScrollFromPosY(y, 0.4f);
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
    ImGui::TextUnformatted(label);
    ImGui::PopStyleColor();
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
    dl->AddText(ImGui::GetFont(), ImGui::GetFontSize(), at, color, text.c_str(), text.c_str() + text.size(),
                b.multiline ? bb.GetWidth() - 2 * style.FramePadding.x : 0.0f, &clip);
}

// The height of a field: one line, or at least `lines` and as many as its wrapped text needs (one more while
// edited, for the caret on a new line).
float field_height(const TextBox& b, float width, bool editing) {
    const ImGuiStyle& style = ImGui::GetStyle();
    if (!b.multiline) return ImGui::GetFrameHeight();
    const float line = ImGui::GetTextLineHeight();
    const float wrap = width - 2 * style.FramePadding.x;
    float text_h = ImGui::GetFont()->CalcTextSizeA(ImGui::GetFontSize(), FLT_MAX, wrap, b.model.c_str(),
                                                    b.model.c_str() + b.model.size()).y;
    if (editing || (!b.model.empty() && b.model.back() == '\n')) text_h += line;
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
    const ImVec2 pos = window->DC.CursorPos;
    const ImRect bb(pos, ImVec2(pos.x + width, pos.y + field_height(b, width, editing)));
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
    ImGui::PushStyleColor(ImGuiCol_Text, palette().error);
    ImGui::PushTextWrapPos(0);
    ImGui::TextUnformatted(it->second.message.c_str());
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
    register_item(id + ".message", false);
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
template <class Read>
std::optional<std::string> read_box(const std::string& id, const char* label, const std::string& shown, const char* hint,
                                    float width_em, Read read) {
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
                               });
    double v = value;
    std::string ignored;
    if (!text || !parse_number(*text, kind, v, ignored) || v == value) return false;   // format_number reads back
    value = v;
    return true;
}

}  // namespace

void register_item(const std::string& id, bool focusable) {
    const ImRect rect(ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
    auto [it, inserted] = registry().insert_or_assign(id, Registered{rect, ImGui::GetCurrentWindow()->ClipRect.Contains(rect)});
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

void clear_registry() {
    registry().clear();
    drawing_order().clear();
    sem_frame_begin();
    FocusState& f = focus_state();
    f.last_order.swap(f.order);
    f.order.clear();
    f.last_modal.swap(f.modal);
    f.modal.clear();
    if (!f.focused.empty()) f.last_focused = f.focused;   // Tab goes on from the last focused widget, as in a page
    f.focused.clear();
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
    bool c = ImGui::Checkbox((std::string(label) + "##" + id).c_str(), &value);
    if (take_activation(id)) {
        value = !value;
        c = true;
    }
    record_item(id, Role::checkbox, label, "", value ? sem_checked : sem_none);
    return c;
}

bool input_choice(const std::string& id, const char* label, std::string& value,
                  const std::vector<std::pair<std::string, std::string>>& options) {
    field_label(label);
    return choice_combo(id, label, value, options, 22);
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
    sem_widget(id, Role::combobox, label, preview, open ? sem_expanded : sem_none);
    if (open) {
        sem_begin(id + "=", Role::listbox, label);
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

bool input_date(const std::string& id, const char* label, std::string& value) {
    const Date stored = parse_date(value);
    const auto text = read_box(id, label, stored.valid() ? short_french_date(stored) : value, "JJ/MM/AAAA", 10,
                               [](const std::string& typed, std::string& error) -> std::optional<std::string> {
                                   Date d;
                                   if (trim(typed).empty()) return std::string();   // no date
                                   if (!parse_french_date(typed, d, error)) return std::nullopt;
                                   return short_french_date(d);
                               });
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

bool wrapped_selectable(const std::string& id, const std::string& text, bool selected) {
    const float width = ImGui::GetContentRegionAvail().x;
    const float pad = ImGui::GetStyle().FramePadding.x;
    const ImVec2 size = ImGui::CalcTextSize(text.c_str(), nullptr, false, width - 2 * pad);
    const ImVec2 start = ImGui::GetCursorPos();
    bool pressed = ImGui::Selectable(("##" + id).c_str(), selected, 0, ImVec2(width, size.y + pad));
    pressed |= take_activation(id);
    record_item(id, Role::option, text, "", selected ? sem_selected : sem_none);
    const ImVec2 after = ImGui::GetCursorPos();
    ImGui::SetCursorPos(ImVec2(start.x + pad, start.y + pad * 0.5f));
    ImGui::PushTextWrapPos(start.x + width - pad);
    ImGui::TextUnformatted(text.c_str());
    ImGui::PopTextWrapPos();
    ImGui::SetCursorPos(after);
    return pressed;
}

void heading(const char* text) {
    ImGui::PushFont(font_heading());
    ImGui::PushStyleColor(ImGuiCol_Text, palette().primary);
    ImGui::TextWrapped("%s", text);
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
    ImGui::TextWrapped("%s", text.c_str());
    ImGui::PopStyleColor();
    sem_text(text);
}

void paragraph(const std::string& text) {
    ImGui::TextWrapped("%s", text.c_str());
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
    ImGui::TextColored(accent, "%s", title);
    ImGui::PopFont();
    ImGui::TextUnformatted(text);
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
