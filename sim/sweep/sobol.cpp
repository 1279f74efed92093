// The Sobol low-discrepancy sequence (Bratley-Fox construction with the Joe-Kuo
// "new-joe-kuo-6.21201" direction numbers), used by Saltelli sampling.
#include <stdexcept>

#include "design.hpp"

namespace hukou::sweep {

namespace {

struct Dir {
  unsigned s, a;
  std::vector<std::uint32_t> m;
};
// Dimensions 2..21 of new-joe-kuo-6.21201 (dimension 1 is the van der Corput sequence).
const Dir kDirs[] = {
    {1, 0, {1}},
    {2, 1, {1, 3}},
    {3, 1, {1, 3, 1}},
    {3, 2, {1, 1, 1}},
    {4, 1, {1, 1, 3, 3}},
    {4, 4, {1, 3, 5, 13}},
    {5, 2, {1, 1, 5, 5, 17}},
    {5, 4, {1, 1, 5, 5, 5}},
    {5, 7, {1, 1, 7, 11, 19}},
    {5, 11, {1, 1, 5, 1, 1}},
    {5, 13, {1, 1, 1, 3, 11}},
    {5, 14, {1, 3, 5, 5, 31}},
    {6, 1, {1, 3, 3, 9, 7, 49}},
    {6, 13, {1, 1, 1, 15, 21, 21}},
    {6, 16, {1, 3, 1, 13, 27, 49}},
    {6, 19, {1, 1, 1, 15, 7, 5}},
    {6, 22, {1, 3, 1, 15, 13, 25}},
    {6, 25, {1, 1, 5, 5, 19, 61}},
    {7, 1, {1, 3, 7, 11, 23, 15, 103}},
    {7, 4, {1, 3, 7, 13, 13, 15, 69}},
};
constexpr unsigned kBits = 32;

// Direction integers v[k] (scaled by 2^32) of one dimension.
std::vector<std::uint32_t> directions(std::size_t dim) {
  std::vector<std::uint32_t> v(kBits + 1);
  if (dim == 0) {
    for (unsigned k = 1; k <= kBits; ++k) v[k] = 1u << (kBits - k);
    return v;
  }
  const Dir& d = kDirs[dim - 1];
  for (unsigned k = 1; k <= kBits && k <= d.s; ++k) v[k] = d.m[k - 1] << (kBits - k);
  for (unsigned k = d.s + 1; k <= kBits; ++k) {
    v[k] = v[k - d.s] ^ (v[k - d.s] >> d.s);
    for (unsigned j = 1; j < d.s; ++j) v[k] ^= ((d.a >> (d.s - 1 - j)) & 1u) * v[k - j];
  }
  return v;
}

}  // namespace

Matrix sobol_points(std::size_t n, std::size_t dims) {
  if (dims > kSobolMaxDims) throw std::invalid_argument("Sobol sequence: at most 21 dimensions");
  if (n >= (std::size_t{1} << 31)) throw std::invalid_argument("Sobol sequence: too many points");
  std::vector<std::vector<std::uint32_t>> v;
  for (std::size_t d = 0; d < dims; ++d) v.push_back(directions(d));
  Matrix out;
  std::vector<std::uint32_t> x(dims, 0);
  // Gray-code order: point i+1 flips the direction of the lowest zero bit of i.
  for (std::size_t i = 0; i < n; ++i) {
    unsigned c = 1;
    for (std::size_t j = i; j & 1u; j >>= 1) ++c;
    std::vector<double> p(dims);
    for (std::size_t d = 0; d < dims; ++d) {
      x[d] ^= v[d][c];
      p[d] = static_cast<double>(x[d]) / 4294967296.0;
    }
    out.push_back(std::move(p));
  }
  return out;
}

}  // namespace hukou::sweep
