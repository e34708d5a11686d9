#pragma once
// Event: a flag fibers can wait for. One atomic word holds the flag (bit 0) and a generation
// that every set() advances (the other bits); waiters block while the word is unchanged, so a
// waiter released by set() returns true even if clear() follows at once, as in Python.
// Python: threading.Event. C++: none (a std::atomic<bool> with wait/notify_all is closest).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "../sim/atomic.h"
#include "../sim/simulator.h"
#include "../sim/wait_queue.h"

namespace interleave {

// A manual-reset event.
class Event {
 public:
  // Event(sim, name) registers "<name>.word" and "<name>.queue"; the flag starts clear.
  Event(Simulator& sim, std::string_view name);
  Event(const Event&) = delete;
  Event& operator=(const Event&) = delete;

  // set() sets the flag and wakes every waiter; setting a set flag is one step and no wake.
  void set();
  // clear() resets the flag; later waiters block until the next set().
  void clear();
  // is_set() is a step that reads the flag.
  bool is_set();
  // wait() blocks until the flag is set (returns at once if it is); returns true.
  bool wait();
  // wait(timeout) is wait() that gives up after timeout of virtual time; false then.
  bool wait(Nanos timeout);

  // name() is the name given at construction.
  std::string_view name() const { return name_; }

 private:
  bool wait_impl(std::optional<Nanos> timeout);

  Simulator& sim_;
  std::string name_;
  ObjectId object_;             // the event itself, under primitive granularity
  Atomic<std::uint64_t> word_;  // bit 0: the flag; bits 1..: how many times set() set it
  WaitQueue queue_;             // fibers blocked while the flag is clear
};

}  // namespace interleave
