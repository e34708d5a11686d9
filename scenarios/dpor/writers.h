#pragma once
// dpor/writers: threads that all store to one variable (a DPOR counting benchmark).

#include "../../sim/scenario.h"

namespace interleave {

// dpor_writers() is the scenario; see its description.
Scenario dpor_writers();

}  // namespace interleave
