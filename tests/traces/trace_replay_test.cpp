#include "traces/trace_replay.h"

#include <catch2/catch.hpp>
#include <cstdint>
#include <string>

#include "sim/policies/fifo.h"
#include "sim/shared.h"
#include "sim/simulator.h"
#include "sim/thread.h"
#include "traces/recorder.h"

using namespace interleave;

namespace {

// A run that reports one result, `total`, and a trace of it to tamper with.
void reports_total(Simulator& sim) {
  Shared<int> total(sim, "total", 0);
  {
    Thread t(sim, "t", [&] { total.store(total.load() + 5); });
  }
  sim.report("total", std::int64_t{total.load()});
}

Trace recorded_total() {
  Simulator sim;
  FifoPolicy fifo;
  TraceRecorder recorder("test/total", {}, fifo.info(), RunConfig{});
  fifo.begin_run();
  sim.run(
      fifo, [&] { reports_total(sim); }, &recorder);
  return recorder.take(sim.schedule());
}

}  // namespace

TEST_CASE("a replay that differs only in a result names the result and both values",
          "[traces][replay]") {
  Trace trace = recorded_total();
  REQUIRE(replay_trace(trace, reports_total).matches());
  trace.results = {{"total", std::int64_t{7}}};
  CHECK(replay_trace(trace, reports_total).divergence ==
        "replay diverged at the end: result total is 7 in the trace, 5 in the run");
  trace.results = {{"total", std::int64_t{5}}, {"extra", std::int64_t{1}}};
  CHECK(replay_trace(trace, reports_total).divergence ==
        "replay diverged at the end: the trace recorded result extra = 1, the run did not report "
        "extra");
  trace.results = {};
  CHECK(replay_trace(trace, reports_total).divergence ==
        "replay diverged at the end: the run reported result total = 5, which the trace does not "
        "have");
}
