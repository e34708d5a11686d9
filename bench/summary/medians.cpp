#include "bench/summary/medians.h"

#include <algorithm>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace interleave::bench {

namespace {

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
  const bool real_time =
      b.value("run_name", b.value("name", "")).find("/real_time") != std::string::npos;
  m.time_ns = b.at(real_time ? "real_time" : "cpu_time").get<double>() * scale;
  m.repetitions = b.value("repetitions", 1);
  m.entry = b;
  return m;
}

}  // namespace

std::optional<double> Median::counter(const std::string& name) const {
  if (name.starts_with("ns_per_")) {
    const std::string seconds = "s_per_" + name.substr(7);
    if (entry.contains(seconds) && entry[seconds].is_number()) {
      return entry[seconds].get<double>() * 1e9;
    }
  }
  if (entry.contains(name) && entry[name].is_number()) return entry[name].get<double>();
  return std::nullopt;
}

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
  file.path = path;
  file.context = j.value("context", nlohmann::json::object());
  for (const nlohmann::json& b : j["benchmarks"]) {
    const std::string name = run_name(b.value("run_name", b.value("name", "")));
    if (b.value("error_occurred", false)) {
      const std::string error = name + ": " + b.value("error_message", "failed");
      if (std::find(file.errors.begin(), file.errors.end(), error) == file.errors.end()) {
        file.errors.push_back(error);
      }
    } else if (b.value("run_type", "") == "aggregate" &&
               b.value("aggregate_name", "") == "median" &&
               file.by_name.emplace(name, median_of(b)).second) {
      file.order.push_back(name);
    }
  }
  return file;
}

const Median* find(const BenchmarkFile& file, const std::string& name) {
  const auto it = file.by_name.find(name);
  return it == file.by_name.end() ? nullptr : &it->second;
}

}  // namespace interleave::bench
