#pragma once
// ScopedEnv: sets or unsets one environment variable for the length of a test.

#include <cstdlib>
#include <optional>
#include <string>

namespace interleave::testing {

// Sets (value not null) or unsets (null) the variable name; restores what it was at destruction.
class ScopedEnv {
 public:
  // ScopedEnv(name, value) changes name; value null unsets it.
  ScopedEnv(const char* name, const char* value) : name_(name) {
    if (const char* old = std::getenv(name)) previous_ = old;
    if (value != nullptr) {
      setenv(name, value, 1);
    } else {
      unsetenv(name);
    }
  }
  ScopedEnv(const ScopedEnv&) = delete;
  ScopedEnv& operator=(const ScopedEnv&) = delete;
  // ~ScopedEnv() puts the variable back as it was.
  ~ScopedEnv() {
    if (previous_) {
      setenv(name_.c_str(), previous_->c_str(), 1);
    } else {
      unsetenv(name_.c_str());
    }
  }

 private:
  std::string name_;
  std::optional<std::string> previous_;  // the value before, or nullopt when it was unset
};

}  // namespace interleave::testing
