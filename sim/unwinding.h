#pragma once
// Unwinding: when a run ends, fibers left midway (blocked, or not picked again) are resumed one
// by one to unwind their stacks, so that their destructors run. Each is resumed where it stopped;
// release-like operations (store, clear, exchange, fetch_add, wake, join, exit) then take effect
// at once and return, so destructors such as ~Thread and ~lock_guard finish; any other operation
// throws FiberUnwind, which unwinds the fiber's stack. Internal to sim/ but FiberUnwind, which
// scenario code that catches (...) must rethrow.

#include <cstdint>

#include "op.h"

namespace interleave {

// FiberUnwind is thrown inside an abandoned fiber to unwind it after its run ended, so its
// destructors run. It is not a std::exception; code that catches (...) must rethrow it.
struct FiberUnwind {};

// completes_while_unwinding(kind) tells whether an abandoned fiber's operation of this kind
// completes instead of throwing FiberUnwind: the operations destructors perform.
bool completes_while_unwinding(OpKind kind);

// After this many completed operations an unwinding fiber is thrown out regardless (it is
// looping on release-like operations, so it is not inside a destructor).
inline constexpr std::uint64_t kUnwindBudget = 100'000;

}  // namespace interleave
