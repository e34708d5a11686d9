#pragma once
// dpor/disjoint: threads that each store only to their own variable (a DPOR counting benchmark).

#include "../../sim/scenario.h"

namespace interleave {

// dpor_disjoint() is the scenario; see its description.
Scenario dpor_disjoint();

}  // namespace interleave
