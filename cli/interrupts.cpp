#include "cli/interrupts.h"

#include <signal.h>

#include "traces/output_file.h"

namespace interleave {

namespace {

std::atomic<bool> requested{false};
std::atomic<int> requested_by{0};
volatile sig_atomic_t catching = 0;  // inside an InterruptScope

static_assert(std::atomic<bool>::is_always_lock_free && std::atomic<int>::is_always_lock_free,
              "the signal handler may touch only lock-free atomics");

void on_signal(int sig) {
  remove_pending_temporary();
  if (catching != 0 && !requested.load()) {
    requested_by.store(sig);
    requested.store(true);
    return;
  }
  // Outside a scope, or a second signal: end as the signal would (the shell sees 128 + sig).
  ::signal(sig, SIG_DFL);
  ::raise(sig);
}

}  // namespace

void install_interrupt_handlers() {
  struct sigaction action {};
  action.sa_handler = on_signal;
  sigemptyset(&action.sa_mask);
  action.sa_flags = SA_RESTART;
  for (const int sig : {SIGINT, SIGTERM}) {
    struct sigaction old {};
    // A signal ignored by the parent (nohup, a background job) stays ignored.
    if (::sigaction(sig, nullptr, &old) == 0 && old.sa_handler == SIG_IGN) continue;
    ::sigaction(sig, &action, nullptr);
  }
}

const std::atomic<bool>& interrupt_requested() {
  return requested;
}

int interrupt_signal() {
  return requested_by.load();
}

InterruptScope::InterruptScope() {
  requested.store(false);
  requested_by.store(0);
  catching = 1;
}

InterruptScope::~InterruptScope() {
  catching = 0;
}

}  // namespace interleave
