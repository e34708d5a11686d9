#pragma once
// RoundRobinPolicy: time slices of virtual time. The current fiber runs until it blocks,
// yields or exits, or until it has run for one quantum since it was switched in; then the
// runnable fiber that became ready earliest runs. A preempted fiber goes to the back.

#include <chrono>

#include "../policy.h"

namespace interleave {

// Round robin with a quantum of virtual time, like a time-sharing OS scheduler on one core.
class RoundRobinPolicy final : public Policy {
 public:
  // The quantum when none is given: 10 ms of virtual time (10,000 steps at the default cost).
  static constexpr Nanos kDefaultQuantum = std::chrono::milliseconds(10);

  // RoundRobinPolicy(quantum) slices time into quanta; quantum must be positive.
  explicit RoundRobinPolicy(Nanos quantum = kDefaultQuantum) : quantum_(quantum) {}

  // begin_run() forgets the slice of the previous run.
  bool begin_run() override;
  // pick() keeps the current fiber while it can run and its quantum lasts, else starts a new
  // quantum for the earliest-ready runnable fiber (the current one last, if still runnable).
  Decision pick(const SchedulingPoint& point) override;
  // info() is {"rr", {{"quantum_ns", quantum}}}.
  PolicyInfo info() const override;

  // quantum() is the length of a time slice.
  Nanos quantum() const { return quantum_; }

 private:
  Nanos quantum_;           // invariant: > 0
  FiberId owner_{0};        // the fiber the current slice belongs to (valid when has_owner_)
  bool has_owner_ = false;  // false before the first pick of a run
  Nanos slice_start_{0};    // virtual time at which owner_ was switched in
};

}  // namespace interleave
