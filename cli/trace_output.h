#pragma once
// Writing a recorded trace from the CLI: a path that cannot be written is bad input.

#include <string>

#include "../traces/record_run.h"
#include "../traces/trace.h"

namespace interleave {

// write_trace_or_throw(trace, path) writes the file safely; a path that cannot be written is
// a UsageError.
void write_trace_or_throw(const Trace& trace, const std::string& path);

}  // namespace interleave
