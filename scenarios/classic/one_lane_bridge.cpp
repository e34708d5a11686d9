#include "scenarios/classic/one_lane_bridge.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <deque>
#include <string>
#include <vector>

#include "primitives/mutex.h"
#include "primitives/semaphore.h"
#include "scenarios/classic/size_param.h"
#include "scenarios/occupants.h"
#include "sim/atomic.h"
#include "sim/shared.h"
#include "sim/simulator.h"
#include "sim/thread.h"

namespace interleave {

namespace {

std::vector<ParamSpec> bridge_params() {
  return {{"east", 2, "how many cars come from the east", 0, 1000},
          {"west", 1, "how many cars come from the west", 0, 1000}};
}

constexpr std::array<const char*, 2> kSides{"east", "west"};

// one_lane_bridge(sim, params, guarded) is the "lightswitch" solution with semaphores: each
// side keeps the plain shared count of its cars on or waiting for the bridge ("east cars",
// "west cars") under its mutex ("east lock", "west lock"); the first car of a side takes the
// semaphore "bridge" for the whole side, the last one off gives it back. guarded says whether the
// first car takes the bridge while still holding its side's mutex (correct) or after dropping it
// (the bug). On the bridge each car adds 1 to the atomic "crossings"; a car driving on while
// a car of the other side is there fails the run.
void one_lane_bridge(Simulator& sim, const Params& params, bool guarded) {
  const std::array<int, 2> cars{size_param(sim, params, "east", 0),
                                size_param(sim, params, "west", 0)};
  Semaphore bridge(sim, "bridge", 1);
  std::deque<Mutex> side_lock;         // a deque: Mutex does not move
  std::deque<Shared<int>> side_count;  // guarded by side_lock of the same side
  for (const char* side : kSides) {
    side_lock.emplace_back(sim, std::string(side) + " lock");
    side_count.emplace_back(sim, std::string(side) + " cars", 0);
  }
  Atomic<std::int64_t> crossings(sim, "crossings", 0);
  std::array<Occupants, 2> on_bridge{Occupants(sim), Occupants(sim)};  // by side; plain code

  auto drive = [&](std::size_t side) {
    const std::size_t other = 1 - side;
    side_lock[side].lock();
    const int n = side_count[side].load() + 1;
    side_count[side].store(n);
    if (guarded) {
      if (n == 1) bridge.acquire();  // the first car of this side takes the bridge for it
      side_lock[side].unlock();
    } else {
      side_lock[side].unlock();
      if (n == 1) bridge.acquire();  // the bug: later cars of this side do not wait for it
    }
    const FiberId me = sim.current_fiber();
    if (!on_bridge[other].empty()) {
      sim.fail(std::string(sim.fiber_name(me)) + " drove onto the bridge while " +
               on_bridge[other].names(sim) + (on_bridge[other].size() > 1 ? " were" : " was") +
               " on it");
      return;
    }
    on_bridge[side].enter(me);
    crossings.fetch_add(1);
    on_bridge[side].leave(me);
    side_lock[side].lock();
    const int left = side_count[side].load() - 1;
    side_count[side].store(left);
    if (left == 0) bridge.release();  // the last car of this side gives the bridge back
    side_lock[side].unlock();
  };
  {
    std::vector<Thread> threads;
    threads.reserve(static_cast<std::size_t>(cars[0] + cars[1]));
    // Alternate the sides in spawn order, so fifo sends a car from each side in turn.
    for (int i = 0; i < std::max(cars[0], cars[1]); ++i) {
      for (std::size_t side = 0; side < 2; ++side) {
        if (i >= cars[side]) continue;
        threads.emplace_back(sim, std::string(kSides[side]) + " car " + std::to_string(i),
                             [&drive, side] { drive(side); });
      }
    }
    for (Thread& t : threads) t.join();
  }
  const std::int64_t total = crossings.load();
  sim.report("crossings", total);
  sim.report("most_on_bridge",
             static_cast<std::int64_t>(std::max(on_bridge[0].most(), on_bridge[1].most())));
  sim.check(total == cars[0] + cars[1],
            std::to_string(total) + " cars crossed, expected " + std::to_string(cars[0] + cars[1]));
}

}  // namespace

Scenario classic_one_lane_bridge() {
  Scenario s;
  s.name = "classic/one-lane-bridge";
  s.description =
      "cars from the east and the west share a one-lane bridge (a semaphore): the first car of "
      "a side takes the bridge for its whole side while holding that side's mutex, the last "
      "one off gives it back; cars of one side cross together, and under every schedule no "
      "two directions are ever on the bridge at once";
  s.params = bridge_params();
  s.body = [](Simulator& sim, const Params& params) { one_lane_bridge(sim, params, true); };
  return s;
}

Scenario classic_one_lane_bridge_racy() {
  Scenario s;
  s.name = "classic/one-lane-bridge-racy";
  s.description =
      "the one-lane bridge with the first car taking the bridge after dropping its side's "
      "mutex: while it waits for the other side to clear, the next car of its side sees the "
      "count already raised and drives on; random and pct find cars of both directions on "
      "the bridge";
  s.params = bridge_params();
  s.body = [](Simulator& sim, const Params& params) { one_lane_bridge(sim, params, false); };
  return s;
}

}  // namespace interleave
