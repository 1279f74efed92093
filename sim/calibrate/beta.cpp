#include "beta.hpp"

#include <cmath>

namespace hukou::calibrate {

namespace {
double log_beta_fn(double a, double b) { return std::lgamma(a) + std::lgamma(b) - std::lgamma(a + b); }

// The continued fraction of I_t(a, b) (Abramowitz and Stegun 26.5.8), evaluated by
// the modified Lentz method; it converges fast for t < (a + 1) / (a + b + 2).
double beta_fraction(double t, double a, double b) {
  constexpr double tiny = 1e-300, eps = 1e-16;
  double c = 1.0, d = 1.0 - (a + b) * t / (a + 1.0);
  if (std::fabs(d) < tiny) d = tiny;
  d = 1.0 / d;
  double h = d;
  for (int m = 1; m <= 1000; ++m) {
    const double m2 = 2.0 * m;
    // Even step: d_{2m} = m (b - m) t / ((a + 2m - 1)(a + 2m)).
    double num = m * (b - m) * t / ((a + m2 - 1.0) * (a + m2));
    d = 1.0 + num * d;
    c = 1.0 + num / c;
    if (std::fabs(d) < tiny) d = tiny;
    if (std::fabs(c) < tiny) c = tiny;
    d = 1.0 / d;
    h *= d * c;
    // Odd step: d_{2m+1} = -(a + m)(a + b + m) t / ((a + 2m)(a + 2m + 1)).
    num = -(a + m) * (a + b + m) * t / ((a + m2) * (a + m2 + 1.0));
    d = 1.0 + num * d;
    c = 1.0 + num / c;
    if (std::fabs(d) < tiny) d = tiny;
    if (std::fabs(c) < tiny) c = tiny;
    d = 1.0 / d;
    const double step = d * c;
    h *= step;
    if (std::fabs(step - 1.0) < eps) break;
  }
  return h;
}
}  // namespace

double beta_log_pdf(double t, double a, double b) {
  return (a - 1.0) * std::log(t) + (b - 1.0) * std::log1p(-t) - log_beta_fn(a, b);
}

double beta_cdf(double t, double a, double b) {
  if (t <= 0.0) return 0.0;
  if (t >= 1.0) return 1.0;
  const double front = std::exp(a * std::log(t) + b * std::log1p(-t) - log_beta_fn(a, b));
  // The fraction for whichever of I_t(a, b) and I_{1-t}(b, a) = 1 - I_t(a, b) converges.
  if (t < (a + 1.0) / (a + b + 2.0)) return front * beta_fraction(t, a, b) / a;
  return 1.0 - front * beta_fraction(1.0 - t, b, a) / b;
}

double beta_quantile(double p, double a, double b) {
  if (!(p > 0.0)) return 0.0;
  if (p >= 1.0) return 1.0;
  double lo = 0.0, hi = 1.0;
  // The distribution function is monotone: 64 halvings leave a bracket of 5e-20,
  // below any parameter's meaningful digits once stretched onto [lo, hi].
  for (int i = 0; i < 64; ++i) {
    const double mid = 0.5 * (lo + hi);
    if (mid <= lo || mid >= hi) break;
    (beta_cdf(mid, a, b) < p ? lo : hi) = mid;
  }
  return 0.5 * (lo + hi);
}

}  // namespace hukou::calibrate
