#include "report/explore_part.h"

#include <catch2/catch.hpp>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

#include "scenarios/catalog.h"
#include "sim/explore/explore.h"
#include "sim/explore/shard_merge.h"
#include "tests/support/builtin_scenario.h"

using interleave::ExplorePart;
using interleave::PartReadResult;

namespace {

// race_part(index, count) is a part of article/race's search (it finds failures), bound 1.
ExplorePart race_part(std::uint32_t index, std::uint32_t count) {
  const interleave::Scenario& s = interleave::testing::builtin_scenario("article/race");
  interleave::ExploreOptions options;
  options.preemption_bound = 1;
  options.split_depth = 4;
  ExplorePart part;
  part.search.program = "interleave";
  part.search.version = "1.2.3";
  part.search.scenario = s.name;
  part.search.reduction = "dpor";
  part.search.preemption_bound = 1;
  part.search.split_depth = 4;
  part.search.max_steps = 10'000;
  part.search.step_cost_ns = 1000;
  part.search.step_cost = "1us";
  part.result = interleave::explore_shard(s, interleave::Params{}, interleave::RunConfig{}, options,
                                          {.index = index, .count = count});
  return part;
}

// next_random(state) is SplitMix64: a fixed sequence of mutations, the same on every machine.
std::uint64_t next_random(std::uint64_t& state) {
  std::uint64_t z = (state += 0x9e3779b97f4a7c15);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9;
  z = (z ^ (z >> 27)) * 0x94d049bb133111eb;
  return z ^ (z >> 31);
}

}  // namespace

TEST_CASE("a part reads back as it was written", "[report][shards]") {
  const ExplorePart part = race_part(1, 3);
  const std::string text = interleave::explore_part_json(part);
  const PartReadResult back = interleave::read_explore_part(text);
  INFO(back.error);
  REQUIRE(back.ok());
  CHECK(back.part->search == part.search);
  CHECK(interleave::explore_part_json(*back.part) == text);
}

TEST_CASE("a damaged part is refused with a message and never crashes the reader or the merge",
          "[report][shards]") {
  const std::string text = interleave::explore_part_json(race_part(0, 2));
  // Every cut short is refused.
  for (std::size_t n = 0; n + 1 < text.size(); n += 7) {
    const PartReadResult r = interleave::read_explore_part(text.substr(0, n));
    CHECK_FALSE(r.ok());
    CHECK_FALSE(r.error.empty());
  }
  // Changed bytes: refused with a message, or read and then merged or refused by the merge.
  std::uint64_t state = 20;
  const std::string alphabet = "0123456789{}[],:\"-.aetfnulx \\";
  for (int i = 0; i < 2000; ++i) {
    std::string mutated = text;
    const int changes = 1 + static_cast<int>(next_random(state) % 3);
    for (int c = 0; c < changes; ++c) {
      mutated[next_random(state) % mutated.size()] = alphabet[next_random(state) % alphabet.size()];
    }
    const PartReadResult r = interleave::read_explore_part(mutated);
    if (!r.ok()) {
      CHECK_FALSE(r.error.empty());
      continue;
    }
    try {
      const std::vector<interleave::ShardResult> parts = {r.part->result};
      (void)interleave::merge_shards(parts, r.part->search.preemption_bound,
                                     r.part->result.shard.count);
    } catch (const std::invalid_argument&) {
      // refused: the merge names the problem
    }
  }
}
