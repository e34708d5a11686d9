#pragma once
// Test helper: counts the fibers inside a critical section with plain (invisible) code, so
// checking it adds no step; enter() fails the run when the section holds more than allowed.

#include <algorithm>
#include <string>

#include "sim/simulator.h"

namespace interleave::testing {

// How many fibers are inside a section, and the most there ever were.
struct Occupancy {
  int inside = 0;
  int most = 0;
  int allowed = 1;

  // enter(sim) counts the calling fiber in and checks the bound.
  void enter(Simulator& sim) {
    ++inside;
    most = std::max(most, inside);
    sim.check(inside <= allowed, std::string(sim.fiber_name(sim.current_fiber())) +
                                     " entered with " + std::to_string(inside - 1) +
                                     " already inside");
  }
  // leave() counts the calling fiber out.
  void leave() { --inside; }
};

}  // namespace interleave::testing
