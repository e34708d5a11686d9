#pragma once
// The built-in scenarios: the article's programs, the classic problems, the counting cases.

#include "../sim/scenario_registry.h"

namespace interleave {

// builtin_scenarios() is the registry of every built-in scenario, built once.
const ScenarioRegistry& builtin_scenarios();

}  // namespace interleave
