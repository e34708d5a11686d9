#pragma once
// JsonChecker: typed reads of a parsed JSON document that fail with one line naming the
// JSON path and the problem ("trace.events[12].fiber: fiber 99 is not in fibers (which has
// 6)"). Internal to traces/: it exposes nlohmann::ordered_json.

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "../sim/ids.h"
#include "../sim/outcome.h"
#include "printable.h"

namespace interleave {

// found(j) describes a value for a message: numbers and short strings as written, anything
// else by its type ("an array").
std::string found(const nlohmann::ordered_json& j);

// Where a value sits in a document (trace.events[12].fiber), rendered only when something is
// wrong there. A Path points to its parent: it lives on the stack of the check that uses it.
struct JsonPath {
  const JsonPath* parent = nullptr;
  std::string_view key;  // a member name, or the root's name; unused for an array element
  std::size_t index = 0;
  bool is_index = false;

  // member(k) is the path of member k; at(i) the path of element i.
  JsonPath member(std::string_view k) const { return JsonPath{this, k, 0, false}; }
  JsonPath at(std::size_t i) const { return JsonPath{this, {}, i, true}; }
  // str() renders the path; a member name that is not an identifier is written ["a b"].
  std::string str() const;
};

// Reads values out of a document, remembering the first failure. Every read returns false
// on failure, and the caller returns at once.
class JsonChecker {
 public:
  using Json = nlohmann::ordered_json;

  // error() is "PATH: PROBLEM" for the first failure, or empty.
  const std::string& error() const { return error_; }
  // fail(where, problem) records the first failure and returns false.
  bool fail(const JsonPath& where, const std::string& problem);

  // object(j, where, required, optional) checks that j is an object that has every required
  // member and no member outside required and optional.
  bool object(const Json& j, const JsonPath& where,
              std::initializer_list<std::string_view> required,
              std::initializer_list<std::string_view> optional = {});
  // string(), u64(), i64() and nanos() (a non-negative int64) read one value into out.
  bool string(const Json& j, const JsonPath& where, std::string& out);
  bool u64(const Json& j, const JsonPath& where, std::uint64_t& out);
  bool i64(const Json& j, const JsonPath& where, std::int64_t& out);
  bool nanos(const Json& j, const JsonPath& where, Nanos& out);
  // fiber() reads the id of one of the first `fibers` fibers.
  bool fiber(const Json& j, const JsonPath& where, std::size_t fibers, FiberId& out);
  // object_ref() reads the id of one of the first `objects` objects, or -1 (kNoObject) when
  // none_allowed.
  bool object_ref(const Json& j, const JsonPath& where, std::size_t objects, bool none_allowed,
                  ObjectId& out);
  // fiber_list() reads an array of fiber ids.
  bool fiber_list(const Json& j, const JsonPath& where, std::size_t fibers,
                  std::vector<FiberId>& out);
  // strings() reads an array of strings.
  bool strings(const Json& j, const JsonPath& where, std::vector<std::string>& out);
  // int_map() reads an object of name -> integer, in document order.
  bool int_map(const Json& j, const JsonPath& where,
               std::vector<std::pair<std::string, std::int64_t>>& out);
  // result_value() reads one reported value: an integer, a real (null is a NaN), a string,
  // or an array of numbers (integers if all are, reals otherwise).
  bool result_value(const Json& j, const JsonPath& where, ResultValue& out);
  // set_version(v) is the format version being read, named by the unknown-field message.
  void set_version(int v) { version_ = v; }
  // version() is that version (1 until set).
  int version() const { return version_; }

 private:
  bool result_list(const Json& j, const JsonPath& where, ResultValue& out);

  std::string error_;  // the first failure; never overwritten once set
  int version_ = 1;    // the format version being read
};

}  // namespace interleave
