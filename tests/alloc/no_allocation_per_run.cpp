// After warm-up a run allocates nothing: the simulator reuses its fiber records, stacks, queues,
// names and result, and the search reuses its path and outcome table.

#include <array>
#include <catch2/catch.hpp>
#include <cstdint>
#include <optional>

#include "sim/explore/dfs_explorer.h"
#include "sim/explore/outcome_table.h"
#include "sim/policies/random.h"
#include "sim/shared.h"
#include "sim/simulator.h"
#include "sim/thread.h"
#include "tests/alloc/counting_allocator.h"

namespace interleave {
namespace {

// `threads` threads store to x `writes` times each; main joins them and reports the last value.
// The scenario itself allocates nothing: the threads live in an array, the names are short.
void writers(Simulator& sim, int threads, int writes) {
  Shared<int> x(sim, "x", 0);
  {
    std::array<std::optional<Thread>, 4> ts;
    for (int t = 0; t < threads; ++t) {
      ts[static_cast<std::size_t>(t)].emplace(sim, [&x, t, writes] {
        for (int k = 1; k <= writes; ++k) x.store(100 * (t + 1) + k);
      });
    }
  }
  sim.report("last", std::int64_t{x.peek()});
}

// allocations_of(n, one_run) is how often the heap was reached by n calls of one_run.
template <class F>
std::uint64_t allocations_of(int n, F&& one_run) {
  const std::uint64_t before = testing::allocations();
  for (int i = 0; i < n; ++i) one_run();
  return testing::allocations() - before;
}

TEST_CASE("a random run after warm-up allocates nothing", "[sim][alloc]") {
  Simulator sim;
  RandomPolicy policy(1);
  std::uint64_t seed = 0;
  std::uint64_t not_ok = 0;
  auto one_run = [&] {
    policy.set_seed(++seed);
    policy.begin_run();
    const RunResult& r = sim.run(policy, [&] { writers(sim, 2, 5); });
    if (r.outcome.status != Status::ok) ++not_ok;
  };
  allocations_of(100, one_run);
  CHECK(allocations_of(1000, one_run) == 0);
  CHECK(not_ok == 0);
}

// search(reduction, threads, writes) checks that the runs of a search after its first 100
// allocate nothing: the simulator's and the explorer's per-run work, and the outcome table's.
void check_search_allocates_nothing_per_run(Reduction reduction, int threads, int writes) {
  Simulator sim;
  SearchRules rules;
  rules.reduction = reduction;
  DfsExplorer explorer(rules, SearchTask{});
  OutcomeTable outcomes;
  int runs = 0;
  auto one_run = [&] {
    if (!explorer.begin_run()) return;
    ++runs;
    const RunResult& r = sim.run(explorer, [&] { writers(sim, threads, writes); });
    if (explorer.last_run() == SearchRunKind::complete) {
      outcomes.add(r.outcome, r.results, sim.schedule(), explorer.last_preemptions());
    }
  };
  allocations_of(100, one_run);
  const std::uint64_t allocations = allocations_of(1000, one_run);
  REQUIRE(runs == 1100);  // the search was not over before the measured runs ended
  CHECK(explorer.error().empty());
  CHECK(allocations == 0);
}

TEST_CASE("a search run without reduction after warm-up allocates nothing", "[sim][alloc]") {
  check_search_allocates_nothing_per_run(Reduction::none, 2, 5);
}

TEST_CASE("a dpor search run after warm-up allocates nothing", "[sim][alloc]") {
  check_search_allocates_nothing_per_run(Reduction::dpor, 3, 3);
}

}  // namespace
}  // namespace interleave
