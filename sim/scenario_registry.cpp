#include "sim/scenario_registry.h"

#include <algorithm>
#include <stdexcept>

namespace interleave {

void ScenarioRegistry::add(Scenario s) {
  if (s.name.empty()) throw std::invalid_argument("a scenario needs a name");
  auto it = std::lower_bound(scenarios_.begin(), scenarios_.end(), s.name,
                             [](const Scenario& a, const std::string& n) { return a.name < n; });
  if (it != scenarios_.end() && it->name == s.name) {
    throw std::invalid_argument("scenario '" + s.name + "' is registered twice");
  }
  scenarios_.insert(it, std::move(s));
}

const Scenario* ScenarioRegistry::find(std::string_view name) const {
  auto it = std::lower_bound(scenarios_.begin(), scenarios_.end(), name,
                             [](const Scenario& a, std::string_view n) { return a.name < n; });
  return it != scenarios_.end() && it->name == name ? &*it : nullptr;
}

}  // namespace interleave
