#pragma once
// dpor/lastzero: the last-zero scan of Abdulla et al. over a chain of writers (a DPOR counting
// benchmark).

#include "../../sim/scenario.h"

namespace interleave {

// dpor_lastzero() is the scenario; see its description.
Scenario dpor_lastzero();

}  // namespace interleave
