#pragma once
// dpor/readers: one writer and n readers of one variable (a DPOR counting benchmark).

#include "../../sim/scenario.h"

namespace interleave {

// dpor_readers() is the scenario; see its description.
Scenario dpor_readers();

}  // namespace interleave
