#include "traces/trace_json.h"

#include <catch2/catch.hpp>
#include <cmath>
#include <string>
#include <vector>

#include "scenarios/article/race.h"
#include "scenarios/catalog.h"
#include "sim/policies/fifo.h"
#include "sim/policies/random.h"
#include "tests/support/recorded_trace.h"
#include "tests/traces/recorded.h"

using namespace interleave;
using namespace interleave::testing;

namespace {

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    const std::size_t end = text.find('\n', start);
    lines.push_back(text.substr(start, end - start));
    start = end == std::string::npos ? text.size() : end + 1;
  }
  return lines;
}

}  // namespace

TEST_CASE("a recorded trace is read back exactly and written again byte for byte",
          "[traces][json]") {
  const Trace t = fifo_trace(article_race());
  const std::string text = to_json(t);
  const TraceReadResult r = read_trace(text);
  INFO(r.error);
  REQUIRE(r.ok());
  CHECK(r.error.empty());
  CHECK(*r.trace == t);
  CHECK(to_json(*r.trace) == text);
}

TEST_CASE("every built-in scenario's trace round-trips under fifo and random schedules",
          "[traces][json]") {
  for (const Scenario& s : builtin_scenarios().all()) {
    const Params params = default_params(s);
    for (std::uint64_t seed = 0; seed <= 3; ++seed) {
      FifoPolicy fifo;
      RandomPolicy random(seed);
      Policy& policy = seed == 0 ? static_cast<Policy&>(fifo) : random;
      // A step limit keeps the livelocking spin lock under fifo short.
      RunConfig config;
      config.max_steps = 3000;
      const Trace t = record(s, policy, params, config).trace;
      const std::string text = to_json(t);
      const TraceReadResult r = read_trace(text);
      INFO(s.name << " seed " << seed << ": " << r.error);
      REQUIRE(r.ok());
      CHECK(*r.trace == t);
      CHECK(to_json(*r.trace) == text);
    }
  }
}

TEST_CASE("two runs of the same scenario and seed give byte-identical traces", "[traces][json]") {
  const Scenario* server = builtin_scenarios().find("article/semaphore-server");
  REQUIRE(server != nullptr);
  const Params params = default_params(*server);
  RandomPolicy first(42);
  RandomPolicy second(42);
  const std::string a = to_json(record(*server, first, params).trace);
  const std::string b = to_json(record(*server, second, params).trace);
  CHECK(a == b);
  RandomPolicy other(43);
  CHECK(a != to_json(record(*server, other, params).trace));
}

TEST_CASE("events are written one per line and stay small", "[traces][json]") {
  const Scenario* server = builtin_scenarios().find("article/semaphore-server");
  REQUIRE(server != nullptr);
  RandomPolicy random(5);
  const Trace t = record(*server, random, default_params(*server)).trace;
  const std::string text = to_json(t);

  std::size_t event_lines = 0;
  for (const std::string& line : lines_of(text)) {
    if (line.rfind("  {\"step\":", 0) == 0) ++event_lines;
  }
  CHECK(event_lines == t.events.size());
  // Ten clients keep up to eleven fibers runnable; still far below 1 kB per step.
  CHECK(text.size() / t.events.size() < 300);
  CHECK(text.back() == '\n');
}

TEST_CASE("an event carries object -1 when it touches none, and omits what it does not have",
          "[traces][json]") {
  const std::string text = to_json(fifo_trace(article_race()));
  const std::vector<std::string> lines = lines_of(text);
  const auto spawn = std::find_if(lines.begin(), lines.end(), [](const std::string& l) {
    return l.find("\"op\":\"spawn\"") != std::string::npos;
  });
  REQUIRE(spawn != lines.end());
  CHECK(spawn->find("\"object\":-1") != std::string::npos);
  CHECK(spawn->find("\"read\"") == std::string::npos);
  CHECK(spawn->find("\"notes\"") == std::string::npos);
}

TEST_CASE("results of every type are written and read back", "[traces][json]") {
  Trace t = fifo_trace(article_race());
  t.results = {{"count", std::int64_t{-7}},
               {"ratio", 0.1},
               {"whole", 2.0},
               {"label", std::string("say \"hi\" \xc3\xa9")},
               {"counts", std::vector<std::int64_t>{3, -1, 0}},
               {"times", std::vector<double>{1.5, 2.0}},
               {"nothing", std::vector<std::int64_t>{}}};
  const std::string text = to_json(t);
  CHECK(text.find("\"whole\":2.0") != std::string::npos);
  const TraceReadResult r = read_trace(text);
  INFO(r.error);
  REQUIRE(r.ok());
  CHECK(r.trace->results == t.results);
  CHECK(to_json(*r.trace) == text);
}

TEST_CASE("a non-finite real is written as null and read back as NaN", "[traces][json]") {
  Trace t = fifo_trace(article_race());
  t.results = {{"mean", std::nan("")}, {"spread", std::vector<double>{1.0, INFINITY}}};
  const std::string text = to_json(t);
  CHECK(text.find("\"mean\":null") != std::string::npos);
  const TraceReadResult r = read_trace(text);
  INFO(r.error);
  REQUIRE(r.ok());
  REQUIRE(std::holds_alternative<double>(r.trace->results[0].second));
  CHECK(std::isnan(std::get<double>(r.trace->results[0].second)));
  const auto& spread = std::get<std::vector<double>>(r.trace->results[1].second);
  CHECK(spread[0] == 1.0);
  CHECK(std::isnan(spread[1]));
  CHECK(to_json(*r.trace) == text);
}

TEST_CASE("a name that is not UTF-8 is written with a replacement character", "[traces][json]") {
  Trace t = fifo_trace(article_race());
  t.fibers[1].name = "t\xff";
  t.events[0].notes = {"bad \xfe byte"};
  std::string text;
  REQUIRE_NOTHROW(text = to_json(t));
  CHECK(text.find("t\xef\xbf\xbd") != std::string::npos);
  const TraceReadResult r = read_trace(text);
  INFO(r.error);
  REQUIRE(r.ok());
  CHECK(to_json(*r.trace) == text);
}
