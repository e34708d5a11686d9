#include <catch2/catch.hpp>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "scenarios/catalog.h"
#include "sim/policies/fifo.h"
#include "sim/simulator.h"

using namespace interleave;

TEST_CASE("every built-in parameter declares a bounded range that holds its default",
          "[scenarios][params]") {
  for (const Scenario& s : builtin_scenarios().all()) {
    for (const ParamSpec& p : s.params) {
      INFO(s.name << " " << p.name);
      CHECK(p.least != std::numeric_limits<std::int64_t>::min());
      CHECK(p.greatest <= 3'600'000);
      CHECK(p.least <= p.default_value);
      CHECK(p.default_value <= p.greatest);
    }
  }
}

TEST_CASE("every built-in scenario ends at the greatest sizes it accepts", "[scenarios][params]") {
  // The sizes that crashed or hung before the ranges (two billion philosophers, customers,
  // clients) are refused now; at the greatest accepted ones a run ends, within the step limit.
  RunConfig config;
  config.max_steps = 20'000;
  config.stack_size = 64 * 1024;
  Simulator sim(config);
  for (const Scenario& s : builtin_scenarios().all()) {
    std::vector<std::string> biggest;
    for (const ParamSpec& p : s.params) {
      // A thread count at its greatest, and repetitions (at most 1000 threads' worth) bounded by
      // the step limit anyway.
      biggest.push_back(p.name + "=" + std::to_string(p.greatest));
    }
    INFO(s.name);
    std::string error;
    const std::optional<Params> params = s.resolve(biggest, error);
    REQUIRE(params);
    FifoPolicy fifo;
    fifo.begin_run();
    const RunResult& r = sim.run(fifo, [&] { s.body(sim, *params); });
    CHECK(r.stats.steps <= config.max_steps);
  }
}
