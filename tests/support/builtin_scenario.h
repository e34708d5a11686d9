#pragma once
// Test helper: a built-in scenario by name, failing the test when there is none.

#include <catch2/catch.hpp>
#include <string_view>

#include "scenarios/catalog.h"

namespace interleave::testing {

// builtin_scenario(name) is the built-in scenario called name; fails the test otherwise.
inline const Scenario& builtin_scenario(std::string_view name) {
  const Scenario* s = builtin_scenarios().find(name);
  if (s == nullptr) FAIL("no built-in scenario named " << name);
  return *s;
}

}  // namespace interleave::testing
