// The differential tester in CI: the reduced searches (sleep sets, dpor) against the unreduced
// one, bounded and unbounded, on every built-in scenario and on generated programs.
// scripts/differential runs many more generated programs (docs/explore.md, "How soundness is
// checked").

#include <catch2/catch.hpp>
#include <cstdint>
#include <string>

#include "scenarios/catalog.h"
#include "sim/simulator.h"
#include "tests/support/differential.h"
#include "tests/support/random_program.h"

using namespace interleave;
using namespace interleave::testing;

TEST_CASE("every built-in scenario finds the same outcomes under every reduction and bound",
          "[explore][differential]") {
  int compared = 0;
  for (const Scenario& s : builtin_scenarios().all()) {
    std::string error;
    const auto params = s.resolve({}, error);
    REQUIRE(params);
    const Differences d = explore_differences([&](Simulator& sim) { s.body(sim, *params); });
    INFO(s.name);
    CHECK(d.text() == "");
    compared += d.compared;
  }
  // Most of the catalog completes unreduced within the budget at bounds 0 and 1.
  CHECK(compared >= 40);
}

TEST_CASE("generated programs find the same outcomes under every reduction and bound",
          "[explore][differential]") {
  // Seeds 1..N; a failing program is printed as a test case to paste below.
  const std::uint64_t programs = 300;
  int compared = 0;
  for (std::uint64_t seed = 1; seed <= programs; ++seed) {
    const RandomProgram p = RandomProgram::random(seed);
    const Differences d = explore_differences([&p](Simulator& sim) { p.run(sim); });
    compared += d.compared;
    if (!d.problems.empty()) {
      FAIL_CHECK(d.text() << "as a test:\n" << p.print_scenario());
    }
  }
  CHECK(compared >= static_cast<int>(programs));
}
