#include "primitives/spin_lock.h"

#include "primitives/fiber_names.h"

namespace interleave {

SpinLock::SpinLock(Simulator& sim, std::string_view name)
    : sim_(sim), name_(name), flag_(sim, name_ + ".flag", false) {}

bool SpinLock::refuse_relock() {
  if (owner_ != sim_.current_fiber()) return false;
  sim_.fail(current_name(sim_) + " locked spin lock " + name_ + ", which it already holds");
  return true;  // reached only while an ended run is unwound
}

void SpinLock::lock() {
  if (refuse_relock()) return;
  bool noted = false;
  while (flag_.test_and_set()) {
    ++spins_;
    if (!noted) {
      sim_.note([&] {
        return current_name(sim_) + " spins on " + name_ +
               (owner_ ? " (held by " + name_of(sim_, *owner_) + ")" : std::string());
      });
      noted = true;
    }
    sim_.yield();
  }
  owner_ = sim_.current_fiber();
  sim_.note([&] { return current_name(sim_) + " acquired spin lock " + name_; });
}

bool SpinLock::try_lock() {
  if (refuse_relock()) return false;
  if (flag_.test_and_set()) {
    ++spins_;
    return false;
  }
  owner_ = sim_.current_fiber();
  sim_.note([&] { return current_name(sim_) + " acquired spin lock " + name_; });
  return true;
}

void SpinLock::unlock() {
  if (!owner_) {
    sim_.fail(current_name(sim_) + " unlocked spin lock " + name_ + ", which is not locked");
    return;
  }
  if (*owner_ != sim_.current_fiber()) {
    sim_.fail(current_name(sim_) + " unlocked spin lock " + name_ + ", which " +
              name_of(sim_, *owner_) + " holds");
    return;
  }
  flag_.clear();
  owner_.reset();
  sim_.note([&] { return current_name(sim_) + " released spin lock " + name_; });
}

}  // namespace interleave
