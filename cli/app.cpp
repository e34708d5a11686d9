#include "cli/app.h"

#include <CLI/CLI.hpp>
#include <cstddef>
#include <cstdint>
#include <exception>
#include <string>
#include <string_view>
#include <vector>

#include "cli/exit_codes.h"
#include "cli/explore_command.h"
#include "cli/export_command.h"
#include "cli/list_command.h"
#include "cli/merge_command.h"
#include "cli/number.h"
#include "cli/program.h"
#include "cli/replay_command.h"
#include "cli/run_command.h"
#include "cli/usage_error.h"
#include "export/export_formats.h"
#include "scenarios/catalog.h"
#include "sim/resource_limit.h"
#include "sim/version.h"
#include "traces/printable.h"

namespace interleave {

namespace {

// Every command's options are declared to CLI11 here, and only here: CLI11 is header-only and
// costs about 11 seconds of compile time in every file that includes it. Each command's work
// (run_list(), run_run(), ...) is in its own file.

// in_range(range): the check of a numeric flag, run on its text before CLI11 converts it, so
// that no value wraps around or is clamped: one parser and one message for every number.
CLI::Validator in_range(IntegerRange range) {
  return CLI::Validator([range](std::string& text) { return integer_problem(text, range); }, "");
}

// non_empty(): the check of a flag whose empty value would silently mean "not given".
CLI::Validator non_empty() {
  return CLI::Validator(
      [](std::string& text) { return text.empty() ? std::string("is empty") : std::string(); }, "");
}

constexpr std::uint64_t kMaxStepsLimit = 4'000'000'000;

// is_command(word) tells whether word names a command.
bool is_command(std::string_view word) {
  return word == "list" || word == "run" || word == "explore" || word == "merge" ||
         word == "replay" || word == "export";
}

// add_scenario_argument(cmd, scenario, program): the scenario a command runs, by name.
CLI::Option* add_scenario_argument(CLI::App& cmd, std::string& scenario, const Program& program) {
  return cmd
      .add_option("scenario", scenario, "Scenario name, as `" + program.name + " list` shows it")
      ->required();
}

// add_param_option(cmd, params): --param NAME=VALUE, the scenario's parameters.
CLI::Option* add_param_option(CLI::App& cmd, std::vector<std::string>& params) {
  return cmd.add_option("--param", params, "Scenario parameter NAME=VALUE (repeatable)");
}

// add_max_steps_option(cmd, max_steps): --max-steps, the step limit of a run.
CLI::Option* add_max_steps_option(CLI::App& cmd, std::uint64_t& max_steps) {
  return cmd.add_option("--max-steps", max_steps, "Steps after which a run is a livelock")
      ->capture_default_str()
      ->check(in_range({1, kMaxStepsLimit}));
}

// add_step_cost_option(cmd, step_cost): --step-cost, the virtual time of a step.
CLI::Option* add_step_cost_option(CLI::App& cmd, std::string& step_cost) {
  return cmd.add_option("--step-cost", step_cost, "Virtual time each step costs (0 to 1s)")
      ->capture_default_str()
      ->check(non_empty());
}

// add_granularity_option(cmd, granularity): --granularity, what a step is.
CLI::Option* add_granularity_option(CLI::App& cmd, std::string& granularity) {
  return cmd
      .add_option("--granularity", granularity,
                  "primitive: an operation of a built-in primitive (Mutex::lock, "
                  "Semaphore::release, ...) is one step; atomic: every atomic step inside it is a "
                  "step too. Code built on Shared and Atomic is atomic either way")
      ->type_name("atomic|primitive")
      ->capture_default_str()
      ->check(CLI::IsMember({"atomic", "primitive"}));
}

// add_trace_argument(cmd, trace, program): the trace file a command reads.
CLI::Option* add_trace_argument(CLI::App& cmd, std::string& trace, const Program& program) {
  return cmd.add_option("trace", trace, "Trace file written by `" + program.name + " run --trace`")
      ->required();
}

// add_list_command(app, options) registers the subcommand; its callback fills options.
CLI::App& add_list_command(CLI::App& app, ListOptions& options, const Program& program) {
  CLI::App* cmd = app.add_subcommand(
      "list", program.stock
                  ? "List the built-in scenarios with a one-line description"
                  : "List the scenarios of " + program.name + " with a one-line description");
  cmd->add_flag("--json", options.json, "Print one JSON array of {name, description, params}");
  return *cmd;
}

// add_run_command(app, options) registers the subcommand; parsing fills options.
CLI::App& add_run_command(CLI::App& app, RunOptions& o, const Program& program) {
  CLI::App* cmd = app.add_subcommand(
      "run", "Run a scenario once (or --runs N seeded times) and report how it ended");
  add_scenario_argument(*cmd, o.scenario, program);
  auto* policy = cmd->add_option("--policy", o.policy, "Scheduling policy: fifo, rr, random or pct")
                     ->capture_default_str();
  auto* seed = cmd->add_option("--seed", o.seed, "random, pct: the seed (the first of --runs)")
                   ->capture_default_str()
                   ->check(in_range({0, UINT64_MAX}));
  auto* quantum = cmd->add_option("--quantum", o.quantum, "rr: virtual time slice, e.g. 10ms")
                      ->capture_default_str()
                      ->check(non_empty());
  auto* depth = cmd->add_option("--depth", o.depth, "pct: bug depth d (d-1 priority change points)")
                    ->capture_default_str()
                    ->check(in_range({1, 1000}));
  auto* pct_steps =
      cmd->add_option("--pct-steps", o.pct_steps,
                      "pct: steps estimate k for change points (default: steps of a fifo run)")
          ->check(in_range({1, kMaxStepsLimit}));
  cmd->add_option("--runs", o.runs, "Run N seeds (seed, seed+1, ...), stop at the first failure")
      ->capture_default_str()
      ->check(in_range({1, 1'000'000'000}));
  cmd->add_option("--schedule", o.schedule,
                  "Replay this schedule string (printed by every run) instead of a policy")
      ->check(non_empty());
  cmd->add_option("--trace", o.trace, "Write the run's JSON trace to FILE ('-': standard output)")
      ->check(non_empty());
  add_param_option(*cmd, o.params);
  add_max_steps_option(*cmd, o.max_steps);
  add_step_cost_option(*cmd, o.step_cost);
  add_granularity_option(*cmd, o.granularity);
  cmd->add_flag("--json", o.json, "Print one JSON object instead of the summary");
  cmd->add_flag("--show", o.show, "Also print the run as swimlanes (text export)");
  cmd->callback([&o, policy, seed, quantum, depth, pct_steps] {
    o.policy_given = policy->count() > 0;
    o.seed_given = seed->count() > 0;
    o.quantum_given = quantum->count() > 0;
    o.depth_given = depth->count() > 0;
    o.pct_steps_given = pct_steps->count() > 0;
  });
  return *cmd;
}

// add_replay_command(app, options) registers the subcommand; parsing fills options.
CLI::App& add_replay_command(CLI::App& app, ReplayOptions& o, const Program& program) {
  CLI::App* cmd = app.add_subcommand(
      "replay", "Re-execute a trace's run and verify every step (exit 3 on the first divergence)");
  add_trace_argument(*cmd, o.trace, program);
  cmd->add_flag("--show", o.show, "Also print the replayed run as swimlanes");
  cmd->footer(
      "Exit codes: 0 the run matched the trace step for step, also when the recorded run\n"
      "failed (the failure was reproduced); 2 bad usage or an unreadable trace; 3 the run\n"
      "diverged (the first step that differs is named).\n");
  return *cmd;
}

// add_export_command(app, options) registers the subcommand; parsing fills options.
CLI::App& add_export_command(CLI::App& app, ExportOptions& o, const Program& program) {
  CLI::App* cmd = app.add_subcommand(
      "export", "Turn a trace into swimlanes (text), Perfetto/Chrome JSON, an SVG or an HTML page");
  add_trace_argument(*cmd, o.trace, program);
  cmd->add_option("--format", o.format, "text, chrome, svg or html")
      ->capture_default_str()
      ->check(CLI::IsMember(export_format_names()));
  cmd->add_option("-o,--output", o.output,
                  "Write to FILE instead of standard output ('-': standard output)")
      ->check(non_empty());
  cmd->add_option("--width", o.width, "text: columns to fit in")
      ->capture_default_str()
      ->check(in_range({20, 1000}));
  return *cmd;
}

// add_explore_command(app, options) registers the subcommand; parsing fills options.
CLI::App& add_explore_command(CLI::App& app, ExploreCommandOptions& o, const Program& program) {
  CLI::App* cmd = app.add_subcommand(
      "explore",
      "Search every schedule of a scenario (one per equivalence class under dpor) and report "
      "each distinct outcome with a witness; exit 1 if some schedule fails");
  add_scenario_argument(*cmd, o.scenario, program);
  cmd->add_option("--reduction", o.reduction,
                  "none: every interleaving; sleep: sleep sets; dpor: source-DPOR with sleep "
                  "sets, one run per class of equivalent schedules")
      ->type_name("none|sleep|dpor")
      ->capture_default_str();
  auto* bound = cmd->add_option("--preemption-bound", o.preemption_bound,
                                "Search with at most 0, then 1, ..., K preemptions, so the first "
                                "failure found has the fewest")
                    ->type_name("K")
                    ->check(in_range({0, UINT32_MAX}));
  cmd->add_option("--max-runs", o.max_runs,
                  "Stop after N complete runs (the search is then incomplete)")
      ->type_name("N")
      ->check(in_range({1, UINT64_MAX}));
  add_max_steps_option(*cmd, o.max_steps)->type_name("N");
  cmd->add_option("--time-budget", o.time_budget,
                  "Stop after this much real (wall-clock) time, e.g. 30s, 500ms")
      ->type_name("DURATION")
      ->check(non_empty());
  cmd->add_option("--jobs", o.jobs,
                  "Worker threads; every N gives the same counts, outcomes and first failure")
      ->type_name("N")
      ->capture_default_str()
      ->check(in_range({1, 1024}));
  cmd->add_option("--split-depth", o.split_depth,
                  "Split the search into subtrees at the D-th choice of each path, for --jobs and "
                  "--shard (deeper: smaller subtrees, better balance; under dpor more runs)")
      ->type_name("D")
      ->capture_default_str()
      ->check(in_range({1, 64}));
  cmd->add_flag("--stop-at-first-failure", o.stop_at_first_failure,
                "End the search at its first failing run (with a bound: the one with the fewest "
                "preemptions) and say how many runs it took");
  cmd->add_flag("--no-fairness", o.no_fairness,
                "Let a spinning fiber be picked again before another fiber moves (a spin loop "
                "then makes the search infinite: use with --max-runs or --time-budget)");
  add_param_option(*cmd, o.params)->type_name("NAME=VALUE");
  add_step_cost_option(*cmd, o.step_cost)->type_name("DURATION");
  add_granularity_option(*cmd, o.granularity);
  cmd->add_option("--trace-failure", o.trace_failure,
                  "Write the first failure's trace to FILE (default: the scenario's name with "
                  "'/' as '-', then .failure.json, in the current folder)")
      ->type_name("FILE")
      ->check(non_empty());
  cmd->add_flag("--json", o.json, "Print one JSON object instead of the report");
  cmd->add_option("--shard", o.shard,
                  "Search only shard I of N (from 0) of the search and write it to --out, for `" +
                      program.name + " merge` (see docs/scale-out.md)")
      ->type_name("I/N")
      ->check(non_empty());
  cmd->add_option("--out", o.out, "With --shard: the part file to write (atomically)")
      ->type_name("FILE")
      ->check(non_empty());
  cmd->add_option("--checkpoint", o.checkpoint,
                  "Save the search's progress to FILE every few seconds, and resume from FILE when "
                  "it holds an earlier run's (see docs/scale-out.md)")
      ->type_name("FILE")
      ->check(non_empty());
  cmd->add_option("--checkpoint-every", o.checkpoint_every,
                  "How often --checkpoint saves (1ms to 1h)")
      ->type_name("DURATION")
      ->capture_default_str()
      ->check(non_empty());
  cmd->footer(
      "The search re-runs the scenario from scratch for every schedule it explores, with\n"
      "tracing off. Two schedules are equivalent when they differ only in the order of\n"
      "independent steps (steps on different objects, or both reading); dpor explores one\n"
      "schedule per class. Each distinct outcome (status and reported results) is printed with\n"
      "a witness schedule and the `interleave run --schedule` line that reproduces it; the\n"
      "first failure is re-run with tracing on and written as a trace for `interleave replay`.\n"
      "Exit codes: 0 no schedule failed, 1 a schedule failed, 2 bad usage or input; with\n"
      "--shard, 0 once the part is written (`merge` gives the verdict).\n"
      "See docs/explore.md and, for --shard, docs/scale-out.md.\n");
  cmd->callback([&o, bound] { o.bounded = bound->count() > 0; });
  return *cmd;
}

// add_merge_command(app, options) registers the subcommand; parsing fills options.
CLI::App& add_merge_command(CLI::App& app, MergeOptions& o, const Program& program) {
  CLI::App* cmd = app.add_subcommand(
      "merge",
      "Merge the parts of a search written by `explore --shard I/N --out FILE` into the report "
      "`explore --jobs 1` prints");
  cmd->add_option("part", o.parts, "Part files, one per shard, any order")
      ->type_name("PART")
      ->required();
  cmd->add_flag("--allow-missing", o.allow_missing,
                "Merge even when shards are missing; the report then says INCOMPLETE and names "
                "them");
  cmd->add_option("--trace-failure", o.trace_failure,
                  "Write the first failure's trace to FILE (default: as `explore` does)")
      ->type_name("FILE")
      ->check(non_empty());
  cmd->add_flag("--json", o.json, "Print one JSON object instead of the report (as `explore`)");
  cmd->footer(
      "Every part must be of the same search (program, interleave version, scenario, parameters,\n"
      "reduction, granularity, bound, fairness, --split-depth, --max-steps, --step-cost) and\n"
      "split into the same number of shards, each given once. The report is what `" +
      program.name +
      " explore --jobs 1` prints for the whole search,\n"
      "but for the time (the sum of the shards' times) and \"jobs\" (the number of parts).\n"
      "Exit codes: 0 no schedule failed, 1 a schedule failed, 2 bad usage, a bad part or parts\n"
      "that do not merge. See docs/scale-out.md.\n");
  return *cmd;
}

}  // namespace

int run_program(const Program& program, int argc, const char* const* argv, std::ostream& out,
                std::ostream& err) {
  const std::string description =
      program.stock
          ? "interleave: a deterministic single-core scheduler simulator. Runs a concurrent\n"
            "scenario on one simulated CPU under a scheduling policy, so a race can be\n"
            "reproduced step for step, searched for, recorded and shown."
          : program.name + ": its scenarios under interleave " + std::string(version()) +
                ", a deterministic single-core\nscheduler simulator: run, search, replay and "
                "export them step for step.";
  CLI::App app(description, program.name);
  app.set_version_flag(
      "--version", program.stock ? "interleave " + std::string(version())
                                 : program.name + " (interleave " + std::string(version()) + ")");
  app.require_subcommand(1);
  app.footer(
      "Exit codes: 0 ok, 1 the scenario failed, 2 bad usage or input, 3 replay diverged,\n"
      "70 internal error. `" +
      program.name + " COMMAND --help` describes each command.");

  ListOptions list_options;
  RunOptions run_options;
  ReplayOptions replay_options;
  ExportOptions export_options;
  ExploreCommandOptions explore_options;
  CLI::App& list = add_list_command(app, list_options, program);
  CLI::App& run = add_run_command(app, run_options, program);
  CLI::App& replay = add_replay_command(app, replay_options, program);
  CLI::App& export_cmd = add_export_command(app, export_options, program);
  CLI::App& explore = add_explore_command(app, explore_options, program);
  MergeOptions merge_options;
  CLI::App& merge = add_merge_command(app, merge_options, program);
  const std::string prefix = program.name + ": ";

  if (argc < 2) {
    err << prefix << "error: no command given; the commands are list, run, explore, merge, replay "
        << "and export (see '" << program.name << " --help')\n";
    return kExitUsage;
  }
  if (argv[1][0] != '-' && !is_command(argv[1])) {
    err << prefix << "error: unknown command '" << printable(argv[1])
        << "'; the commands are list, run, explore, merge, replay and export (see '" << program.name
        << " --help')\n";
    return kExitUsage;
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp&) {
    out << app.help();  // the selected subcommand's help when one was named
    return kExitOk;
  } catch (const CLI::CallForAllHelp&) {
    out << app.help("", CLI::AppFormatMode::All);
    return kExitOk;
  } catch (const CLI::CallForVersion&) {
    out << app.version() << "\n";
    return kExitOk;
  } catch (const CLI::ParseError& e) {
    err << prefix << "error: " << e.what() << " (see '" << program.name << " --help')\n";
    return kExitUsage;
  }

  try {
    if (list.parsed()) return run_list(list_options, program, out);
    if (run.parsed()) return run_run(run_options, program, out, err);
    if (replay.parsed()) return run_replay(replay_options, program, out);
    if (export_cmd.parsed()) return run_export(export_options, out);
    if (explore.parsed()) return run_explore(explore_options, program, out, err);
    if (merge.parsed()) return run_merge(merge_options, program, out, err);
  } catch (const UsageError& e) {
    err << prefix << "error: " << e.what() << "\n";
    return kExitUsage;
  } catch (const ResourceLimit& e) {
    err << prefix << "error: " << e.what() << "\n";
    return kExitUsage;
  } catch (const std::exception& e) {
    err << prefix << "internal error: " << e.what() << "\n";
    return kExitInternal;
  }
  return kExitUsage;
}

int run_app(int argc, const char* const* argv, std::ostream& out, std::ostream& err) {
  Program stock;
  stock.scenarios = &builtin_scenarios();
  return run_program(stock, argc, argv, out, err);
}

}  // namespace interleave
