#include "cli/number.h"

#include <catch2/catch.hpp>
#include <cstdint>

using interleave::integer_problem;
using interleave::IntegerRange;

TEST_CASE("a number within its range has no problem, at both ends", "[cli][number]") {
  CHECK(integer_problem("0", {0, UINT64_MAX}).empty());
  CHECK(integer_problem("18446744073709551615", {0, UINT64_MAX}).empty());
  CHECK(integer_problem("-9223372036854775808", {INT64_MIN, 0}).empty());
  CHECK(integer_problem("-0", {-5, 5}).empty());
  CHECK(integer_problem("1024", {1, 1024}).empty());
}

TEST_CASE("a number outside its range is out of range, never wrapped", "[cli][number]") {
  CHECK(integer_problem("18446744073709551616", {0, UINT64_MAX}) ==
        "'18446744073709551616' is out of range: it must be from 0 to 18446744073709551615");
  CHECK(integer_problem("-1", {0, 10}) == "'-1' is out of range: it must be from 0 to 10");
  CHECK(integer_problem("-0", {0, 10}) == "'-0' is out of range: it must be from 0 to 10");
  CHECK(integer_problem("-9223372036854775809", {INT64_MIN, 0}) ==
        "'-9223372036854775809' is out of range: it must be from -9223372036854775808 to 0");
  CHECK(integer_problem("1025", {1, 1024}) == "'1025' is out of range: it must be from 1 to 1024");
}

TEST_CASE("a word, a sign or a space where digits belong is not a number", "[cli][number]") {
  for (const char* text : {"abc", "1e3", "0x10", "+1", " 1", "1 ", "-", "1-", "\xef\xbc\x91"}) {
    INFO(text);
    CHECK_THAT(integer_problem(text, {0, 10}), Catch::Matchers::Contains("is not a number"));
  }
  CHECK(integer_problem("\xef\xbc\x91", {0, 10}) ==
        "'\\xef\\xbc\\x91' is not a number: it must be from 0 to 10");
  CHECK(integer_problem("", {0, 10}) == "is empty: it must be from 0 to 10");
}
