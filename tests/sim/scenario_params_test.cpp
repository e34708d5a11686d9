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

TEST_CASE("a parameter above its greatest is refused with its range", "[sim][scenario]") {
  Scenario s = table();
  s.params[0].greatest = 10;
  std::string error;
  CHECK(s.resolve({"n=10"}, error));
  CHECK_FALSE(s.resolve({"n=11"}, error));
  CHECK(error == "parameter n of scenario test/table must be from 2 to 10, got 11");
}

TEST_CASE("a value beyond 64 bits is out of range, not a malformed number", "[sim][scenario]") {
  std::string error;
  CHECK_FALSE(table().resolve({"n=99999999999999999999"}, error));
  CHECK(error == "parameter n of scenario test/table must be at least 2, got 99999999999999999999");
  CHECK_FALSE(table().resolve({"n=1e3"}, error));
  CHECK(error == "parameter n needs an integer value, got '1e3'");
}

TEST_CASE("a parameter given twice is refused", "[sim][scenario]") {
  std::string error;
  CHECK_FALSE(table().resolve({"n=3", "n=4"}, error));
  CHECK(error == "parameter n is given twice; give each parameter once");
}

TEST_CASE("values a program gives keep the defaults of the others and are range-checked",
          "[sim][scenario]") {
  std::string error;
  const std::optional<Params> p = table().complete(Params({{"meals", 4}}), error);
  REQUIRE(p);
  CHECK(p->values() == std::vector<std::pair<std::string, std::int64_t>>{{"n", 3}, {"meals", 4}});
  CHECK_FALSE(table().complete(Params({{"n", 1}}), error));
  CHECK(error == "parameter n of scenario test/table must be at least 2, got 1");
  CHECK_FALSE(table().complete(Params({{"seats", 1}}), error));
  CHECK(error == "scenario test/table has no parameter 'seats'; it takes n, meals");
}

TEST_CASE("a range reads as words", "[sim][scenario]") {
  CHECK(range_text(ParamSpec{"n", 1, "", 1, 1000}) == "from 1 to 1000");
  CHECK(range_text(ParamSpec{"n", 1, "", 0}) == "at least 0");
  CHECK(range_text(ParamSpec{"n", 1, ""}) == "any integer");
}
