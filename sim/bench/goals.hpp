// The project's performance goals (docs/performance.md), judged on measured
// figures only: a goal a run cannot measure (one size, or no 1- and 2-thread
// runs) is reported as not measured, never as met.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "figures.hpp"

namespace hukou::bench {

struct Goal {
  std::string id;           // stable key for scripts, e.g. "period_vs_kernel"
  std::string description;  // e.g. "full period rate over the kernel's"
  std::string op;           // ">=" or "<="
  double threshold = 0.0;   // e.g. 0.25
  std::optional<double> measured;
  std::optional<bool> met;  // empty: not measured by this run
  std::string basis;        // which runs the figure comes from, or why it is missing
};

std::vector<Goal> evaluate_goals(const Result& r);

}  // namespace hukou::bench
