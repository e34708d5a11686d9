#pragma once
// cli_main(): the whole `interleave` command line (list, run, explore, replay, export) for a
// program's own scenarios. Link interleave::cli; see docs/user-guide.md.
//
//   int main(int argc, char** argv) {
//     interleave::ScenarioRegistry scenarios;
//     scenarios.add("queue/two-producers", "two producers, one consumer", two_producers);
//     return interleave::cli_main(argc, argv, scenarios);
//   }

#include <ostream>
#include <string>

#include "../sim/scenario_registry.h"

namespace interleave {

// How a program built on cli_main() names itself.
struct CliSettings {
  std::string name;  // in usage, messages, printed command lines and the traces it records;
                     // empty: the file name of argv[0]
};

// cli_main(argc, argv, scenarios, settings) runs the command line over scenarios, with the
// flags, output and exit codes of the stock `interleave` (0 ok, 1 a scenario failed, 2 bad
// usage or input, 3 a replay diverged, 70 an internal error), on std::cout and std::cerr. A
// problem of the registry (a name registered twice) is reported before anything else: exit 2.
int cli_main(int argc, const char* const* argv, const ScenarioRegistry& scenarios,
             const CliSettings& settings = {});

// cli_main(argc, argv, scenarios, settings, out, err) is the same on the given streams.
int cli_main(int argc, const char* const* argv, const ScenarioRegistry& scenarios,
             const CliSettings& settings, std::ostream& out, std::ostream& err);

}  // namespace interleave
