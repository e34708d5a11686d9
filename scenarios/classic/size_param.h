#pragma once
// size_param: reads a scenario's size parameter as an int, refusing a value out of range.

#include <cstdint>
#include <limits>
#include <string>
#include <string_view>

#include "../../sim/scenario.h"
#include "../../sim/simulator.h"

namespace interleave {

// size_param(sim, params, name, least) is the parameter's value as an int. Scenario::resolve()
// already refuses values below the ParamSpec's least; this also guards Params built directly
// and values too large for an int, failing the run with a message naming the parameter.
inline int size_param(Simulator& sim, const Params& params, std::string_view name, int least) {
  const std::int64_t v = params.get(name);
  if (v < least || v > std::numeric_limits<int>::max()) {
    sim.fail("parameter " + std::string(name) + " must be at least " + std::to_string(least) +
             " and fit in an int, got " + std::to_string(v));
    return least;  // reached only while an ended run is unwound
  }
  return static_cast<int>(v);
}

}  // namespace interleave
