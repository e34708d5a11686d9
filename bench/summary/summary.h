#pragma once
// The summary of a benchmark session: the figures docs/performance.md shows (medians, the ratios
// the issue asks for, the scaling tables) and the machine, as one JSON document (what
// scripts/bench writes, and prints as Markdown).

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
// Throws std::runtime_error naming every benchmark (or counter) it reads that a file lacks, and
// every benchmark that failed.
nlohmann::ordered_json make_summary(const BenchmarkFile& main,
                                    const std::vector<CompiledOutRound>& rounds,
                                    const Machine& machine);

}  // namespace interleave::bench
