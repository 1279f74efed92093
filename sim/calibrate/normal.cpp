#include "normal.hpp"

#include <cmath>
#include <limits>
#include <numbers>

namespace hukou::calibrate {

namespace {
constexpr double kInvSqrt2 = 0.70710678118654752440;
const double kLogSqrt2Pi = 0.5 * std::log(2.0 * std::numbers::pi);

// Phi^-1(p) for 0 < p <= 0.5. A rational start (Abramowitz & Stegun 26.2.23,
// error below 4.5e-4) polished by Halley steps on erfc, which keeps full relative
// precision in the lower tail, where the steps are taken.
double lower_quantile(double p) {
  const double t = std::sqrt(-2.0 * std::log(p));
  double x = -(t - (2.515517 + t * (0.802853 + t * 0.010328)) / (1.0 + t * (1.432788 + t * (0.189269 + t * 0.001308))));
  for (int i = 0; i < 4; ++i) {
    const double pdf = normal_pdf(x);
    if (pdf == 0.0) break;
    const double u = (normal_cdf(x) - p) / pdf;
    const double step = u / (1.0 + 0.5 * x * u);
    x -= step;
    if (std::fabs(step) <= 1e-16 * std::fabs(x)) break;
  }
  return x;
}
}  // namespace

double normal_pdf(double z) { return std::exp(normal_log_pdf(z)); }
double normal_log_pdf(double z) { return -0.5 * z * z - kLogSqrt2Pi; }
double normal_cdf(double z) { return 0.5 * std::erfc(-z * kInvSqrt2); }
double normal_sf(double z) { return 0.5 * std::erfc(z * kInvSqrt2); }

double normal_quantile(double p) {
  if (std::isnan(p) || p < 0.0 || p > 1.0) return std::numeric_limits<double>::quiet_NaN();
  if (p == 0.0) return -std::numeric_limits<double>::infinity();
  if (p == 1.0) return std::numeric_limits<double>::infinity();
  return p <= 0.5 ? lower_quantile(p) : -lower_quantile(1.0 - p);
}

double normal_upper_quantile(double q) { return -normal_quantile(q); }

double normal_mass(double a, double b) {
  if (a >= 0.0) return normal_sf(a) - normal_sf(b);  // both in the upper half
  if (b <= 0.0) return normal_cdf(b) - normal_cdf(a);
  return 1.0 - normal_cdf(a) - normal_sf(b);
}

}  // namespace hukou::calibrate
