// semantics.h — the semantic mirror of the frame (issue 17), the idea of Flutter's web engine semantics tree
// and of egui's AccessKit: while a frame is drawn, each widget helper (widgets.cpp) records what it is — a
// role, a French accessible name, a value and ARIA states — under its automation id, in drawing order, which is
// the reading order. At the end of the frame the tree is compared with the last frame's and only the
// difference goes to the page (platform::semantics_apply), where web/semantics.js keeps visually hidden DOM
// nodes that screen readers and Chromium's accessibility tree read. Focus and activation on those nodes come
// back as semantic_focus() and semantic_activate(), which drive the widgets as the keyboard does.
//
// Nothing here knows the browser: the ops are a JSON string, documented in web/semantics.js.
#pragma once
#include <string>

namespace ui {

// ARIA roles of mirrored nodes. Containers (sem_begin) hold the nodes recorded until their sem_end.
enum class Role {
    button, link, textbox, checkbox, combobox, option, tab,            // interactive widgets
    heading, text,                                                     // what is read
    listbox, tablist, tabpanel, group, banner, navigation, main, complementary, dialog, region,   // containers
};

// ARIA states of a node, or-ed together.
enum SemState : unsigned {
    sem_none = 0,
    sem_checked = 1u << 0,     // aria-checked (check boxes)
    sem_expanded = 1u << 1,    // aria-expanded (an open list)
    sem_selected = 1u << 2,    // aria-selected (list entries, tabs)
    sem_disabled = 1u << 3,    // aria-disabled
    sem_invalid = 1u << 4,     // aria-invalid, the message in the description
    sem_current = 1u << 5,     // aria-current="step" (the stepper's current step)
    sem_multiline = 1u << 6,   // a multi-line text field (textarea)
    sem_foldable = 1u << 7,    // a button that folds and unfolds a part (aria-expanded from sem_expanded)
};

// Records a widget just drawn by ImGui (its state "disabled" is read from ImGui's last item). `name` is the
// French label read by a screen reader, `value` what the field holds. A form field named in a finding's
// `where` (a blocking point or an alert) is marked invalid with the finding's message as its description.
void sem_widget(const std::string& id, Role role, const std::string& name, const std::string& value = "",
                unsigned state = sem_none);
// Gives the node recorded last a fuller accessible name (a « Corriger » button names the finding it fixes).
void sem_rename_last(const std::string& name);
// A container; nodes recorded until the matching sem_end() go inside it. `id` must be stable across frames.
void sem_begin(const std::string& id, Role role, const std::string& name = "");
void sem_end();
// Text to read (a paragraph, a clause's text, a finding, an explanation) and headings (level 1: the step's
// title, 2: sections, 3 and below: inside documents). They get an id from their container and their rank in
// it. Text drawn directly in a list box describes the entry before it (the reason a clause is recommended).
void sem_text(const std::string& text);
void sem_heading(const std::string& text, int level);

// The frame: sem_frame_begin() before the UI draws, sem_frame_end() after; the latter sends the difference
// with the last frame (nothing when nothing changed) and the widget that has the keyboard focus.
void sem_frame_begin();
void sem_frame_end(const std::string& focused_id);
// Turns the mirror off or on (scripts/bench measures the frame time with and without it).
void sem_enable(bool on);

// ---- from the page ------------------------------------------------------------------------------------------
// A screen reader (or a test through CDP) focused the mirrored node `id`: the widget takes the keyboard focus
// at the next frame, exactly as Tab would give it. For a text field this makes it ImGui's active item, ready for
// typing: the DOM text overlay (web/text_input.js, issue 11) follows the active field and takes the keys from
// there. This is the one meeting point between the mirror and the text overlay.
void semantic_focus(const std::string& id);
// A screen reader's « activate » (a click on the mirrored node): a button is pressed, a check box toggled, a
// list entry or a tab selected, a combo opened; a text field is focused.
void semantic_activate(const std::string& id);
// For widget helpers: true once if `id` was activated from the mirror since the last frame.
bool take_activation(const std::string& id);

}  // namespace ui
