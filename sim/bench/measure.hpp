// Runs `hukou bench`: for each size, repeat and thread count (under
// tbb::global_control), builds the model, steps it through the periods and
// writes its output file to a temporary path, timing each part; the fastest
// repeat of each (size, thread count) is kept. The kernel runs
// before the build, between periods and after the last one, in the same process
// and under the same thread limit, so load from other processes falls on both.
#pragma once
#include <functional>
#include <string>

#include "figures.hpp"

namespace hukou::bench {

// Progress notes for a human ("building 10000000 agents, 2 threads"); may be empty.
using Log = std::function<void(const std::string&)>;

Result run_bench(Options options, const Log& log = {});

}  // namespace hukou::bench
