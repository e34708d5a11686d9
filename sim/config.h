#pragma once
// The settings of a run that are not the schedule: costs, limits, stack size.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

#include "ids.h"

namespace interleave {

// Whether this build can record traces. A build configured with INTERLEAVE_TRACING=OFF (for the
// benchmark of what tracing off costs) compiles every observer call out of the simulator.
#ifdef INTERLEAVE_NO_TRACING
inline constexpr bool kTracingBuilt = false;
#else
inline constexpr bool kTracingBuilt = true;
#endif

}  // namespace interleave

// Code compiled with one tracing setting and linked with a library built with the other would
// disagree about what the simulator does. The package carries the setting to its users; should a
// user override it, every file that includes this header references a symbol that only a library
// built the same way defines, so the link fails and names the mismatch (defined in sim/config.cpp).
#ifdef INTERLEAVE_NO_TRACING
extern "C" const char interleave_library_built_with_INTERLEAVE_TRACING_OFF;
[[gnu::used]] static const char* const interleave_tracing_setting =
    &interleave_library_built_with_INTERLEAVE_TRACING_OFF;
#else
extern "C" const char interleave_library_built_with_INTERLEAVE_TRACING_ON;
[[gnu::used]] static const char* const interleave_tracing_setting =
    &interleave_library_built_with_INTERLEAVE_TRACING_ON;
#endif

namespace interleave {

// What a step is (docs/explore.md "Granularity").
enum class Granularity : std::uint8_t {
  atomic,     // every operation of Shared, Atomic and WaitQueue is a step, inside primitives too
  primitive,  // an operation of a built-in primitive (Mutex::lock, Semaphore::release, ...) is
              // one step on the primitive's object; user code on Shared and Atomic stays atomic
};

// to_string() names a granularity as the CLI and traces spell it ("atomic", "primitive").
std::string_view to_string(Granularity granularity);

// parse_granularity(text) is the granularity named text, or nullopt.
std::optional<Granularity> parse_granularity(std::string_view text);

// Run settings; all of them are recorded in traces so a replay uses the same ones.
struct RunConfig {
  Nanos step_cost{1000};                // virtual time each step costs (default 1 µs)
  Nanos switch_cost{0};                 // extra virtual time a context switch costs
  std::uint64_t max_steps = 1'000'000;  // a run that reaches this many steps is a livelock
  std::size_t stack_size = 256 * 1024;  // usable bytes of each fiber stack
  Granularity granularity = Granularity::atomic;  // what a step is
};

}  // namespace interleave
