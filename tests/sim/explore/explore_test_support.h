#pragma once
// Helpers for the search's tests: explore a built-in scenario with parameters, and read results.

#include <catch2/catch.hpp>
#include <cstdint>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "scenarios/catalog.h"
#include "sim/explore/explore.h"
#include "tests/support/builtin_scenario.h"

namespace interleave::testing {

// explore_builtin(name, params, options, granularity) searches the built-in scenario name with
// NAME=VALUE // parameters, at atomic granularity unless told otherwise.
inline ExploreResult explore_builtin(const std::string& name,
                                     const std::vector<std::string>& params = {},
                                     ExploreOptions options = {},
                                     Granularity granularity = Granularity::atomic) {
  const Scenario& s = builtin_scenario(name);
  std::string error;
  const auto resolved = s.resolve(params, error);
  REQUIRE(resolved);
  return explore_scenario(s, *resolved, RunConfig{.granularity = granularity}, options);
}

// with(reduction) is the default options with that reduction.
inline ExploreOptions with(Reduction reduction) {
  ExploreOptions o;
  o.reduction = reduction;
  return o;
}

// int_result(c, name) is the integer result called name of outcome c.
inline std::int64_t int_result(const OutcomeClass& c, const std::string& name) {
  for (const auto& [n, v] : c.results) {
    if (n == name) return std::get<std::int64_t>(v);
  }
  FAIL("no result " << name);
  return 0;
}

// outcome_keys(r) is the set of distinct outcomes as (status, results) pairs.
inline std::set<std::pair<Status, Results>> outcome_keys(const ExploreResult& r) {
  std::set<std::pair<Status, Results>> keys;
  for (const OutcomeClass& c : r.outcomes) keys.emplace(c.status, c.results);
  return keys;
}

}  // namespace interleave::testing
