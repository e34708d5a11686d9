#pragma once
// classic/bounded-buffer and classic/bounded-buffer-if: producers and consumers share a
// bounded buffer guarded by a mutex and two condition variables.

#include "../../sim/scenario.h"

namespace interleave {

// classic_bounded_buffer() waits in `while` loops: correct.
Scenario classic_bounded_buffer();
// classic_bounded_buffer_if() waits with `if`: a stolen wakeup takes from the empty buffer.
Scenario classic_bounded_buffer_if();

}  // namespace interleave
