#include "priors.hpp"

#include <cmath>
#include <sstream>

#include "params.hpp"

namespace hukou {

namespace {
const std::vector<PriorSpec>& priors_table() {
  static const std::vector<PriorSpec> table{
#define X(key, dist, a, b, lo, hi, src) PriorSpec{key, PriorDist::dist, a, b, lo, hi, src},
#include "priors.def"
#undef X
  };
  return table;
}

std::string num(double v) {
  std::ostringstream os;
  os << v;
  return os.str();
}

// The distribution's own conditions, or "" if it is well formed.
std::string shape_problem(const PriorSpec& p) {
  switch (p.dist) {
    case PriorDist::uniform:
      if (!(p.a < p.b)) return "uniform range " + num(p.a) + ".." + num(p.b) + " is empty";
      if (p.a < p.lo || p.b > p.hi) return "uniform range " + num(p.a) + ".." + num(p.b) + " is not within its bounds";
      return "";
    case PriorDist::normal:
      return p.b > 0.0 && std::isfinite(p.a) ? "" : "normal needs a finite mean and a positive sd";
    case PriorDist::lognormal:
      if (!(p.b > 0.0) || !std::isfinite(p.a)) return "lognormal needs a finite log-mean and a positive log-sd";
      return p.lo >= 0.0 ? "" : "lognormal bounds must not be negative";
    case PriorDist::beta:
      return p.a > 0.0 && p.b > 0.0 && std::isfinite(p.a) && std::isfinite(p.b) ? "" : "beta shapes must be positive";
  }
  return "unknown distribution";
}
}  // namespace

std::string_view to_string(PriorDist d) {
  switch (d) {
    case PriorDist::uniform: return "uniform";
    case PriorDist::normal: return "normal";
    case PriorDist::lognormal: return "lognormal";
    case PriorDist::beta: return "beta";
  }
  return "?";
}

std::span<const PriorSpec> prior_registry() { return priors_table(); }

const PriorSpec* find_prior(std::string_view key) {
  for (const auto& p : priors_table())
    if (p.key == key) return &p;
  return nullptr;
}

std::string describe(const PriorSpec& p) {
  switch (p.dist) {
    case PriorDist::uniform: return "Uniform(" + num(p.a) + ", " + num(p.b) + ")";
    case PriorDist::normal: return "Normal(" + num(p.a) + ", " + num(p.b) + ")";
    case PriorDist::lognormal: return "LogNormal(" + num(p.a) + ", " + num(p.b) + ")";
    case PriorDist::beta: return "Beta(" + num(p.a) + ", " + num(p.b) + ") on [" + num(p.lo) + ", " + num(p.hi) + "]";
  }
  return "?";
}

std::vector<std::string> prior_problems(std::span<const PriorSpec> priors) {
  std::vector<std::string> out;
  for (std::size_t k = 0; k < priors.size(); ++k) {
    const PriorSpec& p = priors[k];
    const auto say = [&](const std::string& what) { out.push_back(std::string(p.key) + ": " + what); };
    for (std::size_t j = 0; j < k; ++j)
      if (priors[j].key == p.key) say("declared twice");
    const ParamSpec* s = find_param(p.key);
    if (!s) {
      say("no such parameter in params.def");
      continue;
    }
    if (s->type == "bool") say("a yes/no parameter has no prior");
    if (!(p.lo < p.hi) || !std::isfinite(p.lo) || !std::isfinite(p.hi))
      say("bounds [" + num(p.lo) + ", " + num(p.hi) + "] are not a finite interval");
    else if (p.lo < s->lo || p.hi > s->hi)
      say("bounds [" + num(p.lo) + ", " + num(p.hi) + "] leave the parameter's [" + num(s->lo) + ", " + num(s->hi) + "]");
    else if (s->def < p.lo || s->def > p.hi)
      say("the parameter's default " + num(s->def) + " is outside the bounds [" + num(p.lo) + ", " + num(p.hi) + "]");
    if (const std::string shape = shape_problem(p); !shape.empty()) say(shape);
    if (p.source.empty()) say("no source");
  }
  return out;
}

}  // namespace hukou
