#pragma once
// ResourceLimit: a run could not go on because the machine ran out of something the simulation
// needs (a fiber's stack mapping). Not a bug of the scenario: the CLI reports it as bad input.

#include <stdexcept>
#include <string>

namespace interleave {

// Thrown by Simulator::run() after the run's fibers are unwound; what() names the limit.
struct ResourceLimit : std::runtime_error {
  // ResourceLimit(message) holds one line naming what ran out and the limit.
  explicit ResourceLimit(const std::string& message) : std::runtime_error(message) {}
};

}  // namespace interleave
