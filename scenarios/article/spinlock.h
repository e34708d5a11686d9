#pragma once
// article/spinlock: the race protected by a test-and-set spin lock.

#include "../../sim/scenario.h"

namespace interleave {

// article_spinlock() is the scenario; see its description.
Scenario article_spinlock();

}  // namespace interleave
