#pragma once
// interleave::explore(): an exhaustive search for tests, written to read as
//   REQUIRE(interleave::explore(my_scenario).all_ok());
// A failing search writes its first failure's trace and says how to replay it.

#include <functional>
#include <string>

#include "../sim/explore/explore_options.h"
#include "../sim/explore/explore_result.h"
#include "../sim/scenario.h"
#include "check_settings.h"
#include "verdict.h"

namespace interleave {

class Simulator;

// The verdict of a search (the name it had before run() shared it).
using ExploreVerdict = Verdict;

// What explore() found: the raw result, and the trace written for the first failure.
class ExploreCheck {
 public:
  // ExploreCheck(result, summary, trace_path) is filled in by explore().
  ExploreCheck(ExploreResult result, std::string text, std::string trace_path)
      : result_(std::move(result)), text_(std::move(text)), trace_path_(std::move(trace_path)) {}

  // all_ok() is the verdict: true when no explored run failed, deadlocked or livelocked. (A
  // search stopped by max_runs or time_budget is not a proof; see result().complete.)
  Verdict all_ok() const { return Verdict(!result_.failed(), text_); }
  // result() is everything the search reported.
  const ExploreResult& result() const { return result_; }
  // trace_path() is the file the first failure's trace was written to; empty when none failed.
  const std::string& trace_path() const { return trace_path_; }

 private:
  ExploreResult result_;
  std::string text_;
  std::string trace_path_;
};

// Where explore() writes a failure's trace and with what run settings (the name it had before
// run() shared it).
using ExploreCheckSettings = CheckSettings;

// explore(scenario, options) searches scenario with its default parameters. On a failure it
// re-runs the first failing schedule with tracing on and writes its trace (settings.trace_path,
// by default into failure_folder()), and the verdict says where and how to replay it. Throws
// std::runtime_error when the scenario is not deterministic (naming the step where it diverged)
// or spawns more than 64 fibers.
ExploreCheck explore(const Scenario& scenario, const ExploreOptions& options = {},
                     const CheckSettings& settings = {});

// explore(scenario, params, options) searches scenario with the given parameters (the others
// keep their defaults). Throws std::invalid_argument for an undeclared or out-of-range one.
ExploreCheck explore(const Scenario& scenario, const Params& params,
                     const ExploreOptions& options = {}, const CheckSettings& settings = {});

// explore(name, body, options) searches a program given as a function of the simulator (it
// runs as fiber 0); name names it in the report and the trace.
ExploreCheck explore(const std::string& name, const std::function<void(Simulator&)>& body,
                     const ExploreOptions& options = {}, const CheckSettings& settings = {});

}  // namespace interleave
