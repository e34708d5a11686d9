#include "bench/summary/medians.h"

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>
#include <stdexcept>

namespace interleave::bench {

namespace {

// The fields of a benchmark entry that are not user counters.
const std::set<std::string>& standard_fields() {
  static const std::set<std::string> fields = {"name",
                                               "family_index",
                                               "per_family_instance_index",
                                               "run_name",
                                               "run_type",
                                               "repetitions",
                                               "repetition_index",
                                               "threads",
                                               "iterations",
                                               "real_time",
                                               "cpu_time",
                                               "time_unit",
                                               "aggregate_name",
                                               "aggregate_unit",
                                               "error_occurred",
                                               "error_message",
                                               "label"};
  return fields;
}

double ns_per(const std::string& unit) {
  if (unit == "ns") return 1;
  if (unit == "us") return 1e3;
  if (unit == "ms") return 1e6;
  if (unit == "s") return 1e9;
  throw std::runtime_error("unknown time unit '" + unit + "'");
}

// run_name(name) drops the segments that only say how a benchmark was run ("/real_time",
// "/iterations:1"), so names stay the same when those settings change.
std::string run_name(const std::string& name) {
  std::string out;
  std::size_t start = 0;
  while (start <= name.size()) {
    auto end = name.find('/', start);
    if (end == std::string::npos) end = name.size();
    const std::string segment = name.substr(start, end - start);
    if (start == 0 || (segment != "real_time" && !segment.starts_with("iterations:"))) {
      out += (start == 0 ? "" : "/") + segment;
    }
    start = end + 1;
  }
  return out;
}

// without_non_numbers(text) replaces the NaN and infinity literals Google Benchmark writes (the
// coefficient of variation of a counter that is always 0 is NaN) by null, which JSON allows.
std::string without_non_numbers(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  bool in_string = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      out += c;
      if (c == '\\' && i + 1 < text.size()) {
        out += text[++i];
      } else if (c == '"') {
        in_string = false;
      }
      continue;
    }
    if (c == '"') in_string = true;
    bool replaced = false;
    for (const char* word :
         {"-Infinity", "Infinity", "-NaN", "NaN", "-nan", "nan", "-inf", "inf"}) {
      const std::string w = word;
      if (text.compare(i, w.size(), w) == 0) {
        out += "null";
        i += w.size() - 1;
        replaced = true;
        break;
      }
    }
    if (!replaced) out += c;
  }
  return out;
}

Median median_of(const nlohmann::json& b) {
  Median m;
  const double scale = ns_per(b.value("time_unit", "ns"));
  m.real_ns = b.at("real_time").get<double>() * scale;
  m.cpu_ns = b.at("cpu_time").get<double>() * scale;
  m.iterations = b.value("iterations", 0.0);
  m.repetitions = b.value("repetitions", 1);
  m.real_time_basis =
      b.value("run_name", b.value("name", "")).find("/real_time") != std::string::npos;
  for (const auto& [key, value] : b.items()) {
    if (standard_fields().count(key) != 0 || !value.is_number()) continue;
    if (key.starts_with("s_per_")) {
      m.counters["ns_per_" + key.substr(6)] = value.get<double>() * 1e9;
    } else {
      m.counters[key] = value.get<double>();
    }
  }
  return m;
}

}  // namespace

BenchmarkFile read_benchmark_file(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::stringstream text;
  text << in.rdbuf();
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(without_non_numbers(text.str()));
  } catch (const nlohmann::json::exception& e) {
    throw std::runtime_error(path + " is not JSON: " + e.what());
  }
  if (!j.contains("benchmarks") || !j["benchmarks"].is_array()) {
    throw std::runtime_error(path + " has no \"benchmarks\" array");
  }
  BenchmarkFile file;
  file.context = j.value("context", nlohmann::json::object());
  std::map<std::string, Median> single_runs;  // used for a name that has no median
  std::set<std::string> seen;                 // names already in file.order
  for (const nlohmann::json& b : j["benchmarks"]) {
    const std::string name = run_name(b.value("run_name", b.value("name", "")));
    if (b.value("error_occurred", false)) {
      const std::string error = name + ": " + b.value("error_message", "failed");
      if (std::find(file.errors.begin(), file.errors.end(), error) == file.errors.end()) {
        file.errors.push_back(error);
      }
      continue;
    }
    if (seen.insert(name).second) file.order.push_back(name);
    if (b.value("run_type", "") == "aggregate") {
      if (b.value("aggregate_name", "") == "median") file.by_name[name] = median_of(b);
    } else if (single_runs.count(name) == 0) {
      single_runs[name] = median_of(b);
    }
  }
  for (auto& [name, m] : single_runs) {
    if (file.by_name.count(name) == 0) file.by_name[name] = std::move(m);
  }
  std::erase_if(file.order, [&](const std::string& n) { return file.by_name.count(n) == 0; });
  return file;
}

const Median* find(const BenchmarkFile& file, const std::string& name) {
  const auto it = file.by_name.find(name);
  return it == file.by_name.end() ? nullptr : &it->second;
}

}  // namespace interleave::bench
