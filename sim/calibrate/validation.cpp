#include "validation.hpp"

#include <cmath>
#include <limits>

#include "ensemble.hpp"
#include "error.hpp"

namespace hukou::calibrate {

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

void check(const Series& s, const std::string& what) {
  if (s.years.size() != s.values.size())
    throw CalibrationError(what + ": as many years as values are needed");
  for (std::size_t i = 1; i < s.years.size(); ++i)
    if (s.years[i] <= s.years[i - 1]) throw CalibrationError(what + ": years must increase");
  for (double v : s.values)
    if (!std::isfinite(v)) throw CalibrationError(what + ": a value is not a number");
}
}  // namespace

double naive_last_change(const Series& c, int year) {
  const std::size_t n = c.years.size();
  if (n < 2) return kNaN;
  const double slope = (c.values[n - 1] - c.values[n - 2]) / double(c.years[n - 1] - c.years[n - 2]);
  return c.values[n - 1] + slope * double(year - c.years[n - 1]);
}

double naive_linear_trend(const Series& c, int year) {
  const std::size_t n = c.years.size();
  if (n < 2) return kNaN;
  // Centred on the mean year, so the sums stay small and exact for integer years.
  double my = 0, mv = 0;
  for (std::size_t i = 0; i < n; ++i) {
    my += c.years[i];
    mv += c.values[i];
  }
  my /= double(n);
  mv /= double(n);
  double sxy = 0, sxx = 0;
  for (std::size_t i = 0; i < n; ++i) {
    sxy += (c.years[i] - my) * (c.values[i] - mv);
    sxx += (c.years[i] - my) * (c.years[i] - my);
  }
  return mv + sxy / sxx * (year - my);
}

Skill skill(const std::vector<PointScore>& points) {
  Skill s;
  double abs_err = 0, covered = 0, naive_err = 0, change = 0, trend = 0;
  for (const auto& p : points) {
    ++s.points;
    abs_err += std::fabs(p.error);
    covered += p.covered;
    if (std::isnan(p.naive_change) || std::isnan(p.naive_trend)) continue;
    ++s.naive_points;
    naive_err += std::fabs(p.error);
    change += std::fabs(p.naive_change - p.observed);
    trend += std::fabs(p.naive_trend - p.observed);
  }
  s.mae = s.points ? abs_err / double(s.points) : kNaN;
  s.coverage = s.points ? covered / double(s.points) : kNaN;
  const double np = double(s.naive_points);
  s.mae_naive_change = s.naive_points ? change / np : kNaN;
  s.mae_naive_trend = s.naive_points ? trend / np : kNaN;
  s.skill_change = s.naive_points ? (naive_err / np) / s.mae_naive_change : kNaN;
  s.skill_trend = s.naive_points ? (naive_err / np) / s.mae_naive_trend : kNaN;
  return s;
}

Scorecard score(const std::vector<IndicatorForecast>& forecasts, double level) {
  Scorecard card;
  std::vector<PointScore> all;
  for (const auto& f : forecasts) {
    check(f.calibration, f.name + " (calibration years)");
    check(f.observed, f.name + " (validation years)");
    if (f.ensemble.size() != f.observed.years.size())
      throw CalibrationError(f.name + ": one ensemble per validation year is needed");
    IndicatorScore ind{f.name, {}, {}};
    for (std::size_t i = 0; i < f.observed.years.size(); ++i) {
      const int year = f.observed.years[i];
      const double obs = f.observed.values[i];
      const Band b = band(f.ensemble[i], level);
      ind.points.push_back({year, obs, b.median, b.lo, b.hi, b.median - obs, b.lo <= obs && obs <= b.hi,
                            naive_last_change(f.calibration, year), naive_linear_trend(f.calibration, year)});
    }
    ind.skill = skill(ind.points);
    all.insert(all.end(), ind.points.begin(), ind.points.end());
    card.indicators.push_back(std::move(ind));
  }
  card.overall = skill(all);
  return card;
}

}  // namespace hukou::calibrate
