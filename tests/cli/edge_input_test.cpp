// The probes of issue 15, each a command line that wrapped around, was taken as "not given", ran
// a bad parameter as a bug, or gave a poor message: each is now refused with exit 2 and one line
// that names the flag or parameter and what it accepts.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "tests/support/refusal.h"

using interleave::testing::check_refused;

TEST_CASE("numbers out of a flag's range are refused, never wrapped around", "[cli][edges]") {
  const std::string seeds = "it must be from 0 to 18446744073709551615";
  check_refused({"run", "article/race", "--policy", "random", "--seed", "-1"},
                "--seed: '-1' is out of range: " + seeds);
  check_refused({"run", "article/race", "--policy", "random", "--seed", "18446744073709551616"},
                "--seed: '18446744073709551616' is out of range: " + seeds);
  check_refused({"run", "article/race", "--policy", "random", "--seed", "99999999999999999999999"},
                "is out of range: " + seeds);
  check_refused({"run", "article/race", "--policy", "random", "--runs", "4", "--seed",
                 "18446744073709551614"},
                "--seed 18446744073709551614 with --runs 4 would go past the greatest seed");
  check_refused({"run", "article/race", "--policy", "pct", "--pct-steps", "-1"},
                "--pct-steps: '-1' is out of range: it must be from 1 to 4000000000");
  check_refused({"explore", "article/race", "--max-runs", "0"},
                "--max-runs: '0' is out of range: it must be from 1 to 18446744073709551615");
  check_refused({"explore", "article/race", "--max-runs", "-1"},
                "--max-runs: '-1' is out of range");
  check_refused({"explore", "article/race", "--max-steps", "-1"},
                "--max-steps: '-1' is out of range: it must be from 1 to 4000000000");
  check_refused({"explore", "article/race", "--time-budget", "9223372036854775807ns"},
                "--time-budget '9223372036854775807ns' is out of range: it must be from 1ns to "
                "31536000s");
  check_refused({"run", "article/race", "--step-cost", "2s"},
                "--step-cost '2s' is out of range: it must be from 0ns to 1s");
  check_refused(
      {"explore", "article/race", "--preemption-bound", "4294967296"},
      "--preemption-bound: '4294967296' is out of range: it must be from 0 to 4294967295");
}

TEST_CASE("a word where a number belongs is called not a number", "[cli][edges]") {
  check_refused({"run", "article/race", "--policy", "random", "--runs", "abc"},
                "--runs: 'abc' is not a number: it must be from 1 to 1000000000");
  check_refused({"run", "article/race", "--policy", "random", "--runs", "1e3"},
                "--runs: '1e3' is not a number");
  check_refused({"run", "article/race", "--policy", "random", "--seed", "0x10"},
                "--seed: '0x10' is not a number");
}

TEST_CASE("an empty value is refused, not taken as the flag's absence", "[cli][edges]") {
  check_refused({"run", "article/race", "--schedule", ""}, "--schedule: is empty");
  check_refused({"run", "article/race", "--trace", ""}, "--trace: is empty");
  check_refused({"run", "article/race", "--policy", "random", "--seed", ""}, "--seed: is empty");
  check_refused({"explore", "article/race", "--time-budget", ""}, "--time-budget: is empty");
  check_refused({"explore", "article/race", "--trace-failure", ""}, "--trace-failure: is empty");
}

TEST_CASE("a parameter outside its range is bad input, with the range", "[cli][edges]") {
  check_refused({"run", "classic/philosophers", "--param", "n=2147483648"},
                "parameter n of scenario classic/philosophers must be from 2 to 1000, got "
                "2147483648");
  check_refused({"explore", "classic/philosophers", "--param", "n=2147483647"},
                "must be from 2 to 1000");
  check_refused({"run", "article/semaphore-server", "--param", "max_connections=-1"},
                "must be from 1 to 1000, got -1");
  check_refused({"run", "article/semaphore-server", "--param", "clients=2147483647"},
                "must be from 0 to 1000");
  check_refused({"run", "classic/sleeping-barber", "--param", "customers=2147483647"},
                "must be from 1 to 1000");
  check_refused({"run", "article/lock", "--param", "sleep_ms=-1"}, "must be from 0 to 3600000");
  check_refused({"run", "dpor/readers", "--param", "n=22000"}, "must be from 1 to 1000");
  check_refused({"run", "dpor/readers", "--param", "n=2", "--param", "n=3"},
                "parameter n is given twice");
}

TEST_CASE("a flag that would do nothing is refused, naming where it applies", "[cli][edges]") {
  check_refused({"run", "article/race", "--seed", "3"},
                "--seed does nothing here: --policy is fifo, and --seed applies to random and pct");
  check_refused({"run", "article/race", "--quantum", "5ms"}, "--quantum applies to rr");
  check_refused({"run", "article/race", "--policy", "random", "--depth", "2"},
                "--depth applies to pct");
  check_refused({"run", "article/race", "--policy", "rr", "--pct-steps", "9"},
                "--pct-steps applies to pct");
  check_refused({"run", "article/race", "--schedule", "0", "--seed", "3"},
                "--seed does nothing here: --schedule replays a schedule");
  check_refused({"run", "article/race", "--json", "--show"}, "with --json, drop it");
}

TEST_CASE("an unknown command or a miscased scenario gets a helpful message", "[cli][edges]") {
  check_refused({"frobnicate"},
                "unknown command 'frobnicate'; the commands are list, run, explore, merge, replay "
                "and export");
  check_refused({},
                "no command given; the commands are list, run, explore, merge, replay and export");
  check_refused({"run", "ARTICLE/RACE"}, "did you mean 'article/race'?");
  check_refused({"run", "article/race", "--schedule",
                 "0\xc3\x97"
                 "6"},
                "has '\xc3\x97' after the fiber id");
}
