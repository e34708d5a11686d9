#include "export/export_html.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <string>

#include "scenarios/article/naive_spinlock.h"
#include "scenarios/article/race.h"
#include "scenarios/article/spinlock.h"
#include "sim/policies/fifo.h"
#include "sim/policies/random.h"
#include "tests/support/awkward_names.h"
#include "tests/support/occurrences.h"
#include "tests/support/recorded_trace.h"

using namespace interleave;
using interleave::testing::fifo_trace;
using interleave::testing::occurrences;
using interleave::testing::recorded_trace;
using Json = nlohmann::json;

namespace {

// The JSON in the page's data element.
Json embedded_data(const std::string& html) {
  const std::string open = "<script type=\"application/json\" id=\"trace-data\">";
  const std::size_t begin = html.find(open);
  REQUIRE(begin != std::string::npos);
  const std::size_t end = html.find("</script>", begin);
  REQUIRE(end != std::string::npos);
  return Json::parse(html.substr(begin + open.size(), end - begin - open.size()));
}

}  // namespace

TEST_CASE("the page embeds every step of the race with its fiber, values and states",
          "[traces][html]") {
  const Trace t = fifo_trace(article_race());
  const Json data = embedded_data(export_html(t));
  CHECK(data["scenario"] == "article/race");
  REQUIRE(data["fibers"].size() == t.fibers.size());
  REQUIRE(data["steps"].size() == t.events.size());
  for (std::size_t k = 0; k < t.events.size(); ++k) {
    const Json& s = data["steps"][k];
    const TraceEvent& e = t.events[k];
    CHECK(s["first"] == e.step);
    CHECK(s["fiber"] == index(e.fiber));
    CHECK(s["op"] == std::string(to_string(e.op)));
    if (e.read) CHECK(s["read"] == *e.read);
    if (e.written) CHECK(s["written"] == *e.written);
    REQUIRE(s["states"].get<std::string>().size() == t.fibers.size());
    CHECK(s["states"].get<std::string>()[index(e.fiber)] == 'R');  // its fiber runs it
  }
  // t3 (fiber 4) sleeps from step 17 until its timer wakes it at step 24.
  CHECK(data["steps"][20]["states"].get<std::string>()[4] == 'z');
  CHECK(data["steps"][24]["states"].get<std::string>()[4] == 'R');
}

TEST_CASE("the page has a state cell per fiber, a value cell per variable and the step number",
          "[traces][html]") {
  const std::string html = export_html(fifo_trace(article_spinlock()));
  CHECK(occurrences(html, "id=\"step\"") == 1);
  for (const char* fiber : {"main", "t0", "t1", "t2", "t3", "t4"}) {
    CHECK(occurrences(html, std::string("id=\"fiber-") + fiber + "\"") == 1);
  }
  CHECK(occurrences(html, "id=\"var-total\"") == 1);
  CHECK(occurrences(html, "id=\"var-lock.flag\"") == 1);
  CHECK(occurrences(html, "id=\"cursor\"") == 1);
}

TEST_CASE("the page is self-contained: no network references, no external files",
          "[traces][html]") {
  for (const Trace& t : {fifo_trace(article_race()), fifo_trace(article_spinlock())}) {
    const std::string html = export_html(t);
    CHECK(html.rfind("<!DOCTYPE html>", 0) == 0);
    CHECK(occurrences(html, "http://") == 0);
    CHECK(occurrences(html, "https://") == 0);
    CHECK(occurrences(html, " src=") == 0);
    CHECK(occurrences(html, "<link") == 0);
    CHECK(occurrences(html, "@import") == 0);
  }
}

TEST_CASE("names that look like markup cannot end the page's data or script early",
          "[traces][html]") {
  FifoPolicy fifo;
  const Trace t = recorded_trace(interleave::testing::awkward_names(), fifo);
  const std::string html = export_html(t);
  CHECK(occurrences(html, "</script") == 2);  // the data element and the script element
  CHECK(occurrences(html, "<!--") == 0);
  const Json data = embedded_data(html);
  CHECK(data["fibers"][1]["name"] == interleave::testing::kAwkwardFiber);
  CHECK(data["variables"][0]["name"] == interleave::testing::kAwkwardVariable);
  CHECK(data["outcome"]["message"] == "</svg> <!-- & ]]> \xEF\xBF\xBD");
  // The ids of the cells stay plain.
  CHECK(occurrences(html, "id=\"var-_total_____sum_\"") == 1);
}

TEST_CASE("a livelock's page steps over the repeated loads as one step", "[traces][html]") {
  RunConfig config;
  config.max_steps = 3000;
  const Trace t = fifo_trace(article_naive_spinlock(), config);
  const Json data = embedded_data(export_html(t));
  bool long_run = false;
  for (const Json& s : data["steps"]) {
    if (s["last"].get<int>() - s["first"].get<int>() > 2900) long_run = s["spinning"] == true;
  }
  CHECK(long_run);
  CHECK(data["steps"].size() < 60);
}

TEST_CASE("a trace without steps is a page with no steps to show", "[traces][html]") {
  Trace t;
  t.fibers.push_back(TraceFiber{FiberId{0}, "main", FiberId{0}});
  const Json data = embedded_data(export_html(t));
  CHECK(data["steps"].empty());
  CHECK(data["fibers"].size() == 1);
}
