#pragma once
// Observer: how recording, metrics and checks watch a run without flags in the simulator.
// With no observer attached the simulator does no tracing work at all.

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

#include "ids.h"
#include "op.h"
#include "outcome.h"
#include "policy.h"

namespace interleave {

// One performed step, as an observer sees it. Spans are valid only during the callback.
struct StepEvent {
  std::uint64_t step = 0;               // 0-based index of the step
  Nanos clock{0};                       // virtual time when the step was performed
  FiberId fiber{0};                     // who performed it
  Op op;                                // what it did
  Reason reason = Reason::start;        // why the scheduling point before it happened
  std::optional<std::int64_t> read;     // the value read, when the object's type is integral
  std::optional<std::int64_t> written;  // the value written, when there was a write
  std::span<const FiberId> woken;       // fibers this step made runnable
  std::span<const FiberId> runnable;    // the runnable set at the scheduling point
};

// Callbacks for everything that happens in a run, in order.
class Observer {
 public:
  virtual ~Observer() = default;
  // on_run_start() opens a run.
  virtual void on_run_start() {}
  // on_fiber() announces a spawned fiber (main is fiber 0, its own parent).
  virtual void on_fiber(FiberId /*id*/, std::string_view /*name*/, FiberId /*parent*/) {}
  // on_object() announces a registered object.
  virtual void on_object(ObjectId /*id*/, std::string_view /*kind*/, std::string_view /*name*/) {}
  // on_step() reports one performed step.
  virtual void on_step(const StepEvent& /*event*/) {}
  // on_note() reports a primitive-level event ("acquired m"), after the step it belongs to.
  virtual void on_note(FiberId /*fiber*/, std::uint64_t /*step*/, std::string_view /*text*/) {}
  // on_run_end() closes the run with its outcome.
  virtual void on_run_end(const Outcome& /*outcome*/, const Results& /*results*/,
                          const Stats& /*stats*/) {}
};

}  // namespace interleave
