#pragma once
// FifoPolicy: no preemption. The current fiber runs until it blocks, yields or exits; then
// the fiber that became ready first runs. This reproduces the article's output.

#include "../policy.h"

namespace interleave {

// Run to completion in ready order, like a cooperative scheduler with a FIFO ready queue.
class FifoPolicy final : public Policy {
 public:
  // pick() keeps the current fiber while it can run, else the earliest-ready runnable fiber.
  Decision pick(const SchedulingPoint& point) override;
  // info() is {"fifo", {}}.
  PolicyInfo info() const override { return PolicyInfo{"fifo", {}}; }
  // hints() promises that fifo keeps the stepping fiber: it never preempts.
  PolicyHints hints() const override { return {.keeps_stepping_fiber = true, .planned = {}}; }
};

// earliest_ready(point, skip) is the runnable fiber other than skip that became ready first,
// or skip itself when it is the only runnable fiber. Shared by fifo and rr.
FiberId earliest_ready(const SchedulingPoint& point, FiberId skip);

}  // namespace interleave
