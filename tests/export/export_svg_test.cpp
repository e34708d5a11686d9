#include "export/export_svg.h"

#include <sys/stat.h>

#include <catch2/catch.hpp>
#include <fstream>
#include <string>

#include "export/xml_text.h"
#include "scenarios/article/lock.h"
#include "scenarios/article/naive_spinlock.h"
#include "scenarios/article/race.h"
#include "scenarios/article/semaphore_server.h"
#include "scenarios/article/spinlock.h"
#include "sim/policies/fifo.h"
#include "sim/policies/random.h"
#include "tests/support/awkward_names.h"
#include "tests/support/occurrences.h"
#include "tests/support/process.h"
#include "tests/support/recorded_trace.h"

using namespace interleave;
using interleave::testing::fifo_trace;
using interleave::testing::occurrences;
using interleave::testing::random_trace;
using interleave::testing::recorded_trace;

namespace {

// xmllint's verdict on the document: empty when it is well-formed XML.
std::string xmllint_errors(const std::string& svg) {
  const std::string xmllint = "/usr/bin/xmllint";
  struct stat st {};
  if (stat(xmllint.c_str(), &st) != 0) return "xmllint is missing: apt-get install libxml2-utils";
  const std::string path = interleave::testing::temp_dir() + "/timeline.svg";
  std::ofstream(path, std::ios::binary) << svg;
  const auto r = interleave::testing::run_process({xmllint, "--noout", path});
  if (r.exit_code == 0 && r.err.empty()) return {};
  return "exit " + std::to_string(r.exit_code) + ": " + r.err;
}

}  // namespace

TEST_CASE("the svg of the article's scenarios is well-formed XML and names every fiber",
          "[traces][svg]") {
  for (const Trace& t :
       {fifo_trace(article_race()), fifo_trace(article_spinlock()), fifo_trace(article_lock()),
        fifo_trace(article_semaphore_server()), random_trace(article_naive_spinlock(), 3),
        random_trace(article_lock(), 4), random_trace(article_semaphore_server(), 5)}) {
    INFO(t.scenario << " under " << t.policy.name);
    const std::string svg = export_svg(t);
    CHECK(svg.rfind("<?xml", 0) == 0);
    CHECK(xmllint_errors(svg).empty());
    for (const TraceFiber& f : t.fibers) {
      CHECK_THAT(svg, Catch::Contains(">" + f.name + "</text>"));
    }
  }
}

TEST_CASE("names and messages that look like markup are escaped in the svg", "[traces][svg]") {
  FifoPolicy fifo;
  const Trace t = recorded_trace(interleave::testing::awkward_names(), fifo);
  REQUIRE(t.outcome.status == Status::failed);
  const std::string svg = export_svg(t);
  CHECK(xmllint_errors(svg).empty());
  CHECK_THAT(svg, Catch::Contains(xml_escape(interleave::testing::kAwkwardFiber)));
  CHECK_THAT(svg, !Catch::Contains(interleave::testing::kAwkwardFiber));
  CHECK_THAT(svg, Catch::Contains("&lt;/svg&gt; &lt;!-- &amp; ]]&gt; \xEF\xBF\xBD"));
}

TEST_CASE("a failed run has its last step outlined and its message as the caption",
          "[traces][svg]") {
  const std::string failed = export_svg(fifo_trace(article_race()));
  CHECK(occurrences(failed, "class=\"failure\"") == 1);
  CHECK_THAT(failed, Catch::Contains("failed after step 29: the total is 6, expected 10"));
  const std::string ok = export_svg(fifo_trace(article_lock()));
  CHECK(occurrences(ok, "class=\"failure\"") == 0);
  CHECK_THAT(ok, Catch::Contains(">ok</text>"));
}

TEST_CASE("the clock's two-second jump in the race is one column labelled with the time skipped",
          "[traces][svg]") {
  const std::string svg = export_svg(fifo_trace(article_race()));
  // t3 sleeps 2 s from 17 µs; the other fibers run 8 µs meanwhile, then nothing can run.
  CHECK(occurrences(svg, ">+1.999992 s</text>") == 1);
  CHECK_THAT(svg, Catch::Contains(">2.000016 s</text>"));
}

TEST_CASE("the svg draws an arrow for every spawn and wake-up and a clock for every timer",
          "[traces][svg]") {
  const std::string svg = export_svg(fifo_trace(article_race()));
  // Legend entries included: one of each kind.
  CHECK(occurrences(svg, "marker-end=\"url(#spawn-head)\"") == 5 + 1);
  CHECK(occurrences(svg, "marker-end=\"url(#wake-head)\"") == 2 + 1);  // t0 and t3 wake main
  CHECK(occurrences(svg, "class=\"timer\"") == 1 + 1);                 // t3's sleep ends
}

TEST_CASE("every step column has a tooltip, and a livelock's repeated steps are one column",
          "[traces][svg]") {
  const Trace race = fifo_trace(article_race());
  const std::string svg = export_svg(race);
  CHECK(occurrences(svg, "class=\"hit\"") == race.events.size());
  CHECK_THAT(svg, Catch::Contains("<title>step 15 at 15 µs\nt3: load total: read 3</title>"));

  RunConfig config;
  config.max_steps = 3000;
  const Trace livelock = fifo_trace(article_naive_spinlock(), config);
  REQUIRE(livelock.outcome.status == Status::livelock);
  const std::string spun = export_svg(livelock);
  CHECK(xmllint_errors(spun).empty());
  CHECK(occurrences(spun, "class=\"hit\"") < 60);
  CHECK_THAT(spun, Catch::Contains("(×29"));
}

TEST_CASE("the svg is the same bytes for the same run", "[traces][svg]") {
  CHECK(export_svg(random_trace(article_spinlock(), 9)) ==
        export_svg(random_trace(article_spinlock(), 9)));
}

TEST_CASE("the tutorial's picture of the race is what export_svg draws today", "[traces][svg]") {
  const std::string path = interleave::testing::source_path("docs/img/article-race-fifo.svg");
  INFO("regenerate with: build/tests/interleave_export_sample article/race fifo 1 svg " + path);
  CHECK(interleave::testing::read_file(path) == export_svg(fifo_trace(article_race())));
}

TEST_CASE("a trace without steps is still a well-formed picture", "[traces][svg]") {
  Trace t;
  t.scenario = "empty";
  t.policy.name = "fifo";
  t.fibers.push_back(TraceFiber{FiberId{0}, "main", FiberId{0}});
  t.outcome.status = Status::cut;
  const std::string svg = export_svg(t);
  CHECK(xmllint_errors(svg).empty());
  CHECK_THAT(svg, Catch::Contains(">main</text>"));
}
