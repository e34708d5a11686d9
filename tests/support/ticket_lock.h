#pragma once
// Test helper: the way a user writes a spin lock on Atomic, with nothing marked as spinning but
// the yield: draw a ticket with fetch_add, then load `serving` and yield until it is yours.

#include <cstdint>
#include <string>
#include <vector>

#include "sim/atomic.h"
#include "sim/shared.h"
#include "sim/simulator.h"
#include "sim/thread.h"

namespace interleave::testing {

// ticket_counting(sim, threads) runs `threads` threads that each add one to a plain counter
// under a ticket lock, and checks the count.
inline void ticket_counting(Simulator& sim, int threads) {
  Atomic<unsigned> next(sim, "next", 0);
  Atomic<unsigned> serving(sim, "serving", 0);
  Shared<int> count(sim, "count", 0);
  {
    std::vector<Thread> workers;
    workers.reserve(static_cast<std::size_t>(threads));
    for (int i = 0; i < threads; ++i) {
      workers.emplace_back(sim, [&] {
        const unsigned mine = next.fetch_add(1);
        while (serving.load() != mine) sim.yield();
        count.store(count.load() + 1);
        serving.store(mine + 1);
      });
    }
  }
  sim.check(count.load() == threads, "an addition was lost");
}

}  // namespace interleave::testing
