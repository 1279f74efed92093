// Where the spread of a posterior run's outputs comes from: the parameters (the
// draws) or the simulation's noise (the replicates), by the law of total variance
// Var Y = Var E[Y | theta] + E Var[Y | theta].
//
// The runs y[d, r] (D draws x R replicates) are a crossed design: replicate r of every
// draw uses the same random streams (core/replicates.hpp). With
//   y[d, r] = m + a[d] + b[r] + e[d, r],
// a the parameters' effect, b the noise shared by draws on the same streams, e the
// rest of the noise:
//   noise   = W, the mean over draws of the within-draw variance over replicates
//             (divisor R - 1): unbiased for Var b + Var e = E Var[Y | theta];
//   between = the variance over draws of the replicate means (divisor D - 1); its
//             expectation is Var a + Var e / R: a small R inflates it by the noise not
//             shared between draws, so
//   params  = max(0, between - E / R), E the two-way residual mean square
//             (divisor (D - 1)(R - 1)), unbiased for Var e.
// Shares are params / (params + noise) and noise / (params + noise); they sum to 1.
// Equal draws give params = 0 exactly (equal streams, equal runs). Undefined (NaN)
// when D < 2 or R < 2, or when the runs do not vary at all.
#pragma once
#include <Eigen/Dense>
#include <cstddef>

namespace hukou::evaluate {

struct VarianceShares {
  double parameters = 0.0, noise = 0.0;  // variance components, in squared units
  double parameter_share = 0.0, noise_share = 0.0;
};

// `y` draw-major: y[d * replicates + r].
VarianceShares variance_shares(const Eigen::VectorXd& y, std::size_t draws, std::size_t replicates);

}  // namespace hukou::evaluate
