// semantics.cpp — the semantic mirror's tree of the frame and its difference with the last frame (see
// semantics.h). The ops sent to the page, one JSON array per frame that changed something (web/semantics.js
// applies them):
//   {"o":"s","id","p","r","n","v","d","s","l"}  create or update node `id` under parent `p` ("" = the root), role
//                                               `r`, name `n`, value `v`, description `d`, states `s`, level `l`
//   {"o":"o","p","ids":[…]}                     the children of `p` in reading order
//   {"o":"d","id"}                              node `id` is gone
//   {"o":"f","id"}                              the widget `id` has the keyboard focus ("" = none)
#include "semantics.h"
#include "app.h"
#include "platform.h"
#include <imgui_internal.h>
#include <unordered_map>
#include <vector>

namespace ui {

namespace {

struct Node {
    std::string id, parent, name, value, description;
    Role role = Role::text;
    unsigned state = 0;
    int level = 0;
    bool operator==(const Node& o) const {
        return id == o.id && parent == o.parent && name == o.name && value == o.value && description == o.description &&
               role == o.role && state == o.state && level == o.level;
    }
};

// One frame's tree: the nodes in drawing order, where each is, and each container's children.
struct Tree {
    std::vector<Node> nodes;
    std::unordered_map<std::string, size_t> index;
    std::unordered_map<std::string, std::vector<std::string>> children;
    void clear() {
        nodes.clear();
        index.clear();
        children.clear();
    }
};

struct Mirror {
    bool enabled = true;
    Tree current, last;
    std::vector<std::string> open;                        // containers being drawn
    std::unordered_map<std::string, int> text_rank;       // per container, for the ids of texts and headings
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
    return m.open.empty() ? root : m.open.back();
}

// Adds a node to the frame's tree; a second node under an id already recorded in this frame is ignored.
Node* add(Node n) {
    Tree& t = mirror().current;
    if (t.index.count(n.id)) return nullptr;
    n.parent = parent_id();
    t.index.emplace(n.id, t.nodes.size());
    t.children[n.parent].push_back(n.id);
    t.nodes.push_back(std::move(n));
    return &t.nodes.back();
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
    const std::string& p = parent_id();
    return p + "/" + std::to_string(++m.text_rank[p]);
}

json node_op(const Node& n) {
    return {{"o", "s"}, {"id", n.id}, {"p", n.parent}, {"r", role_name(n.role)}, {"n", n.name}, {"v", n.value},
            {"d", n.description}, {"s", n.state}, {"l", n.level}};
}

}  // namespace

void sem_widget(const std::string& id, Role role, const std::string& name, const std::string& value, unsigned state) {
    Mirror& m = mirror();
    if (!m.enabled) return;
    Node n = make_node(id, role, name, state);
    n.value = value;
    if (GImGui->CurrentItemFlags & ImGuiItemFlags_Disabled) n.state |= sem_disabled;
    if (auto f = m.faults.find(id); f != m.faults.end()) {
        n.state |= sem_invalid;
        n.description = f->second;
    }
    add(std::move(n));
}

void sem_rename_last(const std::string& name) {
    Tree& t = mirror().current;
    if (mirror().enabled && !t.nodes.empty()) t.nodes.back().name = name;
}

void sem_begin(const std::string& id, Role role, const std::string& name) {
    Mirror& m = mirror();
    if (!m.enabled) return;
    add(make_node(id, role, name));
    m.open.push_back(id);
}

void sem_end() {
    Mirror& m = mirror();
    if (m.enabled && !m.open.empty()) m.open.pop_back();
}

void sem_text(const std::string& text) {
    Mirror& m = mirror();
    if (!m.enabled || text.empty()) return;
    Tree& t = m.current;
    const std::string& p = parent_id();
    if (!p.empty() && t.nodes[t.index[p]].role == Role::listbox) {
        // In a list box only entries are allowed: the text describes the entry drawn before it.
        if (!t.nodes.empty() && t.nodes.back().parent == p) {
            std::string& d = t.nodes.back().description;
            d += (d.empty() ? "" : " ") + text;
        }
        return;
    }
    add(make_node(auto_id(), Role::text, text));
}

void sem_heading(const std::string& text, int level) {
    if (!mirror().enabled || text.empty()) return;
    add(make_node(auto_id(), Role::heading, text, sem_none, level));
}

void sem_frame_begin() {
    Mirror& m = mirror();
    m.current.clear();
    m.open.clear();
    m.text_rank.clear();
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
    for (const Node& n : m.current.nodes) {
        auto it = m.last.index.find(n.id);
        if (it == m.last.index.end() || !(m.last.nodes[it->second] == n)) ops.push_back(node_op(n));
    }
    for (const auto& [parent, ids] : m.current.children) {
        auto it = m.last.children.find(parent);
        if (it == m.last.children.end() || it->second != ids) ops.push_back({{"o", "o"}, {"p", parent}, {"ids", ids}});
    }
    for (const Node& n : m.last.nodes)
        if (!m.current.index.count(n.id)) ops.push_back({{"o", "d"}, {"id", n.id}});
    if (focused_id != m.focused_sent) {
        ops.push_back({{"o", "f"}, {"id", focused_id}});
        m.focused_sent = focused_id;
    }
    std::swap(m.current, m.last);
    if (!ops.empty()) platform::semantics_apply(ops.dump(-1, ' ', false, json::error_handler_t::replace));
}

void sem_enable(bool on) {
    Mirror& m = mirror();
    if (m.enabled == on) return;
    m.enabled = on;
    if (on) return;
    // Off: the page's nodes go, so that turning it on again rebuilds them all.
    json ops = json::array();
    for (const Node& n : m.last.nodes) ops.push_back({{"o", "d"}, {"id", n.id}});
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
    auto it = m.last.index.find(id);
    if (it == m.last.index.end()) return;
    if (m.last.nodes[it->second].role == Role::textbox) {
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
