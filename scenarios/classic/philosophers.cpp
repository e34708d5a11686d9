#include "scenarios/classic/philosophers.h"

#include <algorithm>
#include <cstdint>
#include <deque>
#include <string>
#include <vector>

#include "primitives/mutex.h"
#include "scenarios/classic/size_param.h"
#include "sim/atomic.h"
#include "sim/simulator.h"
#include "sim/thread.h"

namespace interleave {

namespace {

std::vector<ParamSpec> philosopher_params() {
  return {{"n", 3, "how many philosophers (and forks) sit at the table", 2, 1000},
          {"meals", 1, "how many times each philosopher eats", 1, 100000}};
}

// philosophers(sim, params, ordered) seats n philosophers "philosopher i" between the mutexes
// "fork i" (on the left) and "fork i+1 mod n" (on the right). Each takes its left fork, then
// its right one, or, when ordered, the lower-numbered one first; then eats (one step on the
// atomic "meals") and puts both down. A philosopher that starts eating while a neighbour eats
// fails the run.
void philosophers(Simulator& sim, const Params& params, bool ordered) {
  const int n = size_param(sim, params, "n", 2);
  const int meals = size_param(sim, params, "meals", 1);
  std::deque<Mutex> forks;  // a deque: Mutex does not move
  for (int i = 0; i < n; ++i) forks.emplace_back(sim, "fork " + std::to_string(i));
  Atomic<std::int64_t> eaten(sim, "meals", 0);
  std::vector<bool> eating(static_cast<std::size_t>(n), false);  // by seat; plain code only

  auto dine = [&](int i) {
    const int left = i;
    const int right = (i + 1) % n;
    const int first = ordered ? std::min(left, right) : left;
    const int second = ordered ? std::max(left, right) : right;
    for (int m = 0; m < meals; ++m) {
      forks[static_cast<std::size_t>(first)].lock();
      forks[static_cast<std::size_t>(second)].lock();
      for (const int neighbour : {(i + n - 1) % n, right}) {
        if (eating[static_cast<std::size_t>(neighbour)]) {
          sim.fail("philosopher " + std::to_string(i) + " started eating while philosopher " +
                   std::to_string(neighbour) + " was eating");
          return;
        }
      }
      eating[static_cast<std::size_t>(i)] = true;
      eaten.fetch_add(1);
      eating[static_cast<std::size_t>(i)] = false;
      forks[static_cast<std::size_t>(second)].unlock();
      forks[static_cast<std::size_t>(first)].unlock();
    }
  };
  {
    std::vector<Thread> table;
    table.reserve(static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i) {
      table.emplace_back(sim, "philosopher " + std::to_string(i), [&dine, i] { dine(i); });
    }
    for (Thread& t : table) t.join();
  }
  const std::int64_t total = eaten.load();
  sim.report("meals", total);
  sim.check(total == std::int64_t{n} * meals, std::to_string(total) + " meals eaten, expected " +
                                                  std::to_string(std::int64_t{n} * meals));
}

}  // namespace

Scenario classic_philosophers() {
  Scenario s;
  s.name = "classic/philosophers";
  s.description =
      "dining philosophers: each takes the fork on its left, then the one on its right; when "
      "every philosopher holds its left fork none can continue, and the run ends in deadlock "
      "naming each philosopher and the fork it waits on (random and pct find it quickly)";
  s.params = philosopher_params();
  s.body = [](Simulator& sim, const Params& params) { philosophers(sim, params, false); };
  return s;
}

Scenario classic_philosophers_ordered() {
  Scenario s;
  s.name = "classic/philosophers-ordered";
  s.description =
      "dining philosophers with a global fork order: each takes its lower-numbered fork first, "
      "so the last philosopher reaches for fork 0 before fork n-1, no cycle of waits can form, "
      "and every schedule ends with every meal eaten";
  s.params = philosopher_params();
  s.body = [](Simulator& sim, const Params& params) { philosophers(sim, params, true); };
  return s;
}

}  // namespace interleave
