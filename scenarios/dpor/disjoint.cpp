#include "scenarios/dpor/disjoint.h"

#include <cstdint>
#include <deque>
#include <string>
#include <vector>

#include "scenarios/classic/size_param.h"
#include "sim/shared.h"
#include "sim/simulator.h"
#include "sim/thread.h"

namespace interleave {

Scenario dpor_disjoint() {
  Scenario s;
  s.name = "dpor/disjoint";
  s.description =
      "thread t stores 1..steps to its own variable xt, sharing nothing: 1 schedule up to "
      "equivalence (a DPOR counting benchmark)";
  s.params = {{"threads", 2, "how many threads, each with its own variable", 1, 1000},
              {"steps", 2, "how many stores each thread makes", 1, 100000}};
  s.body = [](Simulator& sim, const Params& params) {
    const int threads = size_param(sim, params, "threads", 1);
    const int steps = size_param(sim, params, "steps", 1);
    std::deque<Shared<int>> xs;  // xs[t-1] is "xt"; a deque: Shared does not move
    for (int t = 1; t <= threads; ++t) xs.emplace_back(sim, "x" + std::to_string(t), 0);
    {
      std::vector<Thread> ts;
      ts.reserve(static_cast<std::size_t>(threads));
      for (Shared<int>& x : xs) {
        ts.emplace_back(sim, "t" + std::to_string(ts.size() + 1), [&x, steps] {
          for (int k = 1; k <= steps; ++k) x.store(k);
        });
      }
      for (Thread& t : ts) t.join();
    }
    std::int64_t sum = 0;
    for (const Shared<int>& x : xs) sum += x.peek();
    sim.report("sum", sum);
  };
  return s;
}

}  // namespace interleave
