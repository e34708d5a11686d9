#pragma once
// Shared<T>: a plain shared variable. Each load and each store is one step, so a read-modify-
// write written as load-then-store can be interleaved, exactly like the article's `total`.

#include <string_view>
#include <type_traits>

#include "simulator.h"
#include "traced_value.h"

namespace interleave {

// A plain (non-atomic) variable of a trivially copyable type; every access is a visible step.
template <class T>
class Shared {
  static_assert(std::is_trivially_copyable_v<T>, "Shared<T> needs a trivially copyable T");

 public:
  // Shared(sim, name, initial) registers the variable with the running simulator.
  Shared(Simulator& sim, std::string_view name, T initial = T{})
      : sim_(sim), id_(sim.register_object(KernelKey{}, "shared", name)), value_(initial) {}
  Shared(const Shared&) = delete;
  Shared& operator=(const Shared&) = delete;

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
      if (value_ == v) sim_.read_only(KernelKey{});  // rewriting the same value changes nothing
    }
    value_ = v;
    sim_.end_step(KernelKey{}, {}, traced_value(v));
  }
  // id() is the variable's object id.
  ObjectId id() const { return id_; }
  // peek() reads the value without a step, for reports after the threads are joined.
  T peek() const { return value_; }

 private:
  Simulator& sim_;
  ObjectId id_;
  T value_;
};

}  // namespace interleave
