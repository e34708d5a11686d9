// interleave_bench_summary RAW.json [NOTRACE_RAW.json] OUT.json: summarizes the JSON of the
// benchmark program (and of its build with tracing compiled out) into OUT.json and prints the
// Markdown tables to standard output.

#include <exception>
#include <fstream>
#include <iostream>
#include <optional>
#include <string>

#include "bench/summary/machine.h"
#include "bench/summary/markdown.h"
#include "bench/summary/medians.h"
#include "bench/summary/summary.h"

int main(int argc, char** argv) {
  using namespace interleave::bench;
  if (argc != 3 && argc != 4) {
    std::cerr << "usage: interleave_bench_summary RAW.json [NOTRACE_RAW.json] OUT.json\n";
    return 2;
  }
  try {
    const BenchmarkFile main_file = read_benchmark_file(argv[1]);
    std::optional<BenchmarkFile> notrace;
    if (argc == 4) notrace = read_benchmark_file(argv[2]);
    const std::string out_path = argv[argc - 1];
    const nlohmann::ordered_json summary =
        make_summary(main_file, notrace ? &*notrace : nullptr, read_machine());
    std::ofstream out(out_path);
    out << summary.dump(2) << "\n";
    if (!out) {
      std::cerr << "interleave_bench_summary: cannot write " << out_path << "\n";
      return 1;
    }
    print_markdown(summary, std::cout);
    return summary["errors"].empty() ? 0 : 1;
  } catch (const std::exception& e) {
    std::cerr << "interleave_bench_summary: " << e.what() << "\n";
    return 1;
  }
}
