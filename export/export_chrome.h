#pragma once
// export_chrome: a trace in the Trace Event Format that Perfetto and chrome://tracing open.

#include <string>

#include "../traces/trace.h"

namespace interleave {

// export_chrome(trace) renders the run as {"traceEvents": [...], "displayTimeUnit": "ns",
// "otherData": {...}}: one track per fiber (pid 1, tid = fiber id, named by "M" events),
// duration spans ("X") for running, spinning, runnable, blocked and sleeping, an instant ("i")
// per step with its operation, object, values and notes (a run of identical steps is one
// instant with args.repeat), and flow arrows ("s"/"f") from each wake-up to the woken fiber's
// next step. Times are virtual microseconds (fractions keep nanoseconds). Deterministic bytes.
std::string export_chrome(const Trace& trace);

}  // namespace interleave
