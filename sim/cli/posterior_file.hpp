// The file `hukou calibrate` writes: every generation of an ABC-SMC run (particles,
// weights, distances, tolerance, acceptance), the posterior summary with the
// priors, the observations used and provenance, as table groups that xarray opens
// with `group=`. Rewritten whole after each generation (to NAME.tmp, then renamed),
// so a killed run leaves the last complete generation, from which --resume goes on.
#pragma once
#include <filesystem>
#include <string>
#include <vector>

#include "calibrate/smc.hpp"
#include "core/scenario.hpp"

namespace hukou::cli {

// The provenance key "method" of a posterior file: ABC-SMC, or the prior itself when
// no observation lies inside the simulated years up to the cutoff (every city: its
// cutoff is its base year), whose posterior Bayes' rule leaves equal to the prior
// (calibrate::prior_generation; docs/calibration.md, Cities).
inline constexpr const char* kMethodAbcSmc = "ABC-SMC";
inline constexpr const char* kMethodPrior =
    "prior: no observation inside the simulated years up to the cutoff, so the posterior is the prior";

struct CalibrationRecord {
  std::vector<std::pair<std::string, std::string>> provenance;  // key, value
  std::vector<Observation> observations;                       // those used, in order
  std::vector<calibrate::State> generations;                   // 0, 1, ...
};

void write_posterior_file(const std::filesystem::path& path, const Scenario& sc, const calibrate::Problem& p,
                          const CalibrationRecord& rec);

// The generations stored in `path` (for --resume), and its provenance.
CalibrationRecord read_posterior_file(const std::filesystem::path& path, const calibrate::Problem& p);

// The last generation's particles (rows) and weights, and the parameter names.
struct PosteriorSample {
  std::vector<std::string> names;
  Eigen::MatrixXd particles;
  Eigen::VectorXd weights;
};
PosteriorSample read_posterior(const std::filesystem::path& path);

}  // namespace hukou::cli
