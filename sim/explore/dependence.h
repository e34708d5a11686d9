#pragma once
// Dependence of steps for partial-order reduction: two steps of different fibers are dependent
// when they touch the same object and at least one of them writes it.

#include <cstdint>

#include "sim/op.h"

namespace interleave {

// The objects a step touches and whether it writes each: at most two (a wait touches its word
// and its queue). Invariant: object[i] for i < count; unused slots hold kNoObject.
struct Footprint {
  ObjectId object[2] = {kNoObject, kNoObject};
  bool write[2] = {false, false};
  std::uint8_t count = 0;

  // of(op) is the footprint of a step of kind op.kind on op's objects.
  static Footprint of(const Op& op);
  // reads_only() turns every write into a read (a step that left its object unchanged).
  void reads_only() { write[0] = write[1] = false; }
};

// conflicts(a, b) tells whether two footprints share an object that one of them writes.
inline bool conflicts(const Footprint& a, const Footprint& b) {
  for (std::uint8_t i = 0; i < a.count; ++i) {
    for (std::uint8_t j = 0; j < b.count; ++j) {
      if (a.object[i] == b.object[j] && (a.write[i] || b.write[j])) return true;
    }
  }
  return false;
}

// dependent(a, b) tells whether swapping adjacent steps a and b (of different fibers) could
// change what either does or leaves behind. Loads read; stores and every read-modify-write
// (test-and-set included) write; a wait reads its word and writes its queue; wake and the
// resume of a woken waiter write the queue. Spawn, join, exit, sleep and yield touch no object:
// they are ordered only through happens-before (spawn before the child's first step, exit
// before the join that returns, wake before the resume).
bool dependent(const Op& a, const Op& b);

}  // namespace interleave
