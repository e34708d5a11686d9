#include "primitives/event.h"

#include "primitives/fiber_names.h"
#include "sim/primitive_call.h"

namespace interleave {

Event::Event(Simulator& sim, std::string_view name)
    : sim_(sim),
      name_(name),
      object_(PrimitiveCall::object(sim, "event", name_)),
      word_(sim, name_ + ".word", 0),
      queue_(sim, name_ + ".queue", WaitTarget{"event", name_, nullptr}) {}

void Event::set() {
  PrimitiveCall call(sim_, Call::set, object_);
  std::uint64_t w = word_.load();
  while ((w & 1) == 0) {
    if (word_.compare_exchange(w, (w + 2) | 1)) {  // next generation, flag set
      const std::uint32_t n = queue_.wake_all();
      sim_.note([&] {
        return current_name(sim_) + " set event " + name_ + ", woke " + std::to_string(n);
      });
      return;
    }
  }
}

void Event::clear() {
  PrimitiveCall call(sim_, Call::clear, object_);
  std::uint64_t w = word_.load();
  while ((w & 1) != 0) {
    if (word_.compare_exchange(w, w & ~std::uint64_t{1})) {
      sim_.note([&] { return current_name(sim_) + " cleared event " + name_; });
      return;
    }
  }
}

bool Event::is_set() {
  PrimitiveCall call(sim_, Call::is_set, object_);
  return (word_.load() & 1) != 0;
}

bool Event::wait() {
  return wait_impl(std::nullopt);
}

bool Event::wait(Nanos timeout) {
  return wait_impl(timeout < Nanos{0} ? Nanos{0} : timeout);
}

bool Event::wait_impl(std::optional<Nanos> timeout) {
  PrimitiveCall call(sim_, Call::wait, object_);
  const std::uint64_t seen = word_.load();
  if ((seen & 1) != 0) return true;
  sim_.note([&] { return current_name(sim_) + " waits for event " + name_; });
  // Not blocked: the word changed, which only a set() does while the flag is clear.
  // Woken: only set() wakes this queue. Either way a set() happened after `seen`.
  const WaitResult r = queue_.wait_if(word_, seen, timeout);
  if (r == WaitResult::timed_out) {
    sim_.note([&] { return current_name(sim_) + " timed out waiting for event " + name_; });
    return false;
  }
  return true;
}

}  // namespace interleave
