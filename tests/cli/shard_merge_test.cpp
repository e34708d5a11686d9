#include <algorithm>
#include <catch2/catch.hpp>
#include <chrono>
#include <csignal>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "tests/support/process.h"

using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;
using interleave::testing::own_stderr;
using interleave::testing::ProcessResult;
using interleave::testing::read_file;
using interleave::testing::run_cli;
using interleave::testing::run_cli_signalled;
using interleave::testing::temp_dir;

namespace {

// plus(a, b) is the arguments a followed by b.
std::vector<std::string> plus(std::vector<std::string> a, const std::vector<std::string>& b) {
  a.insert(a.end(), b.begin(), b.end());
  return a;
}

// without_time(text) is a report without its last line, the one with the time it took.
std::string without_time(const std::string& text) {
  const std::size_t end = text.rfind('\n', text.size() >= 2 ? text.size() - 2 : 0);
  return end == std::string::npos ? text : text.substr(0, end + 1);
}

// without_timing(json) is an `explore --json` object without its timing fields ("jobs" says how
// the search was run, not what it found: a merge gives the number of parts).
nlohmann::json without_timing(const std::string& text) {
  nlohmann::json j = nlohmann::json::parse(text);
  j.erase("seconds");
  j.erase("runs_per_second");
  j.erase("jobs");
  return j;
}

// write_shards(dir, search, n) runs the n shards of search; returns the part files.
std::vector<std::string> write_shards(const std::string& dir,
                                      const std::vector<std::string>& search, int n) {
  std::vector<std::string> parts;
  for (int i = 0; i < n; ++i) {
    const std::string part = dir + "/part-" + std::to_string(i) + ".json";
    const std::string shard = std::to_string(i) + "/" + std::to_string(n);
    const ProcessResult r = run_cli(plus(search, {"--shard", shard, "--out", part}), dir);
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    CHECK_THAT(r.out, StartsWith("shard " + shard + " of "));
    parts.push_back(part);
  }
  return parts;
}

// merge_equals_one_machine(search, n): the merged shards print the text, the JSON, the exit code
// and the failure trace that `explore --jobs 1` gives.
void merge_equals_one_machine(const std::vector<std::string>& search, int n) {
  INFO("shards: " << n);
  const std::string dir = temp_dir();
  const std::vector<std::string> parts = write_shards(dir, search, n);
  const std::string one = temp_dir();
  const std::string merged = temp_dir();
  const ProcessResult text_one = run_cli(plus(search, {"--jobs", "1"}), one);
  const ProcessResult text_merged = run_cli(plus({"merge"}, parts), merged);
  CHECK(text_merged.exit_code == text_one.exit_code);
  CHECK(without_time(text_merged.out) == without_time(text_one.out));
  CHECK(own_stderr(text_merged.err).empty());
  const std::vector<std::string> trace = {"--trace-failure", "failure.json"};
  const ProcessResult json_one = run_cli(plus(search, plus({"--jobs", "1", "--json"}, trace)), one);
  const ProcessResult json_merged = run_cli(plus(plus({"merge", "--json"}, parts), trace), merged);
  CHECK(json_merged.exit_code == json_one.exit_code);
  CHECK(without_timing(json_merged.out) == without_timing(json_one.out));
  CHECK(read_file(merged + "/failure.json") == read_file(one + "/failure.json"));
}

// edited(path, to, edit): the part at path with one member changed, written to `to`.
std::string edited(const std::string& path, const std::string& to,
                   void (*edit)(nlohmann::ordered_json&)) {
  nlohmann::ordered_json j = nlohmann::ordered_json::parse(read_file(path));
  edit(j);
  std::ofstream(to) << j.dump() << "\n";
  return to;
}

// refused_merge(args, expected): exit 2, nothing on stdout, one line on stderr containing expected.
void refused_merge(const std::vector<std::string>& args, const std::string& expected) {
  const ProcessResult r = run_cli(plus({"merge"}, args), temp_dir());
  CHECK(r.exit_code == 2);
  CHECK(r.out.empty());
  const std::string err = own_stderr(r.err);
  CHECK_THAT(err, StartsWith("interleave: error: "));
  CHECK_THAT(err, Contains(expected));
  CHECK(std::count(err.begin(), err.end(), '\n') == 1);
}

}  // namespace

TEST_CASE(
    "merging one, two, three and eight shards of a failing search prints what one machine "
    "prints",
    "[cli][shards]") {
  for (int n : {1, 2, 3, 8}) merge_equals_one_machine({"explore", "article/race"}, n);
}

TEST_CASE("merging shards of a dpor count prints what one machine prints", "[cli][shards]") {
  for (int n : {1, 2, 3, 8}) {
    merge_equals_one_machine({"explore", "dpor/lockinc", "--param", "threads=3"}, n);
  }
}

TEST_CASE("merging shards of a bounded search prints what one machine prints", "[cli][shards]") {
  for (int n : {1, 2, 3, 8}) {
    merge_equals_one_machine({"explore", "article/lock", "--preemption-bound", "1"}, n);
  }
}

TEST_CASE("merging shards of a deeper split prints what one machine prints with that split",
          "[cli][shards]") {
  merge_equals_one_machine({"explore", "article/race", "--split-depth", "8"}, 8);
  merge_equals_one_machine(
      {"explore", "classic/lost-wakeup", "--preemption-bound", "2", "--split-depth", "5"}, 3);
}

TEST_CASE("merge refuses parts of different searches, naming the difference", "[cli][shards]") {
  const std::string dir = temp_dir();
  const std::string race = write_shards(dir, {"explore", "article/race"}, 2)[0];
  const std::string other = temp_dir();
  const auto lock = write_shards(other, {"explore", "article/lock", "--preemption-bound", "1"}, 2);
  refused_merge({race, lock[1]},
                "are of different searches (scenario 'article/race' vs "
                "'article/lock')");
  const auto bound2 =
      write_shards(temp_dir(), {"explore", "article/lock", "--preemption-bound", "0"}, 2);
  refused_merge({lock[0], bound2[1]}, "(--preemption-bound 1 vs --preemption-bound 0)");
  const auto sleep =
      write_shards(temp_dir(), {"explore", "article/race", "--reduction", "sleep"}, 2);
  refused_merge({race, sleep[1]}, "(reduction 'dpor' vs 'sleep')");
  const auto atomic =
      write_shards(temp_dir(), {"explore", "article/race", "--granularity", "atomic"}, 2);
  refused_merge({race, atomic[1]}, "(--granularity 'primitive' vs 'atomic')");
  const auto two = write_shards(temp_dir(), {"explore", "dpor/lockinc", "--param", "threads=2"}, 2);
  const auto three = write_shards(temp_dir(), {"explore", "dpor/lockinc"}, 3);
  refused_merge({two[0], three[1]},
                "are of different searches (parameters threads=2 vs threads=3)");
  const auto deeper =
      write_shards(temp_dir(), {"explore", "article/race", "--split-depth", "3"}, 2);
  refused_merge({race, deeper[1]}, "(--split-depth 2 vs 3)");
  const auto race3 = write_shards(temp_dir(), {"explore", "article/race"}, 3);
  refused_merge({race, race3[1]}, "split the search differently (shard 0/2 vs shard 1/3)");
  const std::string old = edited(lock[1], other + "/old.json", [](nlohmann::ordered_json& j) {
    j["interleave_version"] = "0.0.1";
  });
  refused_merge({lock[0], old}, "(interleave version");
  refused_merge({old}, "was written by interleave 0.0.1; this is interleave ");
}

TEST_CASE("merge refuses a shard given twice and missing shards, naming them", "[cli][shards]") {
  const std::string dir = temp_dir();
  const auto parts = write_shards(dir, {"explore", "article/race"}, 4);
  const std::string copy = dir + "/copy.json";
  std::ofstream(copy) << read_file(parts[2]);
  refused_merge({parts[0], parts[1], parts[2], parts[3], copy}, "are both shard 2/4");
  refused_merge({parts[0], parts[2]},
                "shards 1/4 and 3/4 of 'article/race' are missing (no part given for them); "
                "--allow-missing merges the others");
  refused_merge({parts[0], parts[1], parts[2]}, "shard 3/4 of 'article/race' is missing");
}

TEST_CASE("merge --allow-missing prints a partial result marked incomplete", "[cli][shards]") {
  const std::string dir = temp_dir();
  const auto parts = write_shards(dir, {"explore", "article/race", "--split-depth", "8"}, 4);
  const ProcessResult text = run_cli({"merge", "--allow-missing", parts[0], parts[2]}, dir);
  CHECK(text.exit_code == 1);  // the shards given hold failures
  CHECK_THAT(text.out,
             StartsWith("explore article/race under dpor: INCOMPLETE, merged without "
                        "shards 1/4 and 3/4 (the counts are of the other shards only)\n"));
  const ProcessResult json = run_cli({"merge", "--allow-missing", "--json", parts[1]}, dir);
  const nlohmann::json j = nlohmann::json::parse(json.out);
  CHECK(j["complete"] == false);
  CHECK(j["stopped_by"] == "missing_shards");
  CHECK(j["missing_shards"] == nlohmann::json::array({0, 2, 3}));
  CHECK(j["shards"] == 4);
  const ProcessResult whole =
      run_cli({"explore", "article/race", "--split-depth", "8", "--json"}, dir);
  CHECK(j["runs"].get<int>() < nlohmann::json::parse(whole.out)["runs"].get<int>());
}

TEST_CASE("merge refuses malformed and foreign files with one message", "[cli][shards]") {
  const std::string dir = temp_dir();
  const auto parts = write_shards(dir, {"explore", "article/race"}, 2);
  refused_merge({dir + "/nothing.json"}, "cannot read part " + dir + "/nothing.json: ");
  const std::string text = read_file(parts[0]);
  std::ofstream(dir + "/cut.json") << text.substr(0, text.size() / 2);
  refused_merge({dir + "/cut.json", parts[1]}, "is not a valid part: not JSON");
  std::ofstream(dir + "/empty.json") << "";
  refused_merge({dir + "/empty.json"}, "is not a valid part: not JSON");
  run_cli({"run", "article/race", "--trace", dir + "/run.json"}, dir);
  refused_merge({dir + "/run.json"}, "this is not a part file");
  const std::string lying = edited(parts[1], dir + "/lying.json", [](nlohmann::ordered_json& j) {
    j["levels"][0]["searched"][0]["runs"] = 7;
  });
  refused_merge({parts[0], lying}, "part.levels[0].searched[0].runs: the outcomes count");
  const std::string future =
      edited(parts[1], dir + "/future.json", [](nlohmann::ordered_json& j) { j["version"] = 2; });
  refused_merge({future}, "part.version: version 2 is not supported");
  const std::string index = edited(parts[1], dir + "/index.json",
                                   [](nlohmann::ordered_json& j) { j["shard"]["index"] = 5; });
  refused_merge({index}, "part.shard.index: shard 5 is not below the shard count 2");
  const std::string many = edited(parts[1], dir + "/many.json", [](nlohmann::ordered_json& j) {
    j["shard"]["count"] = 4'000'000'000u;
  });
  refused_merge({many}, "part.shard.count: expected 1 to 1000000 shards");
  const std::string stopped =
      edited(parts[1], dir + "/stopped.json",
             [](nlohmann::ordered_json& j) { j["stopped_by"] = "interrupted"; });
  refused_merge({parts[0], stopped},
                "is not finished: it is the checkpoint of a search that was "
                "stopped");
}

TEST_CASE("explore refuses --shard with what a shard cannot do", "[cli][shards]") {
  const std::string dir = temp_dir();
  const std::string out = dir + "/part.json";
  auto refused = [&](const std::vector<std::string>& args, const std::string& expected) {
    const ProcessResult r = run_cli(plus({"explore", "article/race"}, args), dir);
    CHECK(r.exit_code == 2);
    CHECK_THAT(own_stderr(r.err), Contains(expected));
    CHECK(read_file(out).empty());
  };
  refused({"--shard", "1/2"}, "--shard needs --out FILE");
  refused({"--out", out}, "--out writes a shard's part file: give --shard I/N with it");
  refused({"--shard", "2/2", "--out", out}, "--shard '2/2': I '2' is out of range");
  refused({"--shard", "x", "--out", out}, "--shard takes I/N");
  refused({"--shard", "0/0", "--out", out}, "--shard '0/0': N '0' is out of range");
  refused({"--shard", "0/2", "--out", out, "--max-runs", "5"},
          "--max-runs cannot be used with --shard");
  refused({"--shard", "0/2", "--out", out, "--json"}, "--json cannot be used with --shard");
  refused({"--shard", "0/2", "--out", dir + "/no/such/folder/part.json"}, "cannot write");
}

TEST_CASE("merge and explore --shard explain themselves in --help", "[cli][shards]") {
  const ProcessResult merge = run_cli({"merge", "--help"});
  CHECK(merge.exit_code == 0);
  CHECK_THAT(merge.out, Contains("--allow-missing"));
  CHECK_THAT(merge.out, Contains("docs/scale-out.md"));
  const ProcessResult explore = run_cli({"explore", "--help"});
  CHECK_THAT(explore.out, Contains("--shard I/N"));
  CHECK_THAT(explore.out, Contains("--split-depth D"));
}

TEST_CASE("a shard stopped by a signal writes no part", "[cli][shards]") {
  const std::string dir = temp_dir();
  const ProcessResult r =
      run_cli_signalled({"explore", "article/lock", "--granularity", "atomic", "--preemption-bound",
                         "3", "--shard", "0/1", "--out", "part.json"},
                        dir, SIGINT, std::chrono::milliseconds(300));
  CHECK(r.exit_code == 130);
  CHECK(r.out.empty());
  CHECK_THAT(own_stderr(r.err),
             Contains("shard 0/1 of article/lock was interrupted; no part written"));
  CHECK(read_file(dir + "/part.json").empty());
}
