#include "prior.hpp"

#include <algorithm>
#include <cmath>
#include <sstream>

#include "beta.hpp"
#include "error.hpp"
#include "normal.hpp"

namespace hukou::calibrate {

namespace {
std::string num(double v) {
  std::ostringstream s;
  s << v;
  return s.str();
}
void require(bool ok, const std::string& what) {
  if (!ok) throw CalibrationError(what);
}
}  // namespace

Prior::Prior(Family f, double a, double b, double lo, double hi) : family_(f), a_(a), b_(b), lo_(lo), hi_(hi) {}

Prior Prior::uniform(double lo, double hi) {
  require(std::isfinite(lo) && std::isfinite(hi), "uniform prior: lo and hi must be finite numbers (lo=" + num(lo) +
                                                      ", hi=" + num(hi) + ")");
  require(lo < hi, "uniform prior: lo must be below hi (lo=" + num(lo) + ", hi=" + num(hi) + ")");
  return Prior(Family::uniform, lo, hi, lo, hi);
}

Prior Prior::normal(double mu, double sd, double lo, double hi) {
  require(std::isfinite(mu), "normal prior: mu must be a finite number (mu=" + num(mu) + ")");
  require(std::isfinite(sd) && sd > 0.0, "normal prior: sd must be positive (sd=" + num(sd) + ")");
  require(!std::isnan(lo) && !std::isnan(hi) && lo < hi,
          "normal prior: the lower bound must be below the upper bound (lo=" + num(lo) + ", hi=" + num(hi) + ")");
  Prior p(Family::normal, mu, sd, lo, hi);
  p.mass_ = normal_mass(p.za(), p.zb());
  require(p.mass_ >= kMinMass, "normal prior: the bounds [" + num(lo) + ", " + num(hi) +
                                   "] hold almost none of normal(mu=" + num(mu) + ", sd=" + num(sd) +
                                   ") (mass " + num(p.mass_) + "); move the bounds or the prior");
  return p;
}

Prior Prior::lognormal(double mu_log, double sd_log, double lo, double hi) {
  require(std::isfinite(mu_log), "log-normal prior: mu_log must be a finite number (mu_log=" + num(mu_log) + ")");
  require(std::isfinite(sd_log) && sd_log > 0.0, "log-normal prior: sd_log must be positive (sd_log=" + num(sd_log) + ")");
  require(!std::isnan(lo) && !std::isnan(hi) && lo < hi,
          "log-normal prior: the lower bound must be below the upper bound (lo=" + num(lo) + ", hi=" + num(hi) + ")");
  require(hi > 0.0, "log-normal prior: the upper bound must be positive (hi=" + num(hi) + ")");
  Prior p(Family::lognormal, mu_log, sd_log, std::max(lo, 0.0), hi);
  p.mass_ = normal_mass(p.za(), p.zb());
  require(p.mass_ >= kMinMass, "log-normal prior: the bounds [" + num(lo) + ", " + num(hi) +
                                   "] hold almost none of lognormal(mu_log=" + num(mu_log) + ", sd_log=" +
                                   num(sd_log) + ") (mass " + num(p.mass_) + "); move the bounds or the prior");
  return p;
}

Prior Prior::beta(double a, double b, double lo, double hi) {
  require(std::isfinite(a) && std::isfinite(b) && a > 0.0 && b > 0.0,
          "beta prior: both shapes must be positive (a=" + num(a) + ", b=" + num(b) + ")");
  require(std::isfinite(lo) && std::isfinite(hi) && lo < hi,
          "beta prior: its support [lo, hi] must be finite with lo below hi (lo=" + num(lo) + ", hi=" + num(hi) + ")");
  return Prior(Family::beta, a, b, lo, hi);
}

bool Prior::truncated() const { return (family_ == Family::normal || family_ == Family::lognormal) && mass_ < 1.0; }

double Prior::tx(double x) const {
  if (family_ != Family::lognormal) return x;
  return x <= 0.0 ? -kInf : std::log(x);
}
double Prior::untx(double t) const { return family_ == Family::lognormal ? std::exp(t) : t; }

double Prior::log_density(double x) const {
  if (!contains(x)) return -kInf;
  switch (family_) {
    case Family::uniform: return -std::log(hi_ - lo_);
    case Family::normal: return normal_log_pdf((x - a_) / b_) - std::log(b_ * mass_);
    case Family::lognormal:
      if (x <= 0.0) return -kInf;  // lo = 0 is in the support's closure only
      return normal_log_pdf((std::log(x) - a_) / b_) - std::log(x * b_ * mass_);
    case Family::beta: {
      const double t = (x - lo_) / (hi_ - lo_);
      return beta_log_pdf(t, a_, b_) - std::log(hi_ - lo_);  // -inf or +inf at an end, as the density
    }
  }
  return -kInf;
}

double Prior::cdf(double x) const {
  if (x <= lo_) return 0.0;
  if (x >= hi_) return 1.0;
  if (family_ == Family::uniform) return (x - lo_) / (hi_ - lo_);
  if (family_ == Family::beta) return beta_cdf((x - lo_) / (hi_ - lo_), a_, b_);
  return normal_mass(za(), (tx(x) - a_) / b_) / mass_;
}

double Prior::quantile(double p) const {
  p = std::clamp(p, 0.0, 1.0);
  if (family_ == Family::uniform) return std::clamp(lo_ + p * (hi_ - lo_), lo_, hi_);
  if (family_ == Family::beta) return std::clamp(lo_ + (hi_ - lo_) * beta_quantile(p, a_, b_), lo_, hi_);
  const double a = za(), b = zb();
  double z;
  if (a >= 0.0) {
    // Wholly in the upper half: interpolate upper-tail areas, which keep their digits.
    const double qa = normal_sf(a), qb = normal_sf(b);
    z = normal_upper_quantile(qa - p * (qa - qb));
  } else {
    const double pa = normal_cdf(a), pb = normal_cdf(b);
    z = normal_quantile(pa + p * (pb - pa));
  }
  return std::clamp(untx(a_ + b_ * std::clamp(z, a, b)), lo_, hi_);
}

double Prior::lognormal_moment(int k) const {
  const double s = k * b_;
  return std::exp(k * a_ + 0.5 * s * s) * normal_mass(za() - s, zb() - s) / mass_;
}

double Prior::mean() const {
  switch (family_) {
    case Family::uniform: return 0.5 * (lo_ + hi_);
    case Family::normal: {
      const double a = za(), b = zb();
      return a_ + b_ * (normal_pdf(a) - normal_pdf(b)) / mass_;
    }
    case Family::lognormal: return lognormal_moment(1);
    case Family::beta: return lo_ + (hi_ - lo_) * a_ / (a_ + b_);
  }
  return 0.0;
}

double Prior::sd() const {
  switch (family_) {
    case Family::uniform: return (hi_ - lo_) / std::sqrt(12.0);
    case Family::normal: {
      const double a = za(), b = zb();
      // z * pdf(z) is 0 at an infinite bound.
      const double apa = std::isfinite(a) ? a * normal_pdf(a) : 0.0;
      const double bpb = std::isfinite(b) ? b * normal_pdf(b) : 0.0;
      const double r = (normal_pdf(a) - normal_pdf(b)) / mass_;
      return b_ * std::sqrt(std::max(0.0, 1.0 + (apa - bpb) / mass_ - r * r));
    }
    case Family::lognormal: {
      const double m = lognormal_moment(1);
      return std::sqrt(std::max(0.0, lognormal_moment(2) - m * m));
    }
    case Family::beta: {
      const double n = a_ + b_;
      return (hi_ - lo_) * std::sqrt(a_ * b_ / (n * n * (n + 1.0)));
    }
  }
  return 0.0;
}

std::string Prior::describe() const {
  std::string s;
  switch (family_) {
    case Family::uniform: return "uniform(lo=" + num(lo_) + ", hi=" + num(hi_) + ")";
    case Family::normal: s = "normal(mu=" + num(a_) + ", sd=" + num(b_) + ")"; break;
    case Family::lognormal: s = "lognormal(mu_log=" + num(a_) + ", sd_log=" + num(b_) + ")"; break;
    case Family::beta: return "beta(a=" + num(a_) + ", b=" + num(b_) + ") on [" + num(lo_) + ", " + num(hi_) + "]";
  }
  const bool open = family_ == Family::normal ? (lo_ == -kInf && hi_ == kInf) : (lo_ == 0.0 && hi_ == kInf);
  return open ? s : s + " on [" + num(lo_) + ", " + num(hi_) + "]";
}

}  // namespace hukou::calibrate
