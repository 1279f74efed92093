// Global sensitivity estimators, independent of the simulator (tested on the
// Ishigami function).
//
// Sobol: outputs laid out as saltelli_unit() makes them (per base sample j: f(A_j),
// f(AB_j^1) .. f(AB_j^k), f(B_j)). First order: Saltelli et al. (2010),
// S_i = mean((f(B) - m) (f(AB^i) - f(A))) / V (centring by the pooled mean m does
// not change its expectation but keeps small samples of outputs far from 0, such
// as rates near 0.8, from swamping it); total: Jansen (1999),
// ST_i = mean((f(A) - f(AB^i))^2) / (2 V); V the variance of f(A) and f(B) pooled.
// 95% intervals: percentiles of `boot` bootstrap resamples of the base samples.
//
// Morris: outputs laid out as morris_unit() makes them; elementary effects
// EE = (f(x + e_i d) - f(x)) / d with d the signed unit step; mu* = mean |EE|,
// mu = mean EE, sigma = standard deviation of EE (n - 1).
#pragma once
#include <cstdint>
#include <vector>

#include "design.hpp"

namespace hukou::sweep {

struct SobolIndex {
  double s1, s1_lo, s1_hi, st, st_lo, st_hi;
};
std::vector<SobolIndex> sobol_indices(const std::vector<double>& y, std::size_t k, std::size_t boot = 1000,
                                      std::uint64_t seed = 1);

struct MorrisIndex {
  double mu_star, mu, sigma;
};
std::vector<MorrisIndex> morris_indices(const std::vector<double>& y, const Matrix& unit, std::size_t k);

}  // namespace hukou::sweep
