#include "primitives/recursive_mutex.h"

#include "primitives/fiber_names.h"

namespace interleave {

RecursiveMutex::RecursiveMutex(Simulator& sim, std::string_view name)
    : sim_(sim), inner_(sim, name) {}

bool RecursiveMutex::deepen() {
  if (!inner_.held_by_current()) return false;
  ++depth_;
  sim_.note([&] {
    return current_name(sim_) + " relocked recursive mutex " + std::string(name()) + " (depth " +
           std::to_string(depth_) + ")";
  });
  return true;
}

void RecursiveMutex::lock() {
  if (deepen()) return;
  inner_.lock();
  depth_ = 1;
}

bool RecursiveMutex::try_lock() {
  if (deepen()) return true;
  if (!inner_.try_lock()) return false;
  depth_ = 1;
  return true;
}

bool RecursiveMutex::try_lock_for(Nanos timeout) {
  if (deepen()) return true;
  if (!inner_.try_lock_for(timeout)) return false;
  depth_ = 1;
  return true;
}

void RecursiveMutex::unlock() {
  if (!inner_.held_by_current()) {
    sim_.fail(current_name(sim_) + " unlocked recursive mutex " + std::string(name()) +
              ", which it does not hold");
    return;
  }
  if (--depth_ > 0) {
    sim_.note([&] {
      return current_name(sim_) + " unlocked recursive mutex " + std::string(name()) +
             " once (depth " + std::to_string(depth_) + ")";
    });
    return;
  }
  inner_.unlock();
}

}  // namespace interleave
