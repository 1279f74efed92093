#include "posterior_file.hpp"

#include <algorithm>

#include "calibrate/error.hpp"
#include "calibrate/posterior.hpp"
#include "output/hdf5_writer.hpp"
#include "output/table_group.hpp"

namespace hukou::cli {

namespace fs = std::filesystem;
using output::Cell;
using output::Column;
using output::Table;

namespace {
Table generations_table(const CalibrationRecord& rec) {
  Table t;
  t.columns = {{"generation", "", "generation (0: the prior)"},
               {"epsilon", "", "tolerance the generation ran at (inf in generation 0)"},
               {"acceptance_rate", "1", "accepted / proposals examined"},
               {"ess", "", "effective sample size 1 / sum w^2"},
               {"proposals", "", "proposals examined"},
               {"invalid", "", "proposals rejected for values that are not finite"},
               {"simulations", "", "model runs since the start"},
               {"invalid_total", "", "invalid proposals since the start"},
               {"stop", "", "why the run stopped after this generation (running: it did not)"}};
  for (const auto& g : rec.generations)
    t.add({static_cast<long long>(g.generation), g.epsilon, g.acceptance_rate, g.ess,
           static_cast<double>(g.proposals), static_cast<double>(g.invalid), static_cast<double>(g.simulations),
           static_cast<double>(g.invalid_total), std::string(calibrate::to_string(g.stop))});
  return t;
}

Table particles_table(const calibrate::Problem& p, const CalibrationRecord& rec) {
  Table t;
  t.columns = {{"generation", "", "generation"},
               {"particle", "", "particle index"},
               {"weight", "1", "normalised importance weight"},
               {"distance", "", "distance to the observations (docs/calibration.md)"}};
  for (const auto& par : p.parameters) t.columns.push_back({par.name, par.unit, par.prior.describe()});
  for (const auto& g : rec.generations)
    for (Eigen::Index i = 0; i < g.particles.rows(); ++i) {
      std::vector<Cell> row{static_cast<long long>(g.generation), static_cast<long long>(i), g.weights(i),
                            g.distances(i)};
      for (Eigen::Index j = 0; j < g.particles.cols(); ++j) row.emplace_back(g.particles(i, j));
      t.add(std::move(row));
    }
  return t;
}

Table posterior_table(const Scenario& sc, const calibrate::Problem& p, const CalibrationRecord& rec) {
  Table t;
  t.columns = {{"parameter", "", "parameter key (as for --set)"}, {"unit", "", "units"},
               {"prior", "", "prior distribution"},             {"prior_source", "", "the prior's source"},
               {"prior_mean", "", "prior mean"},                 {"prior_sd", "", "prior sd"},
               {"mean", "", "posterior mean"},                   {"sd", "", "posterior sd"},
               {"q05", "", "posterior 5% quantile"},            {"q50", "", "posterior median"},
               {"q95", "", "posterior 95% quantile"}};
  const auto& last = rec.generations.back();
  const auto s = calibrate::summarise(p.parameters, last.particles, last.weights);
  for (std::size_t i = 0; i < s.size(); ++i)
    t.add({s[i].name, s[i].unit, p.parameters[i].prior.describe(), sc.calibration->priors[i].source, s[i].prior_mean,
           s[i].prior_sd, s[i].mean, s[i].sd, s[i].q05, s[i].q50, s[i].q95});
  return t;
}

Table observations_table(const Scenario& sc, const CalibrationRecord& rec) {
  Table t;
  t.columns = {{"indicator", "", "output variable"}, {"zone", "", "zone (empty: prefecture)"},
               {"channel", "", "channel (empty: all)"}, {"year", "", "year"},
               {"value", "", "observed value, in the variable's units"},
               {"sigma", "", "its uncertainty (0: none given)"},
               {"scale", "", "the distance's scale of this observation"},
               {"source", "", "source row or citation"}, {"where", "", "file:line:column"}};
  const auto& scales = rec.generations.front().scales;
  for (std::size_t i = 0; i < rec.observations.size(); ++i) {
    const auto& o = rec.observations[i];
    t.add({o.indicator, o.zone ? sc.zones[*o.zone].name : std::string(),
           o.channel ? sc.channels[*o.channel].name : std::string(), static_cast<long long>(o.year), o.value,
           o.sigma, scales(static_cast<Eigen::Index>(i)), o.source, o.where});
  }
  return t;
}

Table provenance_table(const CalibrationRecord& rec) {
  Table t;
  t.columns = {{"key", "", "what"}, {"value", "", "its value"}};
  for (const auto& [k, v] : rec.provenance) t.add({k, v});
  return t;
}
}  // namespace

void write_posterior_file(const fs::path& path, const Scenario& sc, const calibrate::Problem& p,
                          const CalibrationRecord& rec) {
  fs::path tmp = path;
  tmp += ".tmp";
  output::write_table_file(tmp, {{"generations", generations_table(rec)},
                                 {"particles", particles_table(p, rec)},
                                 {"posterior", posterior_table(sc, p, rec)},
                                 {"observations", observations_table(sc, rec)},
                                 {"provenance", provenance_table(rec)}});
  std::error_code ec;
  fs::rename(tmp, path, ec);
  if (ec) throw output::OutputError("cannot rename " + tmp.string() + " to " + path.string() + ": " + ec.message());
}

CalibrationRecord read_posterior_file(const fs::path& path, const calibrate::Problem& p) {
  CalibrationRecord rec;
  const auto keys = output::read_text_column(path, "provenance", "key");
  const auto values = output::read_text_column(path, "provenance", "value");
  for (std::size_t i = 0; i < keys.size() && i < values.size(); ++i) rec.provenance.emplace_back(keys[i], values[i]);
  const auto gen = output::read_number_column(path, "generations", "generation");
  const auto col = [&](const char* g, const std::string& c) { return output::read_number_column(path, g, c); };
  const auto eps = col("generations", "epsilon"), acc = col("generations", "acceptance_rate"),
             ess = col("generations", "ess"), prop = col("generations", "proposals"),
             inv = col("generations", "invalid"), sims = col("generations", "simulations"),
             invt = col("generations", "invalid_total");
  const auto pg = col("particles", "generation"), w = col("particles", "weight"), d = col("particles", "distance");
  std::vector<std::vector<double>> values_of;
  for (const auto& par : p.parameters) values_of.push_back(col("particles", par.name));
  const auto scales = col("observations", "scale");
  if (scales.size() != p.observations.size())
    throw calibrate::CalibrationError(path.string() + ": stored for other observations");
  for (std::size_t g = 0; g < gen.size(); ++g) {
    calibrate::State st;
    st.generation = static_cast<std::uint32_t>(gen[g]);
    st.epsilon = eps[g], st.acceptance_rate = acc[g], st.ess = ess[g];
    st.proposals = static_cast<std::uint64_t>(prop[g]);
    st.invalid = static_cast<std::uint64_t>(inv[g]);
    st.simulations = static_cast<std::uint64_t>(sims[g]);
    st.invalid_total = static_cast<std::uint64_t>(invt[g]);
    st.scales = Eigen::Map<const Eigen::VectorXd>(scales.data(), static_cast<Eigen::Index>(scales.size()));
    std::vector<std::size_t> rows;
    for (std::size_t i = 0; i < pg.size(); ++i)
      if (pg[i] == gen[g]) rows.push_back(i);
    const auto n = static_cast<Eigen::Index>(rows.size());
    st.particles.resize(n, static_cast<Eigen::Index>(p.parameters.size()));
    st.weights.resize(n);
    st.distances.resize(n);
    for (Eigen::Index i = 0; i < n; ++i) {
      st.weights(i) = w[rows[static_cast<std::size_t>(i)]];
      st.distances(i) = d[rows[static_cast<std::size_t>(i)]];
      for (std::size_t j = 0; j < values_of.size(); ++j)
        st.particles(i, static_cast<Eigen::Index>(j)) = values_of[j][rows[static_cast<std::size_t>(i)]];
    }
    st.next_generation = st.generation + 1;
    st.next_proposal = 0;
    rec.generations.push_back(std::move(st));
  }
  return rec;
}

PosteriorSample read_posterior(const fs::path& path) {
  PosteriorSample s;
  s.names = output::read_text_column(path, "posterior", "parameter");
  const auto pg = output::read_number_column(path, "particles", "generation");
  const auto w = output::read_number_column(path, "particles", "weight");
  const double last = pg.empty() ? 0 : *std::max_element(pg.begin(), pg.end());
  std::vector<std::size_t> rows;
  for (std::size_t i = 0; i < pg.size(); ++i)
    if (pg[i] == last) rows.push_back(i);
  s.particles.resize(static_cast<Eigen::Index>(rows.size()), static_cast<Eigen::Index>(s.names.size()));
  s.weights.resize(static_cast<Eigen::Index>(rows.size()));
  for (std::size_t j = 0; j < s.names.size(); ++j) {
    const auto v = output::read_number_column(path, "particles", s.names[j]);
    for (std::size_t i = 0; i < rows.size(); ++i)
      s.particles(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(j)) = v[rows[i]];
  }
  for (std::size_t i = 0; i < rows.size(); ++i) s.weights(static_cast<Eigen::Index>(i)) = w[rows[i]];
  return s;
}

}  // namespace hukou::cli
