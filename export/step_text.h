#pragma once
// Words for the pieces of a trace that the exports show: names, steps, virtual times.

#include <string>
#include <string_view>

#include "../traces/trace.h"

namespace interleave {

// fiber_label(t, f) is the fiber's name, or "fiber N" when the trace does not name it.
std::string fiber_label(const Trace& t, FiberId f);

// object_label(t, o) is the object's name, or "object N" when the trace does not name it.
std::string object_label(const Trace& t, ObjectId o);

// short_op(kind) is the abbreviation timelines use ("ld", "st", "tas", ...).
std::string_view short_op(OpKind kind);
// short_op(e) is short_op(e.op), or for a call its operation ("lock", "release", ...).
std::string_view short_op(const TraceEvent& e);
// op_name(e) is the step's operation as traces name it: its op, or for a call its operation.
std::string_view op_name(const TraceEvent& e);

// step_target(t, e) is what the step acts on: the object, the other fiber, or empty.
std::string step_target(const Trace& t, const TraceEvent& e);

// step_values(e) is what the step read and wrote, "0", "→1" or "0→1", or empty.
std::string step_values(const TraceEvent& e);

// step_text(t, e) describes the step in words: "load total: read 0", "spawn t1",
// "wake q: woke t2, t3".
std::string step_text(const Trace& t, const TraceEvent& e);

// time_label(d) writes a virtual time or duration in the largest unit not above it, with the
// decimals needed to keep it exact: "0 s", "250 ns", "16 µs", "1.5 ms", "2.000016 s".
std::string time_label(Nanos d);

}  // namespace interleave
