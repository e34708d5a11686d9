#include "bench/summary/summary.h"

#include <algorithm>
#include <cstdlib>
#include <initializer_list>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace interleave::bench {

namespace {

using json = nlohmann::ordered_json;

// The benchmark names the summary reads more than once (run names without /iterations:N and
// /real_time).
constexpr const char* kRaceOff = "BM_RaceRandomTracingOff";
constexpr const char* kRaceOn = "BM_RaceRandomTracingOn";

// The figures a summary reads from one benchmark file. A benchmark or a counter it names that
// the file lacks is noted in missing (and read as 0): make_summary() then refuses the files.
class Figures {
 public:
  Figures(const BenchmarkFile& file, std::vector<std::string>& missing)
      : file_(file), missing_(missing) {}

  // time_ns(name) is the median time per iteration that the rates of benchmark name use.
  double time_ns(const std::string& name) const {
    const Median* m = find_or_note(name);
    return m == nullptr ? 0 : m->time_ns;
  }
  // counter(name, which) is the median of a counter of benchmark name.
  double counter(const std::string& name, const std::string& which) const {
    const Median* m = find_or_note(name);
    if (m == nullptr) return 0;
    if (const auto value = m->counter(which)) return *value;
    missing_.push_back("the counter " + which + " of " + name + " in " + file_.path);
    return 0;
  }
  // family(prefix, arg, columns) is one row per benchmark named prefix + "/" + arg + ":N", in
  // run order: {arg: N, column: median counter, ...}. There must be one at least.
  json family(const std::string& prefix, const std::string& arg,
              const std::vector<std::string>& columns) const {
    json rows = json::array();
    const std::string head = prefix + "/" + arg + ":";
    for (const std::string& name : file_.order) {
      if (!name.starts_with(head)) continue;
      json row = {{arg, std::atoll(name.c_str() + head.size())}};
      for (const std::string& c : columns) row[c] = counter(name, c);
      rows.push_back(row);
    }
    if (rows.empty()) missing_.push_back(head + "N in " + file_.path);
    return rows;
  }
  // repetitions() is the most repetitions a median of the file is of.
  int repetitions() const {
    int most = 0;
    for (const auto& [name, m] : file_.by_name) most = std::max(most, m.repetitions);
    return most;
  }

 private:
  const Median* find_or_note(const std::string& name) const {
    const Median* m = find(file_, name);
    if (m == nullptr) missing_.push_back(name + " in " + file_.path);
    return m;
  }

  const BenchmarkFile& file_;
  std::vector<std::string>& missing_;
};

json ratio(const json& a, const json& b) {
  if (!a.is_number() || !b.is_number() || b.get<double>() == 0) return nullptr;
  return a.get<double>() / b.get<double>();
}

json tiny_table(const Figures& main) {
  json rows = json::array();
  for (const auto& [threads, steps] : {std::pair{2, 1}, std::pair{2, 5}, std::pair{3, 2}}) {
    const std::string s = "threads:" + std::to_string(threads) + "/stores:" + std::to_string(steps);
    const std::string random = "BM_TinyRandom/" + s;
    const std::string dpor = "BM_TinyExploreDpor/" + s;
    const std::string none = "BM_TinyExploreNone/" + s;
    rows.push_back(
        {{"threads", threads},
         {"stores_per_thread", steps},
         {"random_runs_per_s", main.counter(random, "runs_per_s")},
         {"random_steps_per_run", main.counter(random, "steps_per_run")},
         {"none_runs_per_s", main.counter(none, "runs_per_s")},
         {"none_runs_per_search", main.counter(none, "runs_per_search")},
         {"dpor_runs_per_s", main.counter(dpor, "runs_per_s")},
         {"dpor_runs_per_search", main.counter(dpor, "runs_per_search")},
         {"dpor_sleep_blocked_per_search", main.counter(dpor, "sleep_blocked_per_search")},
         {"dpor_search_ns", main.time_ns(dpor)}});
  }
  return rows;
}

json searches_table(const Figures& main) {
  return {{"dpor_lastzero_10",
           {{"search_ns", main.time_ns("BM_ExploreDporLastzero10")},
            {"runs", main.counter("BM_ExploreDporLastzero10", "runs")}}},
          {"dpor_readers_12",
           {{"search_ns", main.time_ns("BM_ExploreDporReaders12")},
            {"runs", main.counter("BM_ExploreDporReaders12", "runs")}}},
          {"none_writers_2x5_runs_per_s", main.counter("BM_ExploreNoneWriters2x5", "runs_per_s")}};
}

json memory_table(const Figures& main) {
  auto counters = [&main](const char* name, std::initializer_list<const char*> which) {
    json j = json::object();
    for (const char* c : which) j[c] = main.counter(name, c);
    return j;
  };
  return {{"BM_Memory10kFibers",
           counters("BM_Memory10kFibers", {"peak_MiB", "growth_MiB", "before_MiB", "most_alive",
                                           "growth_KiB_per_fiber", "steps"})},
          {"BM_MemoryDporDepth1000",
           counters("BM_MemoryDporDepth1000", {"peak_MiB", "growth_MiB", "before_MiB", "max_depth",
                                               "runs", "sleep_blocked"})}};
}

// median(values) is the median of values (the mean of the middle two for an even count), or
// null when there are none.
json median(std::vector<double> values) {
  if (values.empty()) return nullptr;
  std::sort(values.begin(), values.end());
  const std::size_t n = values.size();
  return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

// compiled_out_table(rounds, missing) is each round's paired times and ratio, and their medians.
json compiled_out_table(const std::vector<CompiledOutRound>& rounds,
                        std::vector<std::string>& missing) {
  json rows = json::array();
  std::vector<double> offs;
  std::vector<double> outs;
  std::vector<double> ratios;
  for (const CompiledOutRound& r : rounds) {
    const double off = Figures(r.tracing_off, missing).counter(kRaceOff, "ns_per_run");
    const double out = Figures(r.compiled_out, missing).counter(kRaceOff, "ns_per_run");
    const json both = ratio(off, out);
    rows.push_back({{"tracing_off_ns_per_run", off},
                    {"compiled_out_ns_per_run", out},
                    {"tracing_off_over_compiled_out", both}});
    offs.push_back(off);
    outs.push_back(out);
    if (both.is_number()) ratios.push_back(both.get<double>());
  }
  return {{"rounds", rows},
          {"tracing_off_ns_per_run", median(offs)},
          {"compiled_out_ns_per_run", median(outs)},
          {"tracing_off_over_compiled_out", median(ratios)}};
}

// refuse_incomplete(files, missing) throws when a benchmark of the files failed or a figure the
// summary names is missing, naming each once.
void refuse_incomplete(const std::vector<const BenchmarkFile*>& files,
                       const std::vector<std::string>& missing) {
  std::string problems;
  for (const BenchmarkFile* f : files) {
    for (const std::string& e : f->errors) problems += "\n  failed in " + f->path + ": " + e;
  }
  for (std::size_t i = 0; i < missing.size(); ++i) {
    if (std::find(missing.begin(), missing.begin() + i, missing[i]) == missing.begin() + i) {
      problems += "\n  missing: " + missing[i];
    }
  }
  if (!problems.empty()) {
    throw std::runtime_error("the benchmarks the summary names did not all run:" + problems);
  }
}

}  // namespace

json make_summary(const BenchmarkFile& main_file, const std::vector<CompiledOutRound>& rounds,
                  const Machine& machine) {
  std::vector<std::string> missing;
  const Figures main(main_file, missing);
  json s;
  s["machine"] = {{"cpu_model", machine.cpu_model},
                  {"logical_cpus", machine.logical_cpus},
                  {"physical_cores", machine.physical_cores},
                  {"benchmark_context", main_file.context}};
  if (!rounds.empty()) {
    s["machine"]["compiled_out_benchmark_context"] = rounds.front().compiled_out.context;
  }
  s["statistic"] =
      "medians over repetitions; times in ns per iteration; time_ns (what rates are per) is wall "
      "time for benchmarks whose work runs on another thread, else the CPU time of the benchmark "
      "thread";
  s["repetitions"] = main.repetitions();

  const json bare = main.time_ns("BM_BareFiberSwitchRoundTrip");
  const json kept = main.counter("BM_StepThatKeepsItsFiber", "ns_per_step");
  const json kept_asked = main.counter("BM_StepThatKeepsItsFiberPolicyAsked", "ns_per_step");
  const json switching = main.counter("BM_StepThatSwitches", "ns_per_step");
  const json off = main.counter(kRaceOff, "ns_per_run");
  const json on = main.counter(kRaceOn, "ns_per_run");
  const json compiled_out = compiled_out_table(rounds, missing);
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
                  main.counter("BM_RaceTracingOnOverOffAlternating", "on_over_off")},
                 {"tracing_off_over_compiled_out", compiled_out["tracing_off_over_compiled_out"]}};
  s["tracing_compiled_out"] = compiled_out;
  s["tiny_scenarios"] = tiny_table(main);
  s["searches"] = searches_table(main);
  s["memory"] = memory_table(main);
  s["scaling"] = {
      {"fibers",
       main.family("BM_ScaleFibers", "threads", {"runs_per_s", "ns_per_step", "steps_per_run"})},
      {"steps",
       main.family("BM_ScaleSteps", "steps", {"steps_per_run", "ns_per_step", "runs_per_s"})},
      {"depth",
       main.family("BM_ScaleDepth", "depth", {"max_depth", "runs_per_s", "runs_per_search"})}};
  for (json& row : s["scaling"]["depth"]) row["us_per_run"] = ratio(1e6, row["runs_per_s"]);

  std::vector<const BenchmarkFile*> files{&main_file};
  for (const CompiledOutRound& r : rounds) {
    files.push_back(&r.tracing_off);
    files.push_back(&r.compiled_out);
  }
  refuse_incomplete(files, missing);
  return s;
}

}  // namespace interleave::bench
