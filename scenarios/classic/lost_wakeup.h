#pragma once
// classic/lost-wakeup and classic/lost-wakeup-fixed: a waiter waits for a flag that a notifier
// sets, through a condition variable.

#include "../../sim/scenario.h"

namespace interleave {

// classic_lost_wakeup() checks the flag without the lock, then waits: the notify can be lost.
Scenario classic_lost_wakeup();
// classic_lost_wakeup_fixed() checks and waits in a loop under the lock; the notifier sets
// the flag under the lock: never lost.
Scenario classic_lost_wakeup_fixed();

}  // namespace interleave
