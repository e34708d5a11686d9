#pragma once
// classic/peterson and classic/peterson-broken: mutual exclusion for two threads from loads
// and stores alone (Peterson's algorithm).

#include "../../sim/scenario.h"

namespace interleave {

// classic_peterson() raises the flag, then yields the turn: correct.
Scenario classic_peterson();
// classic_peterson_broken() yields the turn before raising the flag: both can enter.
Scenario classic_peterson_broken();

}  // namespace interleave
