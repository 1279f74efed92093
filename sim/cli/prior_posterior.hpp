// The posterior of a scenario that has no observation inside its simulated years up
// to the calibration cutoff (every city: its cutoff is its base year). Bayes' rule
// then leaves the prior as it is, so the posterior file holds the prior: one
// generation of draws from it with equal weights, and the method says so. Posterior
// runs, evaluate and compare read it as any other posterior, so their bands carry
// the parameters' prior uncertainty (docs/calibration.md, Cities).
#pragma once
#include "calibrate/smc.hpp"

namespace hukou::cli {

// Recorded as the provenance key "method" of a posterior file.
inline constexpr const char* kMethodAbcSmc = "ABC-SMC";
inline constexpr const char* kMethodPrior =
    "prior: no observation inside the simulated years up to the cutoff, so the posterior is the prior";

// Generation 0 of s.particles draws from the joint prior of p.parameters: the
// draws ABC-SMC's generation 0 would propose (same keys), with equal weights, no
// distance (NaN), tolerance infinite and no model run.
calibrate::State prior_generation(const calibrate::Problem& p, const calibrate::Settings& s);

}  // namespace hukou::cli
