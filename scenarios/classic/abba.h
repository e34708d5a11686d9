#pragma once
// classic/abba and classic/abba-ordered: two threads that each need two locks.

#include "../../sim/scenario.h"

namespace interleave {

// classic_abba() has t0 lock A then B and t1 lock B then A: it can deadlock.
Scenario classic_abba();
// classic_abba_ordered() has both lock A then B: it never deadlocks.
Scenario classic_abba_ordered();

}  // namespace interleave
