#pragma once
// TraceRecorder: an Observer that records one run into a Trace.

#include <span>
#include <string>
#include <utility>
#include <vector>

#include "../sim/observer.h"
#include "trace.h"

namespace interleave {

// Records every fiber, object, step and note of the run it observes.
class TraceRecorder final : public Observer {
 public:
  // TraceRecorder(scenario, params, policy, config) starts a trace with its header filled in.
  TraceRecorder(std::string scenario, std::vector<std::pair<std::string, std::int64_t>> params,
                PolicyInfo policy, RunConfig config);

  void on_run_start() override;
  void on_fiber(FiberId id, std::string_view name, FiberId parent) override;
  void on_object(ObjectId id, std::string_view kind, std::string_view name) override;
  void on_step(const StepEvent& e) override;
  void on_note(FiberId fiber, std::uint64_t step, std::string_view text) override;
  void on_run_end(const Outcome& outcome, const Results& results, const Stats& stats) override;

  // trace() is the trace recorded so far (its schedule is set only by take()).
  const Trace& trace() const { return trace_; }
  // take(schedule) completes the trace with the run's schedule (pass sim.schedule()) and hands
  // it over; the recorder is spent afterwards.
  Trace take(std::span<const FiberId> schedule);

 private:
  Trace trace_;
  std::vector<std::string> pending_notes_;  // notes made before the first step; go to step 0
};

}  // namespace interleave
