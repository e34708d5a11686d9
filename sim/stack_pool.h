#pragma once
// StackPool: fiber stacks mapped once, guarded, and reused across fibers and runs.

#include <boost/context/stack_context.hpp>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace interleave {

// What a stack overflow report needs about the fiber on a stack; written at each spawn.
struct StackOwner {
  char name[48] = {};      // the fiber's name, truncated, NUL-terminated
  std::uint32_t id = 0;    // the fiber's id
  std::size_t usable = 0;  // usable bytes of the stack
};

// A pool of fixed-size stacks. Layout of one mapping, low to high addresses:
// [header page, read-only: magic + StackOwner*][guard page, no access][usable stack].
// A write past the bottom of the stack faults on the guard page; the overflow handler reads
// the header page below it to name the fiber.
class StackPool {
 public:
  // StackPool(usable) hands out stacks of `usable` bytes (rounded up to whole pages).
  explicit StackPool(std::size_t usable);
  StackPool(const StackPool&) = delete;
  StackPool& operator=(const StackPool&) = delete;
  ~StackPool();

  // allocate() returns a free stack, mapping a new one when none is free.
  boost::context::stack_context allocate();
  // deallocate(sc) returns a stack to the pool; it stays mapped for reuse.
  void deallocate(boost::context::stack_context& sc) noexcept;
  // owner(sc) is the record the overflow handler reads for the stack sc.
  StackOwner& owner(const boost::context::stack_context& sc);
  // usable() is the size of each stack.
  std::size_t usable() const { return usable_; }
  // mapping_limit_text() says, for an error message, how many memory mappings a stack takes
  // (three: header, guard, stack) and how many the system allows (vm.max_map_count).
  static std::string mapping_limit_text();

 private:
  struct Slot {
    void* base;         // start of the mapping (header page)
    StackOwner* owner;  // heap record the header page points to
  };
  std::size_t usable_;
  std::size_t page_;
  std::vector<Slot> all_;                            // every mapping, unmapped in ~StackPool
  std::vector<boost::context::stack_context> free_;  // invariant: each is in all_, not in use
};

// A Boost.Context stack allocator that draws from a StackPool and labels the stack with the
// fiber it is for, so an overflow can be reported by name.
class PooledStack {
 public:
  // PooledStack(pool, name, id, owner) labels the stack it allocates with name and id, and
  // stores the label's record in *owner so that the stack can be labelled again when reused.
  PooledStack(StackPool& pool, std::string_view name, std::uint32_t id, StackOwner** owner)
      : pool_(&pool), name_(name), id_(id), owner_(owner) {}
  // allocate() takes a stack from the pool and records its owner.
  boost::context::stack_context allocate();
  // deallocate() gives it back.
  void deallocate(boost::context::stack_context& sc) noexcept { pool_->deallocate(sc); }

 private:
  StackPool* pool_;
  std::string_view name_;  // valid only until allocate() returns
  std::uint32_t id_;
  StackOwner** owner_;
};

// label_stack(owner, name, id) records the fiber a stack now serves, for overflow reports.
void label_stack(StackOwner& owner, std::string_view name, std::uint32_t id);

// install_overflow_handler() sets up, once per thread, the SIGSEGV handler (on an alternate
// signal stack) that turns a fault on a guard page into a report naming the fiber.
void install_overflow_handler();

}  // namespace interleave
