// interleave_bench_summary OUT.json MAIN.json [OFF.json OUT_OFF.json]...: summarizes the JSON of
// the benchmark program's full run (MAIN.json) and of the rounds that ran the tracing-off
// benchmark in the normal build (OFF.json) and then in the build with tracing compiled out
// (OUT_OFF.json) into OUT.json, and prints the Markdown tables to standard output. Exits 1,
// naming the problem and writing nothing, when a benchmark the summary reads is missing from its
// file or failed, or when a file cannot be read or written.

#include <exception>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "bench/summary/machine.h"
#include "bench/summary/markdown.h"
#include "bench/summary/medians.h"
#include "bench/summary/summary.h"

int main(int argc, char** argv) {
  using namespace interleave::bench;
  if (argc < 3 || argc % 2 == 0) {
    std::cerr << "usage: interleave_bench_summary OUT.json MAIN.json [OFF.json OUT_OFF.json]...\n";
    return 2;
  }
  try {
    const std::string out_path = argv[1];
    const BenchmarkFile main_file = read_benchmark_file(argv[2]);
    std::vector<CompiledOutRound> rounds;
    for (int i = 3; i + 1 < argc; i += 2) {
      rounds.push_back({read_benchmark_file(argv[i]), read_benchmark_file(argv[i + 1])});
    }
    const nlohmann::ordered_json summary = make_summary(main_file, rounds, read_machine());
    std::ofstream out(out_path);
    out << summary.dump(2) << "\n";
    if (!out) {
      std::cerr << "interleave_bench_summary: cannot write " << out_path << "\n";
      return 1;
    }
    print_markdown(summary, std::cout);
    return 0;
  } catch (const std::exception& e) {
    std::cerr << "interleave_bench_summary: " << e.what() << "\n";
    return 1;
  }
}
