#include "sim/simulator.h"

#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdio>
#include <fstream>
#include <functional>
#include <stdexcept>
#include <string>
#include <vector>

#include "sim/atomic.h"
#include "sim/policies/fifo.h"
#include "sim/shared.h"
#include "sim/thread.h"
#include "sim/wait_queue.h"

using namespace interleave;
using namespace std::chrono_literals;

namespace {

// A tiny lock made directly of an atomic and a wait queue, for the kernel's own tests.
struct RawLock {
  RawLock(Simulator& sim, const char* name) : word(sim, name, 0), queue(sim, name) {}
  void lock() {
    while (word.exchange(1) != 0) queue.wait_if(word, 1);
  }
  void unlock() {
    word.store(0);
    queue.wake_one();
  }
  Atomic<int> word;
  WaitQueue queue;
};

long resident_kib() {
  std::ifstream statm("/proc/self/statm");
  long pages = 0, resident = 0;
  statm >> pages >> resident;
  return resident * (sysconf(_SC_PAGESIZE) / 1024);
}

}  // namespace

TEST_CASE("a two-fiber ABBA on atomics and wait queues is a deadlock naming both fibers",
          "[sim][outcome]") {
  Simulator sim;
  FifoPolicy fifo;
  auto r = sim.run(fifo, [&] {
    RawLock a(sim, "A");
    RawLock b(sim, "B");
    Thread t1(sim, "t1", [&] {
      a.lock();
      sim.yield();
      b.lock();
      b.unlock();
      a.unlock();
    });
    Thread t2(sim, "t2", [&] {
      b.lock();
      sim.yield();
      a.lock();
      a.unlock();
      b.unlock();
    });
  });
  REQUIRE(r.outcome.status == Status::deadlock);
  CHECK_THAT(r.outcome.message, Catch::Contains("t1 waits on wait_queue 'B'"));
  CHECK_THAT(r.outcome.message, Catch::Contains("t2 waits on wait_queue 'A'"));
  CHECK_THAT(r.outcome.message, Catch::Contains("main waits to join t2"));
}

TEST_CASE("a fiber spinning on an atomic under fifo is a livelock naming it", "[sim][outcome]") {
  RunConfig config;
  config.max_steps = 5000;
  Simulator sim(config);
  FifoPolicy fifo;
  auto r = sim.run(fifo, [&] {
    Atomic<bool> go(sim, "go", false);
    Thread spinner(sim, "spinner", [&] {
      while (!go.load()) {
      }
    });
    spinner.join();
    go.store(true);
  });
  REQUIRE(r.outcome.status == Status::livelock);
  CHECK_THAT(r.outcome.message, Catch::Contains("step limit of 5000"));
  CHECK_THAT(r.outcome.message, Catch::Contains("spinner"));
  CHECK_THAT(r.outcome.message, !Catch::Contains("main ("));
  CHECK(r.stats.steps == 5000);
}

TEST_CASE("an exception thrown in a fiber fails the run with its message", "[sim][outcome]") {
  Simulator sim;
  FifoPolicy fifo;
  auto r = sim.run(fifo, [&] {
    Shared<int> x(sim, "x", 0);
    Thread t(sim, "worker", [&] {
      x.store(1);
      throw std::runtime_error("boom");
    });
  });
  REQUIRE(r.outcome.status == Status::failed);
  CHECK(r.outcome.message == "fiber 'worker' threw: boom");
}

TEST_CASE("a failed check ends the run and names the file and line", "[sim][outcome]") {
  Simulator sim;
  FifoPolicy fifo;
  bool after = false;
  auto r = sim.run(fifo, [&] {
    Shared<int> x(sim, "x", 3);
    sim.check(x.load() == 4, "x is 3");
    after = true;
  });
  REQUIRE(r.outcome.status == Status::failed);
  CHECK_THAT(r.outcome.message, Catch::StartsWith("x is 3 (check at simulator_test.cpp:"));
  CHECK_FALSE(after);
}

TEST_CASE("abandoned fibers are unwound so their destructors run", "[sim][outcome]") {
  struct Guard {
    int* count;
    ~Guard() { ++*count; }
  };
  Simulator sim;
  FifoPolicy fifo;
  int destroyed = 0;
  auto r = sim.run(fifo, [&] {
    Guard g{&destroyed};
    Atomic<int> word(sim, "word", 0);
    WaitQueue q(sim, "never");
    Thread t(sim, "stuck", [&] {
      Guard inner{&destroyed};
      q.wait_if(word, 0);
    });
  });
  CHECK(r.outcome.status == Status::deadlock);
  CHECK(destroyed == 2);
}

TEST_CASE("runs share nothing: a run after a failed one starts from scratch", "[sim]") {
  Simulator sim;
  FifoPolicy fifo;
  auto body = [&](bool fail) {
    return sim.run(fifo, [&] {
      Shared<int> x(sim, "x", 0);
      Thread t(sim, "t", [&] {
        x.store(x.load() + 1);
        if (fail) throw std::runtime_error("fail");
      });
      t.join();
      sim.report("x", std::int64_t{x.load()});
    });
  };
  auto first = body(false);
  auto failed = body(true);
  auto again = body(false);
  CHECK(failed.outcome.status == Status::failed);
  CHECK(first.outcome == again.outcome);
  CHECK(first.results == again.results);
  CHECK(first.stats == again.stats);
  CHECK(std::get<std::int64_t>(again.results.at(0).second) == 1);
}

TEST_CASE("sleep advances virtual time and timers fire in deadline order", "[sim][time]") {
  Simulator sim;
  FifoPolicy fifo;
  std::vector<int> order;
  auto r = sim.run(fifo, [&] {
    Thread a(sim, "a", [&] {
      sim.sleep(3s);
      order.push_back(1);
    });
    Thread b(sim, "b", [&] {
      sim.sleep(1s);
      order.push_back(2);
    });
  });
  CHECK(r.outcome.status == Status::ok);
  CHECK(order == std::vector<int>{2, 1});
  CHECK(r.stats.clock >= 3s);
  CHECK(r.stats.clock < 3s + 1ms);
}

TEST_CASE("a timed wait returns timed_out when nobody wakes it, woken when someone does",
          "[sim][wait]") {
  Simulator sim;
  FifoPolicy fifo;
  WaitResult first{}, second{};
  Nanos waited{};
  auto r = sim.run(fifo, [&] {
    Atomic<int> word(sim, "word", 0);
    WaitQueue q(sim, "q");
    const Nanos start = sim.now();
    first = q.wait_if(word, 0, 5ms);
    waited = sim.now() - start;
    Thread waker(sim, "waker", [&] {
      sim.sleep(1ms);
      q.wake_one();
    });
    second = q.wait_if(word, 0, 1s);
  });
  CHECK(r.outcome.status == Status::ok);
  CHECK(first == WaitResult::timed_out);
  CHECK(waited >= 5ms);
  CHECK(second == WaitResult::woken);
  CHECK(r.stats.clock < 1s);
}

TEST_CASE("wait_if does not block when the word no longer holds the expected value",
          "[sim][wait]") {
  Simulator sim;
  FifoPolicy fifo;
  WaitResult result{};
  auto r = sim.run(fifo, [&] {
    Atomic<int> word(sim, "word", 1);
    WaitQueue q(sim, "q");
    result = q.wait_if(word, 0);
  });
  CHECK(r.outcome.status == Status::ok);
  CHECK(result == WaitResult::not_blocked);
  CHECK(r.stats.blocks == 0);
}

TEST_CASE("wake_one wakes the oldest waiter first", "[sim][wait]") {
  Simulator sim;
  FifoPolicy fifo;
  std::vector<std::string> woke;
  auto r = sim.run(fifo, [&] {
    Atomic<int> word(sim, "word", 0);
    WaitQueue q(sim, "q");
    std::vector<Thread> ts;
    for (const char* n : {"first", "second", "third"}) {
      ts.emplace_back(sim, n, [&, n] {
        q.wait_if(word, 0);
        woke.emplace_back(n);
      });
    }
    sim.sleep(1ms);  // let every waiter block
    for (int i = 0; i < 3; ++i) {
      q.wake_one();
      sim.yield();
    }
  });
  CHECK(r.outcome.status == Status::ok);
  CHECK(woke == std::vector<std::string>{"first", "second", "third"});
}

TEST_CASE("a run with 10,000 fibers completes", "[sim][scale]") {
  Simulator sim;
  FifoPolicy fifo;
  auto r = sim.run(fifo, [&] {
    Atomic<int> count(sim, "count", 0);
    {
      std::vector<Thread> ts;
      ts.reserve(10000);
      for (int i = 0; i < 10000; ++i) ts.emplace_back(sim, [&] { count.fetch_add(1); });
    }
    sim.report("count", std::int64_t{count.load()});
  });
  CHECK(r.outcome.status == Status::ok);
  CHECK(std::get<std::int64_t>(r.results.at(0).second) == 10000);
}

TEST_CASE("a run of 10 million steps completes and repeated runs do not grow memory",
          "[sim][scale]") {
  RunConfig config;
  config.max_steps = 20'000'000;
  Simulator sim(config);
  FifoPolicy fifo;
  auto body = [&] {
    Shared<int> x(sim, "x", 0);
    Thread t(sim, "worker", [&] {
      for (int i = 0; i < 5'000'000; ++i) x.store(i);
    });
    Thread u(sim, "reader", [&] {
      for (int i = 0; i < 5'000'000; ++i) (void)x.load();
    });
  };
  auto first = sim.run(fifo, body);
  REQUIRE(first.outcome.status == Status::ok);
  CHECK(first.stats.steps >= 10'000'000);
  const long after_first = resident_kib();
  for (int i = 0; i < 3; ++i) {
    auto again = sim.run(fifo, body);
    REQUIRE(again.stats == first.stats);
  }
  const long after_more = resident_kib();
  CHECK(after_more - after_first < 1024);  // less than 1 MiB of drift over three more runs
}

#if !defined(__SANITIZE_ADDRESS__)
namespace {

// What a child process ended with, and what it wrote on stderr.
struct ChildEnd {
  int status = 0;  // as waitpid() gives it
  std::string err;
};

// in_child(body) runs body in a forked child with its stderr captured; the child exits with the
// status body returns (or as body ends it).
ChildEnd in_child(const std::function<int()>& body) {
  int pipefd[2];
  REQUIRE(pipe(pipefd) == 0);
  const pid_t pid = fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    dup2(pipefd[1], 2);
    _exit(body());
  }
  close(pipefd[1]);
  ChildEnd end;
  char buf[256];
  ssize_t n;
  while ((n = read(pipefd[0], buf, sizeof buf)) > 0) end.err.append(buf, static_cast<size_t>(n));
  close(pipefd[0]);
  waitpid(pid, &end.status, 0);
  return end;
}

}  // namespace

TEST_CASE("a stack overflow is reported by fiber name, not a bare crash", "[sim][outcome]") {
  const ChildEnd end = in_child([] {
    RunConfig config;
    config.stack_size = 64 * 1024;
    Simulator sim(config);
    FifoPolicy fifo;
    sim.run(fifo, [&] {
      Shared<int> x(sim, "x", 0);
      Thread t(sim, "deep", [&] {
        struct Rec {
          static int down(Shared<int>& v, int n) {
            volatile char pad[512];
            pad[0] = static_cast<char>(n);
            return n == 0 ? v.load() : down(v, n - 1) + pad[0];
          }
        };
        x.store(Rec::down(x, 1'000'000));
      });
    });
    return 0;
  });
  REQUIRE(WIFEXITED(end.status));
  CHECK(WEXITSTATUS(end.status) == 1);
  CHECK_THAT(end.err, Catch::Contains("fiber 'deep' (id 1) overflowed its stack of 64 KiB"));
}

TEST_CASE("a run that spawns more fibers than the system can map ends with the limit named",
          "[sim][outcome]") {
  std::ifstream limit_file("/proc/sys/vm/max_map_count");
  long limit = 0;
  if (!(limit_file >> limit) || limit > 200'000) {
    WARN("vm.max_map_count is " << limit << ": too many fibers to reach it in a test");
    return;
  }
  // In a child, as the parent's own allocations need mappings too.
  const ChildEnd end = in_child([limit] {
    RunConfig config;
    config.stack_size = 16 * 1024;
    int code = 3;
    {
      Simulator sim(config);
      FifoPolicy fifo;
      try {
        sim.run(fifo, [&] {
          std::vector<Thread> threads;
          threads.reserve(static_cast<std::size_t>(limit));
          for (long i = 0; i < limit; ++i) threads.emplace_back(sim, [&] { sim.yield(); });
        });
      } catch (const ResourceLimit& e) {
        std::fputs(e.what(), stderr);
        code = 0;
      }
    }
    // The simulator gave every mapping back: a new one runs.
    Simulator again(config);
    FifoPolicy fifo;
    const RunResult& r = again.run(fifo, [&] { Thread t(again, [] {}); });
    return code == 0 && r.outcome.status == Status::ok ? 0 : 1;
  });
  REQUIRE(WIFEXITED(end.status));
  CHECK(WEXITSTATUS(end.status) == 0);
  CHECK_THAT(end.err, Catch::Contains("could not be mapped"));
  CHECK_THAT(end.err, Catch::Contains("(vm.max_map_count)"));
}
#endif
