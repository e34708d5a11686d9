// The built-in scenarios under exhaustive search: what the search must find, and that every
// witness it reports replays to the outcome it stands for.

#include <catch2/catch.hpp>
#include <functional>
#include <set>
#include <string>

#include "sim/policies/random.h"
#include "sim/simulator.h"
#include "tests/sim/explore/explore_test_support.h"
#include "tests/support/seeded_runs.h"
#include "traces/explore_witness.h"
#include "traces/rerun.h"

using namespace interleave;
using namespace interleave::testing;

namespace {

ExploreOptions bounded(std::uint32_t k) {
  ExploreOptions o;
  o.preemption_bound = k;
  return o;
}

// replays(name, c) runs scenario name along c's witness and tells whether it ends as c says,
// with as many preemptions.
bool replays(const std::string& name, const OutcomeClass& c) {
  const Scenario& s = builtin_scenario(name);
  std::string error;
  const auto params = s.resolve({}, error);
  const std::function<void(Simulator&)> body = [&](Simulator& sim) { s.body(sim, *params); };
  const Rerun again = rerun(
      ScheduledRun{s.name, params->values(), body,
                   RunConfig{.max_steps = ExploreOptions{}.max_steps}, PolicyInfo{}, c.witness},
      Recording::off);
  return not_repeated(again, run_end(c)).empty() && again.result.stats.preemptions == c.preemptions;
}

}  // namespace

TEST_CASE("explore finds every total of the article's race, 10 and 6 among them",
          "[scenarios][explore]") {
  const ExploreResult r = explore_builtin("article/race");
  CHECK(r.complete);
  std::set<std::int64_t> totals;
  for (const OutcomeClass& c : r.outcomes) {
    totals.insert(int_result(c, "total"));
    CHECK(replays("article/race", c));
  }
  // Thread 3 sleeps 2 s between its read and its write, so its write comes last: the total is
  // 3 plus whatever subset of the other additions (0, 1, 2, 4) it read.
  CHECK(totals == std::set<std::int64_t>{3, 4, 5, 6, 7, 8, 9, 10});
  REQUIRE(r.first_failure);
  CHECK(r.outcomes[*r.first_failure].status == Status::failed);
}

TEST_CASE("the article's lock keeps the total at 10 in every schedule with up to two preemptions",
          "[scenarios][explore]") {
  const ExploreResult r = explore_builtin("article/lock", {}, bounded(2));
  CHECK(r.complete);
  CHECK(r.bound == 2u);
  CHECK_FALSE(r.failed());
  for (const OutcomeClass& c : r.outcomes) {
    CHECK(c.status == Status::ok);
    CHECK(int_result(c, "total") == 10);
  }
}

TEST_CASE("explore finds the naive spin lock's overlap with one preemption",
          "[scenarios][explore]") {
  const ExploreResult r = explore_builtin("article/naive-spinlock", {}, bounded(1));
  CHECK(r.complete);
  REQUIRE(r.first_failure);
  const OutcomeClass& f = r.outcomes[*r.first_failure];
  CHECK(f.status == Status::failed);
  CHECK(f.preemptions == 1);
  CHECK(replays("article/naive-spinlock", f));
}

TEST_CASE("the bound is searched upward, so the first failure has the fewest preemptions",
          "[scenarios][explore]") {
  const ExploreResult r = explore_builtin("classic/peterson-broken", {}, bounded(3));
  REQUIRE(r.first_failure);
  const std::uint32_t first = r.outcomes[*r.first_failure].preemptions;
  for (const OutcomeClass& c : r.outcomes) {
    if (is_failure(c.status)) CHECK(first <= c.preemptions);
  }
  CHECK(replays("classic/peterson-broken", r.outcomes[*r.first_failure]));
}

TEST_CASE("the article's test-and-set spin lock never fails under exhaustive search",
          "[scenarios][explore]") {
  // Fairness makes the spin loop finite: a spinner waits until another fiber progresses.
  const ExploreResult r = explore_builtin("article/spinlock", {}, bounded(1));
  CHECK(r.complete);
  CHECK_FALSE(r.failed());
  CHECK(r.runs > 1000);
}

TEST_CASE("the classic problems' buggy forms fail under explore and their fixed forms pass",
          "[scenarios][explore]") {
  const std::vector<std::pair<std::string, std::string>> pairs = {
      {"classic/abba", "classic/abba-ordered"},
      {"classic/bounded-buffer-if", "classic/bounded-buffer"},
      {"classic/lost-wakeup", "classic/lost-wakeup-fixed"},
      {"classic/one-lane-bridge-racy", "classic/one-lane-bridge"},
      {"classic/peterson-broken", "classic/peterson"},
      {"classic/philosophers", "classic/philosophers-ordered"},
      {"classic/readers-writers-racy", "classic/readers-writers"},
      {"classic/sleeping-barber-racy", "classic/sleeping-barber"}};
  for (const auto& [buggy, fixed] : pairs) {
    INFO(buggy << " / " << fixed);
    const ExploreResult b = explore_builtin(buggy, {}, bounded(2));
    REQUIRE(b.first_failure);
    CHECK(replays(buggy, b.outcomes[*b.first_failure]));
    const ExploreResult f = explore_builtin(fixed, {}, bounded(2));
    CHECK(f.complete);
    CHECK_FALSE(f.failed());
  }
}

TEST_CASE("the classic problems that are small enough pass an unbounded complete search",
          "[scenarios][explore]") {
  for (const char* name : {"classic/abba-ordered", "classic/lost-wakeup-fixed", "classic/peterson",
                           "classic/philosophers-ordered", "classic/readers-writers"}) {
    INFO(name);
    const ExploreResult r = explore_builtin(name);
    CHECK(r.complete);
    CHECK_FALSE(r.failed());
  }
}

TEST_CASE("no reduction and dpor find the same outcomes on every scenario small enough for both",
          "[scenarios][explore]") {
  // A plain DFS over every scheduling point is the reference; scenarios whose plain search does
  // not end within the budget are skipped, and at least the counting scenarios are compared.
  ExploreOptions plain = with(Reduction::none);
  plain.max_runs = 10'000;
  std::size_t compared = 0;
  for (const Scenario& s : builtin_scenarios().all()) {
    const ExploreResult none = explore_builtin(s.name, {}, plain);
    if (!none.complete) continue;
    INFO(s.name);
    const ExploreResult dpor = explore_builtin(s.name);
    CHECK(outcome_keys(none) == outcome_keys(dpor));
    ++compared;
  }
  CHECK(compared >= 3);
}

TEST_CASE(
    "both granularities find the same outcomes on every scenario whose search completes "
    "under both",
    "[scenarios][explore][granularity]") {
  // The same primitives' code runs either way: at atomic granularity every atomic step inside a
  // primitive is a scheduling point, at primitive granularity one operation is one step. If a
  // primitive's operation were not atomic as a whole, or the coarser dependence missed an order,
  // the outcome sets (status and results) would differ.
  ExploreOptions budget;
  budget.max_runs = 40'000;
  std::size_t compared = 0;
  std::size_t with_primitives = 0;
  for (const Scenario& s : builtin_scenarios().all()) {
    const ExploreResult atomic = explore_builtin(s.name, {}, budget, Granularity::atomic);
    if (!atomic.complete) continue;
    INFO(s.name);
    const ExploreResult primitive = explore_builtin(s.name, {}, budget, Granularity::primitive);
    REQUIRE(primitive.complete);
    CHECK(outcome_keys(atomic) == outcome_keys(primitive));
    CHECK(primitive.runs <= atomic.runs);
    if (primitive.runs < atomic.runs) ++with_primitives;
    ++compared;
  }
  CHECK(compared >= 14);
  CHECK(with_primitives >= 7);  // the classic problems built on Mutex, Semaphore, ...
}

TEST_CASE("no reduction and dpor find the same outcomes at primitive granularity",
          "[scenarios][explore][granularity]") {
  ExploreOptions plain = with(Reduction::none);
  plain.max_runs = 20'000;
  std::size_t compared = 0;
  for (const Scenario& s : builtin_scenarios().all()) {
    const ExploreResult none = explore_builtin(s.name, {}, plain, Granularity::primitive);
    if (!none.complete) continue;
    INFO(s.name);
    const ExploreResult dpor = explore_builtin(s.name, {}, {}, Granularity::primitive);
    CHECK(outcome_keys(none) == outcome_keys(dpor));
    ++compared;
  }
  CHECK(compared >= 6);
}

TEST_CASE("every outcome that random schedules reach, a complete dpor search reaches too",
          "[scenarios][explore]") {
  // Soundness against an independent source of schedules: seeded random runs of each scenario
  // whose dpor search completes (livelocks aside: random has no fairness for spin loops).
  for (const char* name :
       {"article/race", "classic/abba", "classic/abba-ordered", "classic/lost-wakeup",
        "classic/lost-wakeup-fixed", "classic/peterson", "classic/peterson-broken",
        "classic/philosophers", "classic/philosophers-ordered", "classic/readers-writers",
        "dpor/readers", "dpor/lastzero", "dpor/writers"}) {
    INFO(name);
    const ExploreResult r = explore_builtin(name);
    REQUIRE(r.complete);
    const auto searched = outcome_keys(r);
    const Scenario& s = builtin_scenario(name);
    std::string error;
    const auto params = s.resolve({}, error);
    std::size_t missing = 0;
    for_seeds([](std::uint64_t seed) { return RandomPolicy(seed); }, 1, 300,
              [&](Simulator& sim) { s.body(sim, *params); },
              [&](std::uint64_t seed, const RunResult& run) {
                if (run.outcome.status == Status::livelock) return true;
                if (!searched.contains({run.outcome.status, run.results})) {
                  UNSCOPED_INFO("random seed " << seed << " reached an outcome the search did not: "
                                               << run.outcome.message);
                  ++missing;
                }
                return true;
              });
    CHECK(missing == 0);
  }
}

TEST_CASE(
    "a bounded dpor search finds the failures of the racy classics with their fewest "
    "preemptions",
    "[scenarios][explore]") {
  // Both were missed or reported with one preemption too many before bounded dpor was sound.
  const ExploreResult barber = explore_builtin("classic/sleeping-barber-racy", {}, bounded(1));
  REQUIRE(barber.first_failure);
  CHECK(barber.outcomes[*barber.first_failure].preemptions == 1);
  CHECK(replays("classic/sleeping-barber-racy", barber.outcomes[*barber.first_failure]));
  const ExploreResult buffer = explore_builtin("classic/bounded-buffer-if", {}, bounded(1));
  REQUIRE(buffer.first_failure);
  CHECK(buffer.outcomes[*buffer.first_failure].preemptions == 0);
  CHECK(replays("classic/bounded-buffer-if", buffer.outcomes[*buffer.first_failure]));
}

TEST_CASE("a search told to stop at the first failure stops there and says after how many runs",
          "[scenarios][explore]") {
  ExploreOptions o = bounded(2);
  const ExploreResult whole = explore_builtin("classic/peterson-broken", {}, o);
  REQUIRE(whole.runs_to_first_failure);
  o.stop_at_first_failure = true;
  const ExploreResult stopped = explore_builtin("classic/peterson-broken", {}, o);
  CHECK_FALSE(stopped.complete);
  CHECK(stopped.stopped_by == StopReason::first_failure);
  REQUIRE(stopped.first_failure);
  CHECK(stopped.runs_to_first_failure == whole.runs_to_first_failure);
  const OutcomeClass& f = stopped.outcomes[*stopped.first_failure];
  CHECK(f.preemptions == whole.outcomes[*whole.first_failure].preemptions);
  CHECK(replays("classic/peterson-broken", f));
  // Without a failure there is nothing to stop at.
  o.stop_at_first_failure = true;
  const ExploreResult fixed = explore_builtin("classic/peterson", {}, o);
  CHECK(fixed.complete);
  CHECK_FALSE(fixed.runs_to_first_failure);
}
