// Scoring a forecast against observations after the calibration cutoff (issue 23,
// item 7). Pure functions of observed series and predictive ensembles.
//
// Per indicator and year after the cutoff: the observed value, the ensemble's
// median and central 90% interval (ensemble.hpp), the error median - observed, and
// whether the interval holds the observed value. Two naive forecasts from the
// calibration years (at or before the cutoff) set the bar:
//   last change: the last observed yearly change carried forward,
//     y_L + (y_L - y_P) / (year_L - year_P) * (year - year_L), P and L the last two
//     calibration years;
//   linear trend: the least-squares line through all calibration years.
// Skill = MAE of the model / MAE of a naive forecast over the same points: below 1
// the model beats it. An indicator with fewer than two calibration years has no
// naive forecast; its points count in the model's MAE and coverage but not in the
// skill ratios, whose MAEs are taken over the points that have one.
#pragma once
#include <string>
#include <vector>

#include <Eigen/Dense>

namespace hukou::calibrate {

struct Series {
  std::vector<int> years;
  std::vector<double> values;
};

struct IndicatorForecast {
  std::string name;
  Series calibration;                     // observed at or before the cutoff
  Series observed;                        // observed after the cutoff
  std::vector<Eigen::VectorXd> ensemble;  // per year of `observed`: draws x replicates, flattened
};

struct PointScore {
  int year = 0;
  double observed = 0, median = 0, lo = 0, hi = 0;
  double error = 0;  // median - observed
  bool covered = false;
  double naive_change = 0, naive_trend = 0;  // NaN without two calibration years
};

struct Skill {
  std::size_t points = 0;
  double mae = 0, coverage = 0;
  std::size_t naive_points = 0;  // points with naive forecasts
  double mae_naive_change = 0, mae_naive_trend = 0;
  double skill_change = 0, skill_trend = 0;  // MAE model / MAE naive, on the naive points
};

struct IndicatorScore {
  std::string name;
  std::vector<PointScore> points;
  Skill skill;
};

struct Scorecard {
  std::vector<IndicatorScore> indicators;
  Skill overall;  // all points of all indicators pooled
};

// The naive forecasts for `year`; NaN when `calibration` has fewer than two years.
double naive_last_change(const Series& calibration, int year);
double naive_linear_trend(const Series& calibration, int year);

Skill skill(const std::vector<PointScore>& points);
// Throws CalibrationError for series whose years and values differ in length,
// unsorted or repeated years, or an ensemble per year missing or empty.
Scorecard score(const std::vector<IndicatorForecast>& forecasts, double level = 0.90);

}  // namespace hukou::calibrate
