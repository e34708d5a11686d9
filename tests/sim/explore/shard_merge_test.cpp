#include "sim/explore/shard_merge.h"

#include <catch2/catch.hpp>
#include <stdexcept>
#include <string>
#include <vector>

#include "sim/explore/explore.h"
#include "tests/sim/explore/explore_test_support.h"

using interleave::ExploreOptions;
using interleave::ExploreResult;
using interleave::OutcomeClass;
using interleave::Params;
using interleave::Reduction;
using interleave::RunConfig;
using interleave::Scenario;
using interleave::ShardId;
using interleave::ShardResult;
using interleave::StopReason;
using interleave::testing::builtin_scenario;

namespace {

// params_of(s, assignments) is s's parameters with NAME=VALUE assignments over the defaults.
Params params_of(const Scenario& s, const std::vector<std::string>& assignments = {}) {
  std::string error;
  const std::optional<Params> p = s.resolve(assignments, error);
  REQUIRE(p);
  return *p;
}

// shard_results(name, options, n) is the n shards of the built-in scenario's search.
std::vector<ShardResult> shard_results(const std::string& name, const ExploreOptions& options,
                                       std::uint32_t n) {
  const Scenario& s = builtin_scenario(name);
  std::vector<ShardResult> parts;
  for (std::uint32_t i = 0; i < n; ++i) {
    parts.push_back(interleave::explore_shard(s, params_of(s), RunConfig{}, options,
                                              ShardId{.index = i, .count = n}));
  }
  return parts;
}

// same_search(a, b): a and b found the same thing (everything but the time).
void same_search(const ExploreResult& a, const ExploreResult& b) {
  CHECK(a.runs == b.runs);
  CHECK(a.sleep_blocked == b.sleep_blocked);
  CHECK(a.bound_pruned == b.bound_pruned);
  CHECK(a.max_depth == b.max_depth);
  CHECK(a.complete == b.complete);
  CHECK(a.stopped_by == b.stopped_by);
  CHECK(a.bound == b.bound);
  CHECK(a.bound_unneeded == b.bound_unneeded);
  CHECK(a.first_failure == b.first_failure);
  CHECK(a.runs_to_first_failure == b.runs_to_first_failure);
  REQUIRE(a.outcomes.size() == b.outcomes.size());
  for (std::size_t i = 0; i < a.outcomes.size(); ++i) {
    const OutcomeClass& x = a.outcomes[i];
    const OutcomeClass& y = b.outcomes[i];
    CHECK(x.status == y.status);
    CHECK(x.results == y.results);
    CHECK(x.message == y.message);
    CHECK(x.count == y.count);
    CHECK(x.witness == y.witness);
    CHECK(x.preemptions == y.preemptions);
  }
}

}  // namespace

TEST_CASE("the shards of a search merge into the result one process finds", "[explore][shards]") {
  struct Case {
    std::string scenario;
    Reduction reduction;
    std::optional<std::uint32_t> bound;
    std::uint32_t split_depth;
  };
  const std::vector<Case> cases = {
      {"article/race", Reduction::dpor, std::nullopt, 2},
      {"article/race", Reduction::dpor, std::nullopt, 7},
      {"article/race", Reduction::sleep, 1, 3},
      {"classic/philosophers", Reduction::none, 1, 3},
      {"article/race", Reduction::none, 0, 4},
      {"classic/lost-wakeup", Reduction::dpor, 2, 4},
      {"dpor/lockinc", Reduction::dpor, std::nullopt, 5},
  };
  for (const Case& c : cases) {
    INFO(c.scenario << " split at " << c.split_depth);
    ExploreOptions options;
    options.reduction = c.reduction;
    options.preemption_bound = c.bound;
    options.split_depth = c.split_depth;
    const Scenario& s = builtin_scenario(c.scenario);
    const ExploreResult one = interleave::explore_scenario(s, params_of(s), RunConfig{}, options);
    for (std::uint32_t n : {1u, 2u, 3u, 5u}) {
      INFO(n << " shards");
      ExploreOptions two_workers = options;
      two_workers.jobs = 2;  // a shard's workers change nothing either
      const std::vector<ShardResult> parts = shard_results(c.scenario, two_workers, n);
      same_search(interleave::merge_shards(parts, c.bound, n), one);
    }
  }
}

TEST_CASE("a shard whose levels cut nothing stands for the bound levels above them",
          "[explore][shards]") {
  ExploreOptions options;
  options.preemption_bound = 40;  // far more than dpor/lockinc with two threads needs
  const Scenario& s = builtin_scenario("dpor/lockinc");
  const Params two = params_of(s, {"threads=2"});
  const ExploreResult one = interleave::explore_scenario(s, two, RunConfig{}, options);
  REQUIRE(one.bound_unneeded);
  std::vector<ShardResult> parts;
  for (std::uint32_t i = 0; i < 3; ++i) {
    parts.push_back(
        interleave::explore_shard(s, two, RunConfig{}, options, ShardId{.index = i, .count = 3}));
    CHECK(parts.back().saturated);
    CHECK(parts.back().levels.size() < 40);
  }
  same_search(interleave::merge_shards(parts, options.preemption_bound, 3), one);
}

TEST_CASE("merging without a shard is incomplete, and a shard given twice is refused",
          "[explore][shards]") {
  ExploreOptions options;
  options.split_depth = 6;
  std::vector<ShardResult> parts = shard_results("article/race", options, 4);
  const std::vector<ShardResult> three(parts.begin(), parts.begin() + 3);
  const ExploreResult partial = interleave::merge_shards(three, std::nullopt, 4);
  CHECK_FALSE(partial.complete);
  CHECK(partial.stopped_by == StopReason::missing_shards);
  const ExploreResult whole = interleave::merge_shards(parts, std::nullopt, 4);
  CHECK(partial.runs < whole.runs);
  parts.push_back(parts[1]);
  CHECK_THROWS_AS(interleave::merge_shards(parts, std::nullopt, 4), std::invalid_argument);
  CHECK_THROWS_AS(interleave::merge_shards(three, std::nullopt, 8), std::invalid_argument);
}
