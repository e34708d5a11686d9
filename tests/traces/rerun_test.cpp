#include "traces/rerun.h"

#include <catch2/catch.hpp>
#include <cstdint>
#include <functional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "sim/policies/random.h"
#include "sim/shared.h"
#include "sim/simulator.h"
#include "sim/thread.h"
#include "traces/result_text.h"

using namespace interleave;

namespace {

// Two threads add to a shared total; the last reported value is `total`. `extra` is added by
// main after the joins, so a body may be made to end differently from one run to the next.
void adds_up(Simulator& sim, std::int64_t extra) {
  Shared<std::int64_t> total(sim, "total", 0);
  {
    Thread a(sim, "a", [&] { total.store(total.load() + 1); });
    Thread b(sim, "b", [&] { total.store(total.load() + 2); });
  }
  sim.report("total", total.load() + extra);
}

// A run of adds_up under random with seed 4: how it ended and its schedule.
struct RerunFirst {
  RunResult result;
  std::vector<FiberId> schedule;
};

RerunFirst rerun_first_run(const std::function<void(Simulator&)>& body) {
  Simulator sim;
  RandomPolicy random(4);
  random.begin_run();
  RerunFirst first;
  first.result = sim.run(random, [&] { body(sim); });
  first.schedule.assign(sim.schedule().begin(), sim.schedule().end());
  return first;
}

const std::vector<std::pair<std::string, std::int64_t>> kNoRerunParams;

}  // namespace

TEST_CASE("a re-executed run repeats the first one, recorded or not", "[traces][rerun]") {
  const std::function<void(Simulator&)> body = [](Simulator& sim) { adds_up(sim, 0); };
  const RerunFirst first = rerun_first_run(body);
  const ScheduledRun run{"test/adds-up", kNoRerunParams, body,
                         RunConfig{},    PolicyInfo{},   first.schedule};
  const Rerun recorded = rerun(run);
  CHECK(recorded.left_schedule.empty());
  CHECK(not_repeated(recorded, run_end(first.result)).empty());
  CHECK(recorded.trace.events.size() == first.result.stats.steps);
  CHECK(recorded.trace.scenario == "test/adds-up");

  const Rerun plain = rerun(run, Recording::off);
  CHECK(not_repeated(plain, run_end(first.result)).empty());
  CHECK(plain.trace.events.empty());
  CHECK(repeated_trace(run, run_end(first.result)) == recorded.trace);
}

TEST_CASE("a run that ends differently when re-executed gets the one not-deterministic message",
          "[traces][rerun]") {
  std::int64_t calls = 0;
  const std::function<void(Simulator&)> body = [&](Simulator& sim) { adds_up(sim, calls++); };
  const RerunFirst first = rerun_first_run(body);
  const ScheduledRun run{"test/adds-up", kNoRerunParams, body,
                         RunConfig{},    PolicyInfo{},   first.schedule};
  const Rerun again = rerun(run);
  CHECK(again.left_schedule.empty());
  CHECK(not_repeated(again, run_end(first.result)) ==
        "the scenario did not repeat its run when re-executed for its trace (it reported " +
            format_results(again.result.results) + " where the first run reported " +
            format_results(first.result.results) + "); it is probably not deterministic");
  CHECK_FALSE(again.result.results == first.result.results);
  CHECK_THROWS_WITH(repeated_trace(run, run_end(first.result)),
                    Catch::StartsWith("the scenario did not repeat its run"));
}

TEST_CASE("a run that leaves its schedule says where in the not-deterministic message",
          "[traces][rerun]") {
  const std::function<void(Simulator&)> body = [](Simulator& sim) { adds_up(sim, 0); };
  const RerunFirst first = rerun_first_run(body);
  std::vector<FiberId> shorter = first.schedule;
  shorter.pop_back();
  const ScheduledRun run{"test/adds-up", kNoRerunParams, body, RunConfig{}, PolicyInfo{}, shorter};
  const Rerun again = rerun(run);
  REQUIRE_FALSE(again.left_schedule.empty());
  CHECK(not_repeated(again, run_end(first.result)) ==
        "the scenario did not repeat its run when re-executed for its trace (" +
            again.left_schedule + "); it is probably not deterministic");
}
