#include <catch2/catch.hpp>

#include "sim/atomic.h"
#include "sim/policies/fifo.h"
#include "sim/shared.h"
#include "sim/simulator.h"
#include "sim/thread.h"
#include "sim/wait_queue.h"

using namespace interleave;
using namespace std::chrono_literals;

TEST_CASE("the article's race gives 6 under fifo", "[sim][smoke]") {
  Simulator sim;
  FifoPolicy fifo;
  auto r = sim.run(fifo, [&] {
    Shared<int> total(sim, "total", 0);
    {
      std::vector<Thread> ts;
      for (int i = 0; i < 5; ++i) {
        ts.emplace_back(sim, "", [&, i] {
          int temp = total.load();
          if (i == 3) sim.sleep(2s);
          total.store(temp + i);
        });
      }
    }
    sim.report("total", std::int64_t{total.load()});
  });
  CHECK(r.outcome.status == Status::ok);
  REQUIRE(r.results.size() == 1);
  CHECK(std::get<std::int64_t>(r.results[0].second) == 6);
}
