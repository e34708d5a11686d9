#pragma once
// UsageError: bad usage or bad input, reported as one line on stderr with exit code 2.

#include <stdexcept>
#include <string>

namespace interleave {

// Thrown by command code for anything the user must fix; never for internal failures.
class UsageError : public std::runtime_error {
 public:
  // UsageError(message) carries the one-line message shown after "interleave: error: ".
  explicit UsageError(const std::string& message) : std::runtime_error(message) {}
};

}  // namespace interleave
