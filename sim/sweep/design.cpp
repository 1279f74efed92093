// Unit-cube designs and their mapping to parameter values.
#include <cmath>
#include <numeric>

#include "design.hpp"

namespace hukou::sweep {

namespace {

// splitmix64: a small generator whose output is fixed by this file alone (the
// standard distributions' algorithms vary between library versions).
struct Rng {
  std::uint64_t s;
  std::uint64_t next() {
    std::uint64_t z = (s += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
  }
  double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
  std::size_t below(std::size_t n) { return static_cast<std::size_t>(uniform() * static_cast<double>(n)); }
  std::vector<std::size_t> permutation(std::size_t n) {
    std::vector<std::size_t> p(n);
    std::iota(p.begin(), p.end(), std::size_t{0});
    for (std::size_t i = n; i > 1; --i) std::swap(p[i - 1], p[below(i)]);
    return p;
  }
};

}  // namespace

Matrix grid_unit(const std::vector<int>& levels) {
  std::size_t n = 1;
  for (int l : levels) n *= static_cast<std::size_t>(l);
  Matrix out(n, std::vector<double>(levels.size()));
  for (std::size_t r = 0; r < n; ++r) {
    std::size_t rest = r;
    for (std::size_t d = levels.size(); d-- > 0;) {
      const auto l = static_cast<std::size_t>(levels[d]);
      const std::size_t i = rest % l;
      rest /= l;
      out[r][d] = l == 1 ? 0.5 : static_cast<double>(i) / static_cast<double>(l - 1);
    }
  }
  return out;
}

Matrix lhs_unit(std::size_t n, std::size_t dims, std::uint64_t seed) {
  Rng rng{seed ^ 0x4c48535f5357ull};
  Matrix out(n, std::vector<double>(dims));
  for (std::size_t d = 0; d < dims; ++d) {
    const auto perm = rng.permutation(n);
    for (std::size_t i = 0; i < n; ++i)
      out[i][d] = (static_cast<double>(perm[i]) + rng.uniform()) / static_cast<double>(n);
  }
  return out;
}

Matrix saltelli_unit(std::size_t n, std::size_t k) {
  const Matrix base = sobol_points(n, 2 * k);
  Matrix out;
  for (const auto& p : base) {
    const std::vector<double> a(p.begin(), p.begin() + static_cast<long>(k)),
        b(p.begin() + static_cast<long>(k), p.end());
    out.push_back(a);
    for (std::size_t i = 0; i < k; ++i) {
      auto ab = a;
      ab[i] = b[i];
      out.push_back(std::move(ab));
    }
    out.push_back(b);
  }
  return out;
}

double morris_delta(int levels) { return levels / (2.0 * (levels - 1)); }

Matrix morris_unit(std::size_t r, std::size_t k, int levels, std::uint64_t seed) {
  Rng rng{seed ^ 0x4d4f52524953ull};
  const double delta = morris_delta(levels);
  const auto p = static_cast<std::size_t>(levels);
  Matrix out;
  for (std::size_t t = 0; t < r; ++t) {
    std::vector<double> x(k);
    for (auto& v : x) v = static_cast<double>(rng.below(p)) / static_cast<double>(p - 1);
    out.push_back(x);
    // Each factor moves once, in random order, up when it can, else down: every
    // point stays on the grid of `levels` levels.
    for (std::size_t i : rng.permutation(k)) {
      x[i] = x[i] + delta <= 1.0 + 1e-12 ? x[i] + delta : x[i] - delta;
      out.push_back(x);
    }
  }
  return out;
}

Matrix build_design(const SweepSpec& s) {
  const std::size_t k = s.params.size();
  Matrix unit;
  switch (s.kind) {
    case DesignKind::grid: {
      std::vector<int> levels;
      for (const auto& p : s.params) levels.push_back(p.values.empty() ? p.levels : static_cast<int>(p.values.size()));
      unit = grid_unit(levels);
      break;
    }
    case DesignKind::lhs:
      unit = lhs_unit(s.samples, k, s.seed);
      break;
    case DesignKind::sobol:
      unit = saltelli_unit(s.samples, k);
      break;
    case DesignKind::morris:
      unit = morris_unit(s.trajectories, k, s.morris_levels, s.seed);
      break;
  }
  for (auto& row : unit)
    for (std::size_t i = 0; i < k; ++i) {
      const SweptParam& p = s.params[i];
      double u = std::min(std::max(row[i], 0.0), 1.0);
      if (!p.values.empty()) {
        // On a grid, level i of n is u = i/(n-1); elsewhere, n equal bins of [0, 1].
        const auto n = p.values.size();
        const std::size_t j = s.kind == DesignKind::grid
                                  ? static_cast<std::size_t>(std::lround(u * static_cast<double>(n - 1)))
                                  : std::min(n - 1, static_cast<std::size_t>(u * static_cast<double>(n)));
        row[i] = p.values[j];
        continue;
      }
      double v = p.log ? std::exp(std::log(p.lo) + u * (std::log(p.hi) - std::log(p.lo))) : p.lo + u * (p.hi - p.lo);
      v = std::min(std::max(v, p.lo), p.hi);  // exp/log rounding must not leave the bounds
      row[i] = p.integer ? std::round(v) : v;
    }
  return unit;
}

}  // namespace hukou::sweep
