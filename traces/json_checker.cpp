#include "traces/json_checker.h"

#include <limits>

namespace interleave {
namespace {

using Json = nlohmann::ordered_json;

bool is_identifier(std::string_view key) {
  if (key.empty() || (key[0] >= '0' && key[0] <= '9')) return false;
  for (const char c : key) {
    const bool ok =
        (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    if (!ok) return false;
  }
  return true;
}

// json_quoted(text) is text as a JSON string literal, printable.
std::string json_quoted(std::string_view text) {
  return printable(Json(std::string(text)).dump(-1, ' ', false, Json::error_handler_t::replace));
}

}  // namespace

std::string found(const Json& j) {
  switch (j.type()) {
    case Json::value_t::null:
      return "null";
    case Json::value_t::boolean:
      return j.get<bool>() ? "true" : "false";
    case Json::value_t::object:
      return "an object";
    case Json::value_t::array:
      return "an array";
    case Json::value_t::string: {
      const std::string s = json_quoted(j.get_ref<const std::string&>());
      return s.size() <= 42 ? s : "a string";
    }
    default:
      return j.dump();
  }
}

std::string JsonPath::str() const {
  std::string s = parent == nullptr ? std::string() : parent->str();
  if (is_index) {
    s += "[" + std::to_string(index) + "]";
  } else if (parent == nullptr) {
    s += key;
  } else if (is_identifier(key)) {
    s += ".";
    s += key;
  } else {
    s += "[" + json_quoted(key) + "]";
  }
  return s;
}

bool JsonChecker::fail(const JsonPath& where, const std::string& problem) {
  if (error_.empty()) error_ = where.str() + ": " + problem;
  return false;
}

bool JsonChecker::object(const Json& j, const JsonPath& where,
                         std::initializer_list<std::string_view> required,
                         std::initializer_list<std::string_view> optional) {
  if (!j.is_object()) return fail(where, "expected an object, found " + found(j));
  for (const auto& item : j.items()) {
    bool known = false;
    for (std::string_view name : required) known = known || name == item.key();
    for (std::string_view name : optional) known = known || name == item.key();
    if (!known) {
      return fail(where.member(item.key()),
                  "unknown field (version " + std::to_string(version_) + " does not have it)");
    }
  }
  for (std::string_view name : required) {
    if (!j.contains(name)) return fail(where.member(name), "missing");
  }
  return true;
}

bool JsonChecker::string(const Json& j, const JsonPath& where, std::string& out) {
  if (!j.is_string()) return fail(where, "expected a string, found " + found(j));
  out = j.get<std::string>();
  return true;
}

bool JsonChecker::u64(const Json& j, const JsonPath& where, std::uint64_t& out) {
  if (j.type() == Json::value_t::number_unsigned) {
    out = j.get<std::uint64_t>();
    return true;
  }
  if (j.type() == Json::value_t::number_integer && j.get<std::int64_t>() >= 0) {
    out = static_cast<std::uint64_t>(j.get<std::int64_t>());
    return true;
  }
  return fail(where, "expected a non-negative integer, found " + found(j));
}

bool JsonChecker::i64(const Json& j, const JsonPath& where, std::int64_t& out) {
  if (j.type() == Json::value_t::number_integer) {
    out = j.get<std::int64_t>();
    return true;
  }
  if (j.type() == Json::value_t::number_unsigned) {
    if (j.get<std::uint64_t>() > static_cast<std::uint64_t>(INT64_MAX)) {
      return fail(where, "integer " + found(j) + " is out of range (a signed 64-bit integer)");
    }
    out = static_cast<std::int64_t>(j.get<std::uint64_t>());
    return true;
  }
  return fail(where, "expected an integer, found " + found(j));
}

bool JsonChecker::nanos(const Json& j, const JsonPath& where, Nanos& out) {
  std::uint64_t n = 0;
  if (!u64(j, where, n)) return false;
  if (n > static_cast<std::uint64_t>(INT64_MAX)) {
    return fail(where, found(j) + " ns is out of range (a signed 64-bit integer)");
  }
  out = Nanos{static_cast<std::int64_t>(n)};
  return true;
}

bool JsonChecker::fiber(const Json& j, const JsonPath& where, std::size_t fibers, FiberId& out) {
  std::uint64_t n = 0;
  if (!u64(j, where, n)) return false;
  if (n >= fibers) {
    return fail(where, "fiber " + std::to_string(n) + " is not in fibers (which has " +
                           std::to_string(fibers) + ")");
  }
  out = FiberId{static_cast<std::uint32_t>(n)};
  return true;
}

bool JsonChecker::object_ref(const Json& j, const JsonPath& where, std::size_t objects,
                             bool none_allowed, ObjectId& out) {
  const bool negative = j.type() == Json::value_t::number_integer && j.get<std::int64_t>() < 0;
  if (none_allowed && negative && j.get<std::int64_t>() == -1) {
    out = kNoObject;
    return true;
  }
  if (!j.is_number_integer() || negative) {
    return fail(where, std::string(none_allowed ? "expected an object id or -1, found "
                                                : "expected an object id, found ") +
                           found(j));
  }
  std::uint64_t n = 0;
  if (!u64(j, where, n)) return false;
  if (n >= objects) {
    return fail(where, "object " + std::to_string(n) + " is not in objects (which has " +
                           std::to_string(objects) + ")");
  }
  out = ObjectId{static_cast<std::uint32_t>(n)};
  return true;
}

bool JsonChecker::fiber_list(const Json& j, const JsonPath& where, std::size_t fibers,
                             std::vector<FiberId>& out) {
  if (!j.is_array()) return fail(where, "expected an array of fiber ids, found " + found(j));
  out.clear();
  out.reserve(j.size());
  for (std::size_t i = 0; i < j.size(); ++i) {
    FiberId f{0};
    if (!fiber(j[i], where.at(i), fibers, f)) return false;
    out.push_back(f);
  }
  return true;
}

bool JsonChecker::strings(const Json& j, const JsonPath& where, std::vector<std::string>& out) {
  if (!j.is_array()) return fail(where, "expected an array of strings, found " + found(j));
  out.clear();
  out.reserve(j.size());
  for (std::size_t i = 0; i < j.size(); ++i) {
    std::string s;
    if (!string(j[i], where.at(i), s)) return false;
    out.push_back(std::move(s));
  }
  return true;
}

bool JsonChecker::int_map(const Json& j, const JsonPath& where,
                          std::vector<std::pair<std::string, std::int64_t>>& out) {
  if (!j.is_object()) return fail(where, "expected an object, found " + found(j));
  out.clear();
  for (const auto& item : j.items()) {
    std::int64_t v = 0;
    if (!i64(item.value(), where.member(item.key()), v)) return false;
    out.emplace_back(item.key(), v);
  }
  return true;
}

bool JsonChecker::result_value(const Json& j, const JsonPath& where, ResultValue& out) {
  switch (j.type()) {
    case Json::value_t::number_integer:
    case Json::value_t::number_unsigned: {
      std::int64_t v = 0;
      if (!i64(j, where, v)) return false;
      out = v;
      return true;
    }
    case Json::value_t::number_float:
      out = j.get<double>();
      return true;
    case Json::value_t::null:  // a NaN or infinite real: JSON has no way to write one
      out = std::numeric_limits<double>::quiet_NaN();
      return true;
    case Json::value_t::string:
      out = j.get<std::string>();
      return true;
    case Json::value_t::array:
      return result_list(j, where, out);
    default:
      return fail(
          where, "expected an integer, a real, a string or an array of numbers, found " + found(j));
  }
}

bool JsonChecker::result_list(const Json& j, const JsonPath& where, ResultValue& out) {
  bool all_integers = true;
  for (std::size_t i = 0; i < j.size(); ++i) {
    if (!j[i].is_number() && !j[i].is_null()) {
      return fail(where.at(i), "expected a number, found " + found(j[i]));
    }
    if (!j[i].is_number_integer()) all_integers = false;
  }
  if (all_integers) {
    std::vector<std::int64_t> v(j.size());
    for (std::size_t i = 0; i < j.size(); ++i) {
      if (!i64(j[i], where.at(i), v[i])) return false;
    }
    out = std::move(v);
    return true;
  }
  std::vector<double> v(j.size());
  for (std::size_t i = 0; i < j.size(); ++i) {
    v[i] = j[i].is_null() ? std::numeric_limits<double>::quiet_NaN() : j[i].get<double>();
  }
  out = std::move(v);
  return true;
}

}  // namespace interleave
