// The standard normal distribution: density, lower and upper tail, and quantiles
// of either tail. The tails are kept apart because truncated priors sample far out
// in one of them, where 1 - Phi(x) would round to 0 or 1.
#pragma once

namespace hukou::calibrate {

double normal_pdf(double z);
double normal_log_pdf(double z);
double normal_cdf(double z);  // Phi(z)
double normal_sf(double z);   // 1 - Phi(z), accurate for large z
// Phi^-1(p) for p in [0, 1] (-inf at 0, +inf at 1); to about 1e-15 relative.
double normal_quantile(double p);
// The z with 1 - Phi(z) = q: -normal_quantile(q), without forming 1 - q.
double normal_upper_quantile(double q);
// Phi(b) - Phi(a) for a <= b, from whichever tail keeps the digits.
double normal_mass(double a, double b);

}  // namespace hukou::calibrate
