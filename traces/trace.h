#pragma once
// Trace: everything one run did, as the JSON trace records it (docs/trace-format.md).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "../sim/config.h"
#include "../sim/ids.h"
#include "../sim/op.h"
#include "../sim/outcome.h"
#include "../sim/policy.h"

namespace interleave {

// A fiber of the run: its id, name and the fiber that spawned it (main is its own parent).
struct TraceFiber {
  FiberId id{0};
  std::string name;
  FiberId parent{0};
  friend bool operator==(const TraceFiber&, const TraceFiber&) = default;
};

// An object of the run: its id, kind ("shared", "atomic", "wait_queue", ...) and name.
struct TraceObject {
  ObjectId id{0};
  std::string kind;
  std::string name;
  friend bool operator==(const TraceObject&, const TraceObject&) = default;
};

// One step: who did what to which object, what it read and wrote, whom it woke, and the
// scheduling point before it (the reason and the runnable set the policy chose from).
struct TraceEvent {
  std::uint64_t step = 0;
  Nanos clock{0};
  FiberId fiber{0};
  OpKind op = OpKind::yield;
  Call call = Call::none;        // for op call: which operation of the primitive (version 2)
  ObjectId object = kNoObject;   // kNoObject when the step touches no object
  ObjectId word = kNoObject;     // for wait: the word compared; for a call and its resume: a
                                 // second primitive it changes
  std::optional<FiberId> other;  // spawn: the child; join and the resume ending it: the joined
  Reason reason = Reason::start;
  std::optional<std::int64_t> read;
  std::optional<std::int64_t> written;
  std::vector<FiberId> woken;      // made runnable by this step or a timer just before it
  std::vector<FiberId> runnable;   // ascending
  std::vector<std::string> notes;  // primitive-level events ("acquired m")
  friend bool operator==(const TraceEvent&, const TraceEvent&) = default;
};

// A whole run.
struct Trace {
  static constexpr std::string_view kFormat = "interleave-trace";
  // The newest version this interleave reads and writes, and the oldest it reads. A trace is
  // written as version 1 unless it needs version 2 (primitive granularity: config.granularity and
  // the call steps), so that version-1 readers still read every trace they can understand.
  static constexpr int kVersion = 2;
  static constexpr int kOldestVersion = 1;
  // version() is the version this trace is written as.
  int version() const { return config.granularity == Granularity::primitive ? 2 : 1; }

  std::string scenario;
  std::vector<std::pair<std::string, std::int64_t>> params;  // declared order
  std::string program;  // the program built on cli_main() that recorded it; empty: interleave
  PolicyInfo policy;
  RunConfig config;
  std::vector<TraceFiber> fibers;    // invariant: fibers[i].id == i
  std::vector<TraceObject> objects;  // invariant: objects[i].id == i
  std::vector<FiberId> schedule;     // the fiber of every decided step; what replay follows
  std::vector<TraceEvent> events;    // invariant: events[i].step == i, events[i].fiber ==
                                     // schedule[i]; schedule has at most one entry more (a step
                                     // decided but never completed because the run ended in it)
  Outcome outcome;
  Results results;
  Stats stats;

  // Two traces are equal when every field is; a NaN result equals no other value.
  friend bool operator==(const Trace& a, const Trace& b);
};

// op_from_string(name) is the OpKind named name, or nullopt.
std::optional<OpKind> op_from_string(std::string_view name);
// call_from_string(name) is the Call named name (never none), or nullopt.
std::optional<Call> call_from_string(std::string_view name);
// reason_from_string(name) is the Reason named name, or nullopt.
std::optional<Reason> reason_from_string(std::string_view name);
// status_from_string(name) is the Status named name, or nullopt.
std::optional<Status> status_from_string(std::string_view name);

}  // namespace interleave
