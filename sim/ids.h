#pragma once
// Strong identifiers and the virtual-time unit shared by every part of the simulator.

#include <chrono>
#include <cstdint>

namespace interleave {

// A fiber's id: 0 is the scenario's main fiber, then 1, 2, ... in spawn order.
enum class FiberId : std::uint32_t {};

// An object's id (shared variable, atomic, wait queue, primitive), in registration order.
enum class ObjectId : std::uint32_t {};

// The id used where an operation touches no object.
inline constexpr ObjectId kNoObject{0xFFFFFFFFu};

// The id that names no fiber (the greatest id; no run has that many fibers).
inline constexpr FiberId kNoFiber{0xFFFFFFFFu};

// Ids from here up name plain state that fibers share without steps (Simulator::plain_state);
// they are never objects of a trace.
inline constexpr ObjectId kFirstPlainState{0x80000000u};

// Virtual time, in nanoseconds of simulated time; real time never enters a run.
using Nanos = std::chrono::nanoseconds;

// index() gives the integer behind a strong id, for indexing and printing.
constexpr std::uint32_t index(FiberId id) {
  return static_cast<std::uint32_t>(id);
}
constexpr std::uint32_t index(ObjectId id) {
  return static_cast<std::uint32_t>(id);
}

}  // namespace interleave
