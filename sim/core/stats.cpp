#include "stats.hpp"

#include <algorithm>
#include <cmath>

namespace hukou::stats {

double mean(const Eigen::VectorXd& x) { return x.size() ? x.mean() : 0.0; }

double sd(const Eigen::VectorXd& x) {
  if (x.size() < 2) return 0.0;
  const double m = x.mean();
  return std::sqrt((x.array() - m).square().sum() / static_cast<double>(x.size() - 1));
}

double quantile(Eigen::VectorXd x, double p) {
  if (x.size() == 0) return 0.0;
  std::sort(x.data(), x.data() + x.size());
  const double h = (static_cast<double>(x.size()) - 1.0) * std::clamp(p, 0.0, 1.0);
  const auto lo = static_cast<Eigen::Index>(std::floor(h));
  const auto hi = std::min<Eigen::Index>(lo + 1, x.size() - 1);
  return x(lo) + (h - static_cast<double>(lo)) * (x(hi) - x(lo));
}

namespace {
// Continued fraction for the incomplete beta function (Numerical Recipes' betacf
// form, Lentz's method).
double beta_cf(double a, double b, double x) {
  const double tiny = 1e-300;
  double c = 1.0, d = 1.0 - (a + b) * x / (a + 1.0);
  d = 1.0 / (std::abs(d) < tiny ? tiny : d);
  double h = d;
  for (int m = 1; m <= 300; ++m) {
    const double m2 = 2.0 * m;
    double aa = m * (b - m) * x / ((a + m2 - 1.0) * (a + m2));
    d = 1.0 + aa * d; d = 1.0 / (std::abs(d) < tiny ? tiny : d);
    c = 1.0 + aa / c; c = std::abs(c) < tiny ? tiny : c;
    h *= d * c;
    aa = -(a + m) * (a + b + m) * x / ((a + m2) * (a + m2 + 1.0));
    d = 1.0 + aa * d; d = 1.0 / (std::abs(d) < tiny ? tiny : d);
    c = 1.0 + aa / c; c = std::abs(c) < tiny ? tiny : c;
    const double del = d * c;
    h *= del;
    if (std::abs(del - 1.0) < 1e-15) break;
  }
  return h;
}

double incomplete_beta(double a, double b, double x) {
  if (x <= 0.0) return 0.0;
  if (x >= 1.0) return 1.0;
  const double lbeta = std::lgamma(a + b) - std::lgamma(a) - std::lgamma(b);
  const double front = std::exp(lbeta + a * std::log(x) + b * std::log1p(-x));
  if (x < (a + 1.0) / (a + b + 2.0)) return front * beta_cf(a, b, x) / a;
  return 1.0 - front * beta_cf(b, a, 1.0 - x) / b;
}

// P(|T| > t) for Student's t with df degrees of freedom.
double two_sided_tail(double t, double df) { return incomplete_beta(df / 2.0, 0.5, df / (df + t * t)); }
}  // namespace

double t_critical(double confidence, int df) {
  const double alpha = 1.0 - confidence;
  double lo = 0.0, hi = 1e3;
  for (int i = 0; i < 200; ++i) {
    const double mid = 0.5 * (lo + hi);
    (two_sided_tail(mid, df) > alpha ? lo : hi) = mid;
  }
  return 0.5 * (lo + hi);
}

Interval spread(const Eigen::VectorXd& x, double level) {
  const double tail = (1.0 - level) / 2.0;
  return {quantile(x, tail), quantile(x, 1.0 - tail)};
}

Interval mean_interval(const Eigen::VectorXd& x, double level) {
  const double m = mean(x);
  if (x.size() < 2) return {m, m};
  const double half = t_critical(level, static_cast<int>(x.size() - 1)) * sd(x) / std::sqrt(static_cast<double>(x.size()));
  return {m - half, m + half};
}

}  // namespace hukou::stats
