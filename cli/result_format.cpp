#include "cli/result_format.h"

#include "cli/duration.h"

namespace interleave {

void print_summary(const RunSummary& s, std::ostream& out) {
  out << s.scenario << " under " << s.policy.name;
  if (s.seed) out << " (seed " << *s.seed << ")";
  out << ": " << to_string(s.outcome.status) << "\n";
  if (!s.outcome.message.empty()) out << "  " << s.outcome.message << "\n";
  if (s.runs > 1) {
    out << "runs:      " << s.runs
        << (s.outcome.status == Status::ok ? ", all ok" : ", the last one reported") << "\n";
  }
  if (!s.results.empty()) {
    out << "results:  ";
    for (std::size_t i = 0; i < s.results.size(); ++i) {
      out << (i ? ", " : " ") << s.results[i].first << " = " << format_value(s.results[i].second);
    }
    out << "\n";
  }
  out << "stats:     " << s.stats.steps << " steps, " << s.stats.context_switches
      << " context switches, " << s.stats.preemptions << " preemptions, " << s.stats.spin_steps
      << " spinning, " << s.stats.blocks << " blocks, virtual time "
      << format_seconds(s.stats.clock) << "\n";
  if (s.schedule.size() <= 160) {
    out << "schedule:  " << s.schedule << "\n";
  } else {
    out << "schedule:  " << s.stats.steps << " decisions (see --json or --trace)\n";
  }
  if (!s.trace.empty()) out << "trace:     " << s.trace << "\n";
  out << "reproduce: " << s.reproduce << "\n";
}

}  // namespace interleave
