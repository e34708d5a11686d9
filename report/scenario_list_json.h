#pragma once
// The JSON form of `interleave list --json`.

#include <span>
#include <string>

#include "../sim/scenario.h"

namespace interleave {

// scenario_list_json(all) is a JSON array of {name, description, params:[{name, default, help}]}.
std::string scenario_list_json(std::span<const Scenario> all);

}  // namespace interleave
