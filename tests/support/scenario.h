// Test-only: a bundled scenario read into a Project (the test fails at once if the name is unknown or the
// scenario does not read).
#pragma once
#include "project/model.h"
#include "project/scenarios.h"
#include <catch2/catch.hpp>
#include <string>

namespace clausier::testing {

inline Project scenario(const char* name) {
    const Scenario* s = find_scenario(name);
    REQUIRE(s != nullptr);
    Project p;
    std::string error;
    REQUIRE(project_from_text(s->text, p, error));
    return p;
}

}  // namespace clausier::testing
