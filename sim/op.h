#pragma once
// The visible operations: each is one step, preceded by a scheduling point.

#include <cstdint>
#include <string>
#include <string_view>

#include "ids.h"

namespace interleave {

// What a step does. The order is part of no format; names are (see to_string).
enum class OpKind : std::uint8_t {
  load,              // Shared/Atomic load: reads its object
  store,             // Shared/Atomic store: writes its object
  exchange,          // Atomic exchange: reads and writes
  fetch_add,         // Atomic fetch_add: reads and writes
  compare_exchange,  // Atomic compare_exchange: reads, and writes when it succeeds
  test_and_set,      // Atomic test_and_set: reads and writes
  clear,             // Atomic clear: writes
  wait,              // WaitQueue wait_if: reads the word, writes the queue, may block
  wake,              // WaitQueue wake_one/wake_all: writes the queue
  resume,            // a woken or timed-out fiber returning from its wait or sleep
  spawn,             // Thread construction: creates a fiber
  join,              // Thread join: waits for a fiber to exit
  sleep,             // sleep(d): blocks until the clock reaches now + d
  yield,             // yield(): gives up the CPU; a hint that the fiber is spinning
  exit,              // the fiber's body returned
  call,              // a built-in primitive's operation as one step (primitive granularity)
};

// Which operation of a built-in primitive a call step is (Op::call). Under primitive granularity
// (RunConfig::granularity) each is one visible step on the primitive's own object; the atomic
// steps it is made of are not scheduling points. The order is part of no format; names are.
enum class Call : std::uint8_t {
  none,             // not a call
  lock,             // Mutex, RecursiveMutex, RwLock (writer): lock, try_lock_for
  try_lock,         // try_lock
  unlock,           // unlock
  lock_shared,      // RwLock: lock_shared
  try_lock_shared,  // RwLock: try_lock_shared
  unlock_shared,    // RwLock: unlock_shared
  acquire,          // Semaphore: acquire, try_acquire_for
  try_acquire,      // Semaphore: try_acquire
  release,          // Semaphore: release
  wait,             // ConditionVariable, Event: wait, wait_for (the wait itself, not the re-lock)
  notify_one,       // ConditionVariable: notify_one
  notify_all,       // ConditionVariable: notify_all
  set,              // Event: set
  clear,            // Event: clear
  is_set,           // Event: is_set
  arrive,           // Barrier: wait (the arrival, and the wait for the others)
  abort,            // Barrier: abort
  broken,           // Barrier: broken
  put,              // Queue: put, try_put
  get,              // Queue: get, try_get
  task_done,        // Queue: task_done
  join,             // Queue: join
  size,             // Queue: size, empty, full
};

// No gate: a call that can always proceed (Op::gate).
inline constexpr std::uint8_t kNoGate = 0xFF;

// A pending or performed operation: its kind, its object, and for spawn/join the other fiber.
struct Op {
  OpKind kind = OpKind::yield;
  Call call = Call::none;       // for kind call: which operation; otherwise none
  std::uint8_t gate = kNoGate;  // for a gated call: the index of its gate among its object's
  ObjectId object = kNoObject;  // the object touched, or kNoObject
  ObjectId word = kNoObject;    // for wait: the word compared; for a call (and its resume) a
                                // second primitive it changes (a condition variable's mutex)
  FiberId other{0};             // for spawn/join: the child or joined fiber
};

// to_string() names an operation kind as it appears in traces ("load", "test_and_set", ...).
std::string_view to_string(OpKind kind);

// to_string() names a call as it appears in traces ("lock", "notify_one", ...).
std::string_view to_string(Call call);

// same_op(a, b) tells whether a and b are the same operation on the same objects.
constexpr bool same_op(const Op& a, const Op& b) {
  return a.kind == b.kind && a.call == b.call && a.gate == b.gate && a.object == b.object &&
         a.word == b.word && a.other == b.other;
}

// describe(op) names op for messages: "a store on object 3", "a spawn of fiber 2", "an exit".
std::string describe(const Op& op);

// writes() tells whether a step of this kind may modify its object.
constexpr bool writes(OpKind kind) {
  return kind != OpKind::load && kind != OpKind::resume && kind != OpKind::yield &&
         kind != OpKind::sleep && kind != OpKind::join;
}

}  // namespace interleave
