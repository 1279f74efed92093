// `hukou sensitivity DIR`: Sobol indices (sobol design) or Morris mu*/sigma
// (morris design) of each swept parameter on one output, printed as a ranked
// table and stored in DIR/sweep.h5 as group `sensitivity`.
#include <algorithm>
#include <cstdio>
#include <iostream>
#include <memory>
#include <numeric>

#include "cli/commands.hpp"
#include "sweep/master.hpp"
#include "sweep/outputs.hpp"
#include "sweep/sensitivity.hpp"

namespace hukou::cli {

namespace {
struct SensitivityOptions {
  std::string dir, output = "registered_urbanization_rate";
  int year = 0;
  std::size_t bootstrap = 1000;
};

using Columns = std::vector<std::pair<std::string, std::vector<double>>>;

void print(const std::vector<std::string>& keys, const Columns& cols, std::size_t rank_by) {
  std::vector<std::size_t> order(keys.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return cols[rank_by].second[a] > cols[rank_by].second[b]; });
  std::size_t w = 9;
  for (const auto& k : keys) w = std::max(w, k.size());
  std::printf("%-4s %-*s", "rank", static_cast<int>(w), "parameter");
  for (const auto& c : cols) std::printf(" %10s", c.first.c_str());
  std::printf("\n");
  for (std::size_t r = 0; r < order.size(); ++r) {
    std::printf("%-4zu %-*s", r + 1, static_cast<int>(w), keys[order[r]].c_str());
    for (const auto& c : cols) std::printf(" %10.4f", c.second[order[r]]);
    std::printf("\n");
  }
}

int run(const SensitivityOptions& o) {
  const sweep::Stored st = sweep::read_dir(o.dir);
  const std::string kind = st.info.at("design");
  if (kind != "sobol" && kind != "morris") {
    std::cerr << "hukou sensitivity: " << o.dir << " holds a " << kind
              << " design; sensitivity indices need a sobol or morris design\n";
    return bad_input;
  }
  const sweep::RunOutputs out = sweep::run_outputs(o.dir, st, o.output, o.year);
  const std::size_t k = st.keys.size();
  Columns cols;
  std::string method;
  if (kind == "sobol") {
    method = "Sobol indices: first order Saltelli (2010), total Jansen (1999), 95% bootstrap intervals (" +
             std::to_string(o.bootstrap) + " resamples)";
    const auto idx = sweep::sobol_indices(out.y, k, o.bootstrap);
    for (const char* name : {"S1", "S1_lo", "S1_hi", "ST", "ST_lo", "ST_hi"})
      cols.emplace_back(name, std::vector<double>{});
    for (const auto& i : idx) {
      const double v[] = {i.s1, i.s1_lo, i.s1_hi, i.st, i.st_lo, i.st_hi};
      for (std::size_t c = 0; c < 6; ++c) cols[c].second.push_back(v[c]);
    }
  } else {
    method = "Morris elementary effects (unit-scaled steps): mu_star, mu, sigma";
    const sweep::Matrix unit = sweep::morris_unit(st.number("trajectories"), k, static_cast<int>(st.number("levels")),
                                                  std::stoull(st.info.at("seed")));
    for (const char* name : {"mu_star", "mu", "sigma"}) cols.emplace_back(name, std::vector<double>{});
    for (const auto& i : sweep::morris_indices(out.y, unit, k)) {
      cols[0].second.push_back(i.mu_star);
      cols[1].second.push_back(i.mu);
      cols[2].second.push_back(i.sigma);
    }
  }
  std::cout << o.output << " in " << out.year << " (mean over replicates), " << st.runs() << " runs\n"
            << method << "\n\n";
  print(st.keys, cols, kind == "sobol" ? 3 : 0);
  const std::vector<std::pair<std::string, std::string>> attrs = {
      {"output", o.output}, {"year", std::to_string(out.year)}, {"design", kind}, {"method", method}};
  sweep::write_master(o.dir, {output::LabelledGroup{"sensitivity", "parameter", st.keys, cols, attrs}});
  std::cout << "\nStored in " << o.dir << "/sweep.h5, group sensitivity\n";
  return ok;
}
}  // namespace

void add_sensitivity(CLI::App& app) {
  auto o = std::make_shared<SensitivityOptions>();
  CLI::App* cmd = app.add_subcommand("sensitivity", "Sobol or Morris sensitivity indices of a finished sweep");
  cmd->add_option("dir", o->dir, "Sweep directory (from `hukou sweep`)")->required();
  cmd->add_option("--output", o->output, "Output series (dims period), default registered_urbanization_rate");
  cmd->add_option("--year", o->year, "Year (default: the last)");
  cmd->add_option("--bootstrap", o->bootstrap, "Bootstrap resamples for Sobol intervals")
      ->check(CLI::Range(std::size_t{2}, std::size_t{100000}));
  cmd->callback([o] {
    int code = bad_input;
    try {
      code = run(*o);
    } catch (const sweep::StoreError& e) {
      std::cerr << "hukou sensitivity: " << e.what() << "\n";
    }
    if (code != ok) throw CLI::RuntimeError(code);
  });
}

}  // namespace hukou::cli
