#include "widgets.h"
#include "platform.h"
#include "semantics.h"
#include <imgui_internal.h>
#include <misc/cpp/imgui_stdlib.h>
#include <algorithm>
#include <cstdio>
#include <map>

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
    if (!ImGui::IsItemActive()) return;
    app().editing_text = true;
    app().last_field = id;
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

void focus_if_requested(const std::string& id) {
    App& a = app();
    if (!a.focus_request.empty() && a.focus_request == id) {
        ImGui::SetScrollHereY(0.3f);
        ImGui::SetKeyboardFocusHere();
        a.focus_request.clear();
        // ImGui activates the field at the next frame: draw it now, not at the user's first key (which it
        // would swallow).
        platform::redraw_after(0);
    }
}

void record_item(const std::string& id, Role role, const std::string& name, const std::string& value, unsigned state) {
    register_item(id);
    sem_widget(id, role, name, value, state);
}

void accessible_name(const std::string& name) { sem_rename_last(name); }

bool input_text(const std::string& id, const char* label, std::string& value, const char* hint, bool multiline, float lines) {
    field_label(label);
    focus_if_requested(id);
    const std::string imgui_id = "##" + id;
    ImGui::SetNextItemWidth(-1);
    bool c;
    if (multiline) {
        const float h = ImGui::GetTextLineHeight() * lines + ImGui::GetStyle().FramePadding.y * 2;
        c = ImGui::InputTextMultiline(imgui_id.c_str(), &value, ImVec2(-1, h), ImGuiInputTextFlags_NoHorizontalScroll);
    } else {
        c = ImGui::InputTextWithHint(imgui_id.c_str(), hint, &value);
    }
    note_typing(id);
    record_item(id, Role::textbox, label, value, multiline ? sem_multiline : sem_none);
    return c;
}

bool input_number(const std::string& id, const char* label, double& value, double step, const char* format, double lo, double hi) {
    field_label(label);
    focus_if_requested(id);
    ImGui::SetNextItemWidth(std::min(ImGui::GetFontSize() * 14, ImGui::GetContentRegionAvail().x));
    double before = value;
    ImGui::InputDouble(("##" + id).c_str(), &value, step, step * 10, format);
    if (value < lo) value = lo;
    if (value > hi) value = hi;
    note_typing(id);
    char buf[64];
    std::snprintf(buf, sizeof buf, format, value);
    record_item(id, Role::textbox, label, buf);
    return value != before;
}

bool input_int(const std::string& id, const char* label, int& value, int lo, int hi) {
    field_label(label);
    focus_if_requested(id);
    ImGui::SetNextItemWidth(std::min(ImGui::GetFontSize() * 10, ImGui::GetContentRegionAvail().x));
    int before = value;
    ImGui::InputInt(("##" + id).c_str(), &value);
    if (value < lo) value = lo;
    if (value > hi) value = hi;
    note_typing(id);
    record_item(id, Role::textbox, label, std::to_string(value));
    return value != before;
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
    bool c = input_text(id, label, value, "AAAA-MM-JJ");
    if (!value.empty() && !parse_date(value).valid()) {
        ImGui::PushStyleColor(ImGuiCol_Text, palette().error);
        ImGui::TextUnformatted("Date attendue au format AAAA-MM-JJ, par exemple 2026-11-22.");
        ImGui::PopStyleColor();
        sem_text("Date attendue au format AAAA-MM-JJ, par exemple 2026-11-22.");
    }
    return c;
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
