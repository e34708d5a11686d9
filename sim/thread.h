#pragma once
// Thread: a simulated thread, spawned runnable at construction like std::thread and joined
// at destruction if still joinable, like std::jthread.

#include <concepts>
#include <string_view>
#include <utility>

#include "sim/simulator.h"

namespace interleave {

// A handle to a fiber running body.
class Thread {
 public:
  // Thread(sim, name, body) is the spawn step; an empty name gives "t<id>".
  template <class F>
  requires std::invocable<F&> Thread(Simulator& sim, std::string_view name, F&& body)
      : sim_(&sim), id_(sim.spawn(name, std::forward<F>(body))) {}
  // Thread(sim, body) spawns a fiber named "t<id>".
  template <class F>
  requires std::invocable<F&> Thread(Simulator& sim, F&& body)
      : Thread(sim, std::string_view{}, std::forward<F>(body)) {}

  Thread(Thread&& other) noexcept : sim_(std::exchange(other.sim_, nullptr)), id_(other.id_) {}
  Thread& operator=(Thread&&) = delete;
  Thread(const Thread&) = delete;
  Thread& operator=(const Thread&) = delete;
  // ~Thread() joins a joinable thread (a no-op while an abandoned run is unwound).
  ~Thread() {
    if (joinable()) join();
  }

  // join() is the step that waits for the fiber to exit.
  void join() {
    Simulator* sim = std::exchange(sim_, nullptr);
    sim->join(id_);
  }
  // joinable() tells whether join() has not been called yet.
  bool joinable() const { return sim_ != nullptr; }
  // id() is the fiber's id.
  FiberId id() const { return id_; }

 private:
  Simulator* sim_;  // invariant: null once joined or moved from
  FiberId id_;
};

}  // namespace interleave
