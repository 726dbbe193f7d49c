// widgets.h — the form widgets every step uses: a visible label above the field, an automation id (the
// same as the field names in Finding::where(), e.g. "besoin.object"), edits sent to the Session, focus requests
// (a finding jumps here) and the node of the semantic mirror that screen readers read (semantics.h): every
// helper records its widget's role, French name, value and state once.
#pragma once
#include "app.h"
#include "semantics.h"
#include "base/number.h"
#include <map>
#include <string>

namespace ui {

// Records the rectangle of the last item under `id` for the automation API (see automation.cpp). A
// `focusable` item also joins the Tab order (drawing order) and takes a pending focus request (a button, a
// checkbox, a combo, a list entry: ImGui's keyboard navigation then activates it with Space or Enter).
void register_item(const std::string& id, bool focusable = true);
// Tab and Shift+Tab: moves the focus to the next or previous focusable widget of the last frame, across the
// top bar, the stepper, the form and the right panel (ImGui 1.86 only tabs between the text fields of one
// window). Called by the platform layer instead of passing Tab to ImGui.
void tab_focus(bool backwards);
// register_item() and the widget's node in the semantic mirror (sem_widget), for widgets drawn without a helper.
void record_item(const std::string& id, Role role, const std::string& name, const std::string& value = "",
                 unsigned state = sem_none);
// Gives the widget just drawn a fuller accessible name than its visible label (« Corriger » says what it fixes).
void accessible_name(const std::string& name);
// The focusable widgets of the last frame in Tab order, and the one that has the keyboard focus ("" if none).
const std::vector<std::string>& focusable_items();
const std::string& focused_item();
// The text field drawn at (x, y) in the last frame (CSS pixels, as the page's events give them), or "".
std::string text_field_at(float x, float y);

// ---- inputs on view state (searches, filters): they change the value given and nothing else -------------
// Text, number and date fields are edited in a DOM element of the page while they have the keyboard (a
// click, Tab, a finding's « Corriger »: src/platform/text_input.h); the canvas draws them otherwise.
//
// A text field: what is typed or pasted enters in NFC, a one-line field's line breaks become one space
// (base/text.h one_line), a multi-line field's words wrap at its width and it grows with its text
// (`height_lines` is its least height). Spell-check (French) is on except for searches and references.
bool input_text(const std::string& id, const char* label, std::string& value, const char* hint = "", bool multiline = false,
                float height_lines = 4);
// A number of `kind` (money in euros HT, a percentage, a quantity, a count) in [lo, hi], shown formatted when
// not edited (« 59 999,50 € »); typed text is read by parse_number (base/number.h). A refused text leaves
// `value` as it was, and its French message shows under the field (id "<id>.message") once it is left.
bool input_number(const std::string& id, const char* label, double& value, NumberKind kind, double lo, double hi);
bool input_int(const std::string& id, const char* label, int& value, int lo, int hi);
bool input_check(const std::string& id, const char* label, bool& value);
// A date stored ISO ("2027-01-15", "" for none), shown and typed as « 15/01/2027 » (ISO accepted too: base/date.h
// parse_french_date); an impossible date is refused as above.
bool input_date(const std::string& id, const char* label, std::string& value);
// The messages of the refused texts shown under their fields, by field id (the automation state's
// "field_messages").
std::map<std::string, std::string> field_messages();
// A combo over (value, label) pairs, with its label above.
bool input_choice(const std::string& id, const char* label, std::string& value,
                  const std::vector<std::pair<std::string, std::string>>& options);
// The same combo with no label above it (the top bar's mode and zoom); `label` is what the screen reader says.
bool choice_combo(const std::string& id, const char* label, std::string& value,
                  const std::vector<std::pair<std::string, std::string>>& options, float width_em);

// ---- fields of the project: each shows the Session's value and changes it through session().edit(id, …) --
// `at` picks the field out of a project, const or not; FIELD writes it: FIELD(p.need.object), and inside a
// list FIELD(p.lots[i].title). Keystrokes in one field make one undo step.
#define FIELD(...) [&](auto& p) -> auto& { return __VA_ARGS__; }

// Sends `value` to the field `at` of the project as the edit `id`.
template <class At, class T>
bool commit_field(const std::string& id, At at, const T& value, Merge merge) {
    return session().edit(id, [&](Project& p) { at(p) = value; }, merge);
}

template <class At>
bool text_field(const std::string& id, const char* label, At at, const char* hint = "", bool multiline = false,
                float height_lines = 4) {
    std::string v = at(session().project());
    return input_text(id, label, v, hint, multiline, height_lines) && commit_field(id, at, v, Merge::typing);
}
template <class At>
bool number_field(const std::string& id, const char* label, At at, NumberKind kind, double lo, double hi) {
    double v = at(session().project());
    return input_number(id, label, v, kind, lo, hi) && commit_field(id, at, v, Merge::typing);
}
template <class At>
bool int_field(const std::string& id, const char* label, At at, int lo, int hi) {
    int v = at(session().project());
    return input_int(id, label, v, lo, hi) && commit_field(id, at, v, Merge::typing);
}
template <class At>
bool check_field(const std::string& id, const char* label, At at) {
    bool v = at(session().project());
    return input_check(id, label, v) && commit_field(id, at, v, Merge::no);
}
template <class At>
bool date_field(const std::string& id, const char* label, At at) {
    std::string v = at(session().project());
    return input_date(id, label, v) && commit_field(id, at, v, Merge::typing);
}
template <class At>
bool choice_field(const std::string& id, const char* label, At at, const std::vector<std::pair<std::string, std::string>>& options) {
    std::string v = at(session().project());
    return input_choice(id, label, v, options) && commit_field(id, at, v, Merge::no);
}
// A combo over an enum's table (base/enums.h): its French labels shown, its value stored.
template <class E>
std::vector<std::pair<std::string, std::string>> enum_options() {
    std::vector<std::pair<std::string, std::string>> options;
    for (const EnumEntry<E>& e : enum_names<E>()) options.push_back({e.name, e.label});
    return options;
}
template <class At>
bool enum_field(const std::string& id, const char* label, At at) {
    auto value = at(session().project());
    std::string name = enum_name(value);
    return input_choice(id, label, name, enum_options<decltype(value)>()) && parse_enum(name, value) &&
           commit_field(id, at, value, Merge::no);
}

bool button(const std::string& id, const char* label, bool primary = false);
// `link`: exposed as a link (« Corriger », « Aller au champ »: they take you somewhere rather than act).
bool small_button(const std::string& id, const char* label, bool link = false);
// A selectable row whose text wraps over several lines (list entries with long titles).
bool wrapped_selectable(const std::string& id, const std::string& text, bool selected);

// Draws a document of the core's model (the draft preview, the firm's reading); `glossary` adds the hover
// definitions of the acronyms a firm meets (Entreprise mode).
void document_view(const Document& d, bool glossary);

// A list of the project edited in place (members, sourcing contacts, specifications, commitments…): `at` picks
// the list out of a project; for each entry `fields(index, key)` draws its fields, key being "<list>[n]"
// (1-based, as in Finding::where()), then a remove button "<list>[n].remove"; an add button "<list>.add"
// appends `fresh`. Adding and removing are edits of the Session named by those ids.
template <class At, class T, class Fields>
void list_editor(const std::string& list, At at, const char* remove_label, const char* add_label, const T& fresh,
                 Fields fields) {
    const size_t count = at(session().project()).size();
    for (size_t i = 0; i < count; ++i) {
        const std::string key = list + "[" + std::to_string(i + 1) + "]";
        ImGui::PushID(int(i));
        fields(i, key);
        const bool remove = small_button(key + ".remove", remove_label);
        ImGui::PopID();
        if (remove) {
            session().edit(key + ".remove", [&](Project& p) { at(p).erase(at(p).begin() + long(i)); });
            break;
        }
    }
    if (button(list + ".add", add_label)) session().edit(list + ".add", [&](Project& p) { at(p).push_back(fresh); });
}

// Text wrapped at `width` pixels (by default the text wrap position pushed, else the column's right edge) in
// the current font and colour. Every text that wraps goes through it: the lines are laid out by base/wrap.h,
// which never cuts an amount, a number or a date (ImGui 1.86 breaks after a comma: « 59 999, / 50 € HT »), and
// drawn one by one; the automation API's layout lists them (clausier_layout).
void wrapped_text(std::string_view text, float width = 0);

void heading(const char* text);          // step title
void subheading(const char* text);
void help_text(const std::string& text); // muted explanatory text, wrapped
void paragraph(const std::string& text); // body text, wrapped (a finding, a clause's proofs)
// A refusal under its field, wrapped, in the error colour, registered as `id` (the automation API finds it).
void error_text(const std::string& id, const std::string& message);
void why_box(const char* text);          // the step's "Pourquoi ?": shown in formation mode, folded in buyer mode
void boxed_text(const char* title, const char* text, ImVec4 accent);
void badge(const char* text, ImVec4 color);
void section_gap();

// Colours of the theme in use (theme.cpp).
struct Palette {
    ImVec4 text, muted, primary, primary_hover, background, surface, border, error, warning, info, success;
};
const Palette& palette();
void apply_theme(bool high_contrast, float zoom);
ImFont* font_heading();
ImFont* font_bold();
void load_fonts(float zoom, float dpr);

}  // namespace ui
