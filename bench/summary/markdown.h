#pragma once
// The readable form of a summary: Markdown tables of the ratios, the medians and the scaling.

#include <nlohmann/json.hpp>
#include <ostream>

namespace interleave::bench {

// print_markdown(summary, out) writes the tables of a make_summary() document to out. It indexes
// the document with const operator[] (undefined for a missing key): it relies on make_summary(),
// which refuses an input that lacks any member these tables read.
void print_markdown(const nlohmann::ordered_json& summary, std::ostream& out);

}  // namespace interleave::bench
