#include "bench/child_memory.h"

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cstring>
#include <exception>

namespace interleave::bench {

namespace {

// The message a child writes to its parent; small enough for one atomic pipe write.
struct Report {
  long before_kib = 0;
  long peak_kib = 0;
  double facts[4] = {};
  char error[160] = {};  // NUL-terminated; empty when the work succeeded
};
static_assert(sizeof(Report) <= PIPE_BUF);

long maxrss_kib() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss;  // KiB on Linux
}

[[noreturn]] void run_child(int fd, const std::function<void(std::array<double, 4>&)>& work) {
  Report r;
  r.before_kib = maxrss_kib();
  try {
    std::array<double, 4> facts{};
    work(facts);
    for (std::size_t i = 0; i < facts.size(); ++i) r.facts[i] = facts[i];
  } catch (const std::exception& e) {
    std::strncpy(r.error, e.what(), sizeof r.error - 1);
  } catch (...) {
    std::strncpy(r.error, "unknown exception", sizeof r.error - 1);
  }
  r.peak_kib = maxrss_kib();
  const bool written = write(fd, &r, sizeof r) == static_cast<ssize_t>(sizeof r);
  _exit(written ? 0 : 1);  // no atexit handlers or destructors of the parent's state
}

}  // namespace

ChildMemory measure_in_child(const std::function<void(std::array<double, 4>& facts)>& work) {
  ChildMemory m;
  int fds[2];
  if (pipe(fds) != 0) {
    m.error = std::string("pipe: ") + std::strerror(errno);
    return m;
  }
  const pid_t pid = fork();
  if (pid < 0) {
    m.error = std::string("fork: ") + std::strerror(errno);
    close(fds[0]);
    close(fds[1]);
    return m;
  }
  if (pid == 0) {
    close(fds[0]);
    run_child(fds[1], work);
  }
  close(fds[1]);
  Report r;
  std::size_t got = 0;
  while (got < sizeof r) {
    const ssize_t n = read(fds[0], reinterpret_cast<char*>(&r) + got, sizeof r - got);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    got += static_cast<std::size_t>(n);
  }
  close(fds[0]);
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (got != sizeof r || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    m.error = "the measuring child died (status " + std::to_string(status) + ")";
    return m;
  }
  if (r.error[0] != '\0') {
    m.error = r.error;
    return m;
  }
  m.before_mib = static_cast<double>(r.before_kib) / 1024.0;
  m.peak_mib = static_cast<double>(r.peak_kib) / 1024.0;
  for (std::size_t i = 0; i < m.facts.size(); ++i) m.facts[i] = r.facts[i];
  return m;
}

}  // namespace interleave::bench
