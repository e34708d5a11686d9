#pragma once
// Fiber names for the notes and failure messages of primitives ("t2 blocked on mutex m").

#include <string>

#include "../sim/ids.h"
#include "../sim/simulator.h"

namespace interleave {

// name_of(sim, f) is fiber f's name as an owned string.
inline std::string name_of(const Simulator& sim, FiberId f) {
  return std::string(sim.fiber_name(f));
}

// current_name(sim) is the name of the fiber running now.
inline std::string current_name(const Simulator& sim) {
  return name_of(sim, sim.current_fiber());
}

}  // namespace interleave
