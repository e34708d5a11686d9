#include "scenarios/article/race.h"

#include <chrono>
#include <string>
#include <vector>

#include "sim/shared.h"
#include "sim/simulator.h"
#include "sim/thread.h"

namespace interleave {

using namespace std::chrono_literals;

Scenario article_race() {
  Scenario s;
  s.name = "article/race";
  s.description =
      "five threads add 0..4 to a shared total, thread 3 sleeping 2 s between its read and its "
      "write; the article prints 'The total is: 6', the correct total is 10";
  s.body = [](Simulator& sim, const Params&) {
    Shared<int> total(sim, "total", 0);
    {
      std::vector<Thread> threads;
      threads.reserve(5);
      for (int i = 0; i < 5; ++i) {
        threads.emplace_back(sim, "t" + std::to_string(i), [&sim, &total, i] {
          const int temp = total.load();
          if (i == 3) sim.sleep(2s);
          total.store(temp + i);
        });
      }
      for (Thread& t : threads) t.join();
    }
    const int result = total.load();
    sim.report("total", std::int64_t{result});
    sim.check(result == 10, "the total is " + std::to_string(result) + ", expected 10");
  };
  return s;
}

}  // namespace interleave
