#include "bench/summary/summary.h"

#include <algorithm>
#include <cstdlib>
#include <string>
#include <utility>
#include <vector>

namespace interleave::bench {

namespace {

using json = nlohmann::ordered_json;

// The benchmark names the summary reads (run names without /iterations:N and /real_time).
constexpr const char* kBareRoundTrip = "BM_BareFiberSwitchRoundTrip";
constexpr const char* kKeptStep = "BM_StepThatKeepsItsFiber";
constexpr const char* kKeptStepAsked = "BM_StepThatKeepsItsFiberPolicyAsked";
constexpr const char* kSwitchingStep = "BM_StepThatSwitches";
constexpr const char* kRaceOff = "BM_RaceRandomTracingOff";
constexpr const char* kRaceOn = "BM_RaceRandomTracingOn";

json median_json(const Median& m) {
  json j = {{"time_ns", m.time_ns()},     {"time_basis", m.real_time_basis ? "real" : "cpu"},
            {"real_time_ns", m.real_ns},  {"cpu_time_ns", m.cpu_ns},
            {"iterations", m.iterations}, {"repetitions", m.repetitions}};
  j["counters"] = json::object();
  for (const auto& [name, value] : m.counters) j["counters"][name] = value;
  return j;
}

json medians_json(const BenchmarkFile& file) {
  json j = json::object();
  for (const std::string& name : file.order) j[name] = median_json(file.by_name.at(name));
  return j;
}

// counter(file, name, counter) is the median of a counter, or null.
json counter(const BenchmarkFile& file, const std::string& name, const std::string& which) {
  const Median* m = find(file, name);
  if (m == nullptr) return nullptr;
  const auto it = m->counters.find(which);
  return it == m->counters.end() ? json(nullptr) : json(it->second);
}

// time_ns(file, name) is the median time per iteration the rates of a benchmark use, or null.
json time_ns(const BenchmarkFile* file, const std::string& name) {
  const Median* m = file == nullptr ? nullptr : find(*file, name);
  return m == nullptr ? json(nullptr) : json(m->time_ns());
}

json ratio(const json& a, const json& b) {
  if (!a.is_number() || !b.is_number() || b.get<double>() == 0) return nullptr;
  return a.get<double>() / b.get<double>();
}

// family(file, prefix, arg, columns) is one row per benchmark named prefix + "/" + arg + ":N",
// in run order: {arg: N, column: median counter, ...}.
json family(const BenchmarkFile& file, const std::string& prefix, const std::string& arg,
            const std::vector<std::string>& columns) {
  json rows = json::array();
  const std::string head = prefix + "/" + arg + ":";
  for (const std::string& name : file.order) {
    if (!name.starts_with(head)) continue;
    json row = {{arg, std::atoll(name.c_str() + head.size())}};
    for (const std::string& c : columns) row[c] = counter(file, name, c);
    row["time_ns"] = time_ns(&file, name);
    rows.push_back(row);
  }
  return rows;
}

json tiny_table(const BenchmarkFile& file) {
  json rows = json::array();
  for (const auto& [threads, steps] : {std::pair{2, 1}, std::pair{2, 5}, std::pair{3, 2}}) {
    const std::string s = "threads:" + std::to_string(threads) + "/stores:" + std::to_string(steps);
    const std::string dpor = "BM_TinyExploreDpor/" + s;
    const std::string none = "BM_TinyExploreNone/" + s;
    rows.push_back(
        {{"threads", threads},
         {"stores_per_thread", steps},
         {"random_runs_per_s", counter(file, "BM_TinyRandom/" + s, "runs_per_s")},
         {"random_steps_per_run", counter(file, "BM_TinyRandom/" + s, "steps_per_run")},
         {"none_runs_per_s", counter(file, none, "runs_per_s")},
         {"none_runs_per_search", counter(file, none, "runs_per_search")},
         {"dpor_runs_per_s", counter(file, dpor, "runs_per_s")},
         {"dpor_runs_per_search", counter(file, dpor, "runs_per_search")},
         {"dpor_sleep_blocked_per_search", counter(file, dpor, "sleep_blocked_per_search")},
         {"dpor_search_ns", time_ns(&file, dpor)}});
  }
  return rows;
}

json searches_table(const BenchmarkFile& file) {
  return {{"dpor_lastzero_10",
           {{"search_ns", time_ns(&file, "BM_ExploreDporLastzero10")},
            {"runs", counter(file, "BM_ExploreDporLastzero10", "runs")}}},
          {"dpor_readers_12",
           {{"search_ns", time_ns(&file, "BM_ExploreDporReaders12")},
            {"runs", counter(file, "BM_ExploreDporReaders12", "runs")}}},
          {"none_writers_2x5_runs_per_s", counter(file, "BM_ExploreNoneWriters2x5", "runs_per_s")}};
}

json memory_table(const BenchmarkFile& file) {
  json j = json::object();
  for (const char* name : {"BM_Memory10kFibers", "BM_MemoryDporDepth1000"}) {
    const Median* m = find(file, name);
    j[name] = m == nullptr ? json(nullptr) : median_json(*m)["counters"];
  }
  return j;
}

// median(values) is the median of values (the mean of the middle two for an even count), or
// null when there are none.
json median(std::vector<double> values) {
  if (values.empty()) return nullptr;
  std::sort(values.begin(), values.end());
  const std::size_t n = values.size();
  return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

// compiled_out_table(rounds) is each round's paired times and ratio, and their medians.
json compiled_out_table(const std::vector<CompiledOutRound>& rounds) {
  json rows = json::array();
  std::vector<double> offs;
  std::vector<double> outs;
  std::vector<double> ratios;
  for (const CompiledOutRound& r : rounds) {
    const json off = counter(r.tracing_off, kRaceOff, "ns_per_run");
    const json out = counter(r.compiled_out, kRaceOff, "ns_per_run");
    const json both = ratio(off, out);
    rows.push_back({{"tracing_off_ns_per_run", off},
                    {"compiled_out_ns_per_run", out},
                    {"tracing_off_over_compiled_out", both}});
    if (both.is_number()) {
      offs.push_back(off.get<double>());
      outs.push_back(out.get<double>());
      ratios.push_back(both.get<double>());
    }
  }
  return {{"rounds", rows},
          {"tracing_off_ns_per_run", median(offs)},
          {"compiled_out_ns_per_run", median(outs)},
          {"tracing_off_over_compiled_out", median(ratios)}};
}

}  // namespace

json make_summary(const BenchmarkFile& main, const std::vector<CompiledOutRound>& rounds,
                  const Machine& machine) {
  json s;
  s["machine"] = {{"cpu_model", machine.cpu_model},
                  {"logical_cpus", machine.logical_cpus},
                  {"physical_cores", machine.physical_cores},
                  {"benchmark_context", main.context}};
  if (!rounds.empty()) {
    s["machine"]["compiled_out_benchmark_context"] = rounds.front().compiled_out.context;
  }
  int repetitions = 0;
  for (const auto& [name, m] : main.by_name) repetitions = std::max(repetitions, m.repetitions);
  s["statistic"] =
      "medians over repetitions; times in ns per iteration; time_ns (what rates are per) is wall "
      "time for benchmarks whose work runs on another thread (time_basis real), else the CPU time "
      "of the benchmark thread";
  s["repetitions"] = repetitions;

  const json bare = time_ns(&main, kBareRoundTrip);
  const json kept = counter(main, kKeptStep, "ns_per_step");
  const json kept_asked = counter(main, kKeptStepAsked, "ns_per_step");
  const json switching = counter(main, kSwitchingStep, "ns_per_step");
  const json off = counter(main, kRaceOff, "ns_per_run");
  const json on = counter(main, kRaceOn, "ns_per_run");
  const json compiled_out = compiled_out_table(rounds);
  s["ratios"] = {{"bare_round_trip_ns", bare},
                 {"kept_step_ns", kept},
                 {"kept_step_policy_asked_ns", kept_asked},
                 {"switching_step_ns", switching},
                 {"switching_step_over_bare_round_trip", ratio(switching, bare)},
                 {"kept_step_over_bare_round_trip", ratio(kept, bare)},
                 {"race_run_ns_tracing_off", off},
                 {"race_run_ns_tracing_on", on},
                 {"race_run_ns_tracing_compiled_out", compiled_out["compiled_out_ns_per_run"]},
                 {"tracing_on_over_off", ratio(on, off)},
                 {"tracing_on_over_off_alternating",
                  counter(main, "BM_RaceTracingOnOverOffAlternating", "on_over_off")},
                 {"tracing_off_over_compiled_out", compiled_out["tracing_off_over_compiled_out"]}};
  s["tracing_compiled_out"] = compiled_out;
  s["tiny_scenarios"] = tiny_table(main);
  s["searches"] = searches_table(main);
  s["memory"] = memory_table(main);
  s["scaling"] = {
      {"fibers",
       family(main, "BM_ScaleFibers", "threads", {"runs_per_s", "ns_per_step", "steps_per_run"})},
      {"steps",
       family(main, "BM_ScaleSteps", "steps", {"steps_per_run", "ns_per_step", "runs_per_s"})},
      {"depth",
       family(main, "BM_ScaleDepth", "depth", {"max_depth", "runs_per_s", "runs_per_search"})}};
  for (json& row : s["scaling"]["depth"]) row["us_per_run"] = ratio(1e6, row["runs_per_s"]);
  s["benchmarks"] = medians_json(main);
  json errors = json::array();
  for (const std::string& e : main.errors) errors.push_back(e);
  for (const CompiledOutRound& r : rounds) {
    for (const std::string& e : r.tracing_off.errors) errors.push_back("(paired round) " + e);
    for (const std::string& e : r.compiled_out.errors) errors.push_back("(compiled out) " + e);
  }
  s["errors"] = errors;
  return s;
}

}  // namespace interleave::bench
