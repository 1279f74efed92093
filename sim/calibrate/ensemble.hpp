// What a predictive ensemble says: D posterior draws x R replicates of one output.
// Bands and the chance of meeting a target pool both uncertainties; the variance
// split says how much of the spread is the parameters' and how much the noise's.
#pragma once
#include <Eigen/Dense>

namespace hukou::calibrate {

// Quantile with linear interpolation between order statistics (Hyndman & Fan type
// 7, the default of R and NumPy, as in `hukou evaluate`). Throws CalibrationError
// for an empty sample or a value that is not finite.
double quantile(Eigen::VectorXd x, double p);

struct Band {
  double median = 0, lo = 0, hi = 0;  // lo, hi: the central `level` of the values
};
Band band(const Eigen::VectorXd& values, double level = 0.90);

enum class Direction { at_least, at_most };
// Share of the values meeting the target (a value equal to it meets it).
double probability_met(const Eigen::VectorXd& values, double target, Direction dir);

// The law of total variance, Var y = Var_theta E[y | theta] + E_theta Var[y | theta],
// estimated from y (rows: K draws, columns: R replicates of each) as in a one-way
// random-effects analysis of variance:
//   noise     W = mean over draws of the replicates' variance (n - 1);
//   parameter B - W / R, B the variance (n - 1) of the draws' replicate means; the
//             W / R removes the noise left in a mean of R replicates (E B =
//             Var_theta E[y | theta] + W / R), and the estimate is floored at 0.
// With R = 1 the two cannot be told apart: noise and parameter are NaN and total is
// the variance of the values. K = 1 leaves parameter NaN.
//
// Streams::shared: replicate r of every draw ran on the same random streams (`hukou
// run --posterior`, core/replicates.hpp), a crossed design y = m + a[draw] +
// b[replicate] + e. The shared noise b cancels from B, so B - W / R would take too
// much out; instead parameter = B - E / R, E the two-way residual mean square
// ((K - 1)(R - 1) degrees of freedom), unbiased for the noise e that B still holds.
// Equal draws then give parameter = 0 exactly. Noise is W as above.
struct VarianceSplit {
  double total = 0, parameter = 0, noise = 0;
  double parameter_share() const { return parameter / total; }
  double noise_share() const { return noise / total; }
};
enum class Streams { independent, shared };
VarianceSplit split_variance(const Eigen::MatrixXd& y, Streams streams = Streams::independent);

}  // namespace hukou::calibrate
