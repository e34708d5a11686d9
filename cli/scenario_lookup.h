#pragma once
// Finding a built-in scenario by name, with a helpful refusal when there is none.

#include <string_view>

#include "sim/scenario.h"

namespace interleave {

// find_scenario_or_throw(name) is the built-in scenario called name; otherwise it throws
// UsageError naming the closest known names.
const Scenario& find_scenario_or_throw(std::string_view name);

}  // namespace interleave
