#pragma once
// The CLI's exit codes (DESIGN §4); scripts rely on them.

namespace interleave {

// What `interleave` returns to its caller.
enum ExitCode : int {
  kExitOk = 0,         // the run or search found no failure
  kExitFailed = 1,     // the scenario failed: a bug was found
  kExitUsage = 2,      // bad usage or bad input (unknown scenario, malformed file, bad flag)
  kExitDiverged = 3,   // replay diverged from the trace
  kExitInternal = 70,  // an internal error (EX_SOFTWARE)
};

}  // namespace interleave
