#include "calibration_problem.hpp"

#include <stdexcept>

#include "calibrate/error.hpp"
#include "core/engine.hpp"
#include "core/params.hpp"
#include "evaluate/observations.hpp"

namespace hukou::cli {

namespace {
calibrate::Prior prior_of(const CalibratedParameter& c) {
  if (c.dist == "uniform") return calibrate::Prior::uniform(c.a, c.b);
  if (c.dist == "normal") return calibrate::Prior::normal(c.a, c.b, c.lo, c.hi);
  if (c.dist == "lognormal") return calibrate::Prior::lognormal(c.a, c.b, std::max(c.lo, 0.0), c.hi);
  if (c.dist == "beta") return calibrate::Prior::beta(c.a, c.b, c.lo, c.hi);
  throw std::logic_error("calibration.priors." + c.key + ": unknown prior " + c.dist);  // the loader checked it
}
}  // namespace

std::vector<Observation> calibration_observations(const Scenario& sc) {
  std::vector<Observation> out;
  for (const auto& o : sc.observations)
    if (o.calibrate) out.push_back(o);
  return out;
}

double simulated_value(const RunResult& r, const Observation& o) { return evaluate::simulated_value(r, o); }

void apply_parameter(Scenario& sc, const std::string& key, double v) {
  if (const ParamSpec* p = find_param(key)) return set_param(sc.params, *p, v);
  const auto dot = key.rfind('.');
  const std::string zone = key.substr(6, dot - 6);
  const ZoneFieldSpec* f = find_zone_field(key.substr(dot + 1));
  for (auto& z : sc.zones)
    if (z.name == zone && f) {
      z.f.*(f->field) = v;
      return;
    }
  throw std::logic_error("no parameter " + key);  // the loader checked it
}

calibrate::Problem calibration_problem(const Scenario& sc) {
  if (!sc.calibration) throw calibrate::CalibrationError(sc.name + ": the scenario has no [calibration] table");
  calibrate::Problem p;
  for (const auto& c : sc.calibration->priors) p.parameters.push_back({c.key, c.unit, prior_of(c)});
  if (p.parameters.empty()) throw calibrate::CalibrationError(sc.name + ": [calibration.priors] names no parameter");
  const auto obs = calibration_observations(sc);  // may be empty: the posterior is then the prior
  for (const auto& o : obs) {
    calibrate::Observation c;
    c.label = o.indicator + (o.zone ? " (" + sc.zones[*o.zone].name + ")" : "") + " " + std::to_string(o.year);
    c.value = o.value;
    if (o.sigma > 0) c.sigma = o.sigma;
    p.observations.push_back(c);
  }
  Scenario base = sc;
  base.horizon = std::max(base.base_year + 1, sc.calibration->cutoff);  // nothing after the cutoff is read
  const auto keys = sc.calibration->priors;
  p.model = [base, keys, obs](const Eigen::VectorXd& theta, std::uint64_t seed) {
    Scenario s = base;
    for (std::size_t i = 0; i < keys.size(); ++i) apply_parameter(s, keys[i].key, theta(static_cast<Eigen::Index>(i)));
    const RunResult r = simulate(s, seed);
    Eigen::VectorXd out(static_cast<Eigen::Index>(obs.size()));
    for (std::size_t i = 0; i < obs.size(); ++i) out(static_cast<Eigen::Index>(i)) = simulated_value(r, obs[i]);
    return out;
  };
  return p;
}

}  // namespace hukou::cli
