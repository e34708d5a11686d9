#include "scenarios/dpor/readers.h"

#include <cstdint>
#include <string>
#include <vector>

#include "scenarios/classic/size_param.h"
#include "sim/shared.h"
#include "sim/simulator.h"
#include "sim/thread.h"

namespace interleave {

Scenario dpor_readers() {
  Scenario s;
  s.name = "dpor/readers";
  s.description =
      "one writer stores 1 to x (initially 0) and n readers each load x once: 2^n schedules up "
      "to equivalence, each reader before or after the write (a DPOR counting benchmark)";
  s.params = {{"n", 2, "how many readers", 1, 1000}};
  s.body = [](Simulator& sim, const Params& params) {
    const int n = size_param(sim, params, "n", 1);
    Shared<int> x(sim, "x", 0);
    std::vector<std::int64_t> saw(static_cast<std::size_t>(n), 0);  // by reader; plain code only
    {
      std::vector<Thread> threads;
      threads.reserve(static_cast<std::size_t>(n) + 1);
      threads.emplace_back(sim, "writer", [&x] { x.store(1); });
      for (int i = 0; i < n; ++i) {
        threads.emplace_back(sim, "r" + std::to_string(i + 1),
                             [&x, &saw, i] { saw[static_cast<std::size_t>(i)] = x.load(); });
      }
      for (Thread& t : threads) t.join();
    }
    std::int64_t seen = 0;
    for (const std::int64_t v : saw) seen += v;
    sim.report("saw", saw);
    sim.report("seen", seen);
  };
  return s;
}

}  // namespace interleave
