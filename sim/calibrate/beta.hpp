// The beta distribution on [0, 1]: log-density, the regularised incomplete beta
// function I_t(a, b) and its inverse. No library in the build provides them
// (Eigen has no special functions we may rely on; Boost is not a dependency).
#pragma once

namespace hukou::calibrate {

// log of the Beta(a, b) density at t in (0, 1); a, b > 0.
double beta_log_pdf(double t, double a, double b);
// I_t(a, b) = P(T <= t) for T ~ Beta(a, b); 0 at t <= 0, 1 at t >= 1.
double beta_cdf(double t, double a, double b);
// The t with beta_cdf(t) = p, by bisection to 5e-20 (absolute): slow-ish but sure,
// and the same on every machine.
double beta_quantile(double p, double a, double b);

}  // namespace hukou::calibrate
