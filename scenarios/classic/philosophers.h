#pragma once
// classic/philosophers and classic/philosophers-ordered: n philosophers around a table, one
// fork (a Mutex) between each two neighbours; a philosopher eats holding both its forks.

#include "../../sim/scenario.h"

namespace interleave {

// classic_philosophers() takes the left fork, then the right: it can deadlock.
Scenario classic_philosophers();
// classic_philosophers_ordered() takes the lower-numbered fork first: it never deadlocks.
Scenario classic_philosophers_ordered();

}  // namespace interleave
