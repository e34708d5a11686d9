#pragma once
// Task: a move-only void() callable stored in place when it is small, so that spawning a
// fiber whose body captures a few references allocates nothing.

#include <cstddef>
#include <new>
#include <type_traits>
#include <utility>

namespace interleave {

// A type-erased `void()` callable with a 64-byte inline buffer; larger ones go to the heap.
class Task {
 public:
  Task() = default;
  Task(const Task&) = delete;
  Task& operator=(const Task&) = delete;
  ~Task() { reset(); }

  // assign(f) stores f (destroying any previous callable).
  template <class F>
  void assign(F&& f) {
    using D = std::decay_t<F>;
    reset();
    if constexpr (sizeof(D) <= kInline && alignof(D) <= alignof(std::max_align_t) &&
                  std::is_nothrow_move_constructible_v<D>) {
      ::new (static_cast<void*>(buffer_)) D(std::forward<F>(f));
      call_ = [](void* p) { (*static_cast<D*>(p))(); };
      destroy_ = [](void* p) { static_cast<D*>(p)->~D(); };
      target_ = buffer_;
    } else {
      target_ = new D(std::forward<F>(f));
      call_ = [](void* p) { (*static_cast<D*>(p))(); };
      destroy_ = [](void* p) { delete static_cast<D*>(p); };
    }
  }

  // operator() calls the stored callable; it must hold one.
  void operator()() { call_(target_); }

  // empty() tells whether no callable is stored.
  bool empty() const { return target_ == nullptr; }

  // reset() destroys the stored callable, if any.
  void reset() {
    if (target_ != nullptr) {
      void* t = std::exchange(target_, nullptr);
      destroy_(t);
    }
  }

 private:
  static constexpr std::size_t kInline = 64;
  alignas(std::max_align_t) unsigned char buffer_[kInline];
  void* target_ = nullptr;  // invariant: null, buffer_, or a heap object owned by this Task
  void (*call_)(void*) = nullptr;
  void (*destroy_)(void*) = nullptr;
};

}  // namespace interleave
