// `hukou bench --json`: every figure of a bench as one JSON object, for scripts.
// Keys are stable; a figure that cannot be measured is null. Built as a string
// here; the command line prints it.
#pragma once
#include <string>
#include <vector>

#include "figures.hpp"
#include "goals.hpp"

namespace hukou::bench {

std::string to_json(const Result& r, const std::vector<Goal>& goals);

}  // namespace hukou::bench
