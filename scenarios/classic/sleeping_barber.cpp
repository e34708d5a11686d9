#include "scenarios/classic/sleeping_barber.h"

#include <cstdint>
#include <string>
#include <vector>

#include "primitives/mutex.h"
#include "primitives/semaphore.h"
#include "scenarios/classic/size_param.h"
#include "sim/shared.h"
#include "sim/simulator.h"
#include "sim/thread.h"

namespace interleave {

namespace {

std::vector<ParamSpec> barber_params() {
  return {{"customers", 2, "how many customers come in", 1, 1000},
          {"chairs", 1, "how many chairs the waiting room has", 1, 1000}};
}

// sleeping_barber(sim, params, guarded) is the semaphore solution: the barber "barber" sleeps
// on the semaphore "customers" until one is waiting, takes one customer out of the waiting
// count "waiting" and signals "barber ready"; a "customer i" sits down if the waiting count is
// below the number of chairs (and signals "customers", then waits for "barber ready"), or
// leaves. guarded says whether the count is read and changed under the mutex "seats". The true
// number of customers in the waiting room is kept with plain code; a customer sitting down
// when it already holds `chairs` customers fails the run. When every customer is gone, main
// sets "closing" and wakes the barber once more so that it goes home.
void sleeping_barber(Simulator& sim, const Params& params, bool guarded) {
  const int customers = size_param(sim, params, "customers", 1);
  const int chairs = size_param(sim, params, "chairs", 1);
  Semaphore waiting_customers(sim, "customers", 0);
  Semaphore barber_ready(sim, "barber ready", 0);
  Mutex seats(sim, "seats");
  Shared<int> waiting(sim, "waiting", 0);
  Shared<bool> closing(sim, "closing", false);
  int in_room = 0;  // customers sitting in the waiting room; plain code only
  const ObjectId room = sim.plain_state();  // in_room, for the search's dependence
  std::int64_t cuts = 0;                    // haircuts given; written by the barber only
  std::int64_t served = 0;                  // customers that got their haircut
  std::int64_t turned_away = 0;             // customers that found every chair taken

  auto barber = [&] {
    for (;;) {
      waiting_customers.acquire();  // asleep while nobody waits
      if (closing.load()) return;
      if (guarded) seats.lock();
      const int w = waiting.load();
      waiting.store(w - 1);
      sim.touch_plain(room);
      --in_room;  // the barber calls one customer to the chair
      barber_ready.release();
      if (guarded) seats.unlock();
      ++cuts;
    }
  };
  auto customer = [&] {
    if (guarded) seats.lock();
    const int w = waiting.load();
    if (w >= chairs) {
      if (guarded) seats.unlock();
      ++turned_away;
      return;
    }
    waiting.store(w + 1);
    sim.touch_plain(room);
    if (in_room >= chairs) {
      sim.fail(std::string(sim.fiber_name(sim.current_fiber())) +
               " sat down in the waiting room with " + std::to_string(in_room) + " customer" +
               (in_room == 1 ? "" : "s") + " already waiting, but it has " +
               std::to_string(chairs) + " chair" + (chairs == 1 ? "" : "s") +
               ": the count of waiting customers read " + std::to_string(w));
      return;
    }
    ++in_room;
    waiting_customers.release();
    if (guarded) seats.unlock();
    barber_ready.acquire();  // until the barber calls
    ++served;
  };
  {
    Thread barber_thread(sim, "barber", barber);
    {
      std::vector<Thread> queue;
      queue.reserve(static_cast<std::size_t>(customers));
      for (int i = 0; i < customers; ++i) {
        queue.emplace_back(sim, "customer " + std::to_string(i), customer);
      }
      for (Thread& t : queue) t.join();
    }
    closing.store(true);
    waiting_customers.release();
  }
  sim.report("served", served);
  sim.report("turned_away", turned_away);
  sim.report("cuts", cuts);
  sim.check(served == cuts, std::to_string(served) + " customers were served but the barber gave " +
                                std::to_string(cuts) + " haircuts");
}

}  // namespace

Scenario classic_sleeping_barber() {
  Scenario s;
  s.name = "classic/sleeping-barber";
  s.description =
      "the sleeping barber with semaphores: the barber sleeps on customers, a customer takes a "
      "chair if the waiting count (kept under the mutex seats) is below chairs and waits for "
      "barber ready, else leaves; under every schedule the room never holds more than chairs "
      "customers and each seated customer gets exactly one haircut";
  s.params = barber_params();
  s.body = [](Simulator& sim, const Params& params) { sleeping_barber(sim, params, true); };
  return s;
}

Scenario classic_sleeping_barber_racy() {
  Scenario s;
  s.name = "classic/sleeping-barber-racy";
  s.description =
      "the sleeping barber with the waiting count read and written without the mutex: two "
      "customers both read a free chair and both sit down, and random and pct find a waiting "
      "room holding more customers than it has chairs";
  s.params = barber_params();
  s.body = [](Simulator& sim, const Params& params) { sleeping_barber(sim, params, false); };
  return s;
}

}  // namespace interleave
