#pragma once
// FiberSwitcher: moves the CPU between the host (the caller of Simulator::run) and the fibers'
// contexts. Each switch suspends one side; its continuation is stored where the next switch to
// it looks: the fiber's record, or the switcher's own slot for the host. Internal to sim/.

#include <boost/context/fiber.hpp>
#include <utility>

#include "fiber.h"

namespace interleave {

class FiberSwitcher {
 public:
  // transfer(from, to) suspends from (null: the host) and resumes the context to; it returns
  // when a later switch resumes from.
  void transfer(Fiber* from, boost::context::fiber& to) {
    from_ = from;
    boost::context::fiber c = std::move(to).resume();
    store(std::move(c));
  }
  // to_host(from) is transfer(from, the host).
  void to_host(Fiber* from) { transfer(from, host_); }
  // arrive(c) is the first thing a fiber's context function does: c is the continuation of
  // whoever started the context, stored like the one transfer() receives.
  void arrive(boost::context::fiber&& c) { store(std::move(c)); }
  // leave(self) is what self's context function returns when the context ends: the host, which
  // finds self's continuation empty.
  boost::context::fiber leave(Fiber& self) {
    from_ = &self;
    return std::move(host_);
  }

 private:
  // store(c) keeps the continuation of the side that just suspended (from_).
  void store(boost::context::fiber&& c) {
    if (from_ != nullptr) {
      from_->cont = std::move(c);
    } else {
      host_ = std::move(c);
    }
  }

  boost::context::fiber host_;  // the host's continuation while a fiber runs
  Fiber* from_ = nullptr;       // who suspended in the last transfer; null = the host
};

}  // namespace interleave
