#pragma once
// CheckSettings: where the checks for tests (explore(), run()) write a failure's trace, what they
// name as its replay command, and the run settings they use.

#include <optional>
#include <string>

#include "../sim/config.h"

namespace interleave {

// Settings shared by interleave::explore() and interleave::run().
struct CheckSettings {
  std::string trace_path;  // empty: default_failure_trace(name), in failure_folder()
  std::string program;     // the program (built on cli_main) that replays the trace, named in the
                           // message and recorded in the trace; empty: `interleave` for a
                           // built-in scenario, otherwise a placeholder
  RunConfig config;        // explore() replaces config.max_steps with its options' max_steps,
                           // and both replace config.granularity as granularity says
  // What a step is: empty, explore() searches at primitive granularity (a built-in primitive's
  // operation is one step, as `interleave explore` does) and run() runs at atomic granularity.
  std::optional<Granularity> granularity;
};

}  // namespace interleave
