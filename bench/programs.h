#pragma once
// The programs the benchmarks run, written against the public API only: main spawns threads
// that store to one shared variable, then joins them.

#include <cstdint>
#include <functional>
#include <vector>

#include "sim/shared.h"
#include "sim/simulator.h"
#include "sim/thread.h"

namespace interleave::bench {

// stores(sim, threads, stores_per_thread): main spawns `threads` threads; thread t stores
// t * 100'000 + k to one Shared<int> x for k = 1..stores_per_thread (every store writes a new
// value, so none is read-only); then main joins them all.
inline void stores(Simulator& sim, int threads, int stores_per_thread) {
  Shared<int> x(sim, "x", 0);
  std::vector<Thread> ts;
  ts.reserve(static_cast<std::size_t>(threads));
  for (int t = 1; t <= threads; ++t) {
    ts.emplace_back(sim, [&x, t, stores_per_thread] {
      for (int k = 1; k <= stores_per_thread; ++k) x.store(t * 100'000 + k);
    });
  }
  for (Thread& t : ts) t.join();
}

// stores_body(threads, stores_per_thread) is stores() as a body for explore_scenario().
inline std::function<void(Simulator&)> stores_body(int threads, int stores_per_thread) {
  return [threads, stores_per_thread](Simulator& sim) { stores(sim, threads, stores_per_thread); };
}

// kStoresOverheadSteps is about how many steps stores() takes besides the stores with two
// threads: two spawns, two exits, two joins, main's exit, and up to two resumes after a join
// that blocked. stores_for_steps(n) is the stores per thread that make a two-thread run of
// about n steps (at least one).
inline constexpr int kStoresOverheadSteps = 8;
constexpr int stores_for_steps(std::int64_t steps) {
  return steps - kStoresOverheadSteps < 2 ? 1
                                          : static_cast<int>((steps - kStoresOverheadSteps) / 2);
}

}  // namespace interleave::bench
