// The one exception type of the calibration library: a caller's mistake in a prior,
// an observation or a setting. The message names the item and the rule it breaks;
// the caller (scenario parsing) adds the file and line.
#pragma once
#include <stdexcept>

namespace hukou::calibrate {

class CalibrationError : public std::invalid_argument {
 public:
  using std::invalid_argument::invalid_argument;
};

}  // namespace hukou::calibrate
