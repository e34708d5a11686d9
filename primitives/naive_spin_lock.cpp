#include "primitives/naive_spin_lock.h"

#include "primitives/fiber_names.h"

namespace interleave {

NaiveSpinLock::NaiveSpinLock(Simulator& sim, std::string_view name)
    : sim_(sim), name_(name), locked_(sim, name_ + ".locked", false) {}

void NaiveSpinLock::lock() {
  bool noted = false;
  while (locked_.load()) {
    ++spins_;
    sim_.count_spin();  // a busy load: this fiber waits for another one's progress
    if (!noted) {
      sim_.note([&] { return current_name(sim_) + " spins on naive lock " + name_; });
      noted = true;
    }
  }
  // The race: another fiber may have read false too and be about to store.
  locked_.store(true);
  sim_.note([&] { return current_name(sim_) + " set naive lock " + name_; });
}

void NaiveSpinLock::unlock() {
  locked_.store(false);
  sim_.note([&] { return current_name(sim_) + " cleared naive lock " + name_; });
}

}  // namespace interleave
