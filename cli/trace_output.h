#pragma once
// Writing a recorded trace from the CLI: a path that cannot be written is bad input.

#include <ostream>
#include <string>

#include "../traces/trace.h"

namespace interleave {

// write_trace_or_throw(trace, path, out) writes the file safely ("-": to out); a path that
// cannot be written is a UsageError.
void write_trace_or_throw(const Trace& trace, const std::string& path, std::ostream& out);

}  // namespace interleave
