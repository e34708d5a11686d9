#include "sim/fiber_switcher.h"

namespace interleave {

void FiberSwitcher::transfer(Fiber* from, boost::context::fiber& to) {
  from_ = from;
  boost::context::fiber c = std::move(to).resume();
  store(std::move(c));
}

}  // namespace interleave
