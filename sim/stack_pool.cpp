#include "sim/stack_pool.h"

#include <signal.h>
#include <sys/mman.h>
#include <unistd.h>

#include <algorithm>
#include <cstring>
#include <fstream>
#include <new>
#include <string>
#include <system_error>

namespace interleave {
namespace {

constexpr std::uint64_t kMagic = 0x696e746c76537463ull;  // "intlvStc"

struct Header {
  std::uint64_t magic;
  StackOwner* owner;
};

std::size_t page_size() {
  return static_cast<std::size_t>(::sysconf(_SC_PAGESIZE));
}

}  // namespace

StackPool::StackPool(std::size_t usable) : page_(page_size()) {
  usable_ = (usable + page_ - 1) / page_ * page_;
}

StackPool::~StackPool() {
  for (const Slot& s : all_) {
    ::munmap(s.base, usable_ + 2 * page_);
    delete s.owner;
  }
}

boost::context::stack_context StackPool::allocate() {
  if (!free_.empty()) {
    boost::context::stack_context sc = free_.back();
    free_.pop_back();
    return sc;
  }
  const std::size_t total = usable_ + 2 * page_;
  void* base = ::mmap(nullptr, total, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (base == MAP_FAILED) {
    throw std::system_error(errno, std::generic_category(), "mmap of a fiber stack");
  }
  auto* owner = new StackOwner;
  owner->usable = usable_;
  auto* header = static_cast<Header*>(base);
  header->magic = kMagic;
  header->owner = owner;
  auto* bytes = static_cast<char*>(base);
  if (::mprotect(bytes, page_, PROT_READ) != 0 ||
      ::mprotect(bytes + page_, page_, PROT_NONE) != 0) {
    ::munmap(base, total);
    delete owner;
    throw std::system_error(errno, std::generic_category(), "mprotect of a fiber stack");
  }
  all_.push_back(Slot{base, owner});
  boost::context::stack_context sc;
  sc.size = usable_;
  sc.sp = bytes + total;  // stacks grow down from the top of the mapping
  return sc;
}

std::string StackPool::mapping_limit_text() {
  std::string text = "each fiber's stack takes 3 memory mappings";
  std::ifstream limit("/proc/sys/vm/max_map_count");
  std::uint64_t most = 0;
  if (limit >> most) {
    text += ", and this system allows " + std::to_string(most) +
            " mappings per process (vm.max_map_count), so at most about " +
            std::to_string(most / 3) + " fibers";
  }
  return text;
}

void StackPool::deallocate(boost::context::stack_context& sc) noexcept {
  free_.push_back(sc);
}

StackOwner& StackPool::owner(const boost::context::stack_context& sc) {
  auto* base = static_cast<char*>(sc.sp) - usable_ - 2 * page_;
  return *reinterpret_cast<Header*>(base)->owner;
}

boost::context::stack_context PooledStack::allocate() {
  boost::context::stack_context sc = pool_->allocate();
  StackOwner& o = pool_->owner(sc);
  label_stack(o, name_, id_);
  *owner_ = &o;
  name_ = {};
  return sc;
}

void label_stack(StackOwner& owner, std::string_view name, std::uint32_t id) {
  const std::size_t n = std::min(name.size(), sizeof owner.name - 1);
  std::memcpy(owner.name, name.data(), n);
  owner.name[n] = '\0';
  owner.id = id;
}

#if !defined(__SANITIZE_ADDRESS__)
namespace {

void write_all(const char* s) {
  std::size_t n = std::strlen(s);
  while (n > 0) {
    ssize_t w = ::write(2, s, n);
    if (w <= 0) return;
    s += w;
    n -= static_cast<std::size_t>(w);
  }
}

void format_unsigned(char* out, std::uint64_t v) {
  char tmp[24];
  int i = 0;
  do {
    tmp[i++] = static_cast<char>('0' + v % 10);
    v /= 10;
  } while (v != 0);
  int j = 0;
  while (i > 0) out[j++] = tmp[--i];
  out[j] = '\0';
}

struct sigaction previous_action {};

// The handler only reads memory and writes to stderr: both are async-signal-safe.
void on_segv(int sig, siginfo_t* info, void* /*context*/) {
  const std::size_t page = page_size();
  auto addr = reinterpret_cast<std::uintptr_t>(info->si_addr);
  auto guard = addr & ~(page - 1);
  // The header page is readable by construction when this is our guard page; probe it with
  // mincore-free logic: only trust it if the magic matches.
  auto* header = reinterpret_cast<const Header*>(guard - page);
  unsigned char vec = 0;
  if (guard >= page && ::mincore(reinterpret_cast<void*>(guard - page), page, &vec) == 0 &&
      header->magic == kMagic && header->owner != nullptr) {
    char num[24];
    write_all("interleave: failed: fiber '");
    write_all(header->owner->name);
    write_all("' (id ");
    format_unsigned(num, header->owner->id);
    write_all(num);
    write_all(") overflowed its stack of ");
    format_unsigned(num, header->owner->usable / 1024);
    write_all(num);
    write_all(" KiB; give it more with --stack-size\n");
    ::_exit(1);
  }
  // Not ours: restore the handler that was there before and return, so the fault repeats
  // and is handled as if we had never been installed.
  ::sigaction(sig, &previous_action, nullptr);
}

}  // namespace
#endif

void install_overflow_handler() {
#if defined(__SANITIZE_ADDRESS__)
  // AddressSanitizer reports stack overflows itself and owns SIGSEGV.
#else
  // The alternate signal stack is per thread and set up once; the handler is (re)installed
  // each time, since test frameworks replace SIGSEGV handlers between tests.
  thread_local bool has_alt_stack = false;
  if (!has_alt_stack) {
    static constexpr std::size_t kAltStack = 64 * 1024;
    void* alt =
        ::mmap(nullptr, kAltStack, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (alt == MAP_FAILED) return;
    stack_t ss{};
    ss.ss_sp = alt;
    ss.ss_size = kAltStack;
    ::sigaltstack(&ss, nullptr);
    has_alt_stack = true;
  }
  struct sigaction current {};
  ::sigaction(SIGSEGV, nullptr, &current);
  if (current.sa_sigaction == on_segv) return;
  struct sigaction sa {};
  sa.sa_sigaction = on_segv;
  sa.sa_flags = SA_SIGINFO | SA_ONSTACK;
  sigemptyset(&sa.sa_mask);
  ::sigaction(SIGSEGV, &sa, &previous_action);
#endif
}

}  // namespace interleave
