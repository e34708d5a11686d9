#include <catch2/catch.hpp>
#include <functional>
#include <nlohmann/json.hpp>
#include <string>

#include "scenarios/article/race.h"
#include "sim/policies/fifo.h"
#include "sim/rng.h"
#include "tests/traces/recorded.h"
#include "traces/trace_json.h"

using namespace interleave;
using namespace interleave::testing;
using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;
using OrderedJson = nlohmann::ordered_json;

namespace {

// The article's race under fifo, as JSON: 6 fibers, 1 object, 30 events.
const std::string& race_json() {
  static const std::string text = [] {
    FifoPolicy fifo;
    return to_json(record(article_race(), fifo).trace);
  }();
  return text;
}

// edited(change) is the race trace with change applied to its JSON.
std::string edited(const std::function<void(OrderedJson&)>& change) {
  OrderedJson j = OrderedJson::parse(race_json());
  change(j);
  return j.dump(1);
}

// refusal(text) reads text, which must be refused, and gives the message.
std::string refusal(const std::string& text) {
  TraceReadResult r;
  REQUIRE_NOTHROW(r = read_trace(text));
  CHECK_FALSE(r.ok());
  CHECK_FALSE(r.error.empty());
  CHECK(r.error.find('\n') == std::string::npos);
  return r.error;
}

}  // namespace

TEST_CASE("the race trace used below is valid", "[traces][reader]") {
  const TraceReadResult r = read_trace(race_json());
  INFO(r.error);
  REQUIRE(r.ok());
  REQUIRE(r.trace->fibers.size() == 6);
  REQUIRE(r.trace->objects.size() == 1);
  REQUIRE(r.trace->events.size() == 30);
  // Re-dumped JSON with other spacing is the same trace.
  CHECK(read_trace(edited([](OrderedJson&) {})).ok());
}

TEST_CASE("a truncated trace is refused as not JSON, with the byte where it stops",
          "[traces][reader]") {
  const std::string& text = race_json();
  for (std::size_t n = 0; n + 2 < text.size(); n += 37) {
    INFO("first " << n << " bytes");
    CHECK_THAT(refusal(text.substr(0, n)), StartsWith("not JSON: parse error at byte "));
  }
  CHECK_THAT(refusal(text.substr(0, text.size() - 3)), Contains("unexpected end of input"));
}

TEST_CASE("a trace of another version is refused by its version", "[traces][reader]") {
  CHECK(refusal(edited([](OrderedJson& j) { j["version"] = 99; })) ==
        "trace.version: version 99 is not supported (this interleave reads versions 1 to 2)");
  CHECK(refusal(edited([](OrderedJson& j) { j["version"] = 0; })) ==
        "trace.version: version 0 is not supported (this interleave reads versions 1 to 2)");
  CHECK(refusal(edited([](OrderedJson& j) { j["version"] = "1"; })) ==
        "trace.version: expected an integer, found \"1\"");
  // The version is judged before the rest: a version-3 trace may have other fields.
  CHECK_THAT(refusal(edited([](OrderedJson& j) {
               j["version"] = 3;
               j["events"] = "elsewhere";
             })),
             StartsWith("trace.version: version 3 is not supported"));
}

TEST_CASE("a version-1 trace has no granularity and no call steps", "[traces][reader]") {
  CHECK(refusal(edited([](OrderedJson& j) { j["config"]["granularity"] = "primitive"; })) ==
        "trace.config.granularity: unknown field (version 1 does not have it)");
  CHECK(refusal(edited([](OrderedJson& j) { j["events"][6]["call"] = "lock"; })) ==
        "trace.events[6].call: unknown field (version 1 does not have it)");
}

TEST_CASE("a version-2 trace names a known granularity and every call's operation",
          "[traces][reader]") {
  auto v2 = [](auto&& edit) {
    return refusal(edited([&](OrderedJson& j) {
      j["version"] = 2;
      edit(j);
    }));
  };
  CHECK(v2([](OrderedJson& j) { j["config"]["granularity"] = "coarse"; }) ==
        "trace.config.granularity: expected \"atomic\" or \"primitive\", found \"coarse\"");
  CHECK(v2([](OrderedJson& j) { j["events"][6]["op"] = "call"; }) ==
        "trace.events[6].call: missing (a call names its operation)");
  CHECK(v2([](OrderedJson& j) {
          j["events"][6]["op"] = "call";
          j["events"][6]["call"] = "frobnicate";
        }) == "trace.events[6].call: unknown call \"frobnicate\"");
  CHECK(v2([](OrderedJson& j) { j["events"][6]["call"] = "lock"; }) ==
        "trace.events[6].call: only a step whose op is \"call\" has a call");
}

TEST_CASE("a file of another format is refused by its format", "[traces][reader]") {
  CHECK(refusal(edited([](OrderedJson& j) { j["format"] = "chrome-trace"; })) ==
        "trace.format: expected \"interleave-trace\", found \"chrome-trace\"");
  CHECK_THAT(refusal(edited([](OrderedJson& j) { j.erase("format"); })),
             StartsWith("trace.format: missing"));
  CHECK(refusal("[1, 2, 3]") == "trace: expected a JSON object, found an array");
  CHECK(refusal("{}") == "trace.format: missing (this is not an interleave trace)");
}

TEST_CASE("random bytes are refused without a crash", "[traces][reader]") {
  Rng rng(2024);
  for (int i = 0; i < 300; ++i) {
    std::string bytes(rng.below(200), '\0');
    for (char& c : bytes) c = static_cast<char>(rng.below(256));
    const std::string error = refusal(bytes);
    CHECK((error.rfind("not JSON: ", 0) == 0 || error.rfind("trace", 0) == 0));
    for (const char c : error) CHECK((c >= 0x20 && c < 0x7f));
  }
}

TEST_CASE("a trace with damaged bytes is read or refused, never a crash", "[traces][reader]") {
  const std::string& text = race_json();
  Rng rng(7);
  int refused = 0;
  for (int i = 0; i < 1500; ++i) {
    std::string damaged = text;
    const std::uint64_t flips = 1 + rng.below(3);
    for (std::uint64_t k = 0; k < flips; ++k) {
      const std::size_t at = rng.below(damaged.size());
      static constexpr char kPool[] = "0123456789-+.eE\"{}[],: xtrufalsn\\\x01\xff";
      damaged[at] = kPool[rng.below(sizeof kPool - 1)];
    }
    TraceReadResult r;
    REQUIRE_NOTHROW(r = read_trace(damaged));
    if (!r.ok()) {
      ++refused;
      INFO(r.error);
      CHECK((r.error.rfind("not JSON: ", 0) == 0 || r.error.rfind("trace", 0) == 0));
    } else {
      // Whatever was accepted is a trace that writes and reads back the same.
      const std::string again = to_json(*r.trace);
      const TraceReadResult r2 = read_trace(again);
      REQUIRE(r2.ok());
      CHECK(to_json(*r2.trace) == again);
    }
  }
  CHECK(refused > 1000);
}

TEST_CASE("a fiber id out of range is refused at its path", "[traces][reader]") {
  CHECK(refusal(edited([](OrderedJson& j) { j["events"][12]["fiber"] = 99; })) ==
        "trace.events[12].fiber: fiber 99 is not in fibers (which has 6)");
  CHECK(refusal(edited([](OrderedJson& j) { j["events"][12]["fiber"] = -1; })) ==
        "trace.events[12].fiber: expected a non-negative integer, found -1");
  CHECK_THAT(refusal(edited([](OrderedJson& j) {
               j["events"][0]["woken"] = {1, 42};
             })),
             StartsWith("trace.events[0].woken[1]: fiber 42 is not in fibers"));
  CHECK_THAT(refusal(edited([](OrderedJson& j) { j["events"][0]["other"] = 6; })),
             StartsWith("trace.events[0].other: fiber 6 is not in fibers"));
  CHECK_THAT(refusal(edited(
                 [](OrderedJson& j) { j["schedule"] = "0x6,9,1x2,2x3,3x3,4x2,5x3,0x4,4x3,0x3"; })),
             StartsWith("trace.schedule: fiber 9 at step 6 is not in fibers"));
}

TEST_CASE("every malformed field is named by its path", "[traces][reader]") {
  struct Case {
    const char* what;
    std::function<void(OrderedJson&)> change;
    const char* starts_with;
  };
  const std::vector<Case> cases = {
      {"unknown top-level field", [](OrderedJson& j) { j["comment"] = "hi"; },
       "trace.comment: unknown field"},
      {"missing section", [](OrderedJson& j) { j.erase("policy"); }, "trace.policy: missing"},
      {"scenario name", [](OrderedJson& j) { j["scenario"]["name"] = 5; },
       "trace.scenario.name: expected a string, found 5"},
      {"scenario param", [](OrderedJson& j) { j["scenario"]["params"]["n"] = "x"; },
       "trace.scenario.params.n: expected an integer"},
      {"policy param", [](OrderedJson& j) { j["policy"]["params"]["seed"] = 1.5; },
       "trace.policy.params.seed: expected an integer, found 1.5"},
      {"negative cost", [](OrderedJson& j) { j["config"]["step_cost_ns"] = -1; },
       "trace.config.step_cost_ns: expected a non-negative integer"},
      {"zero stack", [](OrderedJson& j) { j["config"]["stack_size"] = 0; },
       "trace.config.stack_size: 0 is not between 1 and"},
      {"no fibers", [](OrderedJson& j) { j["fibers"] = OrderedJson::array(); },
       "trace.fibers: empty"},
      {"fiber listed out of order", [](OrderedJson& j) { j["fibers"][2]["id"] = 5; },
       "trace.fibers[2].id: expected 2, found 5"},
      {"parent spawned later", [](OrderedJson& j) { j["fibers"][2]["parent"] = 4; },
       "trace.fibers[2].parent: fiber 4 did not exist before fiber 2"},
      {"object kind", [](OrderedJson& j) { j["objects"][0]["kind"] = 3; },
       "trace.objects[0].kind: expected a string"},
      {"bad schedule", [](OrderedJson& j) { j["schedule"] = "0x6,zz"; }, "trace.schedule: "},
      {"schedule shorter than events", [](OrderedJson& j) { j["schedule"] = "0x6"; },
       "trace.events: 30 events, but the schedule has 6 steps"},
      {"event step out of order", [](OrderedJson& j) { j["events"][3]["step"] = 4; },
       "trace.events[3].step: expected 3, found 4"},
      {"clock going back", [](OrderedJson& j) { j["events"][3]["clock_ns"] = 5; },
       "trace.events[3].clock_ns: 5 is earlier than the previous step's 2000"},
      {"fiber not listed", [](OrderedJson& j) { j["events"][5]["fiber"] = 9; },
       "trace.events[5].fiber: "},
      {"unknown op", [](OrderedJson& j) { j["events"][3]["op"] = "jump"; },
       "trace.events[3].op: unknown operation \"jump\""},
      {"object out of range", [](OrderedJson& j) { j["events"][6]["object"] = 7; },
       "trace.events[6].object: object 7 is not in objects (which has 1)"},
      {"object below -1", [](OrderedJson& j) { j["events"][6]["object"] = -2; },
       "trace.events[6].object: expected an object id or -1, found -2"},
      {"word of no object", [](OrderedJson& j) { j["events"][6]["word"] = -1; },
       "trace.events[6].word: expected an object id, found -1"},
      {"spawn without its child", [](OrderedJson& j) { j["events"][0].erase("other"); },
       "trace.events[0].other: missing"},
      {"real read", [](OrderedJson& j) { j["events"][6]["read"] = 1.5; },
       "trace.events[6].read: expected an integer, found 1.5"},
      {"read beyond 64 bits",
       [](OrderedJson& j) { j["events"][6]["read"] = 18446744073709551615ull; },
       "trace.events[6].read: integer 18446744073709551615 is out of range"},
      {"empty runnable set",
       [](OrderedJson& j) { j["events"][3]["runnable"] = OrderedJson::array(); },
       "trace.events[3].runnable: empty"},
      {"runnable set out of order",
       [](OrderedJson& j) {
         j["events"][7]["runnable"] = {2, 1};
       },
       "trace.events[7].runnable[1]: fiber ids must be ascending and unique"},
      {"runner not runnable",
       [](OrderedJson& j) {
         j["events"][7]["runnable"] = {2, 3};
       },
       "trace.events[7].runnable: fiber 1, which performed the step, is not in it"},
      {"unknown reason", [](OrderedJson& j) { j["events"][0]["reason"] = "boredom"; },
       "trace.events[0].reason: unknown reason \"boredom\""},
      {"note not a string",
       [](OrderedJson& j) {
         j["events"][0]["notes"] = {"ok", 1};
       },
       "trace.events[0].notes[1]: expected a string, found 1"},
      {"unknown event field", [](OrderedJson& j) { j["events"][0]["colour"] = "red"; },
       "trace.events[0].colour: unknown field"},
      {"event not an object", [](OrderedJson& j) { j["events"][4] = 4; },
       "trace.events[4]: expected an object, found 4"},
      {"unknown status", [](OrderedJson& j) { j["outcome"]["status"] = "meh"; },
       "trace.outcome.status: unknown status \"meh\""},
      {"result of no kind", [](OrderedJson& j) { j["results"]["total"] = true; },
       "trace.results.total: expected an integer, a real, a string or an array of numbers"},
      {"result list with a string",
       [](OrderedJson& j) {
         j["results"]["a b"] = {1, "x"};
       },
       "trace.results[\"a b\"][1]: expected a number, found \"x\""},
      {"stats disagreeing with events", [](OrderedJson& j) { j["stats"]["steps"] = 31; },
       "trace.stats.steps: 31, but there are 30 events"},
      {"outcome step disagreeing", [](OrderedJson& j) { j["outcome"]["step"] = 3; },
       "trace.outcome.step: 3, but stats.steps is 30"},
      {"final clock before the last step", [](OrderedJson& j) { j["stats"]["clock_ns"] = 0; },
       "trace.stats.clock_ns: 0 is earlier than the last step's"},
      {"integer too large for 64 bits", [](OrderedJson& j) { j["stats"]["blocks"] = 1e20; },
       "trace.stats.blocks: expected a non-negative integer, found 1e+20"},
  };
  for (const Case& c : cases) {
    INFO(c.what);
    CHECK_THAT(refusal(edited(c.change)), StartsWith(c.starts_with));
  }
}

TEST_CASE("a number JSON cannot hold is refused as not JSON", "[traces][reader]") {
  std::string text = race_json();
  const std::size_t at = text.find("\"clock_ns\":0");
  REQUIRE(at != std::string::npos);
  text.replace(at, 12, "\"clock_ns\":1e999");
  CHECK_THAT(refusal(text), StartsWith("not JSON: "));
}

TEST_CASE("a trace recorded by a user's program names it, and reads back with it",
          "[traces][reader]") {
  const TraceReadResult r = read_trace(race_json());
  REQUIRE(r.ok());
  CHECK(r.trace->program.empty());
  CHECK(race_json().find("\"program\"") == std::string::npos);
  Trace named = *r.trace;
  named.program = "queue_cli";
  const std::string text = to_json(named);
  CHECK(text.find(R"("scenario": {"name":"article/race","params":{},"program":"queue_cli"})") !=
        std::string::npos);
  const TraceReadResult back = read_trace(text);
  REQUIRE(back.ok());
  CHECK(*back.trace == named);
}

TEST_CASE("a trace's program is refused when it is empty or not a string", "[traces][reader]") {
  CHECK(refusal(edited([](OrderedJson& j) { j["scenario"]["program"] = ""; })) ==
        "trace.scenario.program: empty (a trace of interleave itself has none)");
  CHECK_THAT(refusal(edited([](OrderedJson& j) { j["scenario"]["program"] = 3; })),
             StartsWith("trace.scenario.program: expected a string"));
}

TEST_CASE("a trace whose members come in another order reads the same", "[traces][reader]") {
  // The writer puts the events after the members they refer to, and the reader then reads each
  // event as it is parsed; in any other order it reads them from the whole tree.
  const TraceReadResult canonical = read_trace(race_json());
  REQUIRE(canonical.ok());
  OrderedJson original = OrderedJson::parse(race_json());
  OrderedJson reordered = OrderedJson::object();
  reordered["events"] = original["events"];
  for (const auto& item : original.items()) {
    if (item.key() != "events") reordered[item.key()] = item.value();
  }
  const TraceReadResult again = read_trace(reordered.dump());
  REQUIRE(again.ok());
  CHECK(again.trace->events == canonical.trace->events);
  CHECK(again.trace->schedule == canonical.trace->schedule);
  CHECK(to_json(*again.trace) == to_json(*canonical.trace));
}

TEST_CASE("a bad event is named by its path whether or not the events are streamed",
          "[traces][reader]") {
  OrderedJson original = OrderedJson::parse(race_json());
  original["events"][3]["clock_ns"] = -1;
  const std::string streamed = refusal(original.dump());
  OrderedJson reordered = OrderedJson::object();
  reordered["events"] = original["events"];
  for (const auto& item : original.items()) {
    if (item.key() != "events") reordered[item.key()] = item.value();
  }
  CHECK_THAT(streamed, StartsWith("trace.events[3].clock_ns: "));
  CHECK(refusal(reordered.dump()) == streamed);
}
