#include "project/scenarios.h"
#include "base/bundle.h"

namespace clausier {

const std::vector<Scenario>& bundled_scenarios() {
    static const std::vector<Scenario> all = [] {
        std::vector<Scenario> out;
        const std::string suffix = ".clausier.json";
        for (const std::string& path : bundle_list("scenarios/")) {
            if (path.size() <= suffix.size() || path.compare(path.size() - suffix.size(), suffix.size(), suffix) != 0)
                continue;
            Scenario s;
            s.name = path.substr(10, path.size() - 10 - suffix.size());
            s.text = std::string(bundle_file(path));
            json doc = json::parse(s.text, nullptr, false);
            if (doc.is_object() && doc.contains("scenario") && doc["scenario"].is_object()) {
                s.title = doc["scenario"].value("title", "");
                s.brief = doc["scenario"].value("brief", "");
            }
            out.push_back(std::move(s));
        }
        return out;
    }();
    return all;
}

const Scenario* find_scenario(std::string_view name) {
    for (const Scenario& s : bundled_scenarios()) if (s.name == name) return &s;
    return nullptr;
}

}  // namespace clausier
