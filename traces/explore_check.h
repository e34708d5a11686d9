#pragma once
// interleave::explore(): an exhaustive search for tests, written to read as
//   REQUIRE(interleave::explore(my_scenario).all_ok());
// A failing search writes its first failure's trace and says how to replay it.

#include <functional>
#include <ostream>
#include <string>

#include "sim/config.h"
#include "sim/explore/explore_options.h"
#include "sim/explore/explore_result.h"
#include "sim/scenario.h"

namespace interleave {

class Simulator;

// The verdict of a search: true when no explored run failed. Streams as one readable paragraph
// (Catch2 shows it under REQUIRE): the failure, its trace file and the replay command.
class ExploreVerdict {
 public:
  // ExploreVerdict(ok, text) is a verdict with its readable form.
  ExploreVerdict(bool ok, std::string text) : ok_(ok), text_(std::move(text)) {}
  // operator bool() tells whether no explored run failed.
  explicit operator bool() const { return ok_; }
  // text() is the readable form, several lines when the search failed.
  const std::string& text() const { return text_; }
  // operator<<(out, verdict) writes text().
  friend std::ostream& operator<<(std::ostream& out, const ExploreVerdict& v) {
    return out << v.text_;
  }

 private:
  bool ok_;
  std::string text_;
};

// What explore() found: the raw result, and the trace written for the first failure.
class ExploreCheck {
 public:
  // ExploreCheck(result, summary, trace_path) is filled in by explore().
  ExploreCheck(ExploreResult result, std::string text, std::string trace_path)
      : result_(std::move(result)), text_(std::move(text)), trace_path_(std::move(trace_path)) {}

  // all_ok() is the verdict: true when no explored run failed, deadlocked or livelocked. (A
  // search stopped by max_runs or time_budget is not a proof; see result().complete.)
  ExploreVerdict all_ok() const { return ExploreVerdict(!result_.failed(), text_); }
  // result() is everything the search reported.
  const ExploreResult& result() const { return result_; }
  // trace_path() is the file the first failure's trace was written to; empty when none failed.
  const std::string& trace_path() const { return trace_path_; }

 private:
  ExploreResult result_;
  std::string text_;
  std::string trace_path_;
};

// Where explore() writes a failure's trace and with what run settings.
struct ExploreCheckSettings {
  std::string trace_path;  // empty: failure_trace_path(name), in the current folder
  RunConfig config;        // config.max_steps is replaced by the options' max_steps
};

// explore(scenario, options) searches scenario with its default parameters. On a failure it
// re-runs the first failing schedule with tracing on and writes its trace (see settings).
// Throws std::runtime_error when the scenario is not deterministic or spawns more than 64
// fibers.
ExploreCheck explore(const Scenario& scenario, const ExploreOptions& options = {},
                     const ExploreCheckSettings& settings = {});

// explore(scenario, params, options) searches scenario with the given parameters.
ExploreCheck explore(const Scenario& scenario, const Params& params,
                     const ExploreOptions& options = {}, const ExploreCheckSettings& settings = {});

// explore(name, body, options) searches a program given as a function of the simulator (it
// runs as fiber 0); name names it in the report and the trace.
ExploreCheck explore(const std::string& name, const std::function<void(Simulator&)>& body,
                     const ExploreOptions& options = {}, const ExploreCheckSettings& settings = {});

}  // namespace interleave
