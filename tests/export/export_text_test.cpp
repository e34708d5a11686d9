#include "export/export_text.h"

#include <catch2/catch.hpp>
#include <string>

#include "sim/policies/fifo.h"
#include "sim/shared.h"
#include "sim/simulator.h"
#include "sim/thread.h"
#include "traces/recorder.h"

using namespace interleave;
using Catch::Matchers::Contains;

namespace {

// The text export of a run in which t loads x `loads` times while main waits to join it.
std::string text_of_loads(int loads) {
  Simulator sim;
  FifoPolicy fifo;
  TraceRecorder recorder("test/loads", {}, fifo.info(), RunConfig{});
  fifo.begin_run();
  sim.run(
      fifo,
      [&] {
        Shared<int> x(sim, "x", 0);
        Thread t(sim, "t", [&] {
          for (int i = 0; i < loads; ++i) x.load();
        });
      },
      &recorder);
  return export_text(recorder.take(sim.schedule()));
}

std::size_t count_of(const std::string& text, const std::string& part) {
  std::size_t n = 0;
  for (std::size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++n;
  return n;
}

}  // namespace

TEST_CASE("the text export folds a long run of the same step into one line",
          "[traces][export][text]") {
  const std::string text = text_of_loads(1000);
  CHECK(count_of(text, "ld x=0") == 1);
  CHECK_THAT(text, Contains("\n           ... the same step 999 more times, to 0.001001s\n"));
}

TEST_CASE("the text export shows a short repetition step by step", "[traces][export][text]") {
  const std::string text = text_of_loads(6);
  CHECK(count_of(text, "ld x=0") == 6);
  CHECK(count_of(text, "the same step") == 0);
}
