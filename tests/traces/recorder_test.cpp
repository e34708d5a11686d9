#include "traces/recorder.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "scenarios/article/race.h"
#include "scenarios/catalog.h"
#include "sim/policies/fifo.h"
#include "sim/policies/random.h"
#include "sim/thread.h"
#include "tests/support/note_recorder.h"
#include "tests/traces/recorded.h"
#include "traces/trace_json.h"

using namespace interleave;
using namespace interleave::testing;

namespace {

std::vector<FiberId> event_fibers(const Trace& t) {
  std::vector<FiberId> fibers;
  for (const TraceEvent& e : t.events) fibers.push_back(e.fiber);
  return fibers;
}

}  // namespace

TEST_CASE("the recorder keeps one event per step, in step order, along the schedule",
          "[traces][recorder]") {
  FifoPolicy fifo;
  const Recorded r = record(article_race(), fifo);
  const Trace& t = r.trace;

  REQUIRE(t.events.size() == r.result.stats.steps);
  for (std::size_t i = 0; i < t.events.size(); ++i) CHECK(t.events[i].step == i);
  CHECK(t.schedule == r.schedule);
  CHECK(event_fibers(t) == r.schedule);
  CHECK(t.outcome == r.result.outcome);
  CHECK(t.results == r.result.results);
  CHECK(t.stats == r.result.stats);
}

TEST_CASE("the recorder names the run, its fibers and its objects", "[traces][recorder]") {
  FifoPolicy fifo;
  const Trace t = record(article_race(), fifo).trace;

  CHECK(t.scenario == "article/race");
  CHECK(t.policy.name == "fifo");
  REQUIRE(t.fibers.size() == 6);
  CHECK(t.fibers[0].name == "main");
  for (std::uint32_t i = 1; i < 6; ++i) {
    CHECK(index(t.fibers[i].id) == i);
    CHECK(t.fibers[i].name == "t" + std::to_string(i - 1));
    CHECK(t.fibers[i].parent == FiberId{0});
  }
  REQUIRE(t.objects.size() == 1);
  CHECK(t.objects[0].kind == "shared");
  CHECK(t.objects[0].name == "total");
}

TEST_CASE("every event shows its scheduling point and the values it read and wrote",
          "[traces][recorder]") {
  FifoPolicy fifo;
  const Trace t = record(article_race(), fifo).trace;

  Nanos previous{0};
  for (const TraceEvent& e : t.events) {
    INFO("step " << e.step);
    CHECK(std::find(e.runnable.begin(), e.runnable.end(), e.fiber) != e.runnable.end());
    CHECK(std::is_sorted(e.runnable.begin(), e.runnable.end()));
    CHECK(e.clock >= previous);
    previous = e.clock;
    if (e.op == OpKind::load) CHECK((e.read && !e.written && e.object == ObjectId{0}));
    if (e.op == OpKind::store) CHECK((e.written && !e.read && e.object == ObjectId{0}));
    if (e.op == OpKind::spawn) {
      REQUIRE(e.other);
      CHECK(e.woken == std::vector<FiberId>{*e.other});
    }
  }
  CHECK(t.events.front().reason == Reason::start);
  // The last load reads the lost-update total the run reports.
  CHECK(t.events.back().op == OpKind::load);
  CHECK(t.events.back().read == std::get<std::int64_t>(t.results.at(0).second));
  CHECK(t.stats.clock >= t.events.back().clock + t.config.step_cost);
}

TEST_CASE("recording a run does not change it", "[traces][recorder]") {
  for (std::uint64_t seed = 1; seed <= 20; ++seed) {
    const Scenario race = article_race();
    RandomPolicy random(seed);
    Simulator sim;
    random.begin_run();
    const RunResult plain = sim.run(random, [&] { race.body(sim, Params{}); });
    const std::vector<FiberId> plain_schedule(sim.schedule().begin(), sim.schedule().end());

    RandomPolicy again(seed);
    const Recorded r = record(race, again);
    INFO("seed " << seed);
    CHECK(r.result.outcome == plain.outcome);
    CHECK(r.result.results == plain.results);
    CHECK(r.result.stats == plain.stats);
    CHECK(r.schedule == plain_schedule);
  }
}

TEST_CASE("notes land on the step of the fiber that made them", "[traces][recorder]") {
  const Scenario* lock = builtin_scenarios().find("article/lock");
  REQUIRE(lock != nullptr);
  const Params params = default_params(*lock);

  for (std::uint64_t seed = 1; seed <= 10; ++seed) {
    RandomPolicy random(seed);
    const Trace t = record(*lock, random, params).trace;

    // The same notes, in the same order, as an observer that only collects notes sees.
    NoteRecorder plain;
    Simulator sim;
    RandomPolicy again(seed);
    again.begin_run();
    sim.run(
        again, [&] { lock->body(sim, params); }, &plain);

    std::vector<std::string> in_trace;
    for (const TraceEvent& e : t.events) {
      for (const std::string& n : e.notes) {
        in_trace.push_back(n);
        // A mutex note starts with the name of the fiber that made it.
        const std::string& who = t.fibers[index(e.fiber)].name;
        INFO("step " << e.step << ": " << n);
        CHECK(n.rfind(who + " ", 0) == 0);
      }
    }
    CHECK(!in_trace.empty());
    CHECK(in_trace == plain.notes);
  }
}

TEST_CASE("a recorder that sees a second run keeps only the second", "[traces][recorder]") {
  const Scenario race = article_race();
  FifoPolicy fifo;
  RandomPolicy random(3);
  Simulator sim;
  TraceRecorder recorder(race.name, {}, random.info(), RunConfig{});
  fifo.begin_run();
  sim.run(
      fifo, [&] { race.body(sim, Params{}); }, &recorder);
  random.begin_run();
  sim.run(
      random, [&] { race.body(sim, Params{}); }, &recorder);
  const Trace reused = recorder.take(sim.schedule());

  RandomPolicy fresh(3);
  CHECK(reused == record(race, fresh).trace);
}

TEST_CASE("a run that ends inside a spawn keeps the decided step in its schedule",
          "[traces][recorder]") {
  // The child fails in its local code, before its first step: the parent's spawn step was
  // decided but never completed.
  Scenario s;
  s.name = "test/fail-before-first-step";
  s.body = [](Simulator& sim, const Params&) {
    Thread child(sim, "child", [&sim] { sim.check(false, "the child gives up at once"); });
    child.join();
  };
  FifoPolicy fifo;
  const Recorded r = record(s, fifo);
  CHECK(r.result.outcome.status == Status::failed);
  CHECK(r.trace.events.size() == r.result.stats.steps);
  CHECK(r.trace.schedule.size() == r.trace.events.size() + 1);

  const std::string text = to_json(r.trace);
  const TraceReadResult back = read_trace(text);
  INFO(back.error);
  REQUIRE(back.ok());
  CHECK(*back.trace == r.trace);
}
