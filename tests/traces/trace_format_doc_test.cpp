// docs/trace-format.md and docs/trace-format.schema.json are checked against real traces:
// the example is the output of a fresh run, and every trace the built-in scenarios give
// satisfies the schema (checked by a small validator for the keywords the schema uses).

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <regex>
#include <string>
#include <vector>

#include "scenarios/article/race.h"
#include "scenarios/catalog.h"
#include "sim/policies/fifo.h"
#include "sim/policies/random.h"
#include "tests/support/process.h"
#include "tests/traces/recorded.h"
#include "traces/trace_json.h"

using namespace interleave;
using namespace interleave::testing;
using OrderedJson = nlohmann::ordered_json;

namespace {

const std::string kDocs = interleave::testing::source_path("docs/");

// block_after(text, marker) is the body of the first ```json block after marker.
std::string block_after(const std::string& text, const std::string& marker) {
  const std::size_t at = text.find(marker);
  REQUIRE(at != std::string::npos);
  const std::string open = "```json\n";
  const std::size_t begin = text.find(open, at);
  REQUIRE(begin != std::string::npos);
  const std::size_t end = text.find("```", begin + open.size());
  REQUIRE(end != std::string::npos);
  return text.substr(begin + open.size(), end - begin - open.size());
}

// below(a, b) compares two JSON numbers, exactly when both are integers of any sign.
bool below(const OrderedJson& a, const OrderedJson& b) {
  if (!a.is_number_integer() || !b.is_number_integer()) return a.get<double>() < b.get<double>();
  const bool a_negative = !a.is_number_unsigned() && a.get<std::int64_t>() < 0;
  const bool b_negative = !b.is_number_unsigned() && b.get<std::int64_t>() < 0;
  if (a_negative != b_negative) return a_negative;
  if (a_negative) return a.get<std::int64_t>() < b.get<std::int64_t>();
  return a.get<std::uint64_t>() < b.get<std::uint64_t>();
}

// A validator for the subset of JSON Schema 2020-12 the trace schema uses; any other keyword
// is reported, so the schema cannot silently outgrow it.
class MiniValidator {
 public:
  explicit MiniValidator(const OrderedJson& root) : root_(root) {}

  // errors(instance) lists where instance breaks the schema ("/events/3/op: ...").
  std::vector<std::string> errors(const OrderedJson& instance) {
    errors_.clear();
    check(instance, root_, "");
    return errors_;
  }

 private:
  void fail(const std::string& where, const std::string& what) {
    errors_.push_back((where.empty() ? "/" : where) + ": " + what);
  }

  bool has_type(const OrderedJson& j, const std::string& type) {
    if (type == "object") return j.is_object();
    if (type == "array") return j.is_array();
    if (type == "string") return j.is_string();
    if (type == "integer") return j.is_number_integer();
    if (type == "number") return j.is_number();
    if (type == "null") return j.is_null();
    if (type == "boolean") return j.is_boolean();
    fail("", "schema uses unknown type " + type);
    return false;
  }

  void check(const OrderedJson& j, const OrderedJson& schema, const std::string& at) {
    for (const auto& [key, rule] : schema.items()) {
      if (key == "$schema" || key == "$id" || key == "title" || key == "description" ||
          key == "$defs") {
        continue;
      } else if (key == "$ref") {
        const std::string ref = rule.get<std::string>();
        REQUIRE(ref.rfind("#/$defs/", 0) == 0);
        check(j, root_["$defs"][ref.substr(8)], at);
      } else if (key == "type") {
        if (!has_type(j, rule.get<std::string>())) fail(at, "not of type " + rule.dump());
      } else if (key == "const") {
        if (j != rule) fail(at, "is not " + rule.dump());
      } else if (key == "enum") {
        if (std::find(rule.begin(), rule.end(), j) == rule.end()) fail(at, "not in the enum");
      } else if (key == "minimum") {
        if (j.is_number() && below(j, rule)) fail(at, "below the minimum");
      } else if (key == "maximum") {
        if (j.is_number() && below(rule, j)) fail(at, "above the maximum");
      } else if (key == "minItems") {
        if (j.is_array() && j.size() < rule.get<std::size_t>()) fail(at, "too few items");
      } else if (key == "pattern") {
        if (j.is_string() &&
            !std::regex_search(j.get<std::string>(), std::regex(rule.get<std::string>()))) {
          fail(at, "does not match " + rule.dump());
        }
      } else if (key == "required") {
        for (const OrderedJson& name : rule) {
          if (j.is_object() && !j.contains(name.get<std::string>())) {
            fail(at + "/" + name.get<std::string>(), "missing");
          }
        }
      } else if (key == "properties") {
        if (!j.is_object()) continue;
        for (const auto& [name, value] : j.items()) {
          if (rule.contains(name)) check(value, rule[name], at + "/" + name);
        }
      } else if (key == "additionalProperties") {
        if (!j.is_object()) continue;
        for (const auto& [name, value] : j.items()) {
          if (schema.contains("properties") && schema["properties"].contains(name)) continue;
          if (rule.is_boolean()) {
            if (!rule.get<bool>()) fail(at + "/" + name, "not allowed");
          } else {
            check(value, rule, at + "/" + name);
          }
        }
      } else if (key == "items") {
        if (!j.is_array()) continue;
        for (std::size_t i = 0; i < j.size(); ++i) check(j[i], rule, at + "/" + std::to_string(i));
      } else if (key == "allOf") {
        for (const OrderedJson& s : rule) check(j, s, at);
      } else if (key == "anyOf") {
        bool any = false;
        for (const OrderedJson& s : rule) {
          const std::vector<std::string> saved = errors_;
          check(j, s, at);
          any = any || errors_.size() == saved.size();
          errors_ = saved;
        }
        if (!any) fail(at, "matches none of anyOf");
      } else {
        fail(at, "schema keyword " + key + " is not supported by this test's validator");
      }
    }
  }

  const OrderedJson& root_;
  std::vector<std::string> errors_;
};

OrderedJson schema() {
  const std::string text = read_file(kDocs + "trace-format.schema.json");
  REQUIRE_FALSE(text.empty());
  return OrderedJson::parse(text);
}

}  // namespace

TEST_CASE("the complete example in trace-format.md is a fresh run's trace, unedited",
          "[traces][docs]") {
  const std::string doc = read_file(kDocs + "trace-format.md");
  REQUIRE_FALSE(doc.empty());
  FifoPolicy fifo;
  const std::string fresh = to_json(record(article_race(), fifo).trace);
  INFO(
      "if the change is intended, paste the output of "
      "`interleave run article/race --trace race.json` into docs/trace-format.md:\n"
      << fresh);
  CHECK(block_after(doc, "<!-- example: article/race under fifo -->") == fresh);
}

TEST_CASE("the event excerpt in trace-format.md comes from a fresh run", "[traces][docs]") {
  const std::string doc = read_file(kDocs + "trace-format.md");
  const Scenario* lock = builtin_scenarios().find("article/lock");
  REQUIRE(lock != nullptr);
  FifoPolicy fifo;
  const std::string fresh = to_json(record(*lock, fifo, default_params(*lock)).trace);
  const std::string excerpt = block_after(doc, "<!-- excerpt: article/lock under fifo -->");
  std::size_t lines = 0;
  std::size_t start = 0;
  while (start < excerpt.size()) {
    const std::size_t end = excerpt.find('\n', start);
    const std::string line = excerpt.substr(start, end - start);
    start = end + 1;
    INFO(line);
    CHECK(fresh.find("\n" + line + "\n") != std::string::npos);
    ++lines;
  }
  CHECK(lines >= 5);
}

TEST_CASE("the schema parses and its required members are in a real trace", "[traces][docs]") {
  const OrderedJson s = schema();
  CHECK(s["$schema"] == "https://json-schema.org/draft/2020-12/schema");
  FifoPolicy fifo;
  const OrderedJson trace = OrderedJson::parse(to_json(record(article_race(), fifo).trace));
  REQUIRE(s["required"].size() == 12);
  for (const OrderedJson& key : s["required"]) {
    INFO(key);
    CHECK(trace.contains(key.get<std::string>()));
  }
  // The writer's members come in the schema's order.
  std::vector<std::string> written;
  for (const auto& item : trace.items()) written.push_back(item.key());
  std::vector<std::string> required;
  for (const OrderedJson& key : s["required"]) required.push_back(key.get<std::string>());
  CHECK(written == required);
}

TEST_CASE("the trace of every built-in scenario satisfies the schema", "[traces][docs]") {
  const OrderedJson s = schema();
  MiniValidator validator(s);
  for (const Scenario& scenario : builtin_scenarios().all()) {
    for (std::uint64_t seed = 0; seed <= 2; ++seed) {
      FifoPolicy fifo;
      RandomPolicy random(seed);
      Policy& policy = seed == 0 ? static_cast<Policy&>(fifo) : random;
      RunConfig config;
      config.max_steps = 2000;
      const OrderedJson trace = OrderedJson::parse(
          to_json(record(scenario, policy, default_params(scenario), config).trace));
      INFO(scenario.name << " seed " << seed);
      CHECK(validator.errors(trace) == std::vector<std::string>{});
    }
  }
}

TEST_CASE("the trace of every built-in scenario at primitive granularity satisfies the schema",
          "[traces][docs][granularity]") {
  const OrderedJson s = schema();
  MiniValidator validator(s);
  for (const Scenario& scenario : builtin_scenarios().all()) {
    RandomPolicy random(1);
    RunConfig config;
    config.max_steps = 2000;
    config.granularity = Granularity::primitive;
    const OrderedJson trace = OrderedJson::parse(
        to_json(record(scenario, random, default_params(scenario), config).trace));
    INFO(scenario.name);
    CHECK(trace["version"] == 2);
    CHECK(validator.errors(trace) == std::vector<std::string>{});
  }
}

TEST_CASE("the schema refuses what the reader refuses for its shape", "[traces][docs]") {
  const OrderedJson s = schema();
  MiniValidator validator(s);
  FifoPolicy fifo;
  const OrderedJson good = OrderedJson::parse(to_json(record(article_race(), fifo).trace));
  REQUIRE(validator.errors(good).empty());

  OrderedJson j = good;
  j["version"] = 3;
  CHECK(validator.errors(j) == std::vector<std::string>{"/version: not in the enum"});
  j = good;
  j["events"][0]["colour"] = "red";
  CHECK(validator.errors(j) == std::vector<std::string>{"/events/0/colour: not allowed"});
  j = good;
  j["events"][1]["runnable"] = OrderedJson::array();
  CHECK(validator.errors(j) == std::vector<std::string>{"/events/1/runnable: too few items"});
  j = good;
  j["events"][2]["object"] = -2;
  CHECK(validator.errors(j) == std::vector<std::string>{"/events/2/object: below the minimum"});
  j = good;
  j["schedule"] = "0x6;1";
  CHECK(validator.errors(j).size() == 1);
  j = good;
  j["results"]["total"] = OrderedJson::object();
  CHECK(validator.errors(j) == std::vector<std::string>{"/results/total: matches none of anyOf"});
}
