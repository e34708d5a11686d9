// Fairness makes spin loops finite without losing what they can lead to: a spinner waits until
// some step changes state, and one that read before such a change spins once more.

#include <catch2/catch.hpp>
#include <cstdint>

#include "sim/atomic.h"
#include "sim/config.h"
#include "sim/explore/explore.h"
#include "sim/explore/reduction.h"
#include "sim/simulator.h"
#include "sim/thread.h"
#include "tests/sim/explore/explore_test_support.h"
#include "tests/support/ticket_lock.h"

using namespace interleave;
using interleave::testing::with;

TEST_CASE("a user's ticket lock (load, then yield) is searched to the end with no livelock",
          "[sim][explore][fairness]") {
  // Before: each spinner's load counted as progress for the other, so two spinners could take
  // turns forever above the lock's holder and every such run ended at the step limit.
  for (const Reduction reduction : {Reduction::sleep, Reduction::dpor}) {
    INFO(to_string(reduction));
    const ExploreResult r = explore_scenario(
        [](Simulator& sim) { testing::ticket_counting(sim, 3); }, RunConfig{}, with(reduction));
    CHECK(r.complete);
    CHECK_FALSE(r.failed());
    CHECK(r.max_depth < 200);
  }
}

TEST_CASE("a spinner whose turn came between its load and its yield is not kept waiting",
          "[sim][explore][fairness]") {
  // t1 reads turn (still 0), t0 gives it the turn and spins; t1 then yields on what it read.
  // t1 must run again, or both spin until the step limit: a livelock that no schedule has.
  const auto handoff = [](Simulator& sim) {
    Atomic<int> turn(sim, "turn", 0);
    Atomic<int> done(sim, "done", 0);
    Thread t0(sim, "t0", [&] {
      turn.store(1);
      while (done.load() == 0) sim.yield();
    });
    Thread t1(sim, "t1", [&] {
      while (turn.load() == 0) sim.yield();
      done.store(1);
    });
  };
  for (const Reduction reduction : {Reduction::none, Reduction::sleep, Reduction::dpor}) {
    INFO(to_string(reduction));
    ExploreOptions options = with(reduction);
    options.preemption_bound = 2;
    const ExploreResult r = explore_scenario(handoff, RunConfig{}, options);
    CHECK(r.complete);
    CHECK_FALSE(r.failed());
  }
}
