// Debian's libboost_context is built for fcontext, so the ucontext variant used by the
// sanitizer build (BOOST_USE_UCONTEXT) lacks fiber_activation_record::current(); this
// defines it: a thread-local pointer that starts at a thread-local record for the thread's
// own (main) context. Compiled to nothing in the normal build.
#if defined(INTERLEAVE_UCONTEXT)
#include <boost/context/fiber.hpp>

namespace boost::context::detail {

fiber_activation_record*& fiber_activation_record::current() noexcept {
  thread_local fiber_activation_record main_record;
  thread_local fiber_activation_record* current_record = &main_record;
  return current_record;
}

}  // namespace boost::context::detail
#endif
