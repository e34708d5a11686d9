#pragma once
// BoundedSemaphore: a Semaphore that may never hold more units than it started with; a
// release that would exceed the initial value fails the run, naming the fiber.
// Python: threading.BoundedSemaphore (whose release raises ValueError). C++: none;
// std::counting_semaphore makes it undefined behaviour.

#include <cstdint>
#include <string_view>

#include "../sim/simulator.h"
#include "semaphore.h"

namespace interleave {

// A counting semaphore that catches over-release.
class BoundedSemaphore : public Semaphore {
 public:
  // BoundedSemaphore(sim, name, initial) registers the same objects as Semaphore; the bound
  // is initial.
  BoundedSemaphore(Simulator& sim, std::string_view name, std::int32_t initial = 1)
      : Semaphore(sim, name, initial, "bounded semaphore", initial) {}
};

}  // namespace interleave
