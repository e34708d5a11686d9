#pragma once
// article/naive-spinlock: the race protected by the article's check-then-set spin lock.

#include "../../sim/scenario.h"

namespace interleave {

// article_naive_spinlock() is the scenario; see its description.
Scenario article_naive_spinlock();

}  // namespace interleave
