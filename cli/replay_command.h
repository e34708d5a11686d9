#pragma once
// `interleave replay TRACE`: re-executes a recorded run and verifies it step by step.

#include <ostream>
#include <string>

namespace interleave {

struct Program;

// Options of `interleave replay`, as parsed from the command line (declared in cli/app.cpp).
struct ReplayOptions {
  std::string trace;  // the trace file to replay
  bool show = false;  // also print the replayed run as swimlanes
};

// run_replay(options, program, out) replays; returns 0 when every step matches, 3 at the first
// divergence (naming the step, what the trace recorded and what happened instead). Throws
// UsageError when the file is not a trace it can replay, or names a scenario the program does
// not know (saying which program recorded it and how to replay it there).
int run_replay(const ReplayOptions& options, const Program& program, std::ostream& out);

}  // namespace interleave
