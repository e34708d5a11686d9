#pragma once
// article/race: the article's unsynchronized `total`, updated by five threads.

#include "../../sim/scenario.h"

namespace interleave {

// article_race() is the scenario; see its description.
Scenario article_race();

}  // namespace interleave
