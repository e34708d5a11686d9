#pragma once
// dpor/lockinc: threads that each increment one variable under one mutex (a DPOR counting
// benchmark of lock operations).

#include "../../sim/scenario.h"

namespace interleave {

// dpor_lockinc() is the scenario; see its description.
Scenario dpor_lockinc();

}  // namespace interleave
