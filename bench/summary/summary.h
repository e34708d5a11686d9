#pragma once
// The summary of a benchmark session: every median, the ratios the issue asks for, the scaling
// tables and the machine, as one JSON document (what scripts/bench writes and prints).

#include <nlohmann/json.hpp>

#include "bench/summary/machine.h"
#include "bench/summary/medians.h"

namespace interleave::bench {

// make_summary(main, notrace, machine) summarizes the run of the normal build (main) and, when
// given, of the build with tracing compiled out (notrace). Figures whose benchmarks did not run
// are null.
nlohmann::ordered_json make_summary(const BenchmarkFile& main, const BenchmarkFile* notrace,
                                    const Machine& machine);

}  // namespace interleave::bench
