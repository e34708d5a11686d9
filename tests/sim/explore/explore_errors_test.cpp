// The runs a search cannot handle: a scenario that does not repeat itself, too many fibers.

#include <atomic>
#include <catch2/catch.hpp>
#include <cstdint>
#include <functional>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "sim/config.h"
#include "sim/explore/explore.h"
#include "sim/explore/reduction.h"
#include "sim/shared.h"
#include "sim/simulator.h"
#include "sim/thread.h"
#include "tests/sim/explore/explore_test_support.h"

using namespace interleave;
using interleave::testing::with;

namespace {

// The first run spawns two threads that store; every later run spawns none, so a search that
// replays the first run's path finds no fiber 1 where it picked one. Workers share the count.
std::function<void(Simulator&)> changes_after_first_run(std::shared_ptr<std::atomic<int>> runs) {
  return [runs](Simulator& sim) {
    Shared<int> x(sim, "x", 0);
    if (runs->fetch_add(1) == 0) {
      Thread a(sim, [&] {
        x.store(1);
        x.store(2);
      });
      Thread b(sim, [&] { x.store(3); });
    } else {
      for (int i = 0; i < 8; ++i) x.store(i);
    }
  };
}

}  // namespace

TEST_CASE("a search stops with an error when the scenario does not repeat its runs",
          "[sim][explore]") {
  for (const Reduction reduction : {Reduction::none, Reduction::sleep, Reduction::dpor}) {
    for (const std::uint32_t jobs : {1u, 2u}) {
      INFO("reduction " << to_string(reduction) << ", jobs " << jobs);
      const auto body = changes_after_first_run(std::make_shared<std::atomic<int>>(0));
      ExploreOptions options = with(reduction);
      options.jobs = jobs;
      try {
        explore_scenario(body, RunConfig{}, options);
        FAIL("the search did not notice");
      } catch (const std::runtime_error& e) {
        const std::string what = e.what();
        CHECK_THAT(what, Catch::Contains("the scenario is not deterministic"));
        // Where the search notices: dpor compares each replayed step's operation with the last
        // run's (main's step 0 is now a store, not a spawn); the others find fiber 1 missing.
        CHECK_THAT(what, Catch::Contains("is not runnable there") ||
                             Catch::Contains("where an earlier run along the same schedule had"));
      }
    }
  }
}

TEST_CASE("dpor names the step where a scenario did another operation along the same schedule",
          "[sim][explore]") {
  // After its first run, main's first step stores where it loaded: the same fibers, another
  // operation, at a step that every later run replays.
  auto runs = std::make_shared<int>(0);
  const auto body = [runs](Simulator& sim) {
    Shared<int> x(sim, "x", 0);
    if ((*runs)++ == 0) {
      (void)x.load();
    } else {
      x.store(1);
    }
    Thread a(sim, "a", [&] { x.store(2); });
    Thread b(sim, "b", [&] { x.store(3); });
  };
  try {
    explore_scenario(body, RunConfig{}, with(Reduction::dpor));
    FAIL("the search did not notice");
  } catch (const std::runtime_error& e) {
    CHECK_THAT(e.what(), Catch::StartsWith("the scenario is not deterministic: at step 0 fiber "
                                           "0's step is a store on object 0, where an earlier "
                                           "run along the same schedule had a load on object 0"));
  }
}

TEST_CASE("a search stops with an error when a run spawns more than 64 fibers", "[sim][explore]") {
  const auto body = [](Simulator& sim) {
    Shared<int> x(sim, "x", 0);
    std::vector<Thread> threads;
    threads.reserve(70);
    for (int i = 0; i < 70; ++i) threads.emplace_back(sim, [&] { x.store(1); });
  };
  for (const Reduction reduction : {Reduction::none, Reduction::sleep, Reduction::dpor}) {
    INFO("reduction " << to_string(reduction));
    CHECK_THROWS_WITH(explore_scenario(body, RunConfig{}, with(reduction)),
                      Catch::Contains("more than 64 fibers"));
  }
}
