#include "sim/fiber_switcher.h"

#include <catch2/catch.hpp>
#include <string>

using namespace interleave;

TEST_CASE("a fiber switcher moves the CPU between the host and two fibers and back",
          "[sim][parts]") {
  FiberSwitcher switcher;
  Fiber a;
  Fiber b;
  std::string log;
  a.cont = boost::context::fiber([&](boost::context::fiber&& from) {
    switcher.arrive(std::move(from));
    log += "a1 ";
    switcher.transfer(&a, b.cont);  // to b, which has not started yet
    log += "a2 ";
    return switcher.leave(a);
  });
  b.cont = boost::context::fiber([&](boost::context::fiber&& from) {
    switcher.arrive(std::move(from));
    log += "b1 ";
    switcher.to_host(&b);
    log += "b2 ";
    switcher.transfer(&b, a.cont);  // a resumes after its transfer and ends
    return switcher.leave(b);       // never reached: b is left suspended
  });
  switcher.transfer(nullptr, a.cont);
  log += "host ";
  CHECK(log == "a1 b1 host ");
  CHECK(a.cont);  // a is suspended in its transfer to b
  switcher.transfer(nullptr, b.cont);
  CHECK(log == "a1 b1 host b2 a2 ");
  CHECK_FALSE(a.cont);  // a's context ended
  CHECK(b.cont);        // b is suspended in its transfer to a; destroying it unwinds it
}
