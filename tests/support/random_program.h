#pragma once
// RandomProgram: a small concurrent program drawn from a seed, for the differential tester.
// Two to four threads each take one to four steps (loads, stores, exchanges, compare-exchanges,
// fetch-adds) on one to three atomics, sometimes under a Mutex, sometimes one thread waits for
// another through a wait queue or a yield loop; main joins them, reports every value read and
// every final value, and checks a condition over them. print_scenario() writes the same program
// as C++ that can be pasted into a test.

#include <cstdint>
#include <string>
#include <vector>

namespace interleave {
class Simulator;
}

namespace interleave::testing {

// One step of a generated thread.
struct ProgramStep {
  enum class Kind : std::uint8_t { load, store, exchange, cas, fetch_add };
  Kind kind = Kind::load;
  int var = 0;       // which atomic, 0-based
  int value = 0;     // store/exchange: the value written; cas: the desired value
  int expected = 0;  // cas: the expected value
};

// How one thread waits for another before its own steps, if at all.
enum class Handoff : std::uint8_t { none, wait_queue, yield_loop };

// A generated program. Invariants: 2 <= threads.size() <= 4, each thread has 1 to 4 steps and
// touches only atomics below vars; waiter != signaller when handoff is not none.
struct RandomProgram {
  std::uint64_t seed = 0;
  int vars = 1;                                   // atomics x0 .. x{vars-1}, all starting at 0
  std::vector<std::vector<ProgramStep>> threads;  // threads t1 .. tN, in spawn order
  std::vector<bool> locked;  // per thread: its steps run under the mutex m (empty: no mutex)
  Handoff handoff = Handoff::none;
  int waiter = 0;     // the thread that waits for the flag before its steps (0-based)
  int signaller = 0;  // the thread that sets the flag after its steps
  int modulus = 3;    // the check fails when the weighted sum of what was read is 0 modulo this
  int checker = -1;   // a thread that checks its last read value right after its steps, or -1
  int forbidden = 0;  // the value the checker's last read must not be (the run fails there)

  // random_program(seed) draws a program from seed (the project's Rng: the same on every machine).
  static RandomProgram random(std::uint64_t seed);
  // run(sim) is the program's body: the scenario run as fiber 0.
  void run(Simulator& sim) const;
  // print_scenario() is the program as C++: a Catch2 test case that explores it.
  std::string print_scenario() const;
  // summary() is one line: threads, steps, atomics, mutex and handoff.
  std::string summary() const;
};

}  // namespace interleave::testing
