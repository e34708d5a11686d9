#include "scenarios/dpor/writers.h"

#include <cstdint>
#include <string>
#include <vector>

#include "scenarios/classic/size_param.h"
#include "sim/shared.h"
#include "sim/simulator.h"
#include "sim/thread.h"

namespace interleave {

Scenario dpor_writers() {
  Scenario s;
  s.name = "dpor/writers";
  s.description =
      "`threads` threads each store to x `writes` times (thread t's k-th store writes t*100+k): "
      "(threads*writes)!/(writes!)^threads schedules up to equivalence, 1680 for 3x3 (a DPOR "
      "counting benchmark)";
  s.params = {{"threads", 2, "how many threads store to x", 1, 1000},
              {"writes", 2, "how many stores each thread makes", 1, 100000}};
  s.body = [](Simulator& sim, const Params& params) {
    const int threads = size_param(sim, params, "threads", 1);
    const int writes = size_param(sim, params, "writes", 1);
    Shared<int> x(sim, "x", 0);
    {
      std::vector<Thread> ts;
      ts.reserve(static_cast<std::size_t>(threads));
      for (int t = 1; t <= threads; ++t) {
        ts.emplace_back(sim, "t" + std::to_string(t), [&x, t, writes] {
          for (int k = 1; k <= writes; ++k) x.store(t * 100 + k);
        });
      }
      for (Thread& t : ts) t.join();
    }
    sim.report("last", std::int64_t{x.peek()});
  };
  return s;
}

}  // namespace interleave
