// `hukou run --posterior FILE|shipped --draws D`: the parameter draws of a posterior
// predictive run, from the last generation of a posterior file `hukou calibrate`
// wrote (posterior_file.hpp).
//
// Draw k takes particle i with probability w_i, independently of the other draws
// (calibrate::resample_rows): which particles are drawn depends only on the run's
// --seed, and the first D draws of a larger D are the same D draws.
#pragma once
#include <cstdint>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

namespace hukou::cli {

// A posterior that cannot serve this run (missing, foreign, another scenario's):
// bad input, exit 2.
class PosteriorError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct PosteriorDraws {
  std::filesystem::path path;
  std::string sha256, scenario;          // the file's digest; the scenario it calibrated
  std::vector<std::string> names;        // parameter keys, as for --set
  std::vector<double> values;            // draws x names, row-major
  std::vector<int> particles;            // per draw, its particle in the last generation
  std::size_t draws() const { return particles.size(); }
  // Draw d's values as --set overrides ("key=value", shortest exact decimal).
  std::vector<std::string> settings(std::size_t d) const;
};

// scenarios/posteriors/<name>.h5 of the source tree (HUKOU_POSTERIOR_DIR overrides)
// for the first of `names` (the scenario, then its ancestors) that has one; throws
// PosteriorError saying where it looked and how to make one.
std::filesystem::path shipped_posterior(const std::vector<std::string>& names);

// Throws PosteriorError if `path` is not a posterior file or calibrated none of
// `scenarios` (the run's scenario and its ancestors).
PosteriorDraws draw_posterior(const std::filesystem::path& path, std::uint64_t seed, std::size_t draws,
                              const std::vector<std::string>& scenarios);

}  // namespace hukou::cli
