// The benchmark program's entry point; the benchmarks register themselves in *_bench.cpp.

#include <benchmark/benchmark.h>

BENCHMARK_MAIN();
