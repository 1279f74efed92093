// Default priors of the calibrated parameters, generated from priors.def so that
// each is declared once: its distribution, the bounds calibration may search and
// its source. A prior belongs to a parameter of params.def; prior_problems() says
// where a declaration breaks that (tests/core/test_priors.cpp holds the registry
// to it), and `hukou docs parameters` lists them.
#pragma once
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace hukou {

enum class PriorDist { uniform, normal, lognormal, beta };
std::string_view to_string(PriorDist d);

struct PriorSpec {
  std::string_view key;  // a params.def key, "section.name"
  PriorDist dist;
  double a, b;    // uniform: range; normal: mean, sd; lognormal: mean and sd of the log; beta: shapes on [lo, hi]
  double lo, hi;  // the bounds calibration searches within, the parameter's default among them
  std::string_view source;
};

std::span<const PriorSpec> prior_registry();
const PriorSpec* find_prior(std::string_view key);

// "Normal(-3, 1.5)", "Beta(2, 5) on [0, 0.12]": the distribution as the docs write it.
std::string describe(const PriorSpec& p);

// What is wrong with each prior, one message each ("decision.x: ..."): the key is
// no numeric parameter or comes twice, the bounds are not inside the parameter's
// or miss its default, the distribution is not well formed, the source is empty.
std::vector<std::string> prior_problems(std::span<const PriorSpec> priors);

}  // namespace hukou
