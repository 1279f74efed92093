#include "summary.hpp"

#include <cstdio>
#include <string>

#include "core/stats.hpp"

namespace hukou::output {

namespace {
Eigen::VectorXd per_replicate(const std::vector<RunResult>& reps, auto&& f) {
  Eigen::VectorXd v(static_cast<Eigen::Index>(reps.size()));
  for (std::size_t k = 0; k < reps.size(); ++k) v(static_cast<Eigen::Index>(k)) = f(reps[k]);
  return v;
}

double mean(const std::vector<RunResult>& reps, auto&& f) { return stats::mean(per_replicate(reps, f)); }

// A rate as a percentage; with several runs, the mean and where the central 50% and
// 90% of them lie.
std::string rate_cell(const std::vector<RunResult>& reps, auto&& f) {
  const Eigen::VectorXd v = per_replicate(reps, f);
  char buf[96];
  if (reps.size() < 2) {
    std::snprintf(buf, sizeof buf, "%.2f%%", 100 * stats::mean(v));
  } else {
    const auto half = stats::spread(v, 0.50), most = stats::spread(v, 0.90);
    std::snprintf(buf, sizeof buf, "%.2f%% [%.2f, %.2f | %.2f, %.2f]", 100 * stats::mean(v), 100 * half.lo,
                  100 * half.hi, 100 * most.lo, 100 * most.hi);
  }
  return buf;
}

std::string fmt(const char* f, double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, f, v);
  return buf;
}

std::string pad(const std::string& s, std::size_t w) {
  // Width counted in code points, so Chinese names line up no worse than ASCII.
  std::size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n >= w ? s : std::string(w - n, ' ') + s;
}

// A target's indicator as `hukou evaluate` reads it (RunResult::total); 0 if the year
// is not simulated (targets are checked against the years when the scenario loads).
double target_value(const RunResult& r, const Target& t) {
  std::size_t p = 0;
  while (p < r.years.size() && r.years[p] != t.year) ++p;
  if (p == r.years.size()) return 0.0;
  for (const auto& s : output_series())
    if (s.name == t.indicator) return r.total(s.id, p, t.zone ? *t.zone : RunResult::all_zones);
  return 0.0;
}
}  // namespace

double zone_total(const RunResult& r, Series s, std::size_t period, std::size_t third) {
  double sum = 0.0;
  for (std::size_t z = 0; z < r.zones.size(); ++z) sum += r.at(s, period, z, third);
  return sum;
}

const char* uncertainty_of(std::size_t draws) {
  return draws > 0 ? "parameters and seeds" : "seeds only";
}

void print_summary(std::ostream& os, const Scenario& sc, const std::vector<RunResult>& reps, std::size_t draws) {
  if (reps.empty()) return;
  const RunResult& r0 = reps.front();
  os << sc.title << "\n";
  const bool many = reps.size() > 1;
  if (many)
    os << "(means over "
       << (draws > 0 ? std::to_string(reps.size()) + " runs: " + std::to_string(draws) + " posterior draws x " +
                           std::to_string(reps.size() / draws) + " replicates"
                     : std::to_string(reps.size()) + " replicates")
       << "; rates with [50% band | 90% band] of the runs; uncertainty included: " << uncertainty_of(draws) << ")\n";
  const std::size_t rw = many ? 38 : 12;
  os << "\n" << pad("year", 4) << pad("registered", rw) << pad("resident", rw) << pad("settlers", 10);
  for (const auto& c : r0.channels) os << "  " << c;
  os << pad("returns", 10) << "\n";
  for (std::size_t p = 0; p < r0.years.size(); ++p) {
    os << pad(std::to_string(r0.years[p]), 4)
       << pad(rate_cell(reps, [&](const RunResult& r) { return r.at(Series::registered_urbanization_rate, p); }), rw)
       << pad(rate_cell(reps, [&](const RunResult& r) { return r.at(Series::resident_urbanization_rate, p); }), rw);
    double all = 0.0;
    std::vector<double> by(r0.channels.size());
    for (std::size_t c = 0; c < by.size(); ++c) {
      by[c] = mean(reps, [&](const RunResult& r) { return zone_total(r, Series::settlements, p, c); });
      all += by[c];
    }
    os << pad(fmt("%.0f", all), 10);
    for (std::size_t c = 0; c < by.size(); ++c) os << "  " << pad(fmt("%.0f", by[c]), r0.channels[c].size());
    os << pad(fmt("%.0f", mean(reps, [&](const RunResult& r) { return r.total(Series::returns, p); })), 10) << "\n";
  }
  os << "\nRates are shares of the population at year end; settlers and returns are persons during the year.\n";
  if (sc.targets.empty()) return;
  os << "\nTargets\n";
  for (const auto& t : sc.targets) {
    const double v = mean(reps, [&](const RunResult& r) { return target_value(r, t); });
    const bool rate = t.indicator.find("rate") != std::string::npos;
    os << "  " << t.indicator << (t.zone ? " (" + sc.zones[*t.zone].name + ")" : std::string()) << " " << t.year
       << ": target " << (rate ? fmt("%.2f%%", 100 * t.value) : fmt("%.0f", t.value)) << ", simulated "
       << (rate ? fmt("%.2f%%", 100 * v) : fmt("%.0f", v)) << "  [" << t.clause << "]\n";
  }
}

}  // namespace hukou::output
