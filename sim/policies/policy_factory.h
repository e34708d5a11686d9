#pragma once
// The policy registry: builds a built-in policy from its name and settings, as the CLI and
// traces name them. Adding a policy is one class and one line in policy_factory.cpp.

#include <chrono>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>

#include "../policy.h"

namespace interleave {

// A policy named with its settings; each policy reads the settings it has and ignores the rest.
struct PolicySpec {
  std::string name;                              // "fifo", "rr", "random" or "pct"
  std::uint64_t seed = 1;                        // random, pct
  Nanos quantum{std::chrono::milliseconds(10)};  // rr: the time slice; must be positive
  int depth = 3;                                 // pct: d, at least 1
  std::uint64_t steps = 0;  // pct: the step estimate k; 0 = PctPolicy's default
};

// make_policy(spec, error) builds the named policy; on an unknown name or a bad setting it
// returns null and sets error to one line naming the problem (and the known names).
std::unique_ptr<Policy> make_policy(const PolicySpec& spec, std::string& error);

// policy_names() lists the names make_policy() knows, in registry order.
std::span<const std::string_view> policy_names();

}  // namespace interleave
