#pragma once
// KernelKey: the passkey of the Simulator's kernel calls (begin_step, end_step, wait, wake, ...).
// Only the objects of sim/ that are built on those calls (Shared, Atomic, WaitQueue, Thread,
// PrimitiveCall) and the Simulator itself can make one, so scenario code does not call the kernel
// by mistake.

namespace interleave {

class KernelKey {
  // Private and user-declared, so that no aggregate initialization bypasses it. The friends are
  // declared here only, so that their names stay out of ordinary lookup until their headers.
  KernelKey() = default;

  template <class T>
  friend class Shared;
  template <class T>
  friend class Atomic;
  friend class WaitQueue;
  friend class Thread;
  friend class PrimitiveCall;  // a built-in primitive's operation as one step
  friend class Simulator;      // for the steps it performs itself (exit, yield, sleep)
};

}  // namespace interleave
