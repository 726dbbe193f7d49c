// semantics.cpp — the semantic mirror's tree of the frame and its difference with the last frame (see
// semantics.h). The ops sent to the page, one JSON array per frame that changed something (web/semantics.js
// applies them):
//   {"o":"s","id","p","r","n","v","d","s","l","b"}  create or update node `id` under parent `p` ("" = the root),
//                                               role `r`, name `n`, value `v`, description `d`, states `s`, level
//                                               `l`, and `b`: where the widget is drawn, [x, y, w, h] in CSS pixels
//                                               of the canvas (rounded; [0, 0, 0, 0] for containers)
//   {"o":"o","p","ids":[…]}                     the children of `p` in reading order
//   {"o":"g","ids":[…],"b":[…]}                 nodes that only moved: `b` holds their rectangles, four numbers each
//   {"o":"d","id"}                              node `id` is gone
//   {"o":"f","id"}                              the widget `id` has the keyboard focus ("" = none)
#include "semantics.h"
#include "app.h"
#include "platform.h"
#include <imgui_internal.h>
#include <algorithm>
#include <cmath>
#include <unordered_map>
#include <vector>

namespace ui {

namespace {

struct Node {
    std::string id, parent, name, value, description;
    Role role = Role::text;
    unsigned state = 0;
    int level = 0;
    int box[4] = {0, 0, 0, 0};   // the widget's rectangle on the canvas: x, y, width, height (CSS pixels)
    // Everything but the rectangle (a node that only moved is sent as a rectangle: Moves).
    bool same_content(const Node& o) const {
        return id == o.id && parent == o.parent && role == o.role && state == o.state && level == o.level &&
               name == o.name && value == o.value && description == o.description;
    }
    bool same_box(const Node& o) const { return std::equal(box, box + 4, o.box); }
};

// The nodes of a frame that only moved (a scroll moves every node of a list): one op with their ids and their
// rectangles in a flat list, instead of each node's whole content.
struct Moves {
    json ids = json::array(), boxes = json::array();
    void add(const Node& n) {
        ids.push_back(n.id);
        for (int v : n.box) boxes.push_back(v);
    }
    void flush(json& ops) {
        if (!ids.empty()) ops.push_back({{"o", "g"}, {"ids", std::move(ids)}, {"b", std::move(boxes)}});
    }
};

// The rectangle of the item ImGui drew last (a widget, a text's group of lines), for the node that mirrors it:
// screen magnifiers follow it and touch exploration finds the node under the finger. An item scrolled out of
// its window's view has no place on screen: its node stays unplaced (visually hidden, still read in order), so
// a scroll re-places only the nodes in view, not every entry of a long list (issue 17: frame time).
void place_on_last_item(Node& n) {
    const ImRect& r = GImGui->LastItemData.Rect;
    if (!ImGui::IsRectVisible(r.Min, r.Max)) return;
    n.box[0] = int(std::floor(r.Min.x)), n.box[1] = int(std::floor(r.Min.y));
    n.box[2] = int(std::ceil(r.Max.x)) - n.box[0], n.box[3] = int(std::ceil(r.Max.y)) - n.box[1];
}

// A container being drawn, and the rank of the last text or heading recorded in it (their ids).
struct Open {
    std::string id;
    Role role;
    int rank = 0;
};

// One frame's tree is its nodes in drawing order, each naming its container. Most frames draw the same nodes
// in the same order as the last one: they are compared place by place, with no lookup (the frame-time budget
// of scripts/bench holds with the mirror on).
struct Mirror {
    bool enabled = true;
    std::vector<Node> current, last;
    std::vector<Open> open;                               // containers being drawn
    std::vector<std::string> begun;                       // containers begun in this frame (one may be reopened)
    int root_rank = 0;
    std::unordered_map<std::string, std::string> faults;  // field id -> message of a blocking point or alert
    std::string focused_sent;
    std::string activation;                               // widget activated from the page, until drawn
};

Mirror& mirror() {
    static Mirror m;
    return m;
}

const char* role_name(Role r) {
    static const char* const names[] = {"button", "link", "textbox", "checkbox", "combobox", "option", "tab",
                                        "heading", "text", "listbox", "tablist", "tabpanel", "group", "banner",
                                        "navigation", "main", "complementary", "dialog", "region"};
    return names[int(r)];
}

const std::string& parent_id() {
    static const std::string root;
    const Mirror& m = mirror();
    return m.open.empty() ? root : m.open.back().id;
}

void add(Node n) {
    n.parent = parent_id();
    mirror().current.push_back(std::move(n));
}

Node make_node(std::string id, Role role, std::string name, unsigned state = 0, int level = 0) {
    Node n;
    n.id = std::move(id);
    n.role = role;
    n.name = std::move(name);
    n.state = state;
    n.level = level;
    return n;
}

std::string auto_id() {
    Mirror& m = mirror();
    int& rank = m.open.empty() ? m.root_rank : m.open.back().rank;
    return parent_id() + "/" + std::to_string(++rank);
}

json node_op(const Node& n) {
    return {{"o", "s"}, {"id", n.id}, {"p", n.parent}, {"r", role_name(n.role)}, {"n", n.name}, {"v", n.value},
            {"d", n.description}, {"s", n.state}, {"l", n.level}, {"b", n.box}};
}

// The op for node `now` given the node of the same id last frame (null: a new node), if any.
void diff_node(const Node& now, const Node* was, json& ops, Moves& moves) {
    if (!was || !now.same_content(*was)) ops.push_back(node_op(now));
    else if (!now.same_box(*was)) moves.add(now);
}

// The ops that turn the tree `before` into `now` when nodes came, went or moved: changed nodes, the children
// of every container whose list changed, the nodes gone. An id recorded twice in a frame keeps its first node.
void diff_by_id(const std::vector<Node>& before, const std::vector<Node>& now, json& ops, Moves& moves) {
    std::unordered_map<std::string, const Node*> was, is;
    std::unordered_map<std::string, std::vector<std::string>> children_was, children_is;
    for (const Node& n : before)
        if (was.emplace(n.id, &n).second) children_was[n.parent].push_back(n.id);
    for (const Node& n : now) {
        if (!is.emplace(n.id, &n).second) continue;
        children_is[n.parent].push_back(n.id);
        auto it = was.find(n.id);
        diff_node(n, it == was.end() ? nullptr : it->second, ops, moves);
    }
    for (const auto& [parent, ids] : children_is) {
        auto it = children_was.find(parent);
        if (it == children_was.end() || it->second != ids) ops.push_back({{"o", "o"}, {"p", parent}, {"ids", ids}});
    }
    for (const auto& [id, n] : was)
        if (!is.count(id)) ops.push_back({{"o", "d"}, {"id", id}});
}

}  // namespace

void sem_widget(const std::string& id, Role role, const std::string& name, const std::string& value, unsigned state) {
    Mirror& m = mirror();
    if (!m.enabled) return;
    Node n = make_node(id, role, name, state);
    n.value = value;
    place_on_last_item(n);
    if (GImGui->CurrentItemFlags & ImGuiItemFlags_Disabled) n.state |= sem_disabled;
    if (auto f = m.faults.find(id); f != m.faults.end()) {
        n.state |= sem_invalid;
        n.description = f->second;
    }
    add(std::move(n));
}

void sem_rename_last(const std::string& name) {
    std::vector<Node>& nodes = mirror().current;
    if (mirror().enabled && !nodes.empty()) nodes.back().name = name;
}

void sem_begin(const std::string& id, Role role, const std::string& name) {
    Mirror& m = mirror();
    if (!m.enabled) return;
    if (std::find(m.begun.begin(), m.begun.end(), id) == m.begun.end()) {
        add(make_node(id, role, name));
        m.begun.push_back(id);
    }
    m.open.push_back({id, role});
}

void sem_end() {
    Mirror& m = mirror();
    if (m.enabled && !m.open.empty()) m.open.pop_back();
}

void sem_text(const std::string& text) {
    Mirror& m = mirror();
    if (!m.enabled || text.empty()) return;
    if (!m.open.empty() && m.open.back().role == Role::listbox) {
        // In a list box only entries are allowed: the text describes the entry drawn before it.
        if (!m.current.empty() && m.current.back().parent == m.open.back().id) {
            std::string& d = m.current.back().description;
            d += (d.empty() ? "" : " ") + text;
        }
        return;
    }
    Node n = make_node(auto_id(), Role::text, text);
    place_on_last_item(n);
    add(std::move(n));
}

void sem_heading(const std::string& text, int level) {
    if (!mirror().enabled || text.empty()) return;
    Node n = make_node(auto_id(), Role::heading, text, sem_none, level);
    place_on_last_item(n);
    add(std::move(n));
}

void sem_frame_begin() {
    Mirror& m = mirror();
    m.current.clear();
    m.open.clear();
    m.begun.clear();
    m.root_rank = 0;
    m.faults.clear();
    if (!m.enabled) return;
    for (const Finding& f : session().derived().findings)
        if (f.severity != Severity::conseil) m.faults.emplace(f.where(), f.message);
}

void sem_frame_end(const std::string& focused_id) {
    Mirror& m = mirror();
    m.activation.clear();   // an activation of a widget that was not drawn is dropped
    if (!m.enabled) return;
    json ops = json::array();
    const bool same_places = m.current.size() == m.last.size() &&
                             std::equal(m.current.begin(), m.current.end(), m.last.begin(),
                                        [](const Node& a, const Node& b) { return a.id == b.id && a.parent == b.parent; });
    Moves moves;
    if (same_places) {
        for (size_t i = 0; i < m.current.size(); ++i) diff_node(m.current[i], &m.last[i], ops, moves);
    } else {
        diff_by_id(m.last, m.current, ops, moves);
    }
    moves.flush(ops);
    if (focused_id != m.focused_sent) {
        ops.push_back({{"o", "f"}, {"id", focused_id}});
        m.focused_sent = focused_id;
    }
    m.current.swap(m.last);
    if (!ops.empty()) platform::semantics_apply(ops.dump(-1, ' ', false, json::error_handler_t::replace));
}

void sem_enable(bool on) {
    Mirror& m = mirror();
    if (m.enabled == on) return;
    m.enabled = on;
    if (on) return;
    // Off: the page's nodes go, so that turning it on again rebuilds them all.
    json ops = json::array();
    for (const Node& n : m.last) ops.push_back({{"o", "d"}, {"id", n.id}});
    m.last.clear();
    m.focused_sent.clear();
    if (!ops.empty()) platform::semantics_apply(ops.dump());
}

void semantic_focus(const std::string& id) {
    if (id == mirror().focused_sent) return;   // the page follows the app's focus: nothing to do
    app().focus_request = id;
    platform::request_redraw();
}

void semantic_activate(const std::string& id) {
    Mirror& m = mirror();
    auto it = std::find_if(m.last.begin(), m.last.end(), [&](const Node& n) { return n.id == id; });
    if (it == m.last.end()) return;
    if (it->role == Role::textbox) {
        semantic_focus(id);
        return;
    }
    m.activation = id;
    app().focus_request = id;   // the activated widget also takes the focus, as a click gives it
    platform::request_redraw();
}

bool take_activation(const std::string& id) {
    Mirror& m = mirror();
    if (m.activation.empty() || m.activation != id) return false;
    m.activation.clear();
    return true;
}

}  // namespace ui

// ---- platform callbacks ----------------------------------------------------------------------------------

void app_semantic_focus(const std::string& id) { ui::semantic_focus(id); }
void app_semantic_activate(const std::string& id) { ui::semantic_activate(id); }
