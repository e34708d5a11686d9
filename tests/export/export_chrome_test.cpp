#include "export/export_chrome.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "scenarios/article/lock.h"
#include "scenarios/article/naive_spinlock.h"
#include "scenarios/article/race.h"
#include "scenarios/article/semaphore_server.h"
#include "scenarios/article/spinlock.h"
#include "sim/policies/fifo.h"
#include "sim/policies/random.h"
#include "tests/support/recorded_trace.h"

using namespace interleave;
using interleave::testing::fifo_trace;
using interleave::testing::random_trace;
using Json = nlohmann::json;

namespace {

// Parses the export and checks the fields every viewer needs on every event.
Json parsed_and_well_formed(const Trace& t) {
  const Json doc = Json::parse(export_chrome(t));
  REQUIRE(doc.is_object());
  REQUIRE(doc.contains("traceEvents"));
  REQUIRE(doc["traceEvents"].is_array());
  CHECK(doc["displayTimeUnit"] == "ns");
  for (const Json& e : doc["traceEvents"]) {
    INFO(e.dump());
    REQUIRE(e.is_object());
    REQUIRE(e.contains("ph"));
    REQUIRE(e["ph"].is_string());
    REQUIRE(e.contains("name"));
    REQUIRE(e["name"].is_string());
    REQUIRE(e.contains("ts"));
    REQUIRE(e["ts"].is_number());
    CHECK(e["ts"].get<double>() >= 0);
    REQUIRE(e.contains("pid"));
    CHECK(e["pid"] == 1);
    REQUIRE(e.contains("tid"));
    REQUIRE(e["tid"].is_number_unsigned());
    CHECK(e["tid"].get<std::size_t>() < std::max<std::size_t>(t.fibers.size(), 1));
    const std::string ph = e["ph"];
    CHECK(std::set<std::string>{"M", "X", "i", "s", "f"}.count(ph) == 1);
    if (ph == "X") {
      REQUIRE(e.contains("dur"));
      CHECK(e["dur"].get<double>() >= 0);
    }
    if (ph == "s" || ph == "f") CHECK(e.contains("id"));
  }
  return doc;
}

std::vector<Json> events_of(const Json& doc, const std::string& ph, std::size_t tid) {
  std::vector<Json> out;
  for (const Json& e : doc["traceEvents"]) {
    if (e["ph"] == ph && e["tid"] == tid) out.push_back(e);
  }
  return out;
}

std::vector<Json> spans_named(const Json& doc, const std::string& name, std::size_t tid) {
  std::vector<Json> out;
  for (const Json& e : events_of(doc, "X", tid)) {
    if (e["name"] == name) out.push_back(e);
  }
  return out;
}

}  // namespace

TEST_CASE("the chrome export of the article's race is a well-formed trace event file",
          "[traces][chrome]") {
  const Trace t = fifo_trace(article_race());
  const Json doc = parsed_and_well_formed(t);
  CHECK(doc["otherData"]["scenario"] == "article/race");
  CHECK(doc["otherData"]["status"] == "failed");
}

TEST_CASE("the chrome export names one track per fiber", "[traces][chrome]") {
  const Trace t = fifo_trace(article_race());
  const Json doc = parsed_and_well_formed(t);
  std::map<std::size_t, std::string> names;
  for (const Json& e : doc["traceEvents"]) {
    if (e["ph"] == "M" && e["name"] == "thread_name") names[e["tid"]] = e["args"]["name"];
  }
  REQUIRE(names.size() == t.fibers.size());
  for (const TraceFiber& f : t.fibers) CHECK(names[index(f.id)] == f.name);
}

TEST_CASE("the chrome export shows thread 3 asleep for the two seconds of the race",
          "[traces][chrome]") {
  const Trace t = fifo_trace(article_race());
  const Json doc = parsed_and_well_formed(t);
  const std::size_t t3 = 4;  // main, t0, t1, t2, t3
  REQUIRE(t.fibers[t3].name == "t3");
  const auto sleeping = spans_named(doc, "sleeping", t3);
  REQUIRE(sleeping.size() == 1);
  CHECK(sleeping[0]["dur"].get<double>() > 1.9e6);  // microseconds
  // main waits for its threads: blocked in join while t3 sleeps.
  const auto blocked = spans_named(doc, "blocked", 0);
  REQUIRE_FALSE(blocked.empty());
  double longest = 0;
  for (const Json& b : blocked) longest = std::max(longest, b["dur"].get<double>());
  CHECK(longest > 1.9e6);
}

TEST_CASE("every fiber's spans follow each other without overlap and cover its steps",
          "[traces][chrome]") {
  for (const Trace& t : {fifo_trace(article_race()), random_trace(article_lock(), 3),
                         random_trace(article_spinlock(), 5)}) {
    INFO(t.scenario << " under " << t.policy.name);
    const Json doc = parsed_and_well_formed(t);
    for (const TraceFiber& f : t.fibers) {
      auto spans = events_of(doc, "X", index(f.id));
      double end = -1;
      std::size_t steps = 0;
      for (const Json& s : spans) {
        CHECK(s["ts"].get<double>() >= end - 1e-9);
        end = s["ts"].get<double>() + s["dur"].get<double>();
        if (s["name"] == "running" || s["name"] == "spinning")
          steps += s["args"]["steps"].get<std::size_t>();
      }
      const auto mine = std::count_if(t.events.begin(), t.events.end(),
                                      [&](const TraceEvent& e) { return e.fiber == f.id; });
      CHECK(steps == static_cast<std::size_t>(mine));
    }
  }
}

TEST_CASE("every step is an instant, a livelock's repeated loads one instant with a count",
          "[traces][chrome]") {
  RunConfig config;
  config.max_steps = 3000;
  const Trace t = fifo_trace(article_naive_spinlock(), config);
  REQUIRE(t.outcome.status == Status::livelock);
  const Json doc = parsed_and_well_formed(t);
  std::size_t steps = 0;
  std::size_t instants = 0;
  std::size_t longest_repeat = 0;
  for (const Json& e : doc["traceEvents"]) {
    if (e["ph"] != "i" || e["cat"] != "step") continue;
    ++instants;
    const std::size_t repeat = e["args"].value("repeat", std::size_t{1});
    steps += repeat;
    longest_repeat = std::max(longest_repeat, repeat);
  }
  CHECK(steps == t.events.size());
  CHECK(instants < 100);
  CHECK(longest_repeat > 2900);
  // The spinner's loads of the held flag are one long spinning span.
  const auto spinning = spans_named(doc, "spinning", 5);
  REQUIRE(spinning.size() == 1);
  CHECK(spinning[0]["args"]["steps"].get<std::size_t>() > 2900);
}

TEST_CASE("step instants carry the operation, object, values and notes", "[traces][chrome]") {
  const Trace t = fifo_trace(article_spinlock());
  const Json doc = parsed_and_well_formed(t);
  bool saw_failed_tas = false;
  for (const Json& e : doc["traceEvents"]) {
    if (e["ph"] != "i" || e["cat"] != "step") continue;
    const Json& a = e["args"];
    const TraceEvent& ev = t.events.at(a["step"].get<std::size_t>());
    CHECK(a["op"] == std::string(to_string(ev.op)));
    CHECK(e["tid"] == index(ev.fiber));
    if (ev.read) CHECK(a["read"] == *ev.read);
    if (ev.written) CHECK(a["written"] == *ev.written);
    CHECK(a["notes"].size() == ev.notes.size());
    if (ev.op == OpKind::test_and_set && ev.read == 1) {
      saw_failed_tas = true;
      CHECK(a["object"] == "lock.flag");
      CHECK(a["spinning"] == true);
    }
  }
  CHECK(saw_failed_tas);
}

TEST_CASE("the test-and-set spinner is shown spinning while the clock skips to the timer",
          "[traces][chrome]") {
  const Trace t = fifo_trace(article_spinlock());
  const Json doc = parsed_and_well_formed(t);
  const std::size_t t4 = 5;
  double longest = 0;
  for (const Json& s : spans_named(doc, "spinning", t4)) {
    longest = std::max(longest, s["dur"].get<double>());
  }
  CHECK(longest > 1.9e6);
}

TEST_CASE("wake-ups are flow arrows from the waking fiber to the woken one", "[traces][chrome]") {
  const Trace t = fifo_trace(article_race());
  const Json doc = parsed_and_well_formed(t);
  std::map<std::uint64_t, std::pair<Json, Json>> flows;
  for (const Json& e : doc["traceEvents"]) {
    if (e["ph"] == "s") flows[e["id"]].first = e;
    if (e["ph"] == "f") flows[e["id"]].second = e;
  }
  // Five spawns by main, and t0 and t3 waking main from its joins.
  std::multiset<std::pair<std::size_t, std::size_t>> pairs;
  for (const auto& [id, flow] : flows) {
    REQUIRE(flow.first.is_object());
    REQUIRE(flow.second.is_object());
    CHECK(flow.first["ts"].get<double>() <= flow.second["ts"].get<double>());
    pairs.insert({flow.first["tid"].get<std::size_t>(), flow.second["tid"].get<std::size_t>()});
  }
  CHECK(pairs.count({0, 1}) == 1);
  CHECK(pairs.count({0, 5}) == 1);
  CHECK(pairs.count({1, 0}) == 1);
  CHECK(pairs.count({4, 0}) == 1);
  CHECK(pairs.size() == 7);
}

TEST_CASE("the chrome export is the same bytes for the same run", "[traces][chrome]") {
  const std::string a = export_chrome(random_trace(article_semaphore_server(), 11));
  const std::string b = export_chrome(random_trace(article_semaphore_server(), 11));
  CHECK(a == b);
  for (std::uint64_t seed = 1; seed <= 5; ++seed) {
    parsed_and_well_formed(random_trace(article_semaphore_server(), seed));
  }
}

TEST_CASE("a trace without steps is a chrome file with only its tracks", "[traces][chrome]") {
  Trace t;
  t.fibers.push_back(TraceFiber{FiberId{0}, "main", FiberId{0}});
  const Json doc = parsed_and_well_formed(t);
  for (const Json& e : doc["traceEvents"]) CHECK(e["ph"] == "M");
}
