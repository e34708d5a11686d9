#include <catch2/catch.hpp>
#include <iostream>

#include "scenarios/catalog.h"
#include "sim/policies/fifo.h"
#include "tests/support/policies.h"
#include "tests/support/seeded_runs.h"
using namespace interleave;
using namespace interleave::testing;
static void show(const char* label, const RunResult& r) {
  std::cout << label << ": " << to_string(r.outcome.status) << " " << r.outcome.message
            << " steps=" << r.stats.steps << " spin=" << r.stats.spin_steps
            << " clock=" << r.stats.clock.count() << " switches=" << r.stats.context_switches
            << "\n  ";
  for (auto& [n, v] : r.results) {
    std::cout << n << "=";
    if (auto* i = std::get_if<std::int64_t>(&v)) std::cout << *i;
    if (auto* l = std::get_if<std::vector<std::int64_t>>(&v))
      for (auto x : *l) std::cout << x << ",";
    std::cout << " ";
  }
  std::cout << "\n";
}
TEST_CASE("scratch", "[.scratch]") {
  for (const char* name : {"article/race", "article/naive-spinlock", "article/spinlock",
                           "article/lock", "article/semaphore-server"}) {
    const Scenario* s = builtin_scenarios().find(name);
    REQUIRE(s);
    Simulator sim;
    FifoPolicy fifo;
    auto body = scenario_body(*s);
    auto r = sim.run(fifo, [&] { body(sim); });
    show(name, r);
    for (std::uint64_t seed : {1, 2, 3}) {
      auto p = random_policy(seed);
      auto r2 = sim.run(p, [&] { body(sim); });
      show("  random", r2);
    }
  }
}
