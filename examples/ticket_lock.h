#pragma once
// A ticket lock written with interleave's Atomic, the way a user writes their own data structure:
// each thread takes the next ticket and waits until the lock serves it. BrokenTicketLock takes
// its ticket in two steps (a load, then a store), so two threads can draw the same ticket.

#include <interleave/interleave.h>

#include <string>

namespace example {

// A fair spin lock: tickets are served in the order they were drawn.
class TicketLock {
 public:
  // TicketLock(sim, name) registers the lock's two counters with the simulator.
  TicketLock(interleave::Simulator& sim, const std::string& name)
      : sim_(sim), next_(sim, name + ".next", 0), serving_(sim, name + ".serving", 0) {}

  // lock() draws a ticket in one indivisible step and waits for its turn.
  void lock() {
    const unsigned mine = next_.fetch_add(1);
    while (serving_.load() != mine) sim_.yield();
  }
  // unlock() serves the next ticket; only the holder writes serving_.
  void unlock() { serving_.store(serving_.load() + 1); }

 private:
  interleave::Simulator& sim_;
  interleave::Atomic<unsigned> next_;     // the next ticket to draw
  interleave::Atomic<unsigned> serving_;  // the ticket allowed in; invariant: serving_ <= next_
};

// The same lock with the bug: the ticket is read and then written back, two steps apart.
class BrokenTicketLock {
 public:
  // BrokenTicketLock(sim, name) registers the lock's two counters with the simulator.
  BrokenTicketLock(interleave::Simulator& sim, const std::string& name)
      : sim_(sim), next_(sim, name + ".next", 0), serving_(sim, name + ".serving", 0) {}

  // lock() draws a ticket, but another thread may draw the same one between the two steps.
  void lock() {
    const unsigned mine = next_.load();
    next_.store(mine + 1);
    while (serving_.load() != mine) sim_.yield();
  }
  // unlock() serves the next ticket.
  void unlock() { serving_.store(serving_.load() + 1); }

 private:
  interleave::Simulator& sim_;
  interleave::Atomic<unsigned> next_;
  interleave::Atomic<unsigned> serving_;
};

}  // namespace example
