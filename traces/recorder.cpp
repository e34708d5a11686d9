#include "traces/recorder.h"

namespace interleave {

TraceRecorder::TraceRecorder(std::string scenario,
                             std::vector<std::pair<std::string, std::int64_t>> params,
                             PolicyInfo policy, RunConfig config) {
  trace_.scenario = std::move(scenario);
  trace_.params = std::move(params);
  trace_.policy = std::move(policy);
  trace_.config = config;
}

void TraceRecorder::on_run_start() {
  trace_.fibers.clear();
  trace_.objects.clear();
  trace_.schedule.clear();
  trace_.events.clear();
  trace_.outcome = Outcome{};
  trace_.results.clear();
  trace_.stats = Stats{};
  pending_notes_.clear();
}

void TraceRecorder::on_fiber(FiberId id, std::string_view name, FiberId parent) {
  trace_.fibers.push_back(TraceFiber{id, std::string(name), parent});
}

void TraceRecorder::on_object(ObjectId id, std::string_view kind, std::string_view name) {
  trace_.objects.push_back(TraceObject{id, std::string(kind), std::string(name)});
}

void TraceRecorder::on_step(const StepEvent& e) {
  TraceEvent t;
  t.step = e.step;
  t.clock = e.clock;
  t.fiber = e.fiber;
  t.op = e.op.kind;
  t.call = e.op.call;
  t.object = e.op.object;
  t.word = e.op.word;
  if (e.op.kind == OpKind::spawn || e.op.kind == OpKind::join ||
      (e.op.kind == OpKind::resume && e.op.other != e.fiber)) {
    t.other = e.op.other;
  }
  t.reason = e.reason;
  t.read = e.read;
  t.written = e.written;
  t.woken.assign(e.woken.begin(), e.woken.end());
  t.runnable.assign(e.runnable.begin(), e.runnable.end());
  if (!pending_notes_.empty()) t.notes = std::exchange(pending_notes_, {});
  trace_.events.push_back(std::move(t));
}

void TraceRecorder::on_note(FiberId /*fiber*/, std::uint64_t step, std::string_view text) {
  // A note belongs to the step the simulator names: the last one performed. A note made
  // before the first step (step 0 not yet recorded) waits for it.
  if (step < trace_.events.size()) {
    trace_.events[step].notes.emplace_back(text);
  } else {
    pending_notes_.emplace_back(text);
  }
}

void TraceRecorder::on_run_end(const Outcome& outcome, const Results& results, const Stats& stats) {
  trace_.outcome = outcome;
  trace_.results = results;
  trace_.stats = stats;
}

Trace TraceRecorder::take(std::span<const FiberId> schedule) {
  trace_.schedule.assign(schedule.begin(), schedule.end());
  return std::move(trace_);
}

}  // namespace interleave
