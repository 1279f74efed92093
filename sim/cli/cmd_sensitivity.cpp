// `hukou sensitivity DIR`: Sobol indices (sobol design) or Morris mu*/sigma
// (morris design) of each swept parameter on one output (any series, zone,
// channel or group, year), printed as a ranked table and stored in DIR/sweep.h5
// as group `sensitivity_<output>[_<zone>][_<channel>]_<year>`.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <iostream>
#include <memory>
#include <numeric>

#include "cli/commands.hpp"
#include "sweep/master.hpp"
#include "output/hdf5_writer.hpp"
#include "sweep/selection.hpp"
#include "sweep/sensitivity.hpp"

namespace hukou::cli {

namespace {
struct SensitivityOptions {
  std::string dir, channel, group;
  sweep::OutputSelection sel;
  std::size_t bootstrap = 1000;
};

using Columns = std::vector<output::LabelledColumn>;

void print(const std::vector<std::string>& keys, const Columns& cols, std::size_t rank_by) {
  std::vector<std::size_t> order(keys.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return cols[rank_by].values[a] > cols[rank_by].values[b]; });
  std::size_t w = 9;
  for (const auto& k : keys) w = std::max(w, k.size());
  std::printf("%-4s %-*s", "rank", static_cast<int>(w), "parameter");
  for (const auto& c : cols) std::printf(" %10s", c.name.c_str());
  std::printf("\n");
  for (std::size_t r = 0; r < order.size(); ++r) {
    std::printf("%-4zu %-*s", r + 1, static_cast<int>(w), keys[order[r]].c_str());
    for (const auto& c : cols) std::printf(" %10.4g", c.values[order[r]]);
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
  sweep::OutputSelection sel = o.sel;
  if (!o.channel.empty() && !o.group.empty()) {
    std::cerr << "hukou sensitivity: --channel and --group exclude each other\n";
    return bad_input;
  }
  sel.part = o.channel.empty() ? o.group : o.channel;
  const sweep::RunOutputs out = sweep::run_outputs(o.dir, st, sel);
  // One NaN makes every index NaN or, worse, 0 (the variance test): refuse.
  std::vector<std::size_t> bad;
  for (std::size_t r = 0; r < out.y.size(); ++r)
    if (!std::isfinite(out.y[r])) bad.push_back(r);
  if (!bad.empty()) {
    std::cerr << "hukou sensitivity: " << bad.size() << " run" << (bad.size() == 1 ? " has" : "s have") << " no finite "
              << sel.series << " in " << out.year << " (run";
    for (std::size_t i = 0; i < bad.size() && i < 10; ++i) std::cerr << (i ? ", " : " ") << bad[i];
    std::cerr << (bad.size() > 10 ? ", ..." : "") << "); sensitivity indices would be meaningless\n";
    return failure;
  }
  const std::size_t k = st.keys.size();
  Columns cols;
  std::string method;
  if (kind == "sobol") {
    method = "Sobol indices: first order Saltelli (2010), total Jansen (1999), 95% bootstrap intervals (" +
             std::to_string(o.bootstrap) + " resamples)";
    const auto idx = sweep::sobol_indices(out.y, k, o.bootstrap);
    cols = {{"S1", "1", "first-order Sobol index", {}},
            {"S1_lo", "1", "first-order index, 95% bootstrap interval: lower", {}},
            {"S1_hi", "1", "first-order index, 95% bootstrap interval: upper", {}},
            {"ST", "1", "total Sobol index", {}},
            {"ST_lo", "1", "total index, 95% bootstrap interval: lower", {}},
            {"ST_hi", "1", "total index, 95% bootstrap interval: upper", {}}};
    for (const auto& i : idx) {
      const double v[] = {i.s1, i.s1_lo, i.s1_hi, i.st, i.st_lo, i.st_hi};
      for (std::size_t c = 0; c < 6; ++c) cols[c].values.push_back(v[c]);
    }
  } else {
    method = "Morris elementary effects (unit-scaled steps): mu_star, mu, sigma";
    const sweep::Matrix unit = sweep::morris_unit(st.number("trajectories"), k, static_cast<int>(st.number("levels")),
                                                  std::stoull(st.info.at("seed")));
    // Effects per unit of the parameter's range: in the output's units.
    cols = {{"mu_star", out.units, "mean absolute elementary effect (per whole range of the parameter)", {}},
            {"mu", out.units, "mean elementary effect", {}},
            {"sigma", out.units, "standard deviation of the elementary effects", {}}};
    for (const auto& i : sweep::morris_indices(out.y, unit, k)) {
      cols[0].values.push_back(i.mu_star);
      cols[1].values.push_back(i.mu);
      cols[2].values.push_back(i.sigma);
    }
  }
  std::cout << sel.series << (sel.zone.empty() ? "" : " in " + sel.zone)
            << (sel.part.empty() ? "" : (o.channel.empty() ? ", group " : ", channel ") + sel.part) << ", " << out.year
            << " (mean over replicates; " << out.units << "), " << st.runs() << " runs\n"
            << method << "\n\n";
  print(st.keys, cols, kind == "sobol" ? 3 : 0);
  const std::vector<std::pair<std::string, std::string>> attrs = {
      {"output", sel.series}, {"zone", sel.zone}, {o.channel.empty() ? "group" : "channel", sel.part},
      {"year", std::to_string(out.year)}, {"units", out.units}, {"design", kind}, {"method", method},
      {"created", output::utc_now()}};
  const std::string group = "sensitivity_" + out.label;
  sweep::write_master(o.dir, {output::LabelledGroup{group, "parameter", st.keys, cols, attrs}});
  std::cout << "\nStored in " << o.dir << "/sweep.h5, group " << group << "\n";
  return ok;
}
}  // namespace

void add_sensitivity(CLI::App& app) {
  auto o = std::make_shared<SensitivityOptions>();
  CLI::App* cmd = app.add_subcommand("sensitivity", "Sobol or Morris sensitivity indices of a finished sweep");
  cmd->add_option("dir", o->dir, "Sweep directory (from `hukou sweep`)")->required();
  cmd->add_option("--output", o->sel.series, "Output series (`hukou docs outputs`), default registered_urbanization_rate");
  cmd->add_option("--zone", o->sel.zone, "One zone (default: the whole prefecture; a rate per zone needs one)");
  cmd->add_option("--channel", o->channel, "One settlement channel (for settlements; default: all)");
  cmd->add_option("--group", o->group, "One group (for settlements_by_group; default: all)");
  cmd->add_option("--year", o->sel.year, "Year (default: the last)");
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
