#pragma once
// The differential tester: a program searched with no reduction (the reference), with sleep sets
// and with dpor, at preemption bounds 0, 1, 2 and without a bound, at each granularity asked for.
// Every search that completes must report the same outcomes (status and results) as the
// reference of its granularity, each with the same fewest preemptions, and must not take more
// complete runs than it. Without a bound the references of all granularities must agree too (a
// preemption inside a primitive exists only at atomic granularity, so the bounded ones may not).

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "sim/config.h"
#include "sim/explore/explore_options.h"

namespace interleave {
class Simulator;
}

namespace interleave::testing {

// What explore_differences() compared and what it found.
struct Differences {
  int compared = 0;                   // searches (bound, reduction) checked against the reference
  int skipped = 0;                    // bounds whose reference did not complete within the budget
  std::vector<std::string> problems;  // one line each: bound, reduction, what differed

  // text() is every problem, one a line; empty when there is none.
  std::string text() const;
};

// The settings of a comparison.
struct DifferentialBudget {
  std::uint64_t reference_runs = 20'000;  // the unreduced search's run budget per bound
  std::vector<std::optional<std::uint32_t>> bounds = {0u, 1u, 2u, std::nullopt};
  std::vector<Reduction> reductions = {Reduction::sleep, Reduction::dpor};
  std::vector<Granularity> granularities = {Granularity::atomic};
  unsigned jobs = 1;  // workers of the reduced searches (the reference runs with one)
};

// explore_differences(body, budget) compares the reduced searches of body with the unreduced one.
Differences explore_differences(const std::function<void(Simulator&)>& body,
                                const DifferentialBudget& budget = {});

}  // namespace interleave::testing
