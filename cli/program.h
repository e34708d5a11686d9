#pragma once
// Program: the program the command line runs in, the stock `interleave` or a user's own program
// built on cli_main(), with the scenarios it knows.

#include <string>
#include <string_view>

#include "../sim/scenario_registry.h"

namespace interleave {

// What every command needs to know about the program it runs in.
struct Program {
  std::string name = "interleave";    // in messages, usage and printed command lines
  const ScenarioRegistry* scenarios;  // invariant: not null, no problems()
  bool stock = true;                  // the `interleave` binary itself (built-in scenarios)

  // find_or_throw(name) is the scenario called name; otherwise it throws UsageError naming the
  // closest known names.
  const Scenario& find_or_throw(std::string_view scenario) const;
  // recorder() is the program a trace records as its origin: empty for the stock binary.
  std::string recorder() const { return stock ? std::string() : name; }
};

}  // namespace interleave
