#include "sim/policies/replay.h"

namespace interleave {

bool ReplayPolicy::begin_run() {
  error_.clear();
  return true;
}

Decision ReplayPolicy::pick(const SchedulingPoint& point) {
  if (point.reason() == Reason::start) error_.clear();
  const std::uint64_t step = point.step();
  if (step >= schedule_.size()) {
    error_ = "the schedule ends after " + std::to_string(schedule_.size()) +
             " steps but the run goes on";
    return Decision::stop(error_);
  }
  const FiberId f = schedule_[step];
  if (!point.is_runnable(f)) {
    error_ = "schedule step " + std::to_string(step) + " picks fiber " + std::to_string(index(f)) +
             ", which is not runnable (runnable: ";
    bool first = true;
    for (FiberId r : point.runnable()) {
      if (!first) error_ += ", ";
      error_ += std::to_string(index(r));
      first = false;
    }
    error_ += ")";
    return Decision::stop(error_);
  }
  return Decision::pick(f);
}

void ReplayPolicy::end_run(const Outcome& outcome) {
  if (!error_.empty() || outcome.step >= schedule_.size()) return;
  error_ = "the run ended after " + std::to_string(outcome.step) + " steps but the schedule has " +
           std::to_string(schedule_.size());
}

PolicyInfo ReplayPolicy::info() const {
  return PolicyInfo{"replay", {{"steps", static_cast<std::int64_t>(schedule_.size())}}};
}

}  // namespace interleave
