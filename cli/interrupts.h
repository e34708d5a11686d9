#pragma once
// SIGINT and SIGTERM in the command line: a file being written is never left half-written or as
// a temporary file, and a search stops and reports what it found so far.

#include <atomic>

namespace interleave {

// install_interrupt_handlers() makes SIGINT and SIGTERM first remove a temporary output file in
// progress; then, inside an InterruptScope, they set interrupt_requested() (a second signal ends
// the process at once), and elsewhere they end the process as the signal would.
void install_interrupt_handlers();

// interrupt_requested() is set by the first SIGINT or SIGTERM inside an InterruptScope.
const std::atomic<bool>& interrupt_requested();

// interrupt_signal() is the signal that set interrupt_requested(), or 0.
int interrupt_signal();

// While an InterruptScope lives, SIGINT and SIGTERM ask for a stop instead of ending the process.
class InterruptScope {
 public:
  // InterruptScope() clears interrupt_requested() and starts catching the signals.
  InterruptScope();
  // ~InterruptScope() stops catching them; a request already made stays visible.
  ~InterruptScope();
  InterruptScope(const InterruptScope&) = delete;
  InterruptScope& operator=(const InterruptScope&) = delete;
};

}  // namespace interleave
