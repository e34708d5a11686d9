#include "scenarios/dpor/lastzero.h"

#include <cstdint>
#include <deque>
#include <string>
#include <vector>

#include "scenarios/classic/size_param.h"
#include "sim/shared.h"
#include "sim/simulator.h"
#include "sim/thread.h"

namespace interleave {

Scenario dpor_lastzero() {
  Scenario s;
  s.name = "dpor/lastzero";
  s.description =
      "a[0..n] start at 0; t0 scans i = n, n-1, ... for the first a[i] == 0 while tj (1..n) "
      "stores a[j] = a[j-1] + 1: 64 schedules up to equivalence for n=5 (the DPOR counting "
      "benchmark of Abdulla et al.)";
  s.params = {
      {"n", 3, "the highest index of the array a, and the number of writer threads", 1, 1000}};
  s.body = [](Simulator& sim, const Params& params) {
    const int n = size_param(sim, params, "n", 1);
    std::deque<Shared<int>> a;  // a deque: Shared does not move
    for (int i = 0; i <= n; ++i) a.emplace_back(sim, "a[" + std::to_string(i) + "]", 0);
    auto at = [&a](int i) -> Shared<int>& { return a[static_cast<std::size_t>(i)]; };
    std::int64_t found = -1;  // the index t0 stopped at; plain code only
    {
      std::vector<Thread> threads;
      threads.reserve(static_cast<std::size_t>(n) + 1);
      threads.emplace_back(sim, "t0", [&at, &found, n] {
        int i = n;
        while (at(i).load() != 0) --i;  // ends by i = 0: no thread writes a[0]
        found = i;
      });
      for (int j = 1; j <= n; ++j) {
        threads.emplace_back(sim, "t" + std::to_string(j),
                             [&at, j] { at(j).store(at(j - 1).load() + 1); });
      }
      for (Thread& t : threads) t.join();
    }
    sim.report("found", found);
  };
  return s;
}

}  // namespace interleave
