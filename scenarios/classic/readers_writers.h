#pragma once
// classic/readers-writers and classic/readers-writers-racy: readers share the data, a writer
// must have it to itself.

#include "../../sim/scenario.h"

namespace interleave {

// classic_readers_writers() guards the data with an RwLock: correct.
Scenario classic_readers_writers();
// classic_readers_writers_racy() counts readers by hand without guarding the count.
Scenario classic_readers_writers_racy();

}  // namespace interleave
