#pragma once
// classic/one-lane-bridge and classic/one-lane-bridge-racy: cars from the east and the west
// share a one-lane bridge; cars going one way may cross together, never two directions.

#include "../../sim/scenario.h"

namespace interleave {

// classic_one_lane_bridge() takes the bridge while holding its side's mutex: correct.
Scenario classic_one_lane_bridge();
// classic_one_lane_bridge_racy() takes the bridge after dropping that mutex: cars collide.
Scenario classic_one_lane_bridge_racy();

}  // namespace interleave
