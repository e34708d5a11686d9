// interleave_cli_fuzz: runs the `interleave` binary on generated command lines (see
// argument_generator.h) and checks what every command promises, whatever its input:
//   - it ends by itself within the time limit, with exit code 0, 1, 2 or 3: never a signal,
//     never 70 (an internal error);
//   - exit 2 prints one line on stderr, "interleave: error: ...", and nothing on stdout;
//   - exit 1 (a scenario's check failed) prints its report on stdout and nothing on stderr;
//   - it creates no file in its working folder but those it was told to write.
// Usage: interleave_cli_fuzz --cli PATH [--seed S] [--count N]. Prints each failing case as a
// shell line; exits 1 if some case failed, 2 on a bad argument.

#include <fcntl.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "tests/cli_fuzz/argument_generator.h"
#include "tests/support/process.h"

using namespace interleave::testing;
namespace fs = std::filesystem;

namespace {

constexpr auto kTimeLimit = std::chrono::seconds(20);
constexpr rlim_t kMemoryLimit = rlim_t{8} << 30;  // address space: 8 GiB

struct Finished {
  int code = -1;  // exit code, or 128 + signal
  bool timed_out = false;
  std::string out;
  std::string err;
};

// run_limited(cli, args, cwd) runs cli with args in cwd under the time and memory limits.
Finished run_limited(const std::string& cli, const std::vector<std::string>& args,
                     const std::string& cwd) {
  const std::string out_path = cwd + "/../stdout";
  const std::string err_path = cwd + "/../stderr";
  const pid_t pid = fork();
  if (pid < 0) {
    std::perror("fork");
    std::exit(2);
  }
  if (pid == 0) {
    const int out = open(out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    const int err = open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    const int in = open("/dev/null", O_RDONLY);
    if (out < 0 || err < 0 || in < 0 || chdir(cwd.c_str()) != 0) _exit(127);
    dup2(in, 0);
    dup2(out, 1);
    dup2(err, 2);
    const rlimit memory{kMemoryLimit, kMemoryLimit};
    setrlimit(RLIMIT_AS, &memory);
    signal(SIGINT, SIG_DFL);
    signal(SIGTERM, SIG_DFL);
    std::vector<char*> argv{const_cast<char*>(cli.c_str())};
    for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    execv(argv[0], argv.data());
    _exit(127);
  }
  Finished f;
  const auto deadline = std::chrono::steady_clock::now() + kTimeLimit;
  int status = 0;
  while (waitpid(pid, &status, WNOHANG) == 0) {
    if (std::chrono::steady_clock::now() > deadline) {
      kill(pid, SIGKILL);
      waitpid(pid, &status, 0);
      f.timed_out = true;
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  f.code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  f.out = read_file(out_path);
  f.err = read_file(err_path);
  return f;
}

// make_fixtures(dir, cli) fills the working folder with the files the cases refer to.
void make_fixtures(const std::string& dir, const std::string& cli) {
  const Finished t = run_limited(cli, {"run", "article/race", "--trace", "trace.json"}, dir);
  if (t.code != 1 || !fs::exists(dir + "/trace.json")) {
    std::cerr << "interleave_cli_fuzz: could not record the fixture trace\n";
    std::exit(2);
  }
  const Finished part =
      run_limited(cli, {"explore", "article/race", "--shard", "0/2", "--out", "part.json"}, dir);
  if (part.code != 0 || !fs::exists(dir + "/part.json")) {
    std::cerr << "interleave_cli_fuzz: could not write the fixture part\n";
    std::exit(2);
  }
  std::ofstream(dir + "/bad.json") << "{\"not\": \"a trace\"";
  fs::create_directory(dir + "/dir");
  fs::create_symlink("trace.json", dir + "/link.json");
  fs::create_symlink("gone/nowhere.json", dir + "/dangling.json");
}

std::set<std::string> names_in(const std::string& dir) {
  std::set<std::string> names;
  for (const auto& e : fs::directory_iterator(dir)) names.insert(e.path().filename().string());
  return names;
}

std::string shell_quote(const std::string& s) {
  std::string q = "'";
  for (const char c : s) {
    if (c == '\'') {
      q += "'\\''";
    } else {
      q += c;
    }
  }
  return q + "'";
}

// problems(c, f, created) lists what case c broke, one phrase each.
std::vector<std::string> problems(const Finished& f, const std::vector<std::string>& created) {
  std::vector<std::string> p;
  if (f.timed_out) p.push_back("did not end within the time limit");
  if (!f.timed_out && (f.code < 0 || f.code > 3)) p.push_back("exit " + std::to_string(f.code));
  const std::string err = own_stderr(f.err);
  if (f.code == 2) {
    if (std::count(err.begin(), err.end(), '\n') != 1 || err.back() != '\n') {
      p.push_back("exit 2 without exactly one line on stderr");
    }
    if (err.rfind("interleave: error: ", 0) != 0)
      p.push_back("exit 2 without 'interleave: error: '");
    if (!f.out.empty()) p.push_back("exit 2 with output on stdout");
  }
  if (f.code == 1) {
    if (!err.empty()) p.push_back("exit 1 with something on stderr");
    if (f.out.empty()) p.push_back("exit 1 with nothing on stdout");
  }
  for (const std::string& name : created) p.push_back("created " + name);
  return p;
}

}  // namespace

int main(int argc, char** argv) {
  std::string cli;
  std::uint64_t seed = 1;
  std::uint64_t count = 1000;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string flag = argv[i];
    const std::string value = argv[i + 1];
    if (flag == "--cli") {
      cli = value;
    } else if (flag == "--seed") {
      seed = std::strtoull(value.c_str(), nullptr, 10);
    } else if (flag == "--count") {
      count = std::strtoull(value.c_str(), nullptr, 10);
    } else {
      std::cerr << "usage: interleave_cli_fuzz --cli PATH [--seed S] [--count N]\n";
      return 2;
    }
  }
  if (cli.empty() || argc % 2 == 0) {
    std::cerr << "usage: interleave_cli_fuzz --cli PATH [--seed S] [--count N]\n";
    return 2;
  }
  const std::string root = temp_dir();
  const std::string dir = root + "/work";
  fs::create_directory(dir);
  make_fixtures(dir, cli);
  const std::set<std::string> fixtures = names_in(dir);
  std::uint64_t failed = 0;
  std::uint64_t by_code[4] = {0, 0, 0, 0};
  for (std::uint64_t s = seed; s < seed + count; ++s) {
    const FuzzCase c = fuzz_case(s);
    const Finished f = run_limited(cli, c.args, dir);
    if (f.code >= 0 && f.code <= 3) ++by_code[f.code];
    std::vector<std::string> created;
    for (const std::string& name : names_in(dir)) {
      if (fixtures.count(name) != 0) continue;
      if (std::find(c.may_create.begin(), c.may_create.end(), name) == c.may_create.end()) {
        created.push_back(name);
      }
      fs::remove_all(dir + "/" + name);  // the next case starts from the fixtures alone
    }
    // A case may replace trace.json (it may write it): record it again when it changed.
    if (!fs::exists(dir + "/trace.json") || fs::is_symlink(dir + "/trace.json")) {
      fs::remove_all(dir);
      fs::create_directory(dir);
      make_fixtures(dir, cli);
    }
    const std::vector<std::string> p = problems(f, created);
    if (p.empty()) continue;
    ++failed;
    std::cout << "seed " << s << ":";
    for (const std::string& x : p) std::cout << " " << x << ";";
    std::cout << "\n  interleave";
    for (const std::string& a : c.args) std::cout << " " << shell_quote(a);
    std::cout << "\n  stderr: " << own_stderr(f.err).substr(0, 400) << "\n";
  }
  std::cout << count << " command lines from seed " << seed << ": " << failed << " broke a promise"
            << " (exit 0: " << by_code[0] << ", 1: " << by_code[1] << ", 2: " << by_code[2]
            << ", 3: " << by_code[3] << ")\n";
  fs::remove_all(root);
  return failed == 0 ? 0 : 1;
}
