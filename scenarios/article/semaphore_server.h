#pragma once
// article/semaphore-server: clients share a server that admits max_connections at a time.

#include "../../sim/scenario.h"

namespace interleave {

// article_semaphore_server() is the scenario; see its description.
Scenario article_semaphore_server();

}  // namespace interleave
