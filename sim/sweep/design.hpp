// Designs: which parameter values each run of a sweep gets. A design is a table
// run index -> one value per swept parameter, built deterministically from the
// sweep spec (and its master seed), so a resumed or sharded sweep rebuilds the
// same table.
#pragma once
#include <cstdint>
#include <vector>

#include "spec.hpp"

namespace hukou::sweep {

using Matrix = std::vector<std::vector<double>>;  // rows of points

// Unit-cube designs (each coordinate in [0, 1]).
// Full factorial: levels[i] points per dimension, last dimension fastest.
Matrix grid_unit(const std::vector<int>& levels);
// Latin hypercube: n points, exactly one in each of the n strata of every dimension.
Matrix lhs_unit(std::size_t n, std::size_t dims, std::uint64_t seed);
// The Sobol sequence (Joe-Kuo direction numbers, Gray-code order, point 0 skipped):
// (0.5,0.5), (0.75,0.25), (0.25,0.75), ... Up to kSobolMaxDims dimensions.
inline constexpr std::size_t kSobolMaxDims = 21;
Matrix sobol_points(std::size_t n, std::size_t dims);
// Saltelli sampling for first and total indices: for each of n base points, the
// rows A, AB_1 .. AB_k (A with column i from B), B: n*(k+2) rows.
Matrix saltelli_unit(std::size_t n, std::size_t k);
// Morris trajectories: r blocks of k+1 rows; consecutive rows of a block differ in
// one coordinate by +-delta = levels / (2 (levels - 1)).
Matrix morris_unit(std::size_t r, std::size_t k, int levels, std::uint64_t seed);
double morris_delta(int levels);

// The sweep's design in parameter values (ints rounded, values lists indexed).
Matrix build_design(const SweepSpec& s);

}  // namespace hukou::sweep
