// Output files that never destroy what is there, checks of an output before the work that fills
// it, and searches stopped by Ctrl-C or SIGTERM that still report what they found (issue 15).
#include <signal.h>
#include <sys/stat.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <string>

#include "tests/support/process.h"
#include "tests/support/temporaries.h"

using namespace interleave::testing;
using namespace std::chrono_literals;
using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;
namespace fs = std::filesystem;

TEST_CASE("a trace written to /dev/null leaves the device a device", "[cli][output]") {
  const ProcessResult r = run_cli({"run", "article/race", "--trace", "/dev/null"}, temp_dir());
  CHECK(r.exit_code == 1);  // the race's check fails under fifo; the trace went nowhere
  struct stat st {};
  REQUIRE(stat("/dev/null", &st) == 0);
  CHECK(S_ISCHR(st.st_mode));
}

TEST_CASE("an export through a symbolic link writes its target and keeps the link",
          "[cli][output]") {
  const std::string dir = temp_dir();
  REQUIRE(run_cli({"run", "article/race", "--trace", "race.json"}, dir).exit_code == 1);
  fs::create_symlink("t.svg", dir + "/l.svg");
  const ProcessResult r = run_cli({"export", "race.json", "--format", "svg", "-o", "l.svg"}, dir);
  CHECK(r.exit_code == 0);
  CHECK(fs::is_symlink(dir + "/l.svg"));
  CHECK_THAT(read_file(dir + "/t.svg"), StartsWith("<?xml"));
  CHECK(temporaries(dir) == 0);
}

TEST_CASE("export refuses to write over the trace it reads", "[cli][output]") {
  const std::string dir = temp_dir();
  REQUIRE(run_cli({"run", "article/race", "--trace", "race.json"}, dir).exit_code == 1);
  const std::string before = read_file(dir + "/race.json");
  fs::create_symlink("race.json", dir + "/alias.json");
  for (const char* target : {"race.json", "./race.json", "alias.json"}) {
    INFO(target);
    const ProcessResult r = run_cli({"export", "race.json", "--format", "text", "-o", target}, dir);
    CHECK(r.exit_code == 2);
    CHECK_THAT(own_stderr(r.err), Contains("is the trace being exported"));
  }
  CHECK(read_file(dir + "/race.json") == before);
}

TEST_CASE("'-' as an output is standard output", "[cli][output]") {
  const std::string dir = temp_dir();
  REQUIRE(run_cli({"run", "article/race", "--trace", "race.json"}, dir).exit_code == 1);
  const ProcessResult r = run_cli({"export", "race.json", "--format", "svg", "-o", "-"}, dir);
  CHECK(r.exit_code == 0);
  CHECK_THAT(r.out, StartsWith("<?xml"));
  CHECK_FALSE(fs::exists(dir + "/-"));
}

TEST_CASE("a failure trace that cannot be written is refused before the search", "[cli][output]") {
  // At atomic granularity article/lock has millions of schedules: had it searched first, this
  // would not end.
  const ProcessResult r = run_cli(
      {"explore", "article/lock", "--granularity", "atomic", "--trace-failure", "nodir/f.json"},
      temp_dir());
  CHECK(r.exit_code == 2);
  CHECK(r.out.empty());
  CHECK(own_stderr(r.err) ==
        "interleave: error: cannot write nodir/f.json: the folder nodir does not exist\n");
}

TEST_CASE("Ctrl-C stops a search and prints what it found, marked interrupted",
          "[cli][interrupt]") {
  // At atomic granularity article/lock has millions of schedules: the search is still going.
  const ProcessResult r = run_cli_signalled({"explore", "article/lock", "--granularity", "atomic"},
                                            temp_dir(), SIGINT, 1s);
  CHECK(r.exit_code == 130);
  CHECK_THAT(r.out, StartsWith("explore article/lock under dpor: interrupted after "));
  CHECK_THAT(r.out, Contains("outcomes:"));
}

TEST_CASE("SIGTERM stops a search with --json too, and exits 143", "[cli][interrupt]") {
  const ProcessResult r = run_cli_signalled(
      {"explore", "article/lock", "--granularity", "atomic", "--json"}, temp_dir(), SIGTERM, 1s);
  CHECK(r.exit_code == 143);
  CHECK_THAT(r.out, Contains("\"complete\":false,\"stopped_by\":\"interrupted\""));
}

TEST_CASE("a write killed midway leaves neither a temporary file nor a broken trace",
          "[cli][interrupt]") {
  // A trace of a few megabytes, killed at several moments while it is recorded and written.
  const std::string dir = temp_dir();
  for (const auto after : {50ms, 150ms, 300ms, 600ms}) {
    const ProcessResult r =
        run_cli_signalled({"run", "classic/philosophers", "--param", "n=50", "--param",
                           "meals=1000", "--max-steps", "60000", "--trace", "big.json"},
                          dir, SIGTERM, after);
    INFO(after.count() << " ms: exit " << r.exit_code);
    CHECK(temporaries(dir) == 0);
    if (fs::exists(dir + "/big.json")) {
      CHECK(run_cli({"replay", "big.json"}, dir).exit_code == 0);  // whole, or not there at all
    }
  }
}

TEST_CASE("a bound above what a scenario needs ends at the first level that cuts nothing",
          "[cli][explore]") {
  const ProcessResult r =
      run_cli({"explore", "dpor/writers", "--preemption-bound", "1000000", "--json"}, temp_dir());
  CHECK(r.exit_code == 0);
  CHECK_THAT(r.out, Contains("\"complete\":true"));
  CHECK_THAT(r.out, Contains("\"bound_searched\":4,\"bound_needed\":false"));
  CHECK_THAT(r.out, Contains("\"bound_pruned\":0"));
  const ProcessResult text =
      run_cli({"explore", "dpor/writers", "--preemption-bound", "1000000"}, temp_dir());
  CHECK_THAT(text.out, StartsWith("explore dpor/writers under dpor: complete (no bound needed: at "
                                  "4 preemptions the bound cut nothing)\n"));
  // The same outcomes as the search without a bound.
  const ProcessResult unbounded = run_cli({"explore", "dpor/writers"}, temp_dir());
  const auto outcomes = [](const std::string& out) {
    const std::size_t at = out.find("outcomes:");
    return out.substr(at, out.find('\n', at) - at);
  };
  CHECK(outcomes(text.out) == outcomes(unbounded.out));
}

TEST_CASE("an export to /dev/stdout writes into standard output, also when it is a file",
          "[cli][output]") {
  // run_process sends standard output to a file: /dev/stdout leads to it through /proc.
  const std::string dir = temp_dir();
  REQUIRE(run_cli({"run", "article/race", "--trace", "race.json"}, dir).exit_code == 1);
  const ProcessResult r =
      run_cli({"export", "race.json", "--format", "text", "-o", "/dev/stdout"}, dir);
  CHECK(r.exit_code == 0);
  CHECK_THAT(r.out, StartsWith("clock"));
  CHECK(temporaries(dir) == 0);
}
