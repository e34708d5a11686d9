#include "bench/summary/markdown.h"

#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

namespace interleave::bench {

namespace {

using json = nlohmann::ordered_json;

// number(v) is v with about three significant digits (whole numbers exactly) and thousands
// grouped; "n/a" for null.
std::string number(const json& v) {
  if (!v.is_number()) return "n/a";
  const double x = v.get<double>();
  char buf[64];
  if (std::fabs(x) >= 1000 || x == std::floor(x)) {
    std::snprintf(buf, sizeof buf, "%.0f", x);
    std::string digits = buf;
    const std::size_t sign = digits[0] == '-' ? 1 : 0;
    for (std::size_t i = digits.size(); i > sign + 3; i -= 3) digits.insert(i - 3, ",");
    return digits;
  }
  std::snprintf(buf, sizeof buf,
                std::fabs(x) >= 100  ? "%.0f"
                : std::fabs(x) >= 10 ? "%.1f"
                                     : "%.3g",
                x);
  return buf;
}

// duration(ns) is a time with a readable unit.
std::string duration(const json& ns) {
  if (!ns.is_number()) return "n/a";
  const double x = ns.get<double>();
  if (x >= 1e9) return number(x / 1e9) + " s";
  if (x >= 1e6) return number(x / 1e6) + " ms";
  if (x >= 1e3) return number(x / 1e3) + " µs";
  return number(x) + " ns";
}

std::string times(const json& ratio) {
  return ratio.is_number() ? number(ratio) + "×" : "n/a";
}

void row(std::ostream& out, const std::vector<std::string>& cells) {
  out << "|";
  for (const std::string& c : cells) out << " " << c << " |";
  out << "\n";
}

void table(std::ostream& out, const std::vector<std::string>& header) {
  row(out, header);
  out << "|";
  for (std::size_t i = 0; i < header.size(); ++i) out << (i == 0 ? " --- |" : " ---: |");
  out << "\n";
}

json at(const json& j, const char* key) {
  return j.is_object() && j.contains(key) ? j[key] : json();
}

void machine(const json& s, std::ostream& out) {
  const json& m = s["machine"];
  const json& c = m["benchmark_context"];
  out << "## Machine\n\n";
  out << "- CPU: " << m["cpu_model"].get<std::string>() << "; " << m["logical_cpus"]
      << " logical CPUs, " << m["physical_cores"] << " physical cores\n";
  out << "- Google Benchmark: " << at(c, "num_cpus").dump() << " CPUs at "
      << at(c, "mhz_per_cpu").dump() << " MHz, CPU scaling " << at(c, "cpu_scaling_enabled").dump()
      << ", library built as " << at(c, "library_build_type").dump() << "\n";
  out << "- Run " << at(c, "date").dump() << " on " << at(c, "host_name").dump()
      << ", load average at the start " << at(c, "load_avg").dump() << "\n";
  out << "- Figures are medians over " << at(s, "repetitions").dump()
      << " repetitions; times are per iteration. Rates are per CPU second of the benchmark "
         "thread, except where the work runs on another thread (the explore benchmarks): per wall "
         "second.\n\n";
}

void ratios(const json& s, std::ostream& out) {
  const json& r = s["ratios"];
  out << "## Hot path and tracing\n\n";
  table(out, {"figure", "value"});
  row(out, {"bare Boost.Context switch round trip", duration(r["bare_round_trip_ns"])});
  row(out, {"step that keeps its fiber (fifo)", duration(r["kept_step_ns"])});
  row(out, {"step that keeps its fiber, policy asked at every point",
            duration(r["kept_step_policy_asked_ns"])});
  row(out, {"step that switches", duration(r["switching_step_ns"])});
  row(out, {"switching step / bare round trip", times(r["switching_step_over_bare_round_trip"])});
  row(out, {"kept step / bare round trip", times(r["kept_step_over_bare_round_trip"])});
  row(out, {"article/race run, tracing off", duration(r["race_run_ns_tracing_off"])});
  row(out, {"article/race run, tracing on", duration(r["race_run_ns_tracing_on"])});
  row(out,
      {"article/race run, tracing compiled out", duration(r["race_run_ns_tracing_compiled_out"])});
  row(out, {"tracing on / tracing off", times(r["tracing_on_over_off"])});
  row(out, {"tracing on / tracing off, measured in alternation",
            times(r["tracing_on_over_off_alternating"])});
  row(out, {"tracing off / tracing compiled out (median of paired rounds)",
            times(r["tracing_off_over_compiled_out"])});
  out << "\n";
}

void compiled_out(const json& s, std::ostream& out) {
  const json& c = s["tracing_compiled_out"];
  if (c["rounds"].empty()) return;
  out << "## Tracing off against tracing compiled out (article/race, random; each round runs the "
         "normal build, then the INTERLEAVE_TRACING=OFF build)\n\n";
  table(out, {"round", "tracing off, per run", "compiled out, per run", "off / compiled out"});
  int round = 0;
  for (const json& r : c["rounds"]) {
    row(out, {std::to_string(++round), duration(r["tracing_off_ns_per_run"]),
              duration(r["compiled_out_ns_per_run"]), times(r["tracing_off_over_compiled_out"])});
  }
  row(out, {"median", duration(c["tracing_off_ns_per_run"]), duration(c["compiled_out_ns_per_run"]),
            times(c["tracing_off_over_compiled_out"])});
  out << "\n";
}

void tiny(const json& s, std::ostream& out) {
  out << "## Tiny scenarios: runs per second\n\n";
  table(out, {"threads × stores", "random", "steps/run", "explore none", "none runs/search",
              "explore dpor", "dpor runs/search", "dpor sleep-blocked/search", "dpor search"});
  for (const json& t : s["tiny_scenarios"]) {
    row(out, {number(t["threads"]) + " × " + number(t["stores_per_thread"]),
              number(t["random_runs_per_s"]), number(t["random_steps_per_run"]),
              number(t["none_runs_per_s"]), number(t["none_runs_per_search"]),
              number(t["dpor_runs_per_s"]), number(t["dpor_runs_per_search"]),
              number(t["dpor_sleep_blocked_per_search"]), duration(t["dpor_search_ns"])});
  }
  out << "\n";
}

void searches(const json& s, std::ostream& out) {
  const json& x = s["searches"];
  out << "## Whole searches\n\n";
  table(out, {"search", "time", "runs"});
  row(out, {"dpor/lastzero n=10, dpor", duration(x["dpor_lastzero_10"]["search_ns"]),
            number(x["dpor_lastzero_10"]["runs"])});
  row(out, {"dpor/readers n=12, dpor", duration(x["dpor_readers_12"]["search_ns"]),
            number(x["dpor_readers_12"]["runs"])});
  out << "\nexplore --reduction none on dpor/writers 2×5: "
      << number(x["none_writers_2x5_runs_per_s"]) << " runs/s\n\n";
}

void memory(const json& s, std::ostream& out) {
  const json& m = s["memory"];
  out << "## Peak memory (resident, in a forked child)\n\n";
  table(out, {"measurement", "peak MiB", "growth MiB", "before MiB", "facts"});
  const json& f = m["BM_Memory10kFibers"];
  row(out, {"10,000 fibers alive at once", number(f["peak_MiB"]), number(f["growth_MiB"]),
            number(f["before_MiB"]),
            number(f["most_alive"]) + " alive, " + number(f["growth_KiB_per_fiber"]) +
                " KiB/fiber, " + number(f["steps"]) + " steps"});
  const json& d = m["BM_MemoryDporDepth1000"];
  row(out, {"dpor search, dpor/disjoint 2×500", number(d["peak_MiB"]), number(d["growth_MiB"]),
            number(d["before_MiB"]),
            "max_depth " + number(d["max_depth"]) + ", " + number(d["runs"]) + " runs, " +
                number(d["sleep_blocked"]) + " sleep-blocked"});
  out << "\n";
}

void scaling(const json& s, std::ostream& out) {
  const json& sc = s["scaling"];
  out << "## Scaling (a): fibers (main spawns N threads of 5 stores, random)\n\n";
  table(out, {"threads", "runs/s", "ns/step", "steps/run"});
  for (const json& r : sc["fibers"]) {
    row(out, {number(r["threads"]), number(r["runs_per_s"]), number(r["ns_per_step"]),
              number(r["steps_per_run"])});
  }
  out << "\n## Scaling (b): steps per run (2 threads, random)\n\n";
  table(out, {"steps (nominal)", "steps/run", "ns/step", "runs/s"});
  for (const json& r : sc["steps"]) {
    row(out, {number(r["steps"]), number(r["steps_per_run"]), number(r["ns_per_step"]),
              number(r["runs_per_s"])});
  }
  out << "\n## Scaling (c): search depth (explore none, 2 threads, first 1,000 runs)\n\n";
  table(out, {"depth (nominal)", "max_depth", "µs/run", "runs/search"});
  for (const json& r : sc["depth"]) {
    row(out, {number(r["depth"]), number(r["max_depth"]), number(r["us_per_run"]),
              number(r["runs_per_search"])});
  }
  out << "\n";
}

}  // namespace

void print_markdown(const json& summary, std::ostream& out) {
  out << "# interleave benchmarks\n\n";
  machine(summary, out);
  ratios(summary, out);
  compiled_out(summary, out);
  tiny(summary, out);
  searches(summary, out);
  memory(summary, out);
  scaling(summary, out);
}

}  // namespace interleave::bench
