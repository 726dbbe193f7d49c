// scenarios.h — the bundled workshop scenarios (scenarios/<name>.clausier.json): ordinary project files
// whose "scenario" object carries the name, title and teaching brief for trainers.
#pragma once
#include "project/model.h"

namespace clausier {

struct Scenario {
    std::string name;     // file name without extension, e.g. "restauration-scolaire"
    std::string title;    // French
    std::string brief;    // the teaching brief: what the case shows, what to look for
    std::string text;     // the project file as bundled
};

const std::vector<Scenario>& bundled_scenarios();
const Scenario* find_scenario(std::string_view name);

}  // namespace clausier
