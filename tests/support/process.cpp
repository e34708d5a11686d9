#include "tests/support/process.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>

namespace interleave::testing {

std::string source_path(std::string_view relative) {
  std::string path = INTERLEAVE_SOURCE_DIR;
  path += '/';
  path += relative;
  return path;
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string temp_dir() {
  std::string pattern = "/tmp/interleave-test-XXXXXX";
  if (mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
  return pattern;
}

namespace {

// run(argv, cwd, sig, after) is run_process(), sending sig after `after` when sig is not 0.
ProcessResult run(const std::vector<std::string>& argv, const std::string& cwd, int sig,
                  std::chrono::milliseconds after) {
  const std::string dir = temp_dir();
  const std::string out_path = dir + "/stdout";
  const std::string err_path = dir + "/stderr";
  const pid_t pid = fork();
  if (pid < 0) throw std::runtime_error("fork failed");
  if (pid == 0) {
    const int out = open(out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    const int err = open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    const int in = open("/dev/null", O_RDONLY);
    if (out < 0 || err < 0 || in < 0) _exit(127);
    dup2(in, 0);
    dup2(out, 1);
    dup2(err, 2);
    if (!cwd.empty() && chdir(cwd.c_str()) != 0) _exit(127);
    signal(SIGINT, SIG_DFL);
    signal(SIGTERM, SIG_DFL);
    std::vector<char*> args;
    for (const std::string& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    execv(args[0], args.data());
    _exit(127);
  }
  if (sig != 0) {
    std::this_thread::sleep_for(after);
    kill(pid, sig);
  }
  int status = 0;
  waitpid(pid, &status, 0);
  ProcessResult r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  r.out = read_file(out_path);
  r.err = read_file(err_path);
  std::remove(out_path.c_str());
  std::remove(err_path.c_str());
  rmdir(dir.c_str());
  return r;
}

}  // namespace

ProcessResult run_process(const std::vector<std::string>& argv, const std::string& cwd) {
  return run(argv, cwd, 0, {});
}

ProcessResult run_cli(const std::vector<std::string>& args, const std::string& cwd) {
  std::vector<std::string> argv{INTERLEAVE_CLI};
  argv.insert(argv.end(), args.begin(), args.end());
  return run_process(argv, cwd);
}

ProcessResult run_cli_signalled(const std::vector<std::string>& args, const std::string& cwd,
                                int sig, std::chrono::milliseconds after) {
  std::vector<std::string> argv{INTERLEAVE_CLI};
  argv.insert(argv.end(), args.begin(), args.end());
  return run(argv, cwd, sig, after);
}

std::string own_stderr(const std::string& err) {
  std::string kept;
  std::size_t start = 0;
  while (start < err.size()) {
    std::size_t end = err.find('\n', start);
    end = end == std::string::npos ? err.size() : end + 1;
    if (err.compare(start, 2, "==") != 0) kept += err.substr(start, end - start);
    start = end;
  }
  return kept;
}

}  // namespace interleave::testing
