#include "primitives/barrier.h"

#include <utility>

#include "primitives/fiber_names.h"
#include "sim/primitive_call.h"

namespace interleave {

namespace {

// A full count (arrivals == parties) marks a generation whose last arrival is releasing it.
constexpr std::uint64_t kArrivedMask = 0xFFFFFFFFu;
constexpr std::uint64_t kBroken = std::uint64_t{1} << 32;
constexpr int kGenerationShift = 33;

std::uint32_t arrived(std::uint64_t w) {
  return static_cast<std::uint32_t>(w & kArrivedMask);
}
std::uint64_t generation(std::uint64_t w) {
  return w >> kGenerationShift;
}
bool is_broken(std::uint64_t w) {
  return (w & kBroken) != 0;
}

}  // namespace

Barrier::Barrier(Simulator& sim, std::string_view name, std::uint32_t parties,
                 std::function<void()> action)
    : sim_(sim),
      name_(name),
      parties_(parties),
      action_(std::move(action)),
      object_(PrimitiveCall::object(sim, "barrier", name_)),
      word_(sim, name_ + ".word", 0),
      queue_(sim, name_ + ".queue", WaitTarget{"barrier", name_, nullptr}) {
  if (parties_ == 0) sim_.fail("barrier " + name_ + " needs at least one party");
}

std::uint32_t Barrier::wait() {
  return wait_impl(std::nullopt);
}

std::uint32_t Barrier::wait(Nanos timeout) {
  return wait_impl(timeout < Nanos{0} ? Nanos{0} : timeout);
}

void Barrier::throw_broken() {
  throw BrokenBarrier("barrier " + name_ + " is broken");
}

std::uint32_t Barrier::wait_impl(std::optional<Nanos> timeout) {
  PrimitiveCall call(sim_, Call::arrive, object_);
  const Nanos deadline = timeout ? sim_.now() + *timeout : Nanos::max();
  std::uint64_t w = word_.load();
  std::uint32_t index = 0;
  for (;;) {
    if (is_broken(w)) throw_broken();
    index = arrived(w);
    if (index == parties_) {
      // A fiber beyond the parties: the last arrival is still releasing this generation.
      queue_.wait_if(word_, w);
      w = word_.load();
      continue;
    }
    if (word_.compare_exchange(w, w + 1)) {
      w += 1;
      break;
    }
  }
  if (index + 1 == parties_) {
    sim_.note([&] {
      return current_name(sim_) + " arrived last at barrier " + name_ + ", releasing all";
    });
    if (action_) {
      PrimitiveCall::pause(sim_);  // the action is user code: its steps are its own
      action_();
      PrimitiveCall::resume(sim_);
    }
    // The count is full, so only abort() can change the word now (it sets the broken bit).
    while (!word_.compare_exchange(w, (generation(w) + 1) << kGenerationShift)) {
      if (is_broken(w)) throw_broken();
    }
    queue_.wake_all();
    return index;
  }
  sim_.note([&] {
    return current_name(sim_) + " arrived at barrier " + name_ + " (" + std::to_string(index + 1) +
           " of " + std::to_string(parties_) + ")";
  });
  const std::uint64_t gen = generation(w);
  for (;;) {
    std::optional<Nanos> left;
    if (timeout) left = deadline - sim_.now();
    if (left && *left <= Nanos{0}) {
      sim_.note([&] { return current_name(sim_) + " timed out at barrier " + name_; });
      abort();
      throw_broken();
    }
    queue_.wait_if(word_, w, left);
    w = word_.load();
    if (generation(w) != gen) return index;
    if (is_broken(w)) throw_broken();
  }
}

void Barrier::abort() {
  PrimitiveCall call(sim_, Call::abort, object_);
  std::uint64_t w = word_.load();
  while (!is_broken(w)) {
    if (word_.compare_exchange(w, w | kBroken)) {
      const std::uint32_t n = queue_.wake_all();
      sim_.note([&] {
        return current_name(sim_) + " broke barrier " + name_ + ", woke " + std::to_string(n);
      });
      return;
    }
  }
}

bool Barrier::broken() {
  PrimitiveCall call(sim_, Call::broken, object_);
  return is_broken(word_.load());
}

}  // namespace interleave
