#include "traces/output_file.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <optional>

namespace interleave {

namespace {

// The temporary file being written, for remove_pending_temporary(). Invariant: pending_path
// holds a NUL-terminated path whenever pending is 1; it is set before the file is created and
// cleared after it is renamed or removed.
char pending_path[4096];
volatile sig_atomic_t pending = 0;

// Where a write goes once links are followed.
struct Target {
  std::string path;            // the file itself (a link's target, resolved)
  std::optional<mode_t> mode;  // its type and permissions; nullopt when it does not exist yet
  bool through = false;        // a link into /proc or /dev (/dev/stdout, /proc/self/fd/1): an
                               // open file of the process, written into as it is, never replaced
};

[[noreturn]] void fail(const std::string& path, const std::string& why) {
  throw OutputError("cannot write " + path + ": " + why);
}

std::string folder_of(const std::string& path) {
  const std::size_t slash = path.rfind('/');
  if (slash == std::string::npos) return ".";
  if (slash == 0) return "/";
  return path.substr(0, slash);
}

std::string name_of(const std::string& path) {
  const std::size_t slash = path.rfind('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

// resolve(path, error) follows symbolic links (at most 40, as the kernel does) to the file a write
// lands in, which may not exist yet; nullopt with error set on a loop or an unreadable link.
std::optional<Target> resolve(const std::string& path, std::string& error) {
  std::string p = path;
  for (int hops = 0; hops < 40; ++hops) {
    if (hops > 0 && (p.rfind("/proc/", 0) == 0 || p.rfind("/dev/", 0) == 0)) {
      // The kernel's own links (/dev/stdout -> /proc/self/fd/1 -> a pipe or the file the shell
      // opened): replacing their target would cut the process off from it. Write through them.
      struct stat st {};
      if (::stat(path.c_str(), &st) != 0) {
        error = std::strerror(errno);
        return std::nullopt;
      }
      return Target{path, st.st_mode, true};
    }
    struct stat st {};
    if (::lstat(p.c_str(), &st) != 0) {
      if (errno == ENOENT) return Target{p, std::nullopt};
      error = std::strerror(errno);
      return std::nullopt;
    }
    if (!S_ISLNK(st.st_mode)) return Target{p, st.st_mode};
    char buf[4096];
    const ssize_t n = ::readlink(p.c_str(), buf, sizeof buf - 1);
    if (n < 0) {
      error = std::string("cannot read the link: ") + std::strerror(errno);
      return std::nullopt;
    }
    const std::string link(buf, static_cast<std::size_t>(n));
    p = !link.empty() && link.front() == '/' ? link : folder_of(p) + "/" + link;
  }
  error = "too many levels of symbolic links";
  return std::nullopt;
}

// kind_problem(mode) is why a file of this type is not written, or empty.
std::string kind_problem(mode_t mode) {
  if (S_ISDIR(mode)) return "it is a folder";
  if (S_ISBLK(mode)) return "it is a block device; write to a regular file";
  return {};
}

// write_all(fd, text) writes every byte; false with errno set when it cannot.
bool write_all(int fd, std::string_view text) {
  while (!text.empty()) {
    const ssize_t n = ::write(fd, text.data(), text.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    text.remove_prefix(static_cast<std::size_t>(n));
  }
  return true;
}

// write_through(text, path, shown) writes into an existing device or FIFO as it is.
void write_through(std::string_view text, const std::string& path, const std::string& shown) {
  // A regular file reached through /proc or /dev is a file the process has open (its standard
  // output redirected to a file): append, as the process's own writes to it do.
  struct stat st {};
  const bool regular = ::stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode);
  const int fd = ::open(path.c_str(), O_WRONLY | O_CLOEXEC | (regular ? O_APPEND : 0));
  if (fd < 0) fail(shown, std::strerror(errno));
  const bool ok = write_all(fd, text);
  const int err = errno;
  ::close(fd);
  if (!ok) fail(shown, std::strerror(err));
}

void set_pending(const std::string& tmp) {
  const std::size_t n = std::min(tmp.size(), sizeof pending_path - 1);
  std::memcpy(pending_path, tmp.data(), n);
  pending_path[n] = '\0';
  pending = 1;
}

// write_replacing(text, target, shown) writes a temporary file in the target's folder and
// renames it over the target, keeping an existing file's permissions.
void write_replacing(std::string_view text, const Target& target, const std::string& shown) {
  const std::string tmp = folder_of(target.path) + "/." + name_of(target.path) + "." +
                          std::to_string(::getpid()) + ".tmp";
  if (tmp.size() >= sizeof pending_path) fail(shown, "the path is too long");
  // Signals that end the process wait until the temporary file is known to the handler.
  sigset_t stop;
  sigset_t old;
  sigemptyset(&stop);
  sigaddset(&stop, SIGINT);
  sigaddset(&stop, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop, &old);
  set_pending(tmp);
  const mode_t mode = target.mode ? (*target.mode & 07777) : 0666;
  int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode);
  if (fd < 0 && errno == EEXIST) {
    // Left by a process of the same id that was killed outright (SIGKILL): it is ours to reuse.
    ::unlink(tmp.c_str());
    fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode);
  }
  const int open_err = errno;
  pthread_sigmask(SIG_SETMASK, &old, nullptr);
  if (fd < 0) {
    pending = 0;
    fail(shown, std::strerror(open_err));
  }
  if (target.mode) (void)::fchmod(fd, *target.mode & 07777);  // not narrowed by the umask
  bool ok = write_all(fd, text) && ::fsync(fd) == 0;
  int err = errno;
  if (::close(fd) != 0 && ok) {
    ok = false;
    err = errno;
  }
  if (ok && ::rename(tmp.c_str(), target.path.c_str()) != 0) {
    ok = false;
    err = errno;
  }
  if (!ok) ::unlink(tmp.c_str());
  pending = 0;
  if (!ok) fail(shown, std::strerror(err));
}

}  // namespace

void write_output_file(std::string_view text, const std::string& path) {
  if (path == "-") {
    if (!write_all(STDOUT_FILENO, text)) fail("standard output", std::strerror(errno));
    return;
  }
  if (path.empty()) fail("''", "the path is empty");
  std::string error;
  const std::optional<Target> target = resolve(path, error);
  if (!target) fail(path, error);
  if (target->mode) {
    const std::string problem = kind_problem(*target->mode);
    if (!problem.empty()) fail(path, problem);
    if (!S_ISREG(*target->mode) || target->through) {
      write_through(text, target->path, path);  // a device, a FIFO, a socket, an open file
      return;
    }
  }
  write_replacing(text, *target, path);
}

std::string output_problem(const std::string& path) {
  if (path == "-") return {};
  if (path.empty()) return "cannot write '': the path is empty";
  std::string error;
  const std::optional<Target> target = resolve(path, error);
  if (!target) return "cannot write " + path + ": " + error;
  if (target->mode) {
    const std::string problem = kind_problem(*target->mode);
    if (!problem.empty()) return "cannot write " + path + ": " + problem;
    if (!S_ISREG(*target->mode) || target->through) {
      if (::access(target->path.c_str(), W_OK) != 0) {
        return "cannot write " + path + ": " + std::strerror(errno);
      }
      return {};
    }
  }
  const std::string folder = folder_of(target->path);
  struct stat st {};
  if (::stat(folder.c_str(), &st) != 0) {
    return "cannot write " + path + ": the folder " + folder + " does not exist";
  }
  if (!S_ISDIR(st.st_mode)) return "cannot write " + path + ": " + folder + " is not a folder";
  if (::access(folder.c_str(), W_OK | X_OK) != 0) {
    return "cannot write " + path + ": the folder " + folder + ": " + std::strerror(errno);
  }
  return {};
}

bool same_file(const std::string& a, const std::string& b) {
  struct stat sa {};
  struct stat sb {};
  return ::stat(a.c_str(), &sa) == 0 && ::stat(b.c_str(), &sb) == 0 && sa.st_dev == sb.st_dev &&
         sa.st_ino == sb.st_ino;
}

void remove_pending_temporary() noexcept {
  if (pending != 0) ::unlink(pending_path);
}

}  // namespace interleave
