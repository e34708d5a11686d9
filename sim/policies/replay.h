#pragma once
// ReplayPolicy: follows a recorded decision list, step by step, and says where a run stops
// fitting it.

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "../policy.h"

namespace interleave {

// Replays a schedule: step s (counted from 0, as in traces) runs schedule[s]. The run is cut
// (status cut, message error()) when the schedule picks a fiber that is not runnable or runs out
// while the run goes on; a run that ends before the schedule is used up is recorded as an error
// too.
class ReplayPolicy final : public Policy {
 public:
  // ReplayPolicy(schedule) follows schedule, the fiber of every step (as Simulator::schedule()).
  explicit ReplayPolicy(std::vector<FiberId> schedule) : schedule_(std::move(schedule)) {}

  // begin_run() clears the error of the previous run.
  bool begin_run() override;
  // pick() runs the fiber the schedule names for this step, or gives the run up.
  Decision pick(const SchedulingPoint& point) override;
  // end_run() records an error when the run ended before the schedule was used up.
  void end_run(const Outcome& outcome) override;
  // info() is {"replay", {{"steps", schedule length}}}.
  PolicyInfo info() const override;

  // diverged() tells whether the last run did not follow the schedule exactly.
  bool diverged() const { return !error_.empty(); }
  // error() says how the last run left the schedule, in one sentence; empty when it did not.
  const std::string& error() const { return error_; }
  // schedule() is the decision list being replayed.
  const std::vector<FiberId>& schedule() const { return schedule_; }

 private:
  std::vector<FiberId> schedule_;
  std::string error_;  // outlives the run: Decision::stop() points into it
};

}  // namespace interleave
