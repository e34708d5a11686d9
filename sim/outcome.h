#pragma once
// How a run ended, what it reported, and what it cost: the value every run returns.

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "ids.h"

namespace interleave {

// The end of a run (DESIGN §1). `cut` means the policy gave up the run (a bound, a replay
// schedule that does not fit); it is not a verdict on the scenario.
enum class Status : std::uint8_t { ok, failed, deadlock, livelock, cut };

// to_string() names a status as the CLI and traces print it ("ok", "deadlock", ...).
std::string_view to_string(Status status);

// The verdict of a run: its status, a readable message, and the step at which it ended.
struct Outcome {
  Status status = Status::ok;
  std::string message;     // empty for ok; names fibers and objects otherwise
  std::uint64_t step = 0;  // the number of steps performed when the run ended
  friend bool operator==(const Outcome&, const Outcome&) = default;
};

// A value a scenario reports: an integer, a real, a string or a list of numbers.
using ResultValue =
    std::variant<std::int64_t, double, std::string, std::vector<std::int64_t>, std::vector<double>>;

// The results a scenario reported, in report order; a name reported twice keeps its last value.
using Results = std::vector<std::pair<std::string, ResultValue>>;

// What a run cost; every counter is deterministic.
struct Stats {
  std::uint64_t steps = 0;             // visible operations performed
  std::uint64_t context_switches = 0;  // decisions that picked a fiber other than the current
  std::uint64_t preemptions = 0;       // switches away from a fiber that was still runnable
  std::uint64_t spin_steps = 0;        // yields and other spinning steps (count_spin), plus the
                                       // steps skipped while every runnable fiber spun
  std::uint64_t blocks = 0;            // times a fiber blocked (wait, join, sleep)
  Nanos clock{0};                      // virtual time when the run ended
  friend bool operator==(const Stats&, const Stats&) = default;
};

}  // namespace interleave
