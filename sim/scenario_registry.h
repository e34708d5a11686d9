#pragma once
// ScenarioRegistry: scenarios by name, listed in name order.

#include <span>
#include <string_view>
#include <vector>

#include "sim/scenario.h"

namespace interleave {

// A set of scenarios with unique names.
class ScenarioRegistry {
 public:
  // add(s) registers s; throws std::invalid_argument if its name is taken or empty.
  void add(Scenario s);
  // find(name) is the scenario of that name, or null.
  const Scenario* find(std::string_view name) const;
  // all() lists the scenarios sorted by name.
  std::span<const Scenario> all() const { return scenarios_; }

 private:
  std::vector<Scenario> scenarios_;  // invariant: sorted by name, names unique
};

}  // namespace interleave
