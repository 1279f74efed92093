// Statistics over replicates (Eigen): means, spreads, quantiles and the interval
// of a mean. Used by the summary, `hukou compare` and `hukou evaluate`.
#pragma once
#include <Eigen/Dense>

namespace hukou::stats {

double mean(const Eigen::VectorXd& x);
double sd(const Eigen::VectorXd& x);  // sample standard deviation (n - 1); 0 for n < 2

// Quantile with linear interpolation between order statistics (Hyndman & Fan type 7,
// the default of R and NumPy).
double quantile(Eigen::VectorXd x, double p);

// Two-sided critical value of Student's t with `df` degrees of freedom at the given
// confidence (e.g. 0.90 -> t_{0.95, df}), by bisection on the regularised
// incomplete beta function.
double t_critical(double confidence, int df);

struct Interval {
  double lo = 0.0, hi = 0.0;
};
// Where replicates fall: the central `level` share of them (e.g. 5% to 95%).
Interval spread(const Eigen::VectorXd& x, double level = 0.90);
// Confidence interval of the mean: mean ± t·sd/√n; the mean itself when n < 2.
Interval mean_interval(const Eigen::VectorXd& x, double level = 0.90);

}  // namespace hukou::stats
