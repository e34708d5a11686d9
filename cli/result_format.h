#pragma once
// The readable forms of results and run summaries printed by the CLI.

#include <ostream>
#include <string>

#include "sim/outcome.h"
#include "traces/run_summary.h"

namespace interleave {

// format_value(v) prints a result value: 6, 2.5, "text", [3, 3, 6].
std::string format_value(const ResultValue& v);

// print_summary(s, out) prints the short readable summary of a run, ending with the line
// that reproduces it.
void print_summary(const RunSummary& s, std::ostream& out);

}  // namespace interleave
