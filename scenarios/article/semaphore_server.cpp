#include "scenarios/article/semaphore_server.h"

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <mutex>
#include <string>
#include <vector>

#include "primitives/bounded_semaphore.h"
#include "primitives/mutex.h"
#include "sim/atomic.h"
#include "sim/simulator.h"
#include "sim/thread.h"

namespace interleave {

using namespace std::chrono_literals;

Scenario article_semaphore_server() {
  Scenario s;
  s.name = "article/semaphore-server";
  s.description =
      "clients connect to a server guarded by a BoundedSemaphore(max_connections), stay 3 s, "
      "print under a print lock and leave; the article shows them served max_connections at a "
      "time, and here fifo finishes them at 3,3,3,6,6,6,9,9,9,12 s and no schedule lets more "
      "than max_connections in";
  s.params = {{"clients", 10, "how many clients connect", 0, 1000},
              {"max_connections", 3, "how many clients the server admits at once", 1, 1000}};
  s.body = [](Simulator& sim, const Params& params) {
    const auto clients = static_cast<int>(params.get("clients"));
    const auto max_connections = static_cast<std::int32_t>(params.get("max_connections"));
    BoundedSemaphore connections(sim, "connections", max_connections);
    Mutex print_lock(sim, "print");
    Atomic<int> inside(sim, "inside", 0);
    int max_inside = 0;  // the most clients inside at once; updated right after each entry step
    std::vector<std::int64_t> completion_s(static_cast<std::size_t>(std::max(clients, 0)), 0);
    {
      std::vector<Thread> threads;
      threads.reserve(completion_s.size());
      for (int i = 0; i < clients; ++i) {
        threads.emplace_back(sim, "client" + std::to_string(i), [&, i] {
          connections.acquire();
          const int now_inside = inside.fetch_add(1) + 1;
          max_inside = std::max(max_inside, now_inside);
          sim.sleep(3s);
          {
            std::lock_guard<Mutex> guard(print_lock);
            sim.note([&] {
              return "client " + std::to_string(i) + " served, done at " +
                     std::to_string(sim.now().count() / 1'000'000'000) + " s (" +
                     std::to_string(now_inside) + " connected when it came in)";
            });
          }
          inside.fetch_add(-1);
          connections.release();
          completion_s[static_cast<std::size_t>(i)] = sim.now().count() / 1'000'000'000;
        });
      }
      for (Thread& t : threads) t.join();
    }
    sim.report("completion_s", completion_s);
    sim.report("max_inside", std::int64_t{max_inside});
    sim.check(max_inside <= max_connections,
              std::to_string(max_inside) + " clients were inside at once, but max_connections is " +
                  std::to_string(max_connections));
  };
  return s;
}

}  // namespace interleave
