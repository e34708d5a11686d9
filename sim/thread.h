#pragma once
// Thread: a simulated thread, spawned runnable at construction like std::thread and joined
// at destruction if still joinable, like std::jthread; detach() lets it run on its own.

#include <concepts>
#include <string_view>
#include <utility>

#include "simulator.h"

namespace interleave {

// A handle to a fiber running body.
class Thread {
 public:
  // Thread(sim, name, body) is the spawn step; an empty name gives "t<id>".
  template <class F>
  requires std::invocable<F&> Thread(Simulator& sim, std::string_view name, F&& body)
      : sim_(&sim), id_(sim.spawn(KernelKey{}, name, std::forward<F>(body))) {}
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
    sim->join(KernelKey{}, id_);
  }
  // detach() lets the fiber run on its own: ~Thread() no longer joins it, and it may outlive the
  // code that spawned it, main included (a run ends when every fiber has exited or is blocked,
  // not when main returns). Ownership rule: a detached fiber's body must own everything it uses
  // (capture a std::shared_ptr to heap-held state by value), because the spawner's locals are
  // destroyed when the spawner returns, while the detached fiber may still be running.
  void detach() { sim_ = nullptr; }
  // joinable() tells whether neither join() nor detach() has been called yet.
  bool joinable() const { return sim_ != nullptr; }
  // id() is the fiber's id.
  FiberId id() const { return id_; }

 private:
  Simulator* sim_;  // invariant: null once joined, detached or moved from
  FiberId id_;
};

}  // namespace interleave
