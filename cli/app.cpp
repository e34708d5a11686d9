#include "cli/app.h"

#include <CLI/CLI.hpp>
#include <exception>
#include <string>
#include <vector>

#include "cli/exit_codes.h"
#include "cli/explore_command.h"
#include "cli/export_command.h"
#include "cli/list_command.h"
#include "cli/replay_command.h"
#include "cli/run_command.h"
#include "cli/usage_error.h"

namespace interleave {

int run_app(int argc, const char* const* argv, std::ostream& out, std::ostream& err) {
  CLI::App app(
      "interleave: a deterministic single-core scheduler simulator. Runs a concurrent\n"
      "scenario on one simulated CPU under a scheduling policy, so a race can be\n"
      "reproduced step for step, searched for, recorded and shown.",
      "interleave");
  app.set_version_flag("--version", std::string("interleave ") + INTERLEAVE_VERSION);
  app.require_subcommand(1);
  app.footer(
      "Exit codes: 0 ok, 1 the scenario failed, 2 bad usage or input, 3 replay diverged,\n"
      "70 internal error. `interleave COMMAND --help` describes each command.");

  ListOptions list_options;
  RunOptions run_options;
  ReplayOptions replay_options;
  ExportOptions export_options;
  ExploreCommandOptions explore_options;
  CLI::App& list = add_list_command(app, list_options);
  CLI::App& run = add_run_command(app, run_options);
  CLI::App& replay = add_replay_command(app, replay_options);
  CLI::App& export_cmd = add_export_command(app, export_options);
  CLI::App& explore = add_explore_command(app, explore_options);

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
    err << "interleave: error: " << e.what() << " (see 'interleave --help')\n";
    return kExitUsage;
  }

  try {
    if (list.parsed()) return run_list(list_options, out);
    if (run.parsed()) return run_run(run_options, out, err);
    if (replay.parsed()) return run_replay(replay_options, out);
    if (export_cmd.parsed()) return run_export(export_options, out);
    if (explore.parsed()) return run_explore(explore_options, out, err);
  } catch (const UsageError& e) {
    err << "interleave: error: " << e.what() << "\n";
    return kExitUsage;
  } catch (const std::exception& e) {
    err << "interleave: internal error: " << e.what() << "\n";
    return kExitInternal;
  }
  return kExitUsage;
}

}  // namespace interleave
