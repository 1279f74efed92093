// The prior of one calibrated parameter: uniform(lo, hi), normal(mu, sd) or
// log-normal(mu_log, sd_log), each optionally truncated to bounds [lo, hi], or
// beta(a, b) stretched onto [lo, hi] (core/priors.def declares shares that way).
//
// A prior is a value checked when it is made: the named constructors throw
// CalibrationError naming the rule broken (sd > 0, lo < hi, bounds that hold mass).
// Everything else is a pure function: sampling is by the inverse of the truncated
// distribution function, so one uniform gives one draw (no rejection loop whose
// length would depend on the draw), and a counter-based key gives the same draw on
// every machine and thread count.
#pragma once
#include <limits>
#include <string>

namespace hukou::calibrate {

enum class Family { uniform, normal, lognormal, beta };

class Prior {
 public:
  static constexpr double kInf = std::numeric_limits<double>::infinity();
  // Bounds containing less than this share of the untruncated prior are refused:
  // the prior would then say something other than what its parameters suggest.
  static constexpr double kMinMass = 1e-9;

  static Prior uniform(double lo, double hi);
  static Prior normal(double mu, double sd, double lo = -kInf, double hi = kInf);
  // mu_log and sd_log are the mean and sd of log(x); the bounds are on x itself.
  static Prior lognormal(double mu_log, double sd_log, double lo = 0.0, double hi = kInf);
  // Shapes a, b > 0; (x - lo) / (hi - lo) is Beta(a, b) distributed, lo < hi finite.
  static Prior beta(double a, double b, double lo = 0.0, double hi = 1.0);

  Family family() const { return family_; }
  double a() const { return a_; }  // uniform: lo; normal: mu; log-normal: mu_log; beta: shape a
  double b() const { return b_; }  // uniform: hi; normal: sd; log-normal: sd_log; beta: shape b
  double lower() const { return lo_; }  // the support, after truncation
  double upper() const { return hi_; }
  bool truncated() const;

  bool contains(double x) const { return x >= lo_ && x <= hi_; }
  double log_density(double x) const;  // -inf outside the support
  double cdf(double x) const;
  double quantile(double p) const;     // p in [0, 1]
  double sample(double u) const { return quantile(u); }  // u uniform in (0, 1)
  double mean() const;
  double sd() const;
  std::string describe() const;        // e.g. "normal(mu=0.5, sd=0.1) on [0, 1]"

 private:
  Prior(Family f, double a, double b, double lo, double hi);
  // The standardised bounds of a normal or log-normal prior (in log space for the
  // latter) and the mass they hold.
  double za() const { return (tx(lo_) - a_) / b_; }
  double zb() const { return (tx(hi_) - a_) / b_; }
  double tx(double x) const;  // x, or log(x) for the log-normal
  double untx(double t) const;
  // E[x^k] of the truncated log-normal.
  double lognormal_moment(int k) const;

  Family family_;
  double a_, b_, lo_, hi_;
  double mass_ = 1.0;
};

}  // namespace hukou::calibrate
