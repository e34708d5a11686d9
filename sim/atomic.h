#pragma once
// Atomic<T>: a sequentially consistent atomic variable; each operation is one indivisible step.
// Its test-and-set and the wait queues are what every primitive is built on.

#include <concepts>
#include <string_view>
#include <type_traits>

#include "simulator.h"
#include "traced_value.h"

namespace interleave {

class WaitQueue;

// A sequentially consistent atomic of a trivially copyable type.
template <class T>
class Atomic {
  static_assert(std::is_trivially_copyable_v<T>, "Atomic<T> needs a trivially copyable T");

 public:
  // Atomic(sim, name, initial) registers the atomic with the running simulator.
  Atomic(Simulator& sim, std::string_view name, T initial = T{})
      : sim_(sim), id_(sim.register_object(KernelKey{}, "atomic", name)), value_(initial) {}
  Atomic(const Atomic&) = delete;
  Atomic& operator=(const Atomic&) = delete;

  // load() is a step that reads the value.
  T load() {
    sim_.begin_step(KernelKey{}, Op{OpKind::load, Call::none, kNoGate, id_});
    T v = value_;
    sim_.end_step(KernelKey{}, traced_value(v));
    return v;
  }
  // store(v) is a step that writes v.
  void store(T v) {
    sim_.begin_step(KernelKey{}, Op{OpKind::store, Call::none, kNoGate, id_});
    if constexpr (std::equality_comparable<T>) {
      if (value_ == v) sim_.read_only(KernelKey{});
    }
    value_ = v;
    sim_.end_step(KernelKey{}, {}, traced_value(v));
  }
  // exchange(v) is a step that writes v and returns the previous value.
  T exchange(T v) {
    sim_.begin_step(KernelKey{}, Op{OpKind::exchange, Call::none, kNoGate, id_});
    T old = value_;
    if (old == v) sim_.read_only(KernelKey{});
    value_ = v;
    sim_.end_step(KernelKey{}, traced_value(old), traced_value(v));
    return old;
  }
  // fetch_add(d) is a step that adds d and returns the previous value.
  T fetch_add(T d) requires std::integral<T> {
    sim_.begin_step(KernelKey{}, Op{OpKind::fetch_add, Call::none, kNoGate, id_});
    T old = value_;
    value_ = static_cast<T>(old + d);
    sim_.end_step(KernelKey{}, traced_value(old), traced_value(value_));
    return old;
  }
  // compare_exchange(expected, desired) is a step: if the value equals expected it becomes
  // desired and true is returned; otherwise expected receives the value and false is returned.
  bool compare_exchange(T& expected, T desired) {
    sim_.begin_step(KernelKey{}, Op{OpKind::compare_exchange, Call::none, kNoGate, id_});
    T old = value_;
    if (old == expected) {
      value_ = desired;
      sim_.end_step(KernelKey{}, traced_value(old), traced_value(desired));
      return true;
    }
    expected = old;
    sim_.read_only(KernelKey{});
    sim_.end_step(KernelKey{}, traced_value(old));
    return false;
  }
  // test_and_set() is a step that sets the flag and returns whether it was already set; a
  // true result counts as a spinning step.
  bool test_and_set() requires std::same_as<T, bool> {
    sim_.begin_step(KernelKey{}, Op{OpKind::test_and_set, Call::none, kNoGate, id_});
    const bool old = value_;
    value_ = true;
    if (old) {
      sim_.count_spin();
      sim_.read_only(KernelKey{});
    }
    sim_.end_step(KernelKey{}, traced_value(old), traced_value(true));
    return old;
  }
  // clear() is a step that resets the flag to false.
  void clear() requires std::same_as<T, bool> {
    sim_.begin_step(KernelKey{}, Op{OpKind::clear, Call::none, kNoGate, id_});
    if (!value_) sim_.read_only(KernelKey{});
    value_ = false;
    sim_.end_step(KernelKey{}, {}, traced_value(false));
  }
  // id() is the atomic's object id.
  ObjectId id() const { return id_; }
  // peek() reads the value without a step, for reports after the threads are joined.
  T peek() const { return value_; }

 private:
  friend class WaitQueue;
  Simulator& sim_;
  ObjectId id_;
  T value_;
};

}  // namespace interleave
