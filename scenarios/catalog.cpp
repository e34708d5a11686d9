#include "scenarios/catalog.h"

#include "scenarios/article/race.h"

namespace interleave {

const ScenarioRegistry& builtin_scenarios() {
  static const ScenarioRegistry registry = [] {
    ScenarioRegistry r;
    r.add(article_race());
    return r;
  }();
  return registry;
}

}  // namespace interleave
