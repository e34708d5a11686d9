#pragma once
// Dependence of steps for partial-order reduction: two steps of different fibers are dependent
// when they touch the same object and at least one of them writes it.

#include <cstdint>

#include "../op.h"

namespace interleave {

// The objects a step touches and whether it writes each: its operation's (at most two: a wait
// touches its word and its queue) and the plain state its code changed. Invariant: object[i]
// for i < count.
struct Footprint {
  static constexpr std::uint8_t kCapacity = 6;
  ObjectId object[kCapacity] = {};
  bool write[kCapacity] = {};
  std::uint8_t count = 0;
  bool everything = false;  // conflicts with every step (more plain state than it can hold)

  // of(op) is the footprint of a step of kind op.kind on op's objects.
  static Footprint of(const Op& op);
  // reads_only() turns the operation's writes into reads (a step that left its object unchanged).
  void reads_only() {
    for (std::uint8_t i = 0; i < count; ++i) write[i] = false;
  }
  // add_write(object) adds a write of object; beyond the capacity the step conflicts with all.
  void add_write(ObjectId o) {
    if (count == kCapacity) {
      everything = true;
      return;
    }
    object[count] = o;
    write[count] = true;
    ++count;
  }
};

// conflicts(a, b) tells whether two footprints share an object that one of them writes.
inline bool conflicts(const Footprint& a, const Footprint& b) {
  if ((a.everything && b.count + b.everything > 0) || (b.everything && a.count > 0)) return true;
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
// resume of a woken waiter write the queue. Under primitive granularity a call writes its
// primitive (and a second one it names, a condition variable's mutex), and so does its resume.
// Spawn, join, exit, sleep and yield touch no object: they are ordered only through happens-before
// (spawn before the child's first step, exit before the join that returns, wake before the resume).
bool dependent(const Op& a, const Op& b);

}  // namespace interleave
