#pragma once
// article/lock: the race protected by a blocking Mutex (the article's threading.Lock).

#include "../../sim/scenario.h"

namespace interleave {

// article_lock() is the scenario; see its description.
Scenario article_lock();

}  // namespace interleave
