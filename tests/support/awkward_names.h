#pragma once
// Test helper: a scenario whose names and failure message look like markup, so that exports
// can be checked for escaping.

#include "sim/scenario.h"
#include "sim/shared.h"
#include "sim/simulator.h"
#include "sim/thread.h"

namespace interleave::testing {

// The fiber name, variable name and message of awkward_names(); the message ends in a byte
// that is not UTF-8.
inline constexpr const char* kAwkwardFiber = "</script><b class=\"x\">it's & more</b>";
inline constexpr const char* kAwkwardVariable = "<total> & \"sum\"";
inline constexpr const char* kAwkwardMessage = "</svg> <!-- & ]]> \xff";

// awkward_names() has one thread with an awkward name store into an awkward variable, then fails.
inline Scenario awkward_names() {
  Scenario s;
  s.name = "test/<awkward> & names";
  s.description = "names that look like markup";
  s.body = [](Simulator& sim, const Params&) {
    Shared<int> total(sim, kAwkwardVariable, 0);
    {
      Thread t(sim, kAwkwardFiber, [&] { total.store(total.load() + 1); });
    }
    sim.fail(kAwkwardMessage);
  };
  return s;
}

}  // namespace interleave::testing
