#include "sim/explore/race_analysis.h"

#include <array>
#include <catch2/catch.hpp>
#include <vector>

#include "sim/simulator.h"

using namespace interleave;

namespace {
constexpr FiberId kRaceMain{0};
constexpr FiberId kRaceA{1};
constexpr FiberId kRaceB{2};
constexpr FiberId kRaceC{3};
constexpr ObjectId kRaceX{0};
constexpr ObjectId kRaceY{1};
constexpr ObjectId kRaceQueue{2};

// A path built by hand, step by step, as a run of the search would build it: each step names its
// fiber, its operation and the fibers that could have been picked at its point.
class HandPath {
 public:
  explicit HandPath(RaceAnalysis races = RaceAnalysis{}) : races_(races) { races_.begin_run(); }

  // step(f, kind, object, candidates): f takes a step of kind on object, chosen among
  // candidates; a switch to another fiber there would be a preemption.
  HandPath& step(FiberId f, OpKind kind, ObjectId object, FiberSet candidates) {
    return take(f, Op{kind, Call::none, kNoGate, object, kNoObject, FiberId{0}}, candidates);
  }
  // spawn(parent, child), exit(f), join(f, joined): the steps that order fibers.
  HandPath& spawn(FiberId parent, FiberId child, FiberSet candidates) {
    return take(parent, Op{OpKind::spawn, Call::none, kNoGate, kNoObject, kNoObject, child},
                candidates);
  }
  HandPath& exit(FiberId f, FiberSet candidates) {
    return take(f, Op{OpKind::exit, Call::none, kNoGate, kNoObject, kNoObject, FiberId{0}},
                candidates);
  }
  HandPath& join(FiberId f, FiberId joined, FiberSet candidates) {
    return take(f, Op{OpKind::join, Call::none, kNoGate, kNoObject, kNoObject, joined}, candidates);
  }
  // freeze(k) makes step k part of a task's given prefix.
  HandPath& freeze(std::size_t k) {
    path_[k].frozen = true;
    return *this;
  }

  // backtracks() analyses the path and lists the fibers to explore at each of its points.
  std::vector<FiberSet> backtracks() {
    races_.add_backtracks(path_, 0);
    return backtrack_sets();
  }
  // backtracks_cut_short(finished) is backtracks() of a run that ended failed after its last
  // step, the fibers of finished having no step left.
  std::vector<FiberSet> backtracks_cut_short(FiberSet finished) {
    races_.add_backtracks(path_, 0);
    races_.add_backtracks_of_pending(path_, finished);
    return backtrack_sets();
  }

  RaceAnalysis& races() { return races_; }
  std::vector<SearchNode>& path() { return path_; }

  // take(f, op, candidates) appends the step and records its happens-before facts.
  HandPath& take(FiberId f, Op op, FiberSet candidates) {
    SearchNode& n = path_.emplace_back();
    n.candidates = candidates;
    n.chosen = f;
    n.backtrack = bit(f);
    n.op = op;
    n.free_switch = false;
    races_.record_step(path_, path_.size() - 1);
    return *this;
  }

 private:
  std::vector<FiberSet> backtrack_sets() const {
    std::vector<FiberSet> sets;
    for (const SearchNode& n : path_) sets.push_back(n.backtrack);
    return sets;
  }

  RaceAnalysis races_;
  std::vector<SearchNode> path_;
};

constexpr FiberSet kA = bit(kRaceA);
constexpr FiberSet kB = bit(kRaceB);
constexpr FiberSet kC = bit(kRaceC);
constexpr FiberSet kMainBit = bit(kRaceMain);
constexpr FiberSet kAB = kA | kB;
constexpr FiberSet kABC = kA | kB | kC;

using Sets = std::vector<FiberSet>;
}  // namespace

TEST_CASE("race analysis reverses two writes of one object by different fibers",
          "[sim][explore][races]") {
  HandPath p;
  p.step(kRaceA, OpKind::store, kRaceX, kAB).step(kRaceB, OpKind::store, kRaceX, kAB);
  CHECK(p.backtracks() == Sets{kAB, kB});
}

TEST_CASE("race analysis reverses a read and a write of one object", "[sim][explore][races]") {
  HandPath p;
  p.step(kRaceA, OpKind::load, kRaceX, kAB).step(kRaceB, OpKind::store, kRaceX, kAB);
  CHECK(p.backtracks() == Sets{kAB, kB});
}

TEST_CASE("race analysis finds no race between two reads or between different objects",
          "[sim][explore][races]") {
  HandPath reads;
  reads.step(kRaceA, OpKind::load, kRaceX, kAB).step(kRaceB, OpKind::load, kRaceX, kAB);
  CHECK(reads.backtracks() == Sets{kA, kB});
  HandPath apart;
  apart.step(kRaceA, OpKind::store, kRaceX, kAB).step(kRaceB, OpKind::store, kRaceY, kAB);
  CHECK(apart.backtracks() == Sets{kA, kB});
}

TEST_CASE("race analysis finds no race between steps of one fiber", "[sim][explore][races]") {
  HandPath p;
  p.step(kRaceA, OpKind::store, kRaceX, kAB)
      .step(kRaceA, OpKind::store, kRaceX, kAB)
      .step(kRaceB, OpKind::load, kRaceY, kB);
  CHECK(p.backtracks() == Sets{kA, kA, kB});
}

TEST_CASE("race analysis reverses a race only with the latest conflicting step before it",
          "[sim][explore][races]") {
  // c's store races with b's; a's comes before b's, so it is ordered before c's through it.
  HandPath p;
  p.step(kRaceA, OpKind::store, kRaceX, kABC)
      .step(kRaceB, OpKind::store, kRaceX, kABC)
      .step(kRaceC, OpKind::store, kRaceX, kABC);
  CHECK(p.backtracks() == Sets{kAB, kB | kC, kC});
}

TEST_CASE("race analysis reverses a race by starting a fiber its racing step waits for",
          "[sim][explore][races]") {
  // c's load of x races with a's store, but c's load comes after c's load of y, which comes
  // after b's store of y: a run that reverses the race starts with b, not c.
  HandPath p;
  p.step(kRaceA, OpKind::store, kRaceX, kABC)
      .step(kRaceB, OpKind::store, kRaceY, kABC)
      .step(kRaceC, OpKind::load, kRaceY, kABC)
      .step(kRaceC, OpKind::load, kRaceX, kABC);
  CHECK(p.backtracks() == Sets{kAB, kB | kC, kC, kC});
}

TEST_CASE("race analysis prefers the racing fiber among those that can reverse a race",
          "[sim][explore][races]") {
  // b's store of y is independent of c's steps: b or c can start the reversing run; c races.
  HandPath p;
  p.step(kRaceA, OpKind::store, kRaceX, kABC)
      .step(kRaceB, OpKind::store, kRaceY, kABC)
      .step(kRaceC, OpKind::load, kRaceX, kABC);
  CHECK(p.backtracks() == Sets{kA | kC, kB, kC});
}

TEST_CASE("race analysis adds nothing where a fiber that reverses the race is already chosen",
          "[sim][explore][races]") {
  HandPath p;
  p.step(kRaceA, OpKind::store, kRaceX, kABC)
      .step(kRaceB, OpKind::store, kRaceY, kABC)
      .step(kRaceC, OpKind::load, kRaceX, kABC);
  p.path()[0].backtrack |= kB;
  CHECK(p.backtracks() == Sets{kAB, kB, kC});
}

TEST_CASE("race analysis adds no fiber that the point does not allow", "[sim][explore][races]") {
  HandPath p;
  p.step(kRaceA, OpKind::store, kRaceX, kA).step(kRaceB, OpKind::store, kRaceX, kAB);
  CHECK(p.backtracks() == Sets{kA, kB});
}

TEST_CASE("race analysis orders a child's steps after its parent's before the spawn",
          "[sim][explore][races]") {
  HandPath p;
  p.step(kRaceMain, OpKind::store, kRaceX, kMainBit)
      .spawn(kRaceMain, kRaceA, kMainBit)
      .step(kRaceA, OpKind::store, kRaceX, kMainBit | kA);
  CHECK(p.backtracks() == Sets{kMainBit, kMainBit, kA});
}

TEST_CASE("race analysis orders a joined fiber's steps before the steps after the join",
          "[sim][explore][races]") {
  HandPath p;
  p.step(kRaceA, OpKind::store, kRaceX, kMainBit | kA)
      .exit(kRaceA, kMainBit | kA)
      .join(kRaceMain, kRaceA, kMainBit)
      .step(kRaceMain, OpKind::store, kRaceX, kMainBit);
  CHECK(p.backtracks() == Sets{kA, kA, kMainBit, kMainBit});
}

TEST_CASE("race analysis orders a resume after the wake that caused it", "[sim][explore][races]") {
  // a waits on the queue; b wakes it; at the next point a is runnable with its resume pending.
  HandPath p;
  p.take(kRaceA, Op{OpKind::wait, Call::none, kNoGate, kRaceQueue, kRaceX, FiberId{0}}, kAB)
      .step(kRaceB, OpKind::wake, kRaceQueue, kB);
  Simulator sim;
  std::array<Op, 3> pending{};
  pending[index(kRaceA)] =
      Op{OpKind::resume, Call::none, kNoGate, kRaceQueue, kNoObject, FiberId{0}};
  pending[index(kRaceB)] = Op{OpKind::exit, Call::none, kNoGate, kNoObject, kNoObject, FiberId{0}};
  const std::array<FiberId, 2> runnable{kRaceA, kRaceB};
  SchedulingPoint::Facts facts;
  facts.pending = pending.data();
  facts.runnable = runnable;
  facts.runnable_mask = kAB;
  facts.current = kRaceB;
  facts.current_runnable = true;
  facts.reason = Reason::access;
  facts.step = 2;
  p.races().note_wakes(SchedulingPoint(sim, facts), kAB, p.path());
  p.step(kRaceA, OpKind::resume, kRaceQueue, kAB);
  // The wait and the wake race (b could have woken nobody); the resume races with neither.
  CHECK(p.backtracks() == Sets{kAB, kB, kA});
}

TEST_CASE("race analysis of a run cut short reverses the races of the fibers left with steps",
          "[sim][explore][races]") {
  // main spawns a and b; a stores x and fails. main and b had steps left: each is taken to
  // conflict with a's store, so the search also tries them before it.
  HandPath p;
  p.spawn(kRaceMain, kRaceA, kMainBit)
      .spawn(kRaceMain, kRaceB, kMainBit | kA)
      .step(kRaceA, OpKind::store, kRaceX, kMainBit | kAB);
  CHECK(p.backtracks_cut_short(kA) == Sets{kMainBit, kMainBit, kMainBit | kAB});
  CHECK(p.path().size() == 3);
}

TEST_CASE("race analysis adds nothing to the points of a task's given prefix",
          "[sim][explore][races]") {
  HandPath p(RaceAnalysis(1, false));
  p.step(kRaceA, OpKind::store, kRaceX, kAB).step(kRaceB, OpKind::store, kRaceX, kAB).freeze(0);
  CHECK(p.backtracks() == Sets{kA, kB});
}

TEST_CASE("race analysis under a preemption bound also reverses a race where its fiber came in",
          "[sim][explore][races]") {
  // a stores y, then x; b's store of x races with a's. A bounded search may not afford the
  // preemption between a's two stores, so the point before a's first step gets every fiber too.
  auto build = [](HandPath& p) {
    p.step(kRaceA, OpKind::store, kRaceY, kAB)
        .step(kRaceA, OpKind::store, kRaceX, kAB)
        .step(kRaceB, OpKind::store, kRaceX, kAB);
  };
  HandPath plain;
  build(plain);
  CHECK(plain.backtracks() == Sets{kA, kAB, kB});
  HandPath bounded(RaceAnalysis(0, true));
  build(bounded);
  CHECK(bounded.backtracks() == Sets{kAB, kAB, kB});
}
