#pragma once
// TraceMemberReader: reads the members of a parsed version-1 or version-2 trace into a Trace, one
// member function per member, checking every type and range and every reference between members.
// The first problem ends the reading; error() names its JSON path. Internal to traces/: it exposes
// nlohmann::ordered_json (trace_json_reader.cpp, which parses the file, is its one user).

#include <cstddef>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>

#include "json_checker.h"
#include "trace.h"

namespace interleave {

// Reads a trace member by member, in document order; each read returns false on the first
// problem, and the caller stops at once.
class TraceMemberReader {
 public:
  using Json = nlohmann::ordered_json;

  // root(j, path) checks that j is an object with the trace's members and reads its header
  // (format and version) first, so a file of another kind or version is named as such.
  bool root(const Json& j, const JsonPath& path);
  // header(root, path) reads format and version.
  bool header(const Json& root, const JsonPath& path);
  // before_events(root, path) reads the members the events refer to: scenario, policy, config,
  // fibers, objects and schedule.
  bool before_events(const Json& root, const JsonPath& path);
  // events(j, p) reads the whole events array.
  bool events(const Json& j, const JsonPath& p);
  // event_count(n, p) checks that n events fit the schedule: one decision per event, and one
  // more when a run ended inside its last decided step.
  bool event_count(std::size_t n, const JsonPath& p);
  // event(j, p, i) reads event i, the next one, and keeps it.
  bool event(const Json& j, const JsonPath& p, std::size_t i);
  // after_events(root, path) reads outcome, results and stats, then checks that the counts agree.
  bool after_events(const Json& root, const JsonPath& path);

  // reserve_events() makes room for one event per step of the schedule already read.
  void reserve_events() { t_.events.reserve(t_.schedule.size()); }
  // events_read() is the number of events kept so far.
  std::size_t events_read() const { return t_.events.size(); }
  // error() names the first problem, as "PATH: PROBLEM"; empty while there is none.
  const std::string& error() const { return c_.error(); }
  // take() is the trace read, moved out; call it once, after the last read.
  Trace take() { return std::move(t_); }

 private:
  bool scenario(const Json& j, const JsonPath& p);
  bool policy(const Json& j, const JsonPath& p);
  bool config(const Json& j, const JsonPath& p);
  bool fibers(const Json& j, const JsonPath& p);
  bool objects(const Json& j, const JsonPath& p);
  bool schedule(const Json& j, const JsonPath& p);
  bool runnable(const Json& j, const JsonPath& p, TraceEvent& e);
  bool outcome(const Json& j, const JsonPath& p);
  bool results(const Json& j, const JsonPath& p);
  bool stats(const Json& j, const JsonPath& p);
  bool totals(const JsonPath& p);

  JsonChecker c_;
  Trace t_;  // invariant: holds only what was read and checked, in document order
};

}  // namespace interleave
