#include "sim/scenario_registry.h"

#include <algorithm>
#include <utility>

namespace interleave {

bool ScenarioRegistry::add(Scenario s) {
  if (s.name.empty()) {
    problems_.push_back("a scenario is registered without a name (\"" + s.description + "\")");
    return false;
  }
  const bool blank = std::any_of(s.name.begin(), s.name.end(), [](char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
  });
  if (blank) {
    problems_.push_back("scenario '" + s.name +
                        "' has white space in its name, which a command line cannot name");
    return false;
  }
  auto it = std::lower_bound(scenarios_.begin(), scenarios_.end(), s.name,
                             [](const Scenario& a, const std::string& n) { return a.name < n; });
  if (it != scenarios_.end() && it->name == s.name) {
    problems_.push_back("scenario '" + s.name + "' is registered twice");
    return false;
  }
  scenarios_.insert(it, std::move(s));
  return true;
}

bool ScenarioRegistry::add(std::string name, std::string description,
                           std::function<void(Simulator&)> body) {
  Scenario s;
  s.name = std::move(name);
  s.description = std::move(description);
  s.body = [body = std::move(body)](Simulator& sim, const Params&) { body(sim); };
  return add(std::move(s));
}

bool ScenarioRegistry::add_all(const ScenarioRegistry& other) {
  bool all_added = true;
  for (const Scenario& s : other.all()) all_added = add(s) && all_added;
  return all_added;
}

const Scenario* ScenarioRegistry::find(std::string_view name) const {
  auto it = std::lower_bound(scenarios_.begin(), scenarios_.end(), name,
                             [](const Scenario& a, std::string_view n) { return a.name < n; });
  return it != scenarios_.end() && it->name == name ? &*it : nullptr;
}

}  // namespace interleave
