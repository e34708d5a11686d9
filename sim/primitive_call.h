#pragma once
// PrimitiveCall: an operation of a built-in primitive as one step. Under primitive granularity
// (RunConfig::granularity) a call is one visible step on the primitive's own object: its
// scheduling point comes first and the atomic steps it is made of are no scheduling points,
// except where it blocks. Under atomic granularity it does nothing and every atomic step is a step.

#include <optional>
#include <string_view>

#include "call_gate.h"
#include "config.h"
#include "ids.h"
#include "op.h"
#include "simulator.h"

namespace interleave {

// The scope of one call: the step begins at construction and completes at destruction.
class PrimitiveCall {
 public:
  // object(sim, kind, name) registers a primitive's own object under primitive granularity (kind
  // a string literal: "mutex", "semaphore", ...); kNoObject under atomic granularity.
  static ObjectId object(Simulator& sim, std::string_view kind, std::string_view name) {
    if (sim.config().granularity != Granularity::primitive) return kNoObject;
    return sim.register_object(KernelKey{}, kind, name);
  }

  // PrimitiveCall(sim, call, object, with) begins call on object (one from object(); nothing
  // happens for kNoObject); with names a second primitive the call changes (the mutex a condition
  // variable's wait releases), or kNoObject. A call inside a call is part of the outer one.
  PrimitiveCall(Simulator& sim, Call call, ObjectId object, ObjectId with = kNoObject)
      : sim_(object == kNoObject ? nullptr : &sim) {
    if (sim_ != nullptr) {
      sim_->begin_call(KernelKey{}, Op{OpKind::call, call, kNoGate, object, with});
    }
  }
  // gate(sim, object, gate) gives a primitive's object (from object()) a gate and returns its
  // index, for the calls that wait for it; nothing under atomic granularity (object kNoObject).
  // A primitive adds its gates right after object(), in a fixed order.
  static std::uint8_t gate(Simulator& sim, ObjectId object, const CallGate& gate) {
    if (object == kNoObject) return kNoGate;
    return sim.add_gate(KernelKey{}, object, gate);
  }

  // PrimitiveCall(sim, call, object, gate, timeout) begins a call that proceeds only when its
  // object's gate (an index from gate()) is open: until then its fiber is not runnable and the
  // call is no step (a lock on a held mutex). With a timeout it gives up after that much virtual
  // time waiting: see timed_out().
  PrimitiveCall(Simulator& sim, Call call, ObjectId object, std::uint8_t gate,
                std::optional<Nanos> timeout = std::nullopt)
      : sim_(object == kNoObject ? nullptr : &sim) {
    if (sim_ != nullptr) {
      timed_out_ =
          sim_->begin_call(KernelKey{}, Op{OpKind::call, call, gate, object, kNoObject}, timeout);
      waited_ = sim_->gate_waited();
    }
  }
  // waited() tells whether the call found its gate closed and blocked until it opened.
  bool waited() const { return waited_; }
  // timed_out() tells whether the call waited for its gate until its timeout: it must give up.
  bool timed_out() const { return timed_out_; }
  // ~PrimitiveCall() ends the call (also when the run ends in it and the fiber is unwound).
  ~PrimitiveCall() {
    if (sim_ != nullptr) sim_->end_call(KernelKey{});
  }
  PrimitiveCall(const PrimitiveCall&) = delete;
  PrimitiveCall& operator=(const PrimitiveCall&) = delete;

  // pause(sim) lets the user code a call runs (a barrier's action) take steps of its own: the
  // call's step ends here. resume(sim) makes the rest of the call a step (a scheduling point
  // first). Both do nothing outside a call; an exception between them simply ends the call.
  static void pause(Simulator& sim) { sim.pause_call(KernelKey{}); }
  static void resume(Simulator& sim) { sim.resume_call(KernelKey{}); }

 private:
  Simulator* sim_;          // null: no call (atomic granularity)
  bool timed_out_ = false;  // the gate stayed closed until the timeout
  bool waited_ = false;     // the gate was closed when the call began, or closed again
};

}  // namespace interleave
