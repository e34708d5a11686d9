// The Catch2 test runner's entry point, shared by interleave_tests and interleave_alloc_tests.
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>
