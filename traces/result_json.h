#pragma once
// JSON forms of a run's results and statistics, shared by traces and the summaries (report/).
// Internal to traces/ and report/: it exposes nlohmann::ordered_json.

#include <nlohmann/json.hpp>

#include "../sim/outcome.h"

namespace interleave {

// results_to_json(r) is an object from result name to value, in report order.
nlohmann::ordered_json results_to_json(const Results& r);

// stats_to_json(s) is {steps, context_switches, preemptions, spin_steps, blocks, clock_ns}.
nlohmann::ordered_json stats_to_json(const Stats& s);

}  // namespace interleave
