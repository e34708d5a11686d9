#include "sim/schedule.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

using namespace interleave;

namespace {

std::vector<FiberId> fibers(std::initializer_list<std::uint32_t> ids) {
  std::vector<FiberId> out;
  for (std::uint32_t id : ids) out.push_back(FiberId{id});
  return out;
}

// parse_error(text) is the error parse_schedule() gives for text (empty if it parsed).
std::string parse_error(std::string_view text) {
  std::string error;
  auto parsed = parse_schedule(text, error);
  if (parsed) return {};
  return error;
}

}  // namespace

TEST_CASE("a schedule string run-length encodes the fiber of every step", "[schedule]") {
  CHECK(format_schedule(fibers({0, 0, 0, 1, 1, 0})) == "0x3,1x2,0");
  CHECK(format_schedule(fibers({2})) == "2");
  CHECK(format_schedule(fibers({4, 3, 4})) == "4,3,4");
  CHECK(format_schedule(fibers({})).empty());
}

TEST_CASE("schedule strings round-trip through parse and format", "[schedule]") {
  const std::vector<std::vector<FiberId>> schedules = {
      fibers({0}),
      fibers({0, 0, 0, 1, 1, 0}),
      fibers({0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}),
      fibers({7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 0, 4294967295u, 4294967295u}),
  };
  for (const auto& s : schedules) {
    const std::string text = format_schedule(s);
    std::string error;
    auto parsed = parse_schedule(text, error);
    INFO(text << ": " << error);
    REQUIRE(parsed);
    CHECK(*parsed == s);
    CHECK(format_schedule(*parsed) == text);
  }
}

TEST_CASE("a schedule string may repeat a fiber across items and use a count of 1", "[schedule]") {
  std::string error;
  auto parsed = parse_schedule("1x1,1,1x2", error);
  REQUIRE(parsed);
  CHECK(*parsed == fibers({1, 1, 1, 1}));
  CHECK(format_schedule(*parsed) == "1x4");
}

TEST_CASE("every malformed schedule string is refused with the offending item", "[schedule]") {
  CHECK(parse_error("") == "the schedule is empty; expected items like '0x3,1x2,0'");
  CHECK(parse_error("0x3,1x2,1x") == "schedule item 3 ('1x') has no count after 'x'");
  CHECK(parse_error("0,1,") == "schedule item 3 is empty (a trailing comma?)");
  CHECK(parse_error(",0") == "schedule item 1 is empty (two commas in a row?)");
  CHECK(parse_error("0,,1") == "schedule item 2 is empty (two commas in a row?)");
  CHECK(parse_error("0, 1") ==
        "schedule item 2 (' 1') contains a space; write the schedule without spaces");
  CHECK(parse_error("0x3 ") ==
        "schedule item 1 ('0x3 ') contains a space; write the schedule without spaces");
  CHECK(parse_error("-1") ==
        "schedule item 1 ('-1') is negative; fiber ids and counts are 0, 1, 2, ...");
  CHECK(parse_error("1x-2") ==
        "schedule item 1 ('1x-2') is negative; fiber ids and counts are 0, 1, 2, ...");
  CHECK(parse_error("0,1x0") == "schedule item 2 ('1x0') has a count of 0; counts start at 1");
  CHECK(parse_error("4294967296") ==
        "schedule item 1 ('4294967296') has a fiber id above 4294967295");
  CHECK(parse_error("0x99999999999999999999999") ==
        "schedule item 1 ('0x99999999999999999999999') makes the schedule longer than 67108864 "
        "steps");
  CHECK(parse_error("x3") == "schedule item 1 ('x3') does not start with a fiber id");
  CHECK(parse_error("a") == "schedule item 1 ('a') does not start with a fiber id");
  CHECK(parse_error("1X3") ==
        "schedule item 1 ('1X3') has 'X' after the fiber id; expected 'x' or ','");
  CHECK(parse_error("1;2") ==
        "schedule item 1 ('1;2') has ';' after the fiber id; expected 'x' or ','");
  CHECK(parse_error("1x3x4") == "schedule item 1 ('1x3x4') has 'x' after the count; expected ','");
  CHECK(parse_error("1xx3") == "schedule item 1 ('1xx3') has no count after 'x'");
}

TEST_CASE("a schedule string cannot expand past the length cap", "[schedule]") {
  const std::string at_cap = "0x" + std::to_string(kMaxScheduleLength);
  const std::string over = "0x" + std::to_string(kMaxScheduleLength - 1) + ",1x2";
  CHECK(parse_error(over) ==
        "schedule item 2 ('1x2') makes the schedule longer than 67108864 steps");
  CHECK(parse_error(at_cap + ",1") ==
        "schedule item 2 ('1') makes the schedule longer than 67108864 steps");
}
