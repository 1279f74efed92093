#include "posterior_draws.hpp"

#include <algorithm>
#include <charconv>
#include <cstdlib>

#include "cli/posterior_file.hpp"
#include "calibrate/posterior.hpp"
#include "fileio/errors.hpp"
#include "fileio/input_file.hpp"
#include "fileio/sha256.hpp"
#include "output/hdf5_writer.hpp"
#include "output/table_group.hpp"

#ifndef HUKOU_POSTERIOR_DIR
#define HUKOU_POSTERIOR_DIR ""
#endif

namespace hukou::cli {

namespace fs = std::filesystem;

namespace {
std::string provenance_value(const fs::path& path, const std::string& key) {
  const auto keys = output::read_text_column(path, "provenance", "key");
  const auto values = output::read_text_column(path, "provenance", "value");
  for (std::size_t i = 0; i < keys.size() && i < values.size(); ++i)
    if (keys[i] == key) return values[i];
  return {};
}
}  // namespace

std::vector<std::string> PosteriorDraws::settings(std::size_t d) const {
  std::vector<std::string> out;
  for (std::size_t j = 0; j < names.size(); ++j) {
    char buf[64];
    const auto r = std::to_chars(buf, buf + sizeof buf, values[d * names.size() + j]);
    out.push_back(names[j] + "=" + std::string(buf, r.ptr));
  }
  return out;
}

fs::path shipped_posterior(const std::vector<std::string>& names) {
  const char* env = std::getenv("HUKOU_POSTERIOR_DIR");
  const fs::path dir = env && *env ? env : HUKOU_POSTERIOR_DIR;
  for (const auto& n : names)
    if (fs::is_regular_file(dir / (n + ".h5"))) return dir / (n + ".h5");
  const std::string name = names.empty() ? std::string("NAME") : names.front();
  throw PosteriorError("no shipped posterior for " + name + " in " + (dir / (name + ".h5")).string() +
                       "; make one with `hukou calibrate " + name + " -o " + (dir / (name + ".h5")).string() +
                       "` (docs/calibration.md) or give a file to --posterior");
}

PosteriorDraws draw_posterior(const fs::path& path, std::uint64_t seed, std::size_t draws,
                              const std::vector<std::string>& scenarios) {
  PosteriorDraws p;
  p.path = path;
  PosteriorSample s;
  try {
    p.sha256 = fileio::sha256_hex(fileio::read_input_file(path, fileio::kMaxRunFileBytes, "posterior file"));
    p.scenario = provenance_value(path, "scenario");
    s = read_posterior(path);
  } catch (const fileio::FileError& e) {
    throw PosteriorError(e.what());
  } catch (const std::exception& e) {
    throw PosteriorError(path.string() + " is not a posterior file of `hukou calibrate`: " + e.what());
  }
  if (s.names.empty() || s.particles.rows() == 0)
    throw PosteriorError(path.string() + " is not a posterior file of `hukou calibrate`: it has no particles");
  if (std::find(scenarios.begin(), scenarios.end(), p.scenario) == scenarios.end())
    throw PosteriorError(path.string() + " is the posterior of scenario '" + p.scenario + "', not of '" +
                         scenarios.front() + "'" +
                         (scenarios.size() > 1 ? " or the scenarios it extends" : std::string()));
  if (!s.weights.allFinite() || (s.weights.array() < 0).any() || !(s.weights.sum() > 0))
    throw PosteriorError(path.string() + ": the last generation's weights are not a distribution");
  p.names = s.names;
  for (const Eigen::Index i : calibrate::resample_rows(s.weights, draws, seed)) {
    p.particles.push_back(static_cast<int>(i));
    for (Eigen::Index j = 0; j < s.particles.cols(); ++j) p.values.push_back(s.particles(i, j));
  }
  return p;
}

}  // namespace hukou::cli
