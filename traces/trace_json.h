#pragma once
// The version-1 JSON form of a Trace: writing it (byte-stable), and writing it safely to a file.

#include <string>

#include "traces/trace.h"

namespace interleave {

// to_json(trace) renders the trace: fixed key order, one event per line, newline-terminated.
// The same trace always gives the same bytes.
std::string to_json(const Trace& trace);

// write_trace_file(trace, path) writes to a temporary file beside path and renames it over
// path, so path is never half-written; throws std::runtime_error naming the problem.
void write_trace_file(const Trace& trace, const std::string& path);

}  // namespace interleave
