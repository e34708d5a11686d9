#include <catch2/catch.hpp>
#include <optional>
#include <string>

#include "sim/scenario.h"

using namespace interleave;

namespace {

Scenario table() {
  Scenario s;
  s.name = "test/table";
  s.params = {{"n", 3, "seats", 2}, {"meals", 1, "meals each"}};
  return s;
}

}  // namespace

TEST_CASE("a parameter at or above its least is accepted", "[sim][scenario]") {
  std::string error;
  const std::optional<Params> p = table().resolve({"n=2", "meals=-5"}, error);
  REQUIRE(p);
  CHECK(p->get("n") == 2);
  CHECK(p->get("meals") == -5);  // no least declared: any integer
  CHECK(error.empty());
}

TEST_CASE("a parameter below its least is refused with a message naming it", "[sim][scenario]") {
  std::string error;
  CHECK_FALSE(table().resolve({"n=1"}, error));
  CHECK(error == "parameter n of scenario test/table must be at least 2, got 1");
}
