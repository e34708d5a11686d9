#include "scenarios/classic/bounded_buffer.h"

#include <cstdint>
#include <deque>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "primitives/condition_variable.h"
#include "primitives/mutex.h"
#include "scenarios/classic/size_param.h"
#include "sim/ids.h"
#include "sim/simulator.h"
#include "sim/thread.h"

namespace interleave {

namespace {

std::vector<ParamSpec> buffer_params() {
  return {{"producers", 1, "how many producer threads", 1, 1000},
          {"consumers", 2, "how many consumer threads (they share the items)", 1, 1000},
          {"items", 2, "how many items each producer puts", 1, 100000},
          {"capacity", 1, "how many items the buffer holds", 1, 100000}};
}

// bounded_buffer(sim, params, recheck) runs the producers and consumers; recheck says whether
// a woken thread tests its condition again (`while`) or goes on at once (`if`). Taking from
// an empty buffer or putting into a full one fails the run before the buffer is touched.
void bounded_buffer(Simulator& sim, const Params& params, bool recheck) {
  const int producers = size_param(sim, params, "producers", 1);
  const int consumers = size_param(sim, params, "consumers", 1);
  const int items = size_param(sim, params, "items", 1);
  const auto capacity = static_cast<std::size_t>(size_param(sim, params, "capacity", 1));
  const std::int64_t total = std::int64_t{producers} * items;

  Mutex mutex(sim, "buffer");
  ConditionVariable not_full(sim, "not_full");
  ConditionVariable not_empty(sim, "not_empty");
  std::deque<std::int64_t> buffer;     // invariant: touched only with mutex held
  std::optional<FiberId> last_taker;   // the consumer that took the last item; under mutex
  std::optional<FiberId> last_putter;  // the producer that put the last item; under mutex
  std::int64_t taken = 0;              // items taken so far; under mutex
  std::int64_t taken_sum = 0;          // their values added up; under mutex

  auto name_or = [&](const std::optional<FiberId>& f, const char* otherwise) {
    return f ? std::string(sim.fiber_name(*f)) : std::string(otherwise);
  };
  auto produce = [&](int p) {
    for (int k = 0; k < items; ++k) {
      std::unique_lock<Mutex> lock(mutex);
      if (recheck) {
        while (buffer.size() >= capacity) not_full.wait(lock);
      } else if (buffer.size() >= capacity) {
        not_full.wait(lock);
      }
      if (buffer.size() >= capacity) {
        sim.fail(std::string(sim.fiber_name(sim.current_fiber())) +
                 " put an item into the full buffer (capacity " + std::to_string(capacity) +
                 "): it was woken with `if`, not `while`, and " +
                 name_or(last_putter, "another producer") + " had filled the buffer first");
        return;
      }
      buffer.push_back(std::int64_t{p} * items + k + 1);
      last_putter = sim.current_fiber();
      not_empty.notify_one();
    }
  };
  auto consume = [&](int c) {
    // Consumer c takes its share of the total: total / consumers, one more for the first ones.
    const std::int64_t share = total / consumers + (c < total % consumers ? 1 : 0);
    for (std::int64_t k = 0; k < share; ++k) {
      std::unique_lock<Mutex> lock(mutex);
      if (recheck) {
        while (buffer.empty()) not_empty.wait(lock);
      } else if (buffer.empty()) {
        not_empty.wait(lock);
      }
      if (buffer.empty()) {
        sim.fail(std::string(sim.fiber_name(sim.current_fiber())) +
                 " took an item from the empty buffer: it was woken with `if`, not `while`, and " +
                 name_or(last_taker, "another consumer") + " had taken the item first");
        return;
      }
      taken_sum += buffer.front();
      buffer.pop_front();
      ++taken;
      last_taker = sim.current_fiber();
      not_full.notify_one();
    }
  };
  {
    std::vector<Thread> threads;
    threads.reserve(static_cast<std::size_t>(producers + consumers));
    for (int p = 0; p < producers; ++p) {
      threads.emplace_back(sim, "producer " + std::to_string(p), [&produce, p] { produce(p); });
    }
    for (int c = 0; c < consumers; ++c) {
      threads.emplace_back(sim, "consumer " + std::to_string(c), [&consume, c] { consume(c); });
    }
    for (Thread& t : threads) t.join();
  }
  sim.report("taken", taken);
  sim.check(taken == total && taken_sum == total * (total + 1) / 2,
            "the consumers took " + std::to_string(taken) + " items, expected each of the " +
                std::to_string(total) + " put exactly once");
}

}  // namespace

Scenario classic_bounded_buffer() {
  Scenario s;
  s.name = "classic/bounded-buffer";
  s.description =
      "producers put items into a bounded buffer and consumers take them, waiting on the "
      "condition variables not_full and not_empty in `while` loops; every schedule moves each "
      "item exactly once, even when a woken consumer finds its item already taken";
  s.params = buffer_params();
  s.body = [](Simulator& sim, const Params& params) { bounded_buffer(sim, params, true); };
  return s;
}

Scenario classic_bounded_buffer_if() {
  Scenario s;
  s.name = "classic/bounded-buffer-if";
  s.description =
      "the bounded buffer with `if` instead of `while` around the condition waits: a consumer "
      "woken for an item can lose it to another consumer that takes the mutex first, and then "
      "takes from the empty buffer; random and pct find that stolen wakeup with 2 consumers";
  s.params = buffer_params();
  s.body = [](Simulator& sim, const Params& params) { bounded_buffer(sim, params, false); };
  return s;
}

}  // namespace interleave
