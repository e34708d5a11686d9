#pragma once
// ScenarioRegistry: scenarios by name, listed in name order.

#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "scenario.h"

namespace interleave {

class Simulator;

// A set of scenarios with unique names: the built-in catalog, or a program's own scenarios for
// cli_main(). Registering never throws; a name that cannot be registered is kept as a problem,
// which cli_main() reports before it does anything else.
class ScenarioRegistry {
 public:
  // add(s) registers s and returns true; when s's name is empty, holds white space or is taken,
  // it keeps the first scenario, records the problem (see problems()) and returns false.
  bool add(Scenario s);
  // add(name, description, body) registers a scenario without parameters.
  bool add(std::string name, std::string description, std::function<void(Simulator&)> body);
  // add_all(other) registers every scenario of other (for example builtin_scenarios()); returns
  // false when some name was refused.
  bool add_all(const ScenarioRegistry& other);
  // find(name) is the scenario of that name, or null.
  const Scenario* find(std::string_view name) const;
  // all() lists the scenarios sorted by name.
  std::span<const Scenario> all() const { return scenarios_; }
  // problems() lists, one line each, the names add() refused ("scenario 'q/x' is registered
  // twice"), in the order they were added.
  const std::vector<std::string>& problems() const { return problems_; }

 private:
  std::vector<Scenario> scenarios_;    // invariant: sorted by name, names unique and well formed
  std::vector<std::string> problems_;  // one line per refused add()
};

}  // namespace interleave
