#pragma once
// WaitTarget: what a fiber blocked on a wait queue waits for, as a deadlock report names it: the
// primitive built on the queue (mutex 'fork 1', not wait_queue 'fork 1.queue') and, for a
// primitive with an owner, who holds it.

#include <optional>
#include <string_view>

#include "ids.h"

namespace interleave {

struct WaitTarget {
  std::string_view kind;  // "mutex", "semaphore", ...: a string literal; empty for none
  std::string_view name;  // the primitive's name; must live as long as the primitive
  // The primitive's owner while one holds it (a mutex's); null for primitives without one. Points
  // into the primitive, which must outlive the queue's run.
  const std::optional<FiberId>* holder = nullptr;
};

}  // namespace interleave
