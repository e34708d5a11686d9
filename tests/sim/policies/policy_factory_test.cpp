#include "sim/policies/policy_factory.h"

#include <catch2/catch.hpp>
#include <chrono>
#include <string>
#include <vector>

using namespace interleave;
using namespace std::chrono_literals;

TEST_CASE("the factory builds every registered policy under its own name", "[policies][factory]") {
  const std::vector<std::string_view> expected = {"fifo", "rr", "random", "pct"};
  const auto names = policy_names();
  CHECK(std::vector<std::string_view>(names.begin(), names.end()) == expected);
  for (std::string_view name : names) {
    PolicySpec spec;
    spec.name = std::string(name);
    std::string error;
    auto policy = make_policy(spec, error);
    INFO(name << ": " << error);
    REQUIRE(policy);
    CHECK(error.empty());
    CHECK(policy->info().name == name);
  }
}

TEST_CASE("the factory passes each policy its settings", "[policies][factory]") {
  std::string error;
  PolicySpec spec;
  spec.name = "pct";
  spec.seed = 11;
  spec.depth = 4;
  spec.steps = 250;
  CHECK(make_policy(spec, error)->info().params ==
        std::vector<std::pair<std::string, std::int64_t>>{
            {"seed", 11}, {"depth", 4}, {"steps", 250}});
  spec.name = "random";
  CHECK(make_policy(spec, error)->info().params ==
        std::vector<std::pair<std::string, std::int64_t>>{{"seed", 11}});
  spec.name = "rr";
  spec.quantum = 3ms;
  CHECK(make_policy(spec, error)->info().params ==
        std::vector<std::pair<std::string, std::int64_t>>{{"quantum_ns", 3'000'000}});
}

TEST_CASE("the factory refuses an unknown name and lists the known ones", "[policies][factory]") {
  PolicySpec spec;
  spec.name = "lottery";
  std::string error;
  CHECK_FALSE(make_policy(spec, error));
  CHECK(error == "unknown policy 'lottery'; known policies: fifo, rr, random, pct");
}

TEST_CASE("the factory refuses settings a policy cannot use", "[policies][factory]") {
  std::string error;
  PolicySpec rr;
  rr.name = "rr";
  rr.quantum = 0ns;
  CHECK_FALSE(make_policy(rr, error));
  CHECK(error == "the rr quantum must be positive, got 0 ns");
  PolicySpec pct;
  pct.name = "pct";
  pct.depth = 0;
  CHECK_FALSE(make_policy(pct, error));
  CHECK(error == "the pct depth must be at least 1, got 0");
}
