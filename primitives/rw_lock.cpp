#include "primitives/rw_lock.h"

#include <algorithm>

#include "primitives/fiber_names.h"
#include "sim/primitive_call.h"

namespace interleave {

RwLock::RwLock(Simulator& sim, std::string_view name)
    : sim_(sim),
      name_(name),
      object_(PrimitiveCall::object(sim, "rw_lock", name_)),
      state_(sim, name_ + ".state", 0),
      queue_(sim, name_ + ".queue", WaitTarget{"readers-writer lock", name_, &writer_}) {
  PrimitiveCall::gate(sim_, object_, CallGate{&RwLock::free, this, queue_.id()});
  PrimitiveCall::gate(sim_, object_, CallGate{&RwLock::readable, this, queue_.id()});
}

bool RwLock::reading_now() const {
  return std::find(readers_.begin(), readers_.end(), sim_.current_fiber()) != readers_.end();
}

bool RwLock::refuse_relock(std::string_view verb) {
  const bool writing = writer_ == sim_.current_fiber();
  if (!writing && !reading_now()) return false;
  sim_.fail(current_name(sim_) + " " + std::string(verb) + " rw lock " + name_ +
            ", which it already holds for " + (writing ? "writing" : "reading"));
  return true;  // reached only while an ended run is unwound
}

void RwLock::lock() {
  // Before the call: its gate stays closed for the holder, which would wait for itself.
  if (refuse_relock("locked")) return;
  PrimitiveCall call(sim_, Call::lock, object_, kFreeGate);
  int s = 0;
  bool noted = false;
  while (!state_.compare_exchange(s, -1)) {  // on failure s receives the state
    if (!noted) {
      sim_.note([&] {
        return current_name(sim_) + " waits to write " + name_ +
               (s < 0 ? " (" + name_of(sim_, *writer_) + " writes)"
                      : " (" + std::to_string(s) + " reading)");
      });
      noted = true;
    }
    queue_.wait_if(state_, s);
    s = 0;
  }
  writer_ = sim_.current_fiber();
  sim_.note([&] { return current_name(sim_) + " locked " + name_ + " for writing"; });
}

bool RwLock::try_lock() {
  PrimitiveCall call(sim_, Call::try_lock, object_);
  if (refuse_relock("try-locked")) return false;
  int s = 0;
  if (!state_.compare_exchange(s, -1)) return false;
  writer_ = sim_.current_fiber();
  sim_.note([&] { return current_name(sim_) + " locked " + name_ + " for writing"; });
  return true;
}

void RwLock::unlock() {
  PrimitiveCall call(sim_, Call::unlock, object_);
  if (writer_ != sim_.current_fiber()) {
    sim_.fail(current_name(sim_) + " unlocked rw lock " + name_ + " for writing, but " +
              (writer_ ? name_of(sim_, *writer_) + " writes" : std::string("no fiber writes")));
    return;
  }
  state_.store(0);
  writer_.reset();
  sim_.note([&] { return current_name(sim_) + " unlocked " + name_ + " for writing"; });
  wake_if_free(-1, 0);
}

void RwLock::lock_shared() {
  // Before the call: its gate stays closed for the holder, which would wait for itself.
  if (refuse_relock("read-locked")) return;
  PrimitiveCall call(sim_, Call::lock_shared, object_, kReadableGate);
  int s = state_.load();
  bool noted = false;
  for (;;) {
    if (s >= 0) {
      if (state_.compare_exchange(s, s + 1)) break;
      continue;  // s holds the new state
    }
    if (!noted) {
      sim_.note([&] {
        return current_name(sim_) + " waits to read " + name_ + " (" + name_of(sim_, *writer_) +
               " writes)";
      });
      noted = true;
    }
    queue_.wait_if(state_, s);
    s = state_.load();
  }
  readers_.push_back(sim_.current_fiber());
  sim_.note([&] { return current_name(sim_) + " locked " + name_ + " for reading"; });
}

bool RwLock::try_lock_shared() {
  PrimitiveCall call(sim_, Call::try_lock_shared, object_);
  if (refuse_relock("try-read-locked")) return false;
  int s = state_.load();
  while (s >= 0) {
    if (state_.compare_exchange(s, s + 1)) {
      readers_.push_back(sim_.current_fiber());
      sim_.note([&] { return current_name(sim_) + " locked " + name_ + " for reading"; });
      return true;
    }
  }
  return false;
}

void RwLock::unlock_shared() {
  PrimitiveCall call(sim_, Call::unlock_shared, object_);
  if (!reading_now()) {
    sim_.fail(current_name(sim_) + " unlocked rw lock " + name_ +
              " for reading, but it does not hold it for reading");
    return;
  }
  const int old = state_.fetch_add(-1);
  readers_.erase(std::find(readers_.begin(), readers_.end(), sim_.current_fiber()));
  sim_.note([&] { return current_name(sim_) + " unlocked " + name_ + " for reading"; });
  wake_if_free(old, old - 1);
}

void RwLock::wake_if_free(int old, int now) {
  if (now != 0 || old == 0) return;
  const std::uint32_t n = queue_.wake_all();
  if (n > 0) {
    sim_.note(
        [&] { return current_name(sim_) + " woke " + std::to_string(n) + " waiting on " + name_; });
  }
}

}  // namespace interleave
