#include "sim/run_diagnostics.h"

#include <algorithm>
#include <optional>
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

std::vector<std::size_t> wait_cycle(std::span<const BlockedFiber> blocked) {
  // Each blocked fiber waits on at most one other: follow the waits from each fiber in order,
  // colouring the fibers of the current walk; meeting one of them again closes a cycle.
  enum class Seen : std::uint8_t { no, on_walk, done };
  std::vector<Seen> seen(blocked.size(), Seen::no);
  auto index_of = [&](FiberId f) -> std::optional<std::size_t> {
    for (std::size_t i = 0; i < blocked.size(); ++i) {
      if (blocked[i].id == f) return i;
    }
    return std::nullopt;
  };
  for (std::size_t start = 0; start < blocked.size(); ++start) {
    std::vector<std::size_t> walk;
    std::optional<std::size_t> at = start;
    while (at && seen[*at] == Seen::no) {
      seen[*at] = Seen::on_walk;
      walk.push_back(*at);
      at = blocked[*at].waits_on == kNoFiber ? std::nullopt : index_of(blocked[*at].waits_on);
    }
    if (at && seen[*at] == Seen::on_walk) {
      std::vector<std::size_t> cycle(std::find(walk.begin(), walk.end(), *at), walk.end());
      std::rotate(cycle.begin(),
                  std::min_element(cycle.begin(), cycle.end(),
                                   [&](std::size_t a, std::size_t b) {
                                     return index(blocked[a].id) < index(blocked[b].id);
                                   }),
                  cycle.end());
      return cycle;
    }
    for (std::size_t i : walk) seen[i] = Seen::done;
  }
  return {};
}

std::string deadlock_message(std::span<const BlockedFiber> blocked) {
  std::string msg;
  for (const BlockedFiber& b : blocked) {
    msg += msg.empty() ? "no fiber can run: " : "; ";
    msg += b.name;
    for (std::size_t i = 0; i < b.holds.size(); ++i) {
      msg += i == 0 ? " holds " : ", ";
      msg += b.holds[i];
    }
    if (!b.holds.empty()) msg += " and";
    switch (b.in) {
      case OpKind::join:
        msg += " waits to join " + std::string(b.target);
        break;
      case OpKind::wait:
        if (!b.primitive_kind.empty()) {
          msg +=
              " waits for " + std::string(b.primitive_kind) + " '" + std::string(b.primitive) + "'";
          if (!b.held_by.empty()) msg += ", held by " + std::string(b.held_by);
        } else {
          msg += " waits on " + std::string(b.object_kind) + " '" + std::string(b.target) + "'";
        }
        break;
      default:
        msg += " is blocked";
    }
  }
  const std::vector<std::size_t> cycle = wait_cycle(blocked);
  if (!cycle.empty()) {
    msg += "; the waits form a cycle: ";
    for (std::size_t i : cycle) msg += std::string(blocked[i].name) + " -> ";
    msg += blocked[cycle.front()].name;
  }
  return msg;
}

std::string idle_skip_note(Nanos skipped, std::uint64_t spins) {
  return "every runnable fiber is spinning: the clock skips " +
         std::to_string(skipped.count() / 1000) + " us (" + std::to_string(spins) +
         " spin steps) to the next timer";
}

}  // namespace interleave
