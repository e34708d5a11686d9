#pragma once
// interleave::run(): seeded runs for tests, the counterpart of `interleave run --runs N`,
// written to read as
//   REQUIRE(interleave::run(my_scenario, {.policy = "pct", .runs = 1000}).all_ok());
// A failing run's trace is written, and the verdict says where and how to replay it.

#include <cstdint>
#include <functional>
#include <string>

#include "../sim/ids.h"
#include "../sim/run_until_failure.h"
#include "../sim/scenario.h"
#include "check_settings.h"
#include "verdict.h"

namespace interleave {

class Simulator;

// The policy and the seeds interleave::run() uses.
struct RunCheckOptions {
  std::string policy = "random";  // "fifo", "rr", "random" or "pct"
  std::uint64_t seed = 1;         // the first seed (random and pct)
  std::uint64_t runs = 1;         // seeds seed, seed + 1, ...; stops at the first failing run
  int depth = 3;                  // pct: the bug depth d
  std::uint64_t pct_steps = 0;    // pct: the step estimate k; 0: pct_step_estimate()
  Nanos quantum{10'000'000};      // rr: the time slice (10 ms)
};

// What run() found: the reported run (the first that failed, or the last), and its trace.
class RunCheck {
 public:
  // RunCheck(run, text, trace_path) is filled in by interleave::run().
  RunCheck(SeededRun run, std::string text, std::string trace_path)
      : run_(std::move(run)), text_(std::move(text)), trace_path_(std::move(trace_path)) {}

  // all_ok() is the verdict: true when every run ended ok (no failure, deadlock or livelock).
  Verdict all_ok() const { return Verdict(run_.result.outcome.status == Status::ok, text_); }
  // reported() is the reported run: its result, schedule, seed and the runs it took.
  const SeededRun& reported() const { return run_; }
  // trace_path() is the file the failing run's trace was written to; empty when none failed.
  const std::string& trace_path() const { return trace_path_; }

 private:
  SeededRun run_;
  std::string text_;
  std::string trace_path_;
};

// run(scenario, options, settings) runs scenario with its default parameters under
// options.policy with seeds options.seed, options.seed + 1, ... (options.runs of them; fifo and
// rr run once) and stops at the first run that does not end ok. That run is re-executed with
// tracing on and its trace written (settings.trace_path, by default into failure_folder()).
// Throws std::invalid_argument for an unknown policy or a bad setting.
RunCheck run(const Scenario& scenario, const RunCheckOptions& options = {},
             const CheckSettings& settings = {});

// run(scenario, params, options, settings) runs scenario with the given parameters (the others
// keep their defaults). Throws std::invalid_argument for an undeclared or out-of-range one.
RunCheck run(const Scenario& scenario, const Params& params, const RunCheckOptions& options = {},
             const CheckSettings& settings = {});

// run(name, body, options, settings) runs a program given as a function of the simulator (it
// runs as fiber 0); name names it in the report and the trace.
RunCheck run(const std::string& name, const std::function<void(Simulator&)>& body,
             const RunCheckOptions& options = {}, const CheckSettings& settings = {});

}  // namespace interleave
