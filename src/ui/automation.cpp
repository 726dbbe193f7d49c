// automation.cpp — a small, documented API for tests and scripts (docs/automation.md). It reads the app's
// state and where widgets are drawn; tests use it to find where to click and what to check, and then drive
// the page with real mouse and keyboard events — never to change the model behind the UI's back.
#include "app.h"
#include "opendata.h"
#include "projects.h"
#include <imgui_internal.h>

namespace ui {

const ImRect* find_item(const std::string& id);                   // widgets.cpp
bool item_visible(const std::string& id);                         // widgets.cpp
std::vector<std::string> items_with_prefix(const std::string& prefix);   // widgets.cpp
const std::vector<std::string>& focusable_items();                      // widgets.cpp
std::map<std::string, std::string> field_messages();                 // widgets.cpp
std::string layout_json();                                           // widgets.cpp

bool automation_analysed() { return session().derived_current(); }

std::string automation_state() {
    update_derived();   // the state of the project as it is now, even between a change and its frame
    const App& a = app();
    const Session& s = session();
    json findings = json::array();
    for (const Finding& f : s.derived().findings) {
        const FieldPlace place = field_place(f, s.project(), s.library());   // where its « Corriger » leads
        findings.push_back({{"rule", f.rule}, {"severity", enum_name(f.severity)}, {"where", f.where()},
                            {"fix", {{"step", enum_name(place.step)}, {"widget", place.widget}, {"clause", place.clause}}}});
        if (f.action != FindingAction::none) findings.back()["action"] = enum_name(f.action);
    }
    json state = {{"step", enum_name(a.step)},
                  {"mode", enum_name(a.mode)},
                  {"frame", a.frame},
                  {"generation", s.generation()},
                  {"project", project_to_json(s.project())},
                  {"project_id", s.project_id()},
                  {"scenario", s.scenario()},
                  {"procedure", enum_name(s.derived().procedure.procedure)},
                  {"findings", findings},
                  {"error", a.error_title.empty() ? "" : a.error_title + " — " + a.error_text},
                  {"notice", a.notice},
                  {"saved_at", s.saved_at()},
                  {"save_pending", s.save_pending()},
                  {"saved_generation", s.saved_generation()},
                  {"storage_refused", s.storage_refused()},
                  {"storage_refusal", s.refusal_reason()},
                  {"owner", s.owns()},
                  {"undo", s.undo_count()},
                  {"redo", s.redo_count()},
                  {"zoom", a.zoom},
                  {"em", ImGui::GetFontSize()},   // CSS pixels of the body text at the current zoom
                  {"high_contrast", a.high_contrast},
                  {"projector", a.projector},
                  {"hover_help", a.hover_help},
                  {"export_preview", enum_name(a.export_preview)},
                  {"selected_clause", a.selected_clause},
                  {"clause_filters", {{"pillar", a.clause_filter_pillar}, {"kind", a.clause_filter_kind}, {"query", a.clause_query}}},
                  {"interactive", focusable_items()},
                  {"field_messages", field_messages()}};
    state["decp"] = opendata_state();   // the « Données essentielles » screen
    state["portfolio"] = projects_state();   // « Mes projets »
    state["spaser"] = s.spaser() ? spaser_to_json(*s.spaser()) : json();   // the buyer's SPASER, null when none
    return state.dump(-1, ' ', false, json::error_handler_t::replace);
}

std::string automation_rect(const std::string& id) {
    const ImRect* r = find_item(id);
    if (!r) return "";
    return json{{"x", r->Min.x}, {"y", r->Min.y}, {"w", r->GetWidth()}, {"h", r->GetHeight()}, {"visible", item_visible(id)}}.dump();
}

}  // namespace ui

namespace ui {
std::string automation_items(const std::string& prefix) { return json(items_with_prefix(prefix)).dump(); }
std::string automation_layout() { return layout_json(); }
}  // namespace ui
