#pragma once
// interleave: everything a program includes to write scenarios of its own, run them on one
// simulated CPU, search their schedules, record and replay their traces. Link
// interleave::interleave (and interleave::cli for cli_main). See docs/user-guide.md.
//
// Installed, this file is include/interleave/interleave.h and the headers it names sit beside
// it; in a build tree (add_subdirectory, FetchContent), include/interleave/ links to the source
// folders. Either way a user writes #include <interleave/interleave.h> and nothing else.

// The kernel: the simulator, simulated threads, and the operations that are steps.
#include "interleave/sim/atomic.h"
#include "interleave/sim/config.h"
#include "interleave/sim/ids.h"
#include "interleave/sim/outcome.h"
#include "interleave/sim/shared.h"
#include "interleave/sim/simulator.h"
#include "interleave/sim/thread.h"
#include "interleave/sim/version.h"
#include "interleave/sim/wait_queue.h"

// Scenarios: named programs with parameters, and the registry cli_main() runs.
#include "interleave/scenarios/catalog.h"
#include "interleave/sim/scenario.h"
#include "interleave/sim/scenario_registry.h"

// The synchronization primitives, built on Atomic and WaitQueue.
#include "interleave/primitives/barrier.h"
#include "interleave/primitives/bounded_semaphore.h"
#include "interleave/primitives/condition_variable.h"
#include "interleave/primitives/event.h"
#include "interleave/primitives/mutex.h"
#include "interleave/primitives/naive_spin_lock.h"
#include "interleave/primitives/queue.h"
#include "interleave/primitives/recursive_mutex.h"
#include "interleave/primitives/rw_lock.h"
#include "interleave/primitives/semaphore.h"
#include "interleave/primitives/spin_lock.h"

// Policies: who runs next at each scheduling point, and the seed loop over them.
#include "interleave/sim/policies/fifo.h"
#include "interleave/sim/policies/pct.h"
#include "interleave/sim/policies/policy_factory.h"
#include "interleave/sim/policies/random.h"
#include "interleave/sim/policies/replay.h"
#include "interleave/sim/policies/rr.h"
#include "interleave/sim/policy.h"
#include "interleave/sim/run_until_failure.h"
#include "interleave/sim/schedule.h"

// The exhaustive search.
#include "interleave/sim/explore/explore.h"
#include "interleave/sim/explore/explore_options.h"
#include "interleave/sim/explore/explore_result.h"
#include "interleave/sim/explore/reduction.h"

// Checks for tests: REQUIRE(interleave::explore(s).all_ok()), interleave::run(s, {...}).
#include "interleave/check/check_settings.h"
#include "interleave/check/explore_check.h"
#include "interleave/check/failure_folder.h"
#include "interleave/check/run_check.h"
#include "interleave/check/verdict.h"

// Traces: recording, reading, writing and replaying one run.
#include "interleave/traces/record_run.h"
#include "interleave/traces/recorder.h"
#include "interleave/traces/rerun.h"
#include "interleave/traces/result_text.h"
#include "interleave/traces/trace.h"
#include "interleave/traces/trace_json.h"
#include "interleave/traces/trace_replay.h"

// Exports: a trace as text, Chrome trace events, an SVG timeline or an HTML page.
#include "interleave/export/export_chrome.h"
#include "interleave/export/export_html.h"
#include "interleave/export/export_svg.h"
#include "interleave/export/export_text.h"

// The command line for a program's own scenarios (link interleave::cli).
#include "interleave/cli/cli_main.h"
