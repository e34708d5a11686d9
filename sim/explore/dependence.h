#pragma once
// Dependence of steps for partial-order reduction: two steps of different fibers are dependent
// when they touch the same object and at least one of them writes it.

#include "sim/op.h"

namespace interleave {

// dependent(a, b) tells whether swapping adjacent steps a and b (of different fibers) could
// change what either does or leaves behind. Loads read; stores and every read-modify-write
// (test-and-set included) write; a wait reads its word and writes its queue; wake and the
// resume of a woken waiter write the queue. Spawn, join, exit, sleep and yield touch no object:
// they are ordered only through happens-before (spawn before the child's first step, exit
// before the join that returns, wake before the resume).
bool dependent(const Op& a, const Op& b);

}  // namespace interleave
