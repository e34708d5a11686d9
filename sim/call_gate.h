#pragma once
// CallGate: when a built-in primitive's operation can proceed. Under primitive granularity a
// call whose gate is closed (a lock on a held mutex, an acquire of an empty semaphore) is no step:
// its fiber is not runnable until a call on the primitive opens the gate, as in the lock-level
// models of GenMC and Nidhugg.

#include "ids.h"

namespace interleave {

// A predicate on a primitive's state, and the wait queue that names the primitive in deadlock
// reports. Invariant: open reads only state that calls on the primitive change.
struct CallGate {
  bool (*open)(const void* primitive) = nullptr;  // null: the call can always proceed
  const void* primitive = nullptr;                // the argument of open
  ObjectId queue = kNoObject;  // the primitive's wait queue (its WaitTarget), for reports
};

}  // namespace interleave
