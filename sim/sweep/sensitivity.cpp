#include "sensitivity.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace hukou::sweep {

namespace {

struct Point {
  std::vector<double> s1, st;
};

// Estimates from the base samples `idx` (with repeats, for the bootstrap).
Point estimate(const std::vector<double>& y, std::size_t k, const std::vector<std::size_t>& idx) {
  const std::size_t stride = k + 2;
  double sum = 0, sum2 = 0;
  for (std::size_t j : idx)
    for (double v : {y[j * stride], y[j * stride + k + 1]}) {
      sum += v;
      sum2 += v * v;
    }
  const double m = 2.0 * static_cast<double>(idx.size());
  const double mean = sum / m, var = sum2 / m - mean * mean;
  Point p{std::vector<double>(k), std::vector<double>(k)};
  for (std::size_t i = 0; i < k; ++i) {
    double a = 0, b = 0;
    for (std::size_t j : idx) {
      const double fa = y[j * stride], fab = y[j * stride + 1 + i], fb = y[j * stride + k + 1];
      a += (fb - mean) * (fab - fa);
      b += (fa - fab) * (fa - fab);
    }
    const double n = static_cast<double>(idx.size());
    p.s1[i] = var > 0 ? a / n / var : 0.0;
    p.st[i] = var > 0 ? b / (2 * n) / var : 0.0;
  }
  return p;
}

double percentile(std::vector<double> v, double q) {
  std::sort(v.begin(), v.end());
  const double pos = q * static_cast<double>(v.size() - 1);
  const auto lo = static_cast<std::size_t>(pos);
  const std::size_t hi = std::min(lo + 1, v.size() - 1);
  return v[lo] + (pos - static_cast<double>(lo)) * (v[hi] - v[lo]);
}

}  // namespace

std::vector<SobolIndex> sobol_indices(const std::vector<double>& y, std::size_t k, std::size_t boot,
                                      std::uint64_t seed) {
  if (k == 0 || y.empty() || y.size() % (k + 2) != 0)
    throw std::invalid_argument("Sobol indices: expected N*(k+2) outputs");
  const std::size_t n = y.size() / (k + 2);
  std::vector<std::size_t> all(n);
  for (std::size_t j = 0; j < n; ++j) all[j] = j;
  const Point full = estimate(y, k, all);
  std::vector<std::vector<double>> bs1(k), bst(k);
  std::uint64_t s = seed;
  auto next = [&s] {  // splitmix64: fixed resamples on every platform
    std::uint64_t z = (s += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
  };
  std::vector<std::size_t> idx(n);
  for (std::size_t b = 0; b < boot; ++b) {
    for (auto& j : idx) j = static_cast<std::size_t>((next() >> 11) * 0x1.0p-53 * static_cast<double>(n));
    const Point p = estimate(y, k, idx);
    for (std::size_t i = 0; i < k; ++i) {
      bs1[i].push_back(p.s1[i]);
      bst[i].push_back(p.st[i]);
    }
  }
  std::vector<SobolIndex> out;
  for (std::size_t i = 0; i < k; ++i) {
    const bool b = boot > 1;
    out.push_back({full.s1[i], b ? percentile(bs1[i], 0.025) : NAN, b ? percentile(bs1[i], 0.975) : NAN, full.st[i],
                   b ? percentile(bst[i], 0.025) : NAN, b ? percentile(bst[i], 0.975) : NAN});
  }
  return out;
}

std::vector<MorrisIndex> morris_indices(const std::vector<double>& y, const Matrix& unit, std::size_t k) {
  if (k == 0 || y.size() != unit.size() || y.size() % (k + 1) != 0)
    throw std::invalid_argument("Morris indices: expected r*(k+1) outputs matching the design");
  std::vector<std::vector<double>> ee(k);
  for (std::size_t t = 0; t < y.size(); t += k + 1)
    for (std::size_t step = 1; step <= k; ++step) {
      const auto& a = unit[t + step - 1];
      const auto& b = unit[t + step];
      for (std::size_t i = 0; i < k; ++i)
        if (a[i] != b[i]) ee[i].push_back((y[t + step] - y[t + step - 1]) / (b[i] - a[i]));
    }
  std::vector<MorrisIndex> out;
  for (const auto& e : ee) {
    const double n = static_cast<double>(e.size());
    double abs = 0, sum = 0;
    for (double v : e) {
      abs += std::fabs(v);
      sum += v;
    }
    const double mu = sum / n;
    double ss = 0;
    for (double v : e) ss += (v - mu) * (v - mu);
    out.push_back({abs / n, mu, e.size() > 1 ? std::sqrt(ss / (n - 1)) : 0.0});
  }
  return out;
}

}  // namespace hukou::sweep
