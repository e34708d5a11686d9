// The search's counts on the DPOR counting scenarios: one complete run per Mazurkiewicz trace.

#include <catch2/catch.hpp>
#include <map>
#include <tuple>

#include "tests/sim/explore/explore_test_support.h"

using namespace interleave;
using namespace interleave::testing;

TEST_CASE("dpor explores 2^n runs of one writer and n readers", "[sim][explore][dpor]") {
  CHECK(explore_builtin("dpor/readers", {"n=1"}).runs == 2);
  CHECK(explore_builtin("dpor/readers", {"n=3"}).runs == 8);
  const ExploreResult r = explore_builtin("dpor/readers", {"n=8"});
  CHECK(r.runs == 256);
  CHECK(r.complete);
}

TEST_CASE("dpor explores 64 runs of lastzero with n = 5", "[sim][explore][dpor]") {
  const ExploreResult r = explore_builtin("dpor/lastzero", {"n=5"});
  CHECK(r.runs == 64);
  CHECK(r.complete);
}

TEST_CASE("dpor explores the multinomial number of runs of same-variable writers",
          "[sim][explore][dpor]") {
  // Two threads with k writes each: C(2k, k); three threads with three: 9!/(3!3!3!).
  CHECK(explore_builtin("dpor/writers", {"threads=2", "writes=1"}).runs == 2);
  CHECK(explore_builtin("dpor/writers", {"threads=2", "writes=2"}).runs == 6);
  CHECK(explore_builtin("dpor/writers", {"threads=2", "writes=4"}).runs == 70);
  CHECK(explore_builtin("dpor/writers", {"threads=3", "writes=3"}).runs == 1680);
}

TEST_CASE("dpor explores one run when every thread writes only its own variable",
          "[sim][explore][dpor]") {
  CHECK(explore_builtin("dpor/disjoint", {"threads=4", "steps=5"}).runs == 1);
  CHECK(explore_builtin("dpor/disjoint", {"threads=2", "steps=2"}, with(Reduction::sleep)).runs ==
        1);
}

namespace {

// An independent count of the schedules of dpor/disjoint, from its program alone: main spawns
// each thread (one step each; a spawned thread is runnable at once), then joins them in order
// (a join of a thread that has not exited blocks, and resuming from it is one more step), then
// exits; each thread performs `steps` stores, then exits. Every scheduling point may pick any
// runnable fiber; the count is the number of distinct maximal schedules.
struct DisjointModel {
  int threads;
  int steps;
  std::map<std::tuple<int, bool, std::vector<int>>, std::uint64_t> memo;

  // main_pc: 0..threads-1 spawn, threads..2*threads-1 join, 2*threads exit, 2*threads+1 done.
  std::uint64_t count(int main_pc, bool main_blocked, std::vector<int> pcs) {
    const auto key = std::make_tuple(main_pc, main_blocked, pcs);
    if (auto it = memo.find(key); it != memo.end()) return it->second;
    std::uint64_t total = 0;
    bool any = false;
    const int spawned = std::min(main_pc, threads);
    // main
    if (main_pc <= 2 * threads) {
      const int joining = main_pc - threads;
      const bool resumable = main_blocked && pcs[static_cast<std::size_t>(joining)] > steps;
      if (!main_blocked || resumable) {
        any = true;
        if (main_blocked) {
          total += count(main_pc + 1, false, pcs);  // the resume step
        } else if (main_pc < threads) {
          total += count(main_pc + 1, false, pcs);  // spawn
        } else if (main_pc < 2 * threads) {
          const bool exited = pcs[static_cast<std::size_t>(joining)] > steps;
          total += exited ? count(main_pc + 1, false, pcs) : count(main_pc, true, pcs);
        } else {
          total += count(main_pc + 1, false, pcs);  // exit
        }
      }
    }
    // threads: pc 0..steps-1 store, steps exit, steps+1 done
    for (int t = 0; t < spawned; ++t) {
      auto& pc = pcs[static_cast<std::size_t>(t)];
      if (pc > steps) continue;
      any = true;
      ++pc;
      total += count(main_pc, main_blocked, pcs);
      --pc;
    }
    if (!any) total = 1;
    memo.emplace(key, total);
    return total;
  }
};

}  // namespace

TEST_CASE("without reduction the search runs every interleaving, as an independent count says",
          "[sim][explore]") {
  for (auto [threads, steps] :
       {std::pair{1, 1}, std::pair{2, 1}, std::pair{2, 2}, std::pair{3, 1}}) {
    DisjointModel model{threads, steps, {}};
    const std::uint64_t expected =
        model.count(0, false, std::vector<int>(static_cast<std::size_t>(threads), 0));
    const ExploreResult r = explore_builtin(
        "dpor/disjoint", {"threads=" + std::to_string(threads), "steps=" + std::to_string(steps)},
        with(Reduction::none));
    INFO("threads=" << threads << " steps=" << steps);
    CHECK(r.runs == expected);
    CHECK(r.sleep_blocked == 0);
    CHECK(r.complete);
  }
}

TEST_CASE("every reduction finds the same outcomes on the counting scenarios", "[sim][explore]") {
  const std::vector<std::pair<std::string, std::vector<std::string>>> cases = {
      {"dpor/readers", {"n=2"}},
      {"dpor/lastzero", {"n=2"}},
      {"dpor/writers", {"threads=2", "writes=2"}},
      {"dpor/disjoint", {"threads=2", "steps=1"}}};
  for (const auto& [name, params] : cases) {
    INFO(name);
    const auto none = explore_builtin(name, params, with(Reduction::none));
    const auto sleep = explore_builtin(name, params, with(Reduction::sleep));
    const auto dpor = explore_builtin(name, params, with(Reduction::dpor));
    CHECK(outcome_keys(none) == outcome_keys(dpor));
    CHECK(outcome_keys(sleep) == outcome_keys(dpor));
    CHECK(sleep.runs == dpor.runs);  // sleep sets alone already avoid equivalent complete runs
    CHECK(none.runs >= dpor.runs);
  }
}

TEST_CASE("two workers find the same counts, outcomes and witnesses as one",
          "[sim][explore][jobs]") {
  const std::vector<std::pair<std::string, std::vector<std::string>>> cases = {
      {"dpor/readers", {"n=6"}},
      {"dpor/lastzero", {"n=5"}},
      {"dpor/writers", {"threads=3", "writes=2"}},
      {"dpor/disjoint", {"threads=4", "steps=3"}},
      {"article/race", {}}};
  for (const auto& [name, params] : cases) {
    INFO(name);
    ExploreOptions one;
    ExploreOptions two;
    two.jobs = 2;
    const auto a = explore_builtin(name, params, one);
    const auto b = explore_builtin(name, params, two);
    CHECK(a.runs == b.runs);
    CHECK(a.sleep_blocked == b.sleep_blocked);
    REQUIRE(a.outcomes.size() == b.outcomes.size());
    for (std::size_t i = 0; i < a.outcomes.size(); ++i) {
      CHECK(a.outcomes[i].status == b.outcomes[i].status);
      CHECK(a.outcomes[i].results == b.outcomes[i].results);
      CHECK(a.outcomes[i].count == b.outcomes[i].count);
      CHECK(a.outcomes[i].witness == b.outcomes[i].witness);
    }
    CHECK(a.first_failure == b.first_failure);
  }
}
