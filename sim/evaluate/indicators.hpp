// An indicator: one output variable, optionally one zone, read per replicate for a
// year. Totals over zones (and channels or groups) for count variables; a rate must
// name a zone or be a prefecture-wide variable (rates do not add up).
#pragma once
#include <Eigen/Dense>
#include <stdexcept>
#include <string>

#include "output/hdf5_reader.hpp"

namespace hukou::evaluate {

class EvaluationError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct Indicator {
  std::string variable;  // an output series name
  std::string zone;      // empty: prefecture total (or the prefecture-wide variable)
  std::string label() const { return zone.empty() ? variable : variable + " (" + zone + ")"; }
  bool operator==(const Indicator&) const = default;
};

// Values of each replicate in `year`; throws EvaluationError for an unknown
// variable, zone or year, or a rate summed over zones.
Eigen::VectorXd values(const output::RunFile& f, const Indicator& ind, int year);

// The registry's entry of an output series; throws EvaluationError for an unknown one.
const SeriesSpec& find_series(const std::string& variable);

bool is_rate(const std::string& variable);
bool is_flow(const std::string& variable);  // a sum over the year, not a level
std::string units_of(const std::string& variable);  // the registry's units ("1" for a rate)

}  // namespace hukou::evaluate
