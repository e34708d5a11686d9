// interleave_differential: the differential tester over many generated programs, for developers
// (CI runs 300 of them inside the test suite). Usage:
//   interleave_differential [--from SEED] [--count N] [--budget RUNS] [--jobs N]
//   interleave_differential --print SEED   (the program of SEED as a test case)
// Prints one line per program that differs, with the program as a test case to paste, and a
// summary; exits 1 if any program differed, 2 on a bad argument.

#include <cstdint>
#include <cstdlib>
#include <iostream>
#include <string>
#include <string_view>

#include "sim/simulator.h"
#include "tests/support/differential.h"
#include "tests/support/random_program.h"

using namespace interleave;
using namespace interleave::testing;

namespace {

bool parse(std::string_view text, std::uint64_t& out) {
  if (text.empty() || text.size() > 19) return false;
  std::uint64_t v = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
    v = v * 10 + static_cast<std::uint64_t>(c - '0');
  }
  out = v;
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  std::uint64_t from = 1;
  std::uint64_t count = 1000;
  std::uint64_t jobs = 1;
  DifferentialBudget budget;
  for (int i = 1; i < argc; ++i) {
    const std::string_view flag = argv[i];
    if (flag == "--help" || flag == "-h") {
      std::cout << "usage: interleave_differential [--from SEED] [--count N] [--budget RUNS] "
                   "[--jobs N]\n"
                   "       interleave_differential --print SEED\n"
                   "Compares sleep-set and dpor searches with the unreduced search, at preemption\n"
                   "bounds 0, 1, 2 and without a bound, on N generated programs from SEED on.\n";
      return 0;
    }
    std::uint64_t value = 0;
    if (flag == "--print" && i + 1 < argc && parse(argv[i + 1], value)) {
      std::cout << RandomProgram::random(value).print_scenario();
      return 0;
    }
    if (i + 1 >= argc || !parse(argv[i + 1], value) ||
        (flag != "--from" && flag != "--count" && flag != "--budget" && flag != "--jobs")) {
      std::cerr << "interleave_differential: bad argument '" << flag << "' (see --help)\n";
      return 2;
    }
    ++i;
    if (flag == "--from") from = value;
    if (flag == "--count") count = value;
    if (flag == "--budget") budget.reference_runs = value;
    if (flag == "--jobs") jobs = value;
  }
  if (jobs == 0 || jobs > 64) {
    std::cerr << "interleave_differential: --jobs must be 1 to 64\n";
    return 2;
  }
  budget.jobs = static_cast<unsigned>(jobs);
  std::uint64_t differing = 0;
  std::uint64_t compared = 0;
  std::uint64_t skipped = 0;
  for (std::uint64_t seed = from; seed < from + count; ++seed) {
    const RandomProgram p = RandomProgram::random(seed);
    const Differences d = explore_differences([&p](Simulator& sim) { p.run(sim); }, budget);
    compared += static_cast<std::uint64_t>(d.compared);
    skipped += static_cast<std::uint64_t>(d.skipped);
    if (!d.problems.empty()) {
      ++differing;
      std::cout << p.summary() << " differs:\n" << d.text() << p.print_scenario() << "\n";
    }
    if ((seed - from + 1) % 100 == 0) {
      std::cerr << "  " << seed - from + 1 << " programs, " << differing << " differing\n";
    }
  }
  std::cout << count << " programs from seed " << from << ": " << compared << " searches compared, "
            << skipped << " bounds skipped (reference over budget), " << differing
            << " programs differing\n";
  return differing == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
