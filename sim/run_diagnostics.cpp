#include "sim/run_diagnostics.h"

#include <vector>

namespace interleave {

std::string step_limit_message(std::uint64_t max_steps, const SpinWindow& window,
                               std::span<const FiberId> schedule,
                               std::span<const std::string_view> fiber_names) {
  // Without a spinning step in the window, the fibers were working, not waiting in a loop for
  // each other: the run may simply be longer than the limit.
  std::string msg = "step limit of " + std::to_string(max_steps) + " reached";
  if (window.spins == 0) {
    msg += " while no fiber spun (the run may just be longer: raise the step limit)";
  }
  msg += "; kept running in the last " + std::to_string(max_steps - window.start) + " steps:";
  std::vector<std::uint64_t> in_window(fiber_names.size(), 0);
  for (std::uint64_t k = window.start; k < schedule.size(); ++k) {
    ++in_window[index(schedule[k])];
  }
  bool first = true;
  for (std::size_t i = 0; i < fiber_names.size(); ++i) {
    if (in_window[i] > 0) {
      msg += first ? " " : ", ";
      msg += std::string(fiber_names[i]) + " (" + std::to_string(in_window[i]) + " steps)";
      first = false;
    }
  }
  return msg;
}

std::string deadlock_message(std::span<const BlockedFiber> blocked) {
  std::string msg;
  for (const BlockedFiber& b : blocked) {
    msg += msg.empty() ? "no fiber can run: " : "; ";
    msg += b.name;
    switch (b.in) {
      case OpKind::join:
        msg += " waits to join " + std::string(b.target);
        break;
      case OpKind::wait:
        msg += " waits on " + std::string(b.object_kind) + " '" + std::string(b.target) + "'";
        break;
      default:
        msg += " is blocked";
    }
  }
  return msg;
}

std::string idle_skip_note(Nanos skipped, std::uint64_t spins) {
  return "every runnable fiber is spinning: the clock skips " +
         std::to_string(skipped.count() / 1000) + " us (" + std::to_string(spins) +
         " spin steps) to the next timer";
}

}  // namespace interleave
