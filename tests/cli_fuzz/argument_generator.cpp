#include "tests/cli_fuzz/argument_generator.h"

#include <span>

#include "sim/rng.h"

namespace interleave::testing {

namespace {

// The numbers a flag or parameter is given: the edges of every integer type, and words.
constexpr const char* kNumbers[] = {"0",
                                    "1",
                                    "2",
                                    "3",
                                    "-1",
                                    "-0",
                                    "1000",
                                    "1001",
                                    "2147483647",
                                    "2147483648",
                                    "4294967296",
                                    "9223372036854775807",
                                    "9223372036854775808",
                                    "18446744073709551615",
                                    "18446744073709551616",
                                    "99999999999999999999999",
                                    "",
                                    "abc",
                                    "1e3",
                                    "0x10",
                                    " 1",
                                    "1 ",
                                    "+1",
                                    "\xef\xbc\x91",
                                    "4000000000",
                                    "4000000001",
                                    "-9223372036854775808"};

constexpr const char* kDurations[] = {"1ns",
                                      "1us",
                                      "10ms",
                                      "1s",
                                      "2s",
                                      "500us",
                                      "0s",
                                      "0ns",
                                      "-5ms",
                                      "",
                                      "9223372036854775807ns",
                                      "9223372036854775808ns",
                                      "31536000s",
                                      "31536001s",
                                      "1000000000000s",
                                      "5",
                                      "ms",
                                      "1.5s",
                                      "1h",
                                      "\xc2\xb5s"};

constexpr const char* kScenarios[] = {"article/race",
                                      "article/lock",
                                      "article/spinlock",
                                      "article/naive-spinlock",
                                      "article/semaphore-server",
                                      "classic/philosophers",
                                      "classic/sleeping-barber",
                                      "classic/bounded-buffer",
                                      "classic/abba",
                                      "classic/peterson",
                                      "dpor/readers",
                                      "dpor/lastzero",
                                      "dpor/writers",
                                      "dpor/disjoint",
                                      "ARTICLE/RACE",
                                      "article/race/",
                                      "nope",
                                      ""};

constexpr const char* kParams[] = {
    "n",        "meals",     "threads",         "writes",   "steps",  "customers",
    "chairs",   "clients",   "max_connections", "sleep_ms", "rounds", "items",
    "capacity", "producers", "consumers",       "nope",     ""};

// Paths an output may go to. Each may be created in the working folder only if its name is plain.
constexpr const char* kOutputs[] = {
    "out.json",  "out.svg",   "nodir/x.json",  "/dev/null",
    "/dev/full", "link.json", "dangling.json", "dir",
    "-",         "",          "trace.json",    "\xc3\xa9t\xc3\xa9.json",
    "a b.json"};

constexpr const char* kInputs[] = {"trace.json", "bad.json",      "missing.json", "dir",
                                   "link.json",  "dangling.json", "/dev/null",    ""};

constexpr const char* kPolicies[] = {"fifo", "rr", "random", "pct", "FIFO", ""};
constexpr const char* kReductions[] = {"none", "sleep", "dpor", "optimal", ""};
constexpr const char* kFormats[] = {"text", "chrome", "svg", "html", "pdf", ""};
constexpr const char* kSchedules[] = {"0",
                                      "0x3,1x2,0",
                                      "0x6,1x3,0x2",
                                      "",
                                      "0x0",
                                      "99",
                                      "0\xc3\x97"
                                      "6",
                                      "0,,1",
                                      "1x18446744073709551616",
                                      "-1"};

bool coin(Rng& rng, std::uint64_t percent) {
  return rng.below(100) < percent;
}

// pick(rng, list) is an entry of list. Lists start with plausible values: with three chances in
// four a value comes from the first `plausible` entries, so that most command lines get past
// their first flag and reach the code behind it.
template <class T, std::size_t N>
const char* pick(Rng& rng, const T (&list)[N], std::size_t plausible = N) {
  if (plausible < N && coin(rng, 75)) return list[rng.below(plausible)];
  return list[rng.below(N)];
}

// add_output(c, flag, value) adds the flag and records that its plain file name may be created.
void add_output(FuzzCase& c, const char* flag, const std::string& value) {
  c.args.push_back(flag);
  c.args.push_back(value);
  if (!value.empty() && value.find('/') == std::string::npos && value != "-") {
    c.may_create.push_back(value);
  }
}

void add_params(Rng& rng, FuzzCase& c) {
  const std::uint64_t n = rng.below(3);
  for (std::uint64_t i = 0; i < n; ++i) {
    c.args.push_back("--param");
    const std::string name = pick(rng, kParams, 15);
    c.args.push_back(coin(rng, 10) ? name : name + "=" + pick(rng, kNumbers, 4));
  }
}

void run_case(Rng& rng, FuzzCase& c) {
  c.args = {"run", pick(rng, kScenarios, 14)};
  if (coin(rng, 60)) c.args.insert(c.args.end(), {"--policy", pick(rng, kPolicies, 4)});
  if (coin(rng, 30)) c.args.insert(c.args.end(), {"--seed", pick(rng, kNumbers, 4)});
  // Counts that would only make a valid command long are kept small (a long run is no defect).
  constexpr const char* kCounts[] = {
      "1", "5", "20", "0", "-1", "abc", "", "1000000001", "18446744073709551616", "4000000001"};
  if (coin(rng, 20)) c.args.insert(c.args.end(), {"--runs", pick(rng, kCounts, 3)});
  if (coin(rng, 15)) c.args.insert(c.args.end(), {"--depth", pick(rng, kNumbers, 4)});
  if (coin(rng, 15)) c.args.insert(c.args.end(), {"--pct-steps", pick(rng, kNumbers, 4)});
  if (coin(rng, 15)) c.args.insert(c.args.end(), {"--quantum", pick(rng, kDurations, 6)});
  if (coin(rng, 15)) c.args.insert(c.args.end(), {"--step-cost", pick(rng, kDurations, 6)});
  if (coin(rng, 15)) c.args.insert(c.args.end(), {"--max-steps", pick(rng, kCounts, 3)});
  if (coin(rng, 15)) c.args.insert(c.args.end(), {"--schedule", pick(rng, kSchedules, 3)});
  if (coin(rng, 30)) add_output(c, "--trace", pick(rng, kOutputs, 2));
  if (coin(rng, 20)) c.args.push_back("--json");
  if (coin(rng, 20)) c.args.push_back("--show");
  add_params(rng, c);
}

void explore_case(Rng& rng, FuzzCase& c) {
  c.args = {"explore", pick(rng, kScenarios, 14)};
  // Every search is capped, so that no vector is a search of hours (that is no defect).
  constexpr const char* kCaps[] = {"1", "10", "300"};
  c.args.insert(c.args.end(), {"--max-runs", pick(rng, kCaps)});
  if (coin(rng, 30)) c.args.insert(c.args.end(), {"--reduction", pick(rng, kReductions, 3)});
  if (coin(rng, 30)) c.args.insert(c.args.end(), {"--preemption-bound", pick(rng, kNumbers, 4)});
  constexpr const char* kSteps[] = {"1", "100", "5000", "0", "-1", "abc", "", "4000000001"};
  if (coin(rng, 15)) c.args.insert(c.args.end(), {"--max-steps", pick(rng, kSteps, 3)});
  if (coin(rng, 15)) c.args.insert(c.args.end(), {"--time-budget", pick(rng, kDurations, 6)});
  if (coin(rng, 15)) {
    constexpr const char* kJobs[] = {"1", "2", "4", "0", "-1", "1025", "abc", ""};
    c.args.insert(c.args.end(), {"--jobs", pick(rng, kJobs, 3)});
  }
  if (coin(rng, 15)) c.args.insert(c.args.end(), {"--step-cost", pick(rng, kDurations, 6)});
  if (coin(rng, 10)) c.args.push_back("--no-fairness");
  if (coin(rng, 10)) c.args.push_back("--stop-at-first-failure");
  if (coin(rng, 30)) add_output(c, "--trace-failure", pick(rng, kOutputs, 2));
  if (coin(rng, 20)) c.args.push_back("--json");
  add_params(rng, c);
  // Without --trace-failure a failure's trace goes to the scenario's default name.
  std::string name = c.args[1];
  for (char& ch : name) {
    if (ch == '/') ch = '-';
  }
  c.may_create.push_back(name + ".failure.json");
}

void replay_case(Rng& rng, FuzzCase& c) {
  c.args = {"replay", pick(rng, kInputs, 2)};
  if (coin(rng, 30)) c.args.push_back("--show");
}

void export_case(Rng& rng, FuzzCase& c) {
  c.args = {"export", pick(rng, kInputs, 2)};
  if (coin(rng, 70)) c.args.insert(c.args.end(), {"--format", pick(rng, kFormats, 4)});
  if (coin(rng, 50)) add_output(c, "-o", pick(rng, kOutputs, 2));
  if (coin(rng, 20)) c.args.insert(c.args.end(), {"--width", pick(rng, kNumbers, 4)});
}

void merge_case(Rng& rng, FuzzCase& c) {
  // part.json is shard 0 of 2 of article/race: alone it is refused (shard 1 is missing), with
  // --allow-missing it is merged; the other files are not parts.
  constexpr const char* kParts[] = {"part.json",    "part.json", "trace.json", "bad.json",
                                    "missing.json", "dir",       "/dev/null",  ""};
  c.args = {"merge", pick(rng, kParts, 2)};
  if (coin(rng, 30)) c.args.push_back(pick(rng, kParts, 2));
  if (coin(rng, 50)) c.args.push_back("--allow-missing");
  if (coin(rng, 20)) add_output(c, "--trace-failure", pick(rng, kOutputs, 2));
  if (coin(rng, 30)) c.args.push_back("--json");
  c.may_create.push_back("article-race.failure.json");
}

}  // namespace

FuzzCase fuzz_case(std::uint64_t seed) {
  Rng rng(seed);
  FuzzCase c;
  switch (rng.below(10)) {
    case 0:
      c.args = {"list"};
      if (coin(rng, 50)) c.args.push_back("--json");
      break;
    case 1: {
      constexpr const char* kOdd[] = {"frobnicate", "--help",  "--version", "run",
                                      "explore",    "--bogus", "",          "\x1b[31m"};
      c.args = {pick(rng, kOdd)};
      if (coin(rng, 50)) c.args.push_back(pick(rng, kOdd));
      break;
    }
    case 2:
    case 3:
    case 4:
      run_case(rng, c);
      break;
    case 5:
    case 6:
      explore_case(rng, c);
      break;
    case 7:
      if (coin(rng, 50)) {
        replay_case(rng, c);
      } else {
        merge_case(rng, c);
      }
      break;
    default:
      export_case(rng, c);
      break;
  }
  // Now and then a flag the command does not have, or a stray word.
  if (coin(rng, 5)) c.args.push_back(coin(rng, 50) ? "--frob" : "stray");
  return c;
}

std::vector<std::string> fuzz_fixture_files() {
  return {"trace.json", "bad.json", "dir", "link.json", "dangling.json", "part.json"};
}

}  // namespace interleave::testing
