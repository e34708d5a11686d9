#include "scenarios.h"

#include <string>
#include <vector>

#include "mailbox.h"
#include "ticket_lock.h"

namespace example {
namespace {

using interleave::Params;
using interleave::Shared;
using interleave::Simulator;
using interleave::Thread;

// Threads count under Lock: each reads the counter and writes it back plus one.
template <class Lock>
void count_under(Simulator& sim, const Params& params) {
  Lock lock(sim, "tickets");
  Shared<int> count(sim, "count", 0);
  const int threads = static_cast<int>(params.get("threads"));
  {
    std::vector<Thread> workers;
    workers.reserve(static_cast<std::size_t>(threads));
    for (int i = 0; i < threads; ++i) {
      std::string name = "t";  // not "t" + ...: GCC 12 warns wrongly about that (bug 105329)
      name += std::to_string(i);
      workers.emplace_back(sim, name, [&] {
        lock.lock();
        count.store(count.load() + 1);
        lock.unlock();
      });
    }
  }  // every worker is joined here
  const int counted = count.load();
  sim.report("count", std::int64_t{counted});
  sim.check(counted == threads,
            "the count is " + std::to_string(counted) + ", expected " + std::to_string(threads));
}

// A producer posts letters 1 and 2 through Box; two consumers take one each.
template <class Box>
void post_two_letters(Simulator& sim, const Params&) {
  Box box(sim, "mailbox");
  Shared<int> first(sim, "c1.letter", 0);
  Shared<int> second(sim, "c2.letter", 0);
  {
    Thread producer(sim, "producer", [&] {
      box.put(1);
      box.put(2);
    });
    Thread c1(sim, "c1", [&] { first.store(box.take()); });
    Thread c2(sim, "c2", [&] { second.store(box.take()); });
  }  // every thread is joined here
  const int a = first.load();
  const int b = second.load();
  sim.report("letters", std::vector<std::int64_t>{a, b});
  sim.check(a + b == 3 && a != b, "the consumers took letters " + std::to_string(a) + " and " +
                                      std::to_string(b) + ", expected 1 and 2");
}

interleave::Scenario counting(std::string name, std::string description,
                              void (*body)(Simulator&, const Params&)) {
  interleave::Scenario s;
  s.name = std::move(name);
  s.description = std::move(description);
  s.params = {{"threads", 2, "threads that each add one under the lock", 1}};
  s.body = body;
  return s;
}

}  // namespace

interleave::Scenario ticket_lock_scenario() {
  return counting("tickets/fixed", "threads count under a ticket lock that draws with fetch_add",
                  count_under<TicketLock>);
}

interleave::Scenario broken_ticket_lock_scenario() {
  return counting("tickets/broken", "threads count under a ticket lock that draws in two steps",
                  count_under<BrokenTicketLock>);
}

interleave::Scenario mailbox_scenario() {
  return {"mailbox/while",
          "two consumers take letters from a mailbox that waits in a loop",
          {},
          post_two_letters<Mailbox>};
}

interleave::Scenario if_mailbox_scenario() {
  return {"mailbox/if",
          "two consumers take letters from a mailbox that waits with if",
          {},
          post_two_letters<IfMailbox>};
}

void add_scenarios(interleave::ScenarioRegistry& registry) {
  registry.add(ticket_lock_scenario());
  registry.add(broken_ticket_lock_scenario());
  registry.add(mailbox_scenario());
  registry.add(if_mailbox_scenario());
}

}  // namespace example
