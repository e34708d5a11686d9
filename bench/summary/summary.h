#pragma once
// The summary of a benchmark session: every median, the ratios the issue asks for, the scaling
// tables and the machine, as one JSON document (what scripts/bench writes and prints).

#include <nlohmann/json.hpp>
#include <vector>

#include "bench/summary/machine.h"
#include "bench/summary/medians.h"

namespace interleave::bench {

// One round of the comparison with the build that has tracing compiled out: the tracing-off
// benchmark run by the normal build, then at once by the other build.
struct CompiledOutRound {
  BenchmarkFile tracing_off;   // the normal build (observer calls compiled in, none attached)
  BenchmarkFile compiled_out;  // the build with INTERLEAVE_TRACING=OFF
};

// make_summary(main, rounds, machine) summarizes the full run of the normal build (main) and
// the rounds of the compiled-out comparison (their paired ratios, and the median of those).
// Figures whose benchmarks did not run are null.
nlohmann::ordered_json make_summary(const BenchmarkFile& main,
                                    const std::vector<CompiledOutRound>& rounds,
                                    const Machine& machine);

}  // namespace interleave::bench
