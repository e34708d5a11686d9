#pragma once
// temporaries(dir): what a writer left behind in a folder.

#include <filesystem>
#include <string>

namespace interleave::testing {

// temporaries(dir) counts the files in dir whose name ends in ".tmp".
inline int temporaries(const std::string& dir) {
  int n = 0;
  for (const auto& e : std::filesystem::directory_iterator(dir)) {
    if (e.path().filename().string().ends_with(".tmp")) ++n;
  }
  return n;
}

}  // namespace interleave::testing
