// Reading a version-1 trace: parse, then check every member's type and range and every
// reference between members (TraceMemberReader). The first problem found ends the reading with
// one line naming the JSON path and what is wrong there.

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <new>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <utility>

#include "traces/json_checker.h"
#include "traces/trace_json.h"
#include "traces/trace_member_reader.h"

namespace interleave {
namespace {

using Json = nlohmann::ordered_json;

// Reads a whole trace from its parse: the members before the events as soon as the events
// begin, each event as it is parsed, the rest from the tree at the end.
class TraceReader {
 public:
  // read(root) is the trace root holds, or nullopt with error() set.
  std::optional<Trace> read(const Json& root) {
    const JsonPath path{nullptr, "trace"};
    if (!m_.root(root, path)) return std::nullopt;
    // Streamed: the members before the events were read when the events began.
    const bool ok = (streamed_ || m_.before_events(root, path)) &&
                    (streamed_ ? m_.event_count(m_.events_read(), path.member("events"))
                               : m_.events(root["events"], path.member("events"))) &&
                    m_.after_events(root, path);
    if (!ok) return std::nullopt;
    return m_.take();
  }

  // error() names the first problem read() found.
  const std::string& error() const { return m_.error(); }

  // The parse callback: each event is read as soon as it is parsed, and discarded from the JSON
  // tree, when every member before "events" came first (as the writer puts them). A trace of a
  // million steps then never sits in memory as a JSON tree (about a gigabyte). Returns whether
  // the parser keeps the value; throws StopParsing on the first problem.
  bool on_parse(int depth, Json::parse_event_t kind, Json& parsed) {
    using E = Json::parse_event_t;
    if (depth == 1 && kind == E::key) {
      member_ = parsed.get<std::string>();
      if (member_ == "events") begin_events();
      return true;
    }
    if (depth == 1 && (kind == E::value || kind == E::object_end || kind == E::array_end)) {
      if (member_ != "events" && !streaming_) prefix_[member_] = parsed;  // small members only
      if (member_ == "events") streaming_ = false;
      return true;
    }
    if (streaming_ && depth == 2 &&
        (kind == E::object_end || kind == E::array_end || kind == E::value)) {
      // An element of "events" ended (an object, or anything else, which event() refuses).
      const std::size_t i = m_.events_read();
      if (!m_.event(parsed, JsonPath{nullptr, "trace"}.member("events").at(i), i)) {
        throw StopParsing{};
      }
      return false;  // read: the tree does not keep it
    }
    return true;
  }

  // Thrown by on_parse() when a streamed part of the trace is wrong; error() says what.
  struct StopParsing {};

 private:
  // begin_events() starts streaming when every member the events depend on was parsed before
  // them, after reading those members; otherwise the events are read from the tree at the end.
  void begin_events() {
    for (const char* name :
         {"format", "version", "scenario", "policy", "config", "fibers", "objects", "schedule"}) {
      if (!prefix_.contains(name)) return;
    }
    const JsonPath path{nullptr, "trace"};
    if (!m_.header(prefix_, path) || !m_.before_events(prefix_, path)) throw StopParsing{};
    prefix_ = Json::object();
    streaming_ = true;
    streamed_ = true;
    m_.reserve_events();
  }

  TraceMemberReader m_;
  Json prefix_ = Json::object();  // the root's members parsed before "events"
  std::string member_;            // the root member being parsed
  bool streaming_ = false;        // inside "events", reading each event as it is parsed
  bool streamed_ = false;         // the events (and the members before them) were read so
};

// parse_error_text(e) turns nlohmann's message into "parse error at byte B (line L, column
// C): what was wrong".
std::string parse_error_text(const Json::parse_error& e) {
  std::string what = e.what();
  const std::size_t bracket = what.find("] ");
  if (what.rfind("[json.exception.", 0) == 0 && bracket != std::string::npos) {
    what.erase(0, bracket + 2);
  }
  std::string where = "at byte " + std::to_string(e.byte);
  const std::string lead = "parse error at ";
  const std::size_t colon = what.find(": ");
  if (what.rfind(lead, 0) == 0 && colon != std::string::npos && what.find("line") == lead.size()) {
    where += " (" + what.substr(lead.size(), colon - lead.size()) + ")";
    what.erase(0, colon + 2);
  } else if (what.rfind("parse error: ", 0) == 0) {
    what.erase(0, 13);
  }
  return "not JSON: parse error " + where + ": " + printable(what);
}

}  // namespace

namespace {

// read_from(input) parses input (text or a FILE*) and reads the trace, events as they come.
template <class Input>
TraceReadResult read_from(Input&& input) {
  TraceReadResult result;
  try {
    TraceReader reader;
    Json root;
    try {
      root = Json::parse(std::forward<Input>(input),
                         [&](int depth, Json::parse_event_t event, Json& parsed) {
                           return reader.on_parse(depth, event, parsed);
                         });
    } catch (const TraceReader::StopParsing&) {
      result.error = reader.error();
      return result;
    } catch (const Json::parse_error& e) {
      result.error = parse_error_text(e);
      return result;
    } catch (const Json::exception& e) {  // e.g. a number too large for a double
      std::string what = e.what();
      const std::size_t bracket = what.find("] ");
      if (bracket != std::string::npos) what.erase(0, bracket + 2);
      result.error = "not JSON: " + printable(what);
      return result;
    }
    result.trace = reader.read(root);
    if (!result.trace) result.error = reader.error();
  } catch (const std::bad_alloc&) {
    result.trace.reset();
    result.error = "trace: too large to read into memory";
  } catch (const std::exception& e) {  // a bug in the checks above; still not a crash
    result.trace.reset();
    result.error = std::string("trace: cannot be read: ") + printable(e.what());
  }
  return result;
}

}  // namespace

TraceReadResult read_trace(std::string_view text) {
  return read_from(text);
}

TraceReadResult read_trace_file(const std::string& path) {
  TraceReadResult r;
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (f == nullptr) {
    r.error = "cannot read " + path + ": " + std::strerror(errno);
    return r;
  }
  // Parsed straight from the file: the text is never held whole.
  r = read_from(f);
  const bool failed = std::ferror(f) != 0;
  const int err = errno;
  std::fclose(f);
  if (failed) {
    r.trace.reset();
    r.error = "cannot read " + path + ": " + std::strerror(err);
  }
  return r;
}

}  // namespace interleave
