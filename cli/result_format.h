#pragma once
// The readable run summaries printed by the CLI (results: traces/result_text.h).

#include <ostream>
#include <string>

#include "../report/run_summary.h"
#include "../sim/outcome.h"
#include "../traces/result_text.h"

namespace interleave {

// print_summary(s, out) prints the short readable summary of a run, ending with the line
// that reproduces it.
void print_summary(const RunSummary& s, std::ostream& out);

}  // namespace interleave
