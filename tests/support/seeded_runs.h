#pragma once
// Test helper: run one body under many seeds of a policy and look at the outcomes.

#include <cstdint>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "sim/config.h"
#include "sim/outcome.h"
#include "sim/policy.h"
#include "sim/scenario.h"
#include "sim/simulator.h"

namespace interleave::testing {

// The result of the run under one seed.
struct SeededRun {
  std::uint64_t seed = 0;
  RunResult result;
};

// for_seeds(make_policy, first, count, body, visit, config) runs body(sim) once per seed in
// [first, first + count) with a fresh policy make_policy(seed), calling visit(seed, result)
// after each run; it stops early when visit returns false. Returns the number of runs.
template <class MakePolicy, class Body, class Visit>
std::uint64_t for_seeds(MakePolicy make_policy, std::uint64_t first, std::uint64_t count, Body body,
                        Visit visit, RunConfig config = {}) {
  Simulator sim(config);
  std::uint64_t runs = 0;
  for (std::uint64_t seed = first; seed < first + count; ++seed) {
    auto policy = make_policy(seed);
    policy.begin_run();
    RunResult r = sim.run(policy, [&] { body(sim); });
    ++runs;
    if (!visit(seed, r)) break;
  }
  return runs;
}

// run_seeds(...) is for_seeds that keeps every result.
template <class MakePolicy, class Body>
std::vector<SeededRun> run_seeds(MakePolicy make_policy, std::uint64_t first, std::uint64_t count,
                                 Body body, RunConfig config = {}) {
  std::vector<SeededRun> runs;
  for_seeds(
      make_policy, first, count, body,
      [&](std::uint64_t seed, const RunResult& r) {
        runs.push_back(SeededRun{seed, r});
        return true;
      },
      config);
  return runs;
}

// first_seed(..., pred) is the first run whose result satisfies pred, or nullopt.
template <class MakePolicy, class Body, class Pred>
std::optional<SeededRun> first_seed(MakePolicy make_policy, std::uint64_t first,
                                    std::uint64_t count, Body body, Pred pred,
                                    RunConfig config = {}) {
  std::optional<SeededRun> found;
  for_seeds(
      make_policy, first, count, body,
      [&](std::uint64_t seed, const RunResult& r) {
        if (!pred(r)) return true;
        found = SeededRun{seed, r};
        return false;
      },
      config);
  return found;
}

// first_not_ok(...) is the first run that did not end ok, or nullopt: the usual assertion
// that a guarantee holds under every seed, with the offending seed in the failure message.
template <class MakePolicy, class Body>
std::optional<SeededRun> first_not_ok(MakePolicy make_policy, std::uint64_t first,
                                      std::uint64_t count, Body body, RunConfig config = {}) {
  return first_seed(
      make_policy, first, count, body,
      [](const RunResult& r) { return r.outcome.status != Status::ok; }, config);
}

// describe(run) is one line for failure messages: seed, status and message.
inline std::string describe(const std::optional<SeededRun>& run) {
  if (!run) return "every run ended ok";
  return "seed " + std::to_string(run->seed) + " ended " +
         std::string(to_string(run->result.outcome.status)) + ": " + run->result.outcome.message;
}

// scenario_body(scenario, assignments) is a body that runs the scenario with NAME=VALUE
// parameters applied over its defaults; a bad assignment throws std::invalid_argument.
inline std::function<void(Simulator&)> scenario_body(const Scenario& scenario,
                                                     std::vector<std::string> assignments = {}) {
  std::string error;
  std::optional<Params> params = scenario.resolve(assignments, error);
  if (!params) throw std::invalid_argument(error);
  return [&scenario, p = std::move(*params)](Simulator& sim) { scenario.body(sim, p); };
}

// result_of(r, name) is the value the scenario reported under name; throws if it did not.
inline const ResultValue& result_of(const RunResult& r, std::string_view name) {
  for (const auto& [n, v] : r.results) {
    if (n == name) return v;
  }
  throw std::out_of_range("the run reported no result named '" + std::string(name) + "'");
}

// int_result(r, name) is the integer value the scenario reported under name; throws if it did not.
inline std::int64_t int_result(const RunResult& r, std::string_view name) {
  return std::get<std::int64_t>(result_of(r, name));
}

}  // namespace interleave::testing
