#include "tests/support/random_program.h"

#include <cstdint>
#include <deque>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "primitives/mutex.h"
#include "sim/atomic.h"
#include "sim/rng.h"
#include "sim/simulator.h"
#include "sim/thread.h"
#include "sim/wait_queue.h"

namespace interleave::testing {

namespace {

using Kind = ProgramStep::Kind;

int draw(Rng& rng, int least, int most) {
  return least + static_cast<int>(rng.below(static_cast<std::uint64_t>(most - least + 1)));
}

bool reads(const ProgramStep& s) {
  return s.kind != Kind::store;
}

std::size_t read_count(const std::vector<ProgramStep>& steps) {
  std::size_t n = 0;
  for (const ProgramStep& s : steps) n += reads(s) ? 1 : 0;
  return n;
}

// The names the printed program gives the results, the same as run() reports.
std::string read_name(std::size_t thread, std::size_t read) {
  return "t" + std::to_string(thread + 1) + ".r" + std::to_string(read);
}

}  // namespace

RandomProgram RandomProgram::random(std::uint64_t seed) {
  Rng rng(seed);
  RandomProgram p;
  p.seed = seed;
  p.vars = draw(rng, 1, 3);
  const int n = draw(rng, 2, 4);
  // Fewer steps per thread when there are more threads, so that the unreduced search of most
  // programs completes within the tester's budget.
  const int most_steps = n == 2 ? 4 : n == 3 ? 3 : 2;
  for (int t = 0; t < n; ++t) {
    std::vector<ProgramStep> steps(static_cast<std::size_t>(draw(rng, 1, most_steps)));
    for (ProgramStep& s : steps) {
      s.kind = static_cast<Kind>(rng.below(5));
      s.var = draw(rng, 0, p.vars - 1);
      s.value = draw(rng, 1, 2);
      s.expected = draw(rng, 0, 1);
    }
    p.threads.push_back(std::move(steps));
  }
  if (rng.below(4) == 0) {
    for (int t = 0; t < n; ++t) p.locked.push_back(rng.below(2) == 0);
  }
  const std::uint64_t h = rng.below(8);
  p.handoff = h == 0 ? Handoff::wait_queue : h == 1 ? Handoff::yield_loop : Handoff::none;
  p.waiter = draw(rng, 0, n - 1);
  p.signaller = (p.waiter + draw(rng, 1, n - 1)) % n;
  p.modulus = draw(rng, 2, 3);
  if (rng.below(4) == 0) {
    // A failure inside a thread ends the run where it stands, with other threads midway.
    const int t = draw(rng, 0, n - 1);
    for (const ProgramStep& s : p.threads[static_cast<std::size_t>(t)]) {
      if (reads(s)) p.checker = t;
    }
    p.forbidden = draw(rng, 0, 2);
  }
  return p;
}

void RandomProgram::run(Simulator& sim) const {
  std::deque<Atomic<int>> x;  // a deque: Atomic does not move
  for (int v = 0; v < vars; ++v) x.emplace_back(sim, "x" + std::to_string(v), 0);
  std::optional<Mutex> m;
  if (!locked.empty()) m.emplace(sim, "m");
  std::optional<Atomic<int>> flag;
  std::optional<WaitQueue> q;
  if (handoff != Handoff::none) flag.emplace(sim, "flag", 0);
  if (handoff == Handoff::wait_queue) q.emplace(sim, "q");
  // What each thread read, by index (-1 until read): main may read them while an ended run is
  // unwound, when not every thread has read everything.
  std::vector<std::vector<std::int64_t>> r(threads.size());
  for (std::size_t t = 0; t < threads.size(); ++t) r[t].assign(read_count(threads[t]), -1);
  {
    std::vector<Thread> ts;
    ts.reserve(threads.size());
    for (std::size_t t = 0; t < threads.size(); ++t) {
      ts.emplace_back(sim, "t" + std::to_string(t + 1), [&, t] {
        const bool under_lock = !locked.empty() && locked[t];
        if (handoff != Handoff::none && static_cast<int>(t) == waiter) {
          while (flag->load() == 0) {
            if (handoff == Handoff::wait_queue) {
              q->wait_if(*flag, 0);
            } else {
              sim.yield();
            }
          }
        }
        if (under_lock) m->lock();
        std::size_t k = 0;
        for (const ProgramStep& s : threads[t]) {
          Atomic<int>& a = x[static_cast<std::size_t>(s.var)];
          switch (s.kind) {
            case Kind::load:
              r[t][k++] = a.load();
              break;
            case Kind::store:
              a.store(s.value);
              break;
            case Kind::exchange:
              r[t][k++] = a.exchange(s.value);
              break;
            case Kind::cas: {
              int e = s.expected;
              r[t][k++] = a.compare_exchange(e, s.value) ? 1 : 0;
              break;
            }
            case Kind::fetch_add:
              r[t][k++] = a.fetch_add(1);
              break;
          }
        }
        if (static_cast<int>(t) == checker) {
          sim.check(r[t][k - 1] != forbidden, "a thread read the forbidden value");
        }
        if (under_lock) m->unlock();
        if (handoff != Handoff::none && static_cast<int>(t) == signaller) {
          flag->store(1);
          if (handoff == Handoff::wait_queue) q->wake_all();
        }
      });
    }
    for (Thread& t : ts) t.join();
  }
  std::int64_t sum = 0;
  std::int64_t weight = 1;
  for (std::size_t t = 0; t < r.size(); ++t) {
    for (std::size_t i = 0; i < r[t].size(); ++i) {
      sim.report(read_name(t, i), r[t][i]);
      sum += weight++ * r[t][i];
    }
  }
  for (int v = 0; v < vars; ++v) {
    const std::int64_t final_value = x[static_cast<std::size_t>(v)].load();
    sim.report("x" + std::to_string(v), final_value);
    sum += weight++ * final_value;
  }
  sim.check(sum % modulus != 0, "the weighted sum of what was read is a multiple of the modulus");
}

std::string RandomProgram::summary() const {
  std::ostringstream out;
  out << "program " << seed << ": " << threads.size() << " threads (";
  for (std::size_t t = 0; t < threads.size(); ++t) out << (t ? "+" : "") << threads[t].size();
  out << " steps), " << vars << (vars == 1 ? " atomic" : " atomics");
  if (!locked.empty()) out << ", a mutex";
  if (handoff == Handoff::wait_queue) out << ", a wait-queue handoff";
  if (handoff == Handoff::yield_loop) out << ", a yield-loop handoff";
  if (checker >= 0) out << ", a check in t" << checker + 1;
  return out.str();
}

std::string RandomProgram::print_scenario() const {
  std::ostringstream o;
  o << "// " << summary() << "\n";
  o << "TEST_CASE(\"generated program " << seed
    << " finds the same outcomes under every reduction\", \"[explore][differential]\") {\n";
  o << "  const auto body = [](Simulator& sim) {\n";
  for (int v = 0; v < vars; ++v) o << "    Atomic<int> x" << v << "(sim, \"x" << v << "\", 0);\n";
  if (!locked.empty()) o << "    Mutex m(sim, \"m\");\n";
  if (handoff != Handoff::none) o << "    Atomic<int> flag(sim, \"flag\", 0);\n";
  if (handoff == Handoff::wait_queue) o << "    WaitQueue q(sim, \"q\");\n";
  for (std::size_t t = 0; t < threads.size(); ++t) {
    o << "    std::vector<std::int64_t> r" << t + 1 << "(" << read_count(threads[t]) << ", -1);\n";
  }
  o << "    {\n";
  for (std::size_t t = 0; t < threads.size(); ++t) {
    const bool under_lock = !locked.empty() && locked[t];
    const std::string r = "r" + std::to_string(t + 1);
    o << "      Thread t" << t + 1 << "(sim, \"t" << t + 1 << "\", [&] {\n";
    std::size_t k = 0;
    if (handoff != Handoff::none && static_cast<int>(t) == waiter) {
      o << "        while (flag.load() == 0) "
        << (handoff == Handoff::wait_queue ? "q.wait_if(flag, 0);\n" : "sim.yield();\n");
    }
    if (under_lock) o << "        m.lock();\n";
    for (const ProgramStep& s : threads[t]) {
      const std::string a = "x" + std::to_string(s.var);
      switch (s.kind) {
        case Kind::load:
          o << "        " << r << "[" << k++ << "] = " << a << ".load();\n";
          break;
        case Kind::store:
          o << "        " << a << ".store(" << s.value << ");\n";
          break;
        case Kind::exchange:
          o << "        " << r << "[" << k++ << "] = " << a << ".exchange(" << s.value << ");\n";
          break;
        case Kind::cas:
          o << "        {\n          int e = " << s.expected << ";\n          " << r << "[" << k++
            << "] = " << a << ".compare_exchange(e, " << s.value << ") ? 1 : 0;\n        }\n";
          break;
        case Kind::fetch_add:
          o << "        " << r << "[" << k++ << "] = " << a << ".fetch_add(1);\n";
          break;
      }
    }
    if (static_cast<int>(t) == checker) {
      o << "        sim.check(" << r << "[" << k - 1 << "] != " << forbidden
        << ", \"a thread read the forbidden value\");\n";
    }
    if (under_lock) o << "        m.unlock();\n";
    if (handoff != Handoff::none && static_cast<int>(t) == signaller) {
      o << "        flag.store(1);\n";
      if (handoff == Handoff::wait_queue) o << "        q.wake_all();\n";
    }
    o << "      });\n";
  }
  for (std::size_t t = 0; t < threads.size(); ++t) o << "      t" << t + 1 << ".join();\n";
  o << "    }\n";
  o << "    std::int64_t sum = 0;\n";
  std::int64_t weight = 1;
  for (std::size_t t = 0; t < threads.size(); ++t) {
    std::size_t i = 0;
    for (const ProgramStep& s : threads[t]) {
      if (!reads(s)) continue;
      o << "    sim.report(\"" << read_name(t, i) << "\", r" << t + 1 << "[" << i << "]);\n";
      o << "    sum += " << weight++ << " * r" << t + 1 << "[" << i << "];\n";
      ++i;
    }
  }
  for (int v = 0; v < vars; ++v) {
    o << "    const std::int64_t final_x" << v << " = x" << v << ".load();\n";
    o << "    sim.report(\"x" << v << "\", final_x" << v << ");\n";
    o << "    sum += " << weight++ << " * final_x" << v << ";\n";
  }
  o << "    sim.check(sum % " << modulus
    << " != 0, \"the weighted sum of what was read is a multiple of the modulus\");\n";
  o << "  };\n";
  o << "  CHECK(explore_differences(body).text() == \"\");\n";
  o << "}\n";
  return o.str();
}

}  // namespace interleave::testing
