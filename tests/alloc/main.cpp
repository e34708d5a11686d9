// The allocation test's runner: its own executable, because it replaces the global operator new
// (counting_allocator.cpp), which must not change how the other tests run.
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>
