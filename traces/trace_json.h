#pragma once
// The version-1 JSON form of a Trace (docs/trace-format.md): writing it byte-stably, writing
// it safely to a file, and reading it back with every field checked.

#include <optional>
#include <string>
#include <string_view>

#include "trace.h"

namespace interleave {

// to_json(trace) renders the trace: fixed key order, one fiber, object or event per line,
// newline-terminated. The same trace always gives the same bytes.
std::string to_json(const Trace& trace);

// write_trace_file(trace, path) writes the trace with write_output_file() (traces/output_file.h):
// path is never half-written, a link is written through, "-" is standard output; throws
// OutputError (a std::runtime_error) naming the path and the problem.
void write_trace_file(const Trace& trace, const std::string& path);

// What reading a trace gives: the trace, or one line saying what is wrong and where.
struct TraceReadResult {
  std::optional<Trace> trace;  // set when the text is a valid trace (version 1 or 2)
  std::string error;           // otherwise "PATH: PROBLEM" ("trace.events[12].fiber: ...") or
                               // "not JSON: ..."; empty when trace is set

  // ok() tells whether the text was read.
  bool ok() const { return trace.has_value(); }
};

// read_trace(text) parses and validates a version-1 trace. It never throws and never
// crashes, whatever the bytes: every type, range and cross-reference is checked.
TraceReadResult read_trace(std::string_view text);

// read_trace_file(path) is read_trace() of the file's bytes; an unreadable file is an error
// naming the path.
TraceReadResult read_trace_file(const std::string& path);

}  // namespace interleave
