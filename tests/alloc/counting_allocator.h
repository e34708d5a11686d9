#pragma once
// A global operator new that counts: the allocation test's executable replaces the allocation
// functions with these, so a test can tell how often the code it runs reached the heap.

#include <cstdint>

namespace interleave::testing {

// allocations() is the number of calls of any operator new in this process so far.
std::uint64_t allocations();

}  // namespace interleave::testing
