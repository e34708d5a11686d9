#pragma once
// The version of the interleave library, as its CMake package and `interleave --version` give it.

#include <string_view>

namespace interleave {

// version() is the library's version, "MAJOR.MINOR.PATCH" (the project's version in CMake).
std::string_view version();

}  // namespace interleave
