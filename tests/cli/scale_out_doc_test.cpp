#include <sys/stat.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "tests/support/process.h"

using Catch::Matchers::Contains;
using interleave::testing::ProcessResult;
using interleave::testing::read_file;
using interleave::testing::run_cli;
using interleave::testing::run_process;
using interleave::testing::source_path;
using interleave::testing::temp_dir;

namespace {

// split_words(line) is line's words, split at spaces.
std::vector<std::string> split_words(const std::string& line) {
  std::vector<std::string> out;
  std::istringstream in(line);
  for (std::string w; in >> w;) out.push_back(w);
  return out;
}

// shard_command() is the shard command docs/scale-out.md gives, with I for the shard index.
std::vector<std::string> shard_command() {
  std::istringstream doc(read_file(source_path("docs/scale-out.md")));
  for (std::string line; std::getline(doc, line);) {
    if (line.rfind("interleave explore ", 0) == 0 &&
        line.find("--shard I/8") != std::string::npos) {
      return split_words(line);
    }
  }
  FAIL("docs/scale-out.md gives no line 'interleave explore ... --shard I/8 ...'");
  return {};
}

// with_index(command, i) is command with shard index i for I.
std::vector<std::string> with_index(std::vector<std::string> command, int i) {
  for (std::string& w : command) {
    for (const std::string pattern : {"I/8", "part-I."}) {
      const std::size_t at = w.find(pattern);
      if (at != std::string::npos)
        w.replace(at, pattern.size(),
                  pattern == "I/8" ? std::to_string(i) + "/8" : "part-" + std::to_string(i) + ".");
    }
  }
  return command;
}

// stub_folder(run_real) is a folder holding a program called interleave that writes its
// arguments, one a line, to $STUB_ARGS, then runs the real interleave with them when run_real.
std::string stub_folder(bool run_real) {
  const std::string dir = temp_dir();
  const std::string stub = dir + "/interleave";
  std::ofstream(stub) << "#!/bin/sh\nprintf 'interleave\\n' > \"$STUB_ARGS\"\n"
                      << "printf '%s\\n' \"$@\" >> \"$STUB_ARGS\"\n"
                      << (run_real ? "exec '" + std::string(INTERLEAVE_CLI) + "' \"$@\"\n" : "");
  chmod(stub.c_str(), 0755);
  return dir;
}

// lines(text) is text's lines.
std::vector<std::string> lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

// variable(name, value) is "NAME=VALUE" for env. Out of line: GCC 12 warns wrongly
// (-Warray-bounds) about a literal prepended to std::to_string() when it inlines this.
[[gnu::noinline]] std::string variable(std::string name, const std::string& value) {
  name += '=';
  name += value;
  return name;
}

std::string path_with(const std::string& dir) {
  const char* path = std::getenv("PATH");
  return "PATH=" + dir + ":" + (path != nullptr ? path : "/usr/bin:/bin");
}

}  // namespace

TEST_CASE(
    "the Slurm array job runs the documented shard command with its task id, and its "
    "parts merge into the one-machine report",
    "[cli][shards][docs]") {
  const std::string script_path = source_path("examples/scale-out/explore.slurm");
  const std::string script = read_file(script_path);
  CHECK_THAT(script, Contains("#SBATCH --array=0-7\n"));
  const std::vector<std::string> command = shard_command();
  const std::string stub = stub_folder(true);
  const std::string work = temp_dir();
  mkdir((work + "/parts").c_str(), 0755);
  std::vector<std::string> parts;
  for (int i = 0; i < 8; ++i) {
    const ProcessResult r =
        run_process({"/usr/bin/env", variable("SLURM_ARRAY_TASK_ID", std::to_string(i)),
                     "SLURM_ARRAY_TASK_COUNT=8", path_with(stub),
                     variable("STUB_ARGS", work + "/args"), "bash", script_path},
                    work);
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(lines(read_file(work + "/args")) == with_index(command, i));
    parts.push_back(work + "/parts/part-" + std::to_string(i) + ".json");
  }
  std::vector<std::string> merge = {"merge"};
  merge.insert(merge.end(), parts.begin(), parts.end());
  const ProcessResult merged = run_cli(merge, work);
  std::vector<std::string> one(command.begin() + 1, command.end());
  one.resize(one.size() - 4);  // without --shard I/8 --out FILE
  one.push_back("--jobs");
  one.push_back("1");
  const ProcessResult whole = run_cli(one, temp_dir());
  CHECK(merged.exit_code == whole.exit_code);
  std::vector<std::string> a = lines(merged.out);
  std::vector<std::string> b = lines(whole.out);
  REQUIRE(!a.empty());
  REQUIRE(!b.empty());
  a.pop_back();  // the time
  b.pop_back();
  CHECK(a == b);
}

TEST_CASE(
    "the Kubernetes Indexed Job runs the documented shard command with its completion "
    "index",
    "[cli][shards][docs]") {
  const std::string manifest = read_file(source_path("examples/scale-out/explore-job.yaml"));
  CHECK_THAT(manifest, Contains("\n  completionMode: Indexed\n"));
  CHECK_THAT(manifest, Contains("\n  completions: 8\n"));
  // The container's command is written as a flow sequence, which is also a JSON array.
  nlohmann::json container_command;
  for (const std::string& line : lines(manifest)) {
    const std::size_t at = line.find("command: [");
    if (at != std::string::npos) {
      container_command = nlohmann::json::parse(line.substr(at + 9));
    }
  }
  REQUIRE(container_command.is_array());
  REQUIRE(container_command.size() == 3);
  CHECK(container_command[0] == "sh");
  CHECK(container_command[1] == "-c");
  const std::vector<std::string> command = shard_command();
  const std::string stub = stub_folder(false);
  const std::string work = temp_dir();
  for (int i = 0; i < 8; ++i) {
    const ProcessResult r =
        run_process({"/usr/bin/env", variable("JOB_COMPLETION_INDEX", std::to_string(i)),
                     path_with(stub), variable("STUB_ARGS", work + "/args"), "sh", "-c",
                     container_command[2].get<std::string>()},
                    work);
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(lines(read_file(work + "/args")) == with_index(command, i));
  }
}
