#pragma once
// Measuring peak memory honestly: the work runs in a fork()ed child, which reports its
// resident peak (getrusage ru_maxrss) before and after the work through a pipe.

#include <array>
#include <functional>
#include <string>

namespace interleave::bench {

// What a child reported. Sizes are in MiB of resident memory.
struct ChildMemory {
  double before_mib = 0;          // ru_maxrss in the child before the work (inherited pages)
  double peak_mib = 0;            // ru_maxrss in the child after the work: the resident peak
  std::array<double, 4> facts{};  // numbers the work reported (what each means is its own)
  std::string error;              // non-empty when the child failed; the rest is then meaningless

  // growth_mib() is how much the work raised the resident peak.
  double growth_mib() const { return peak_mib - before_mib; }
};

// measure_in_child(work) forks, runs work(facts) in the child and returns what it reported;
// an exception in work, a crash or a broken pipe becomes `error`.
ChildMemory measure_in_child(const std::function<void(std::array<double, 4>& facts)>& work);

}  // namespace interleave::bench
