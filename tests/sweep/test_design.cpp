// Design generators: sizes, stratification, the Sobol sequence's first points.
#include <catch2/catch.hpp>

#include <set>

#include "sweep/design.hpp"

using namespace hukou::sweep;

TEST_CASE("sweep grid has the product of the levels") {
  const Matrix g = grid_unit({3, 2, 4});
  REQUIRE(g.size() == 24);
  CHECK(g[0] == std::vector<double>{0.0, 0.0, 0.0});
  CHECK(g[1] == std::vector<double>{0.0, 0.0, 1.0 / 3.0});
  CHECK(g[23] == std::vector<double>{1.0, 1.0, 1.0});
  CHECK(grid_unit({1})[0][0] == 0.5);
}

TEST_CASE("sweep LHS puts one sample in each stratum of every dimension") {
  const std::size_t n = 17, dims = 5;
  const Matrix m = lhs_unit(n, dims, 42);
  REQUIRE(m.size() == n);
  for (std::size_t d = 0; d < dims; ++d) {
    std::set<std::size_t> strata;
    for (const auto& p : m) {
      REQUIRE(p[d] >= 0.0);
      REQUIRE(p[d] < 1.0);
      strata.insert(static_cast<std::size_t>(p[d] * static_cast<double>(n)));
    }
    CHECK(strata.size() == n);
  }
  CHECK(lhs_unit(n, dims, 42) == m);
  CHECK(lhs_unit(n, dims, 43) != m);
}

TEST_CASE("sweep Sobol sequence starts 0.5 0.5 then 0.75 0.25 then 0.25 0.75") {
  const Matrix s = sobol_points(4, 2);
  CHECK(s[0] == std::vector<double>{0.5, 0.5});
  CHECK(s[1] == std::vector<double>{0.75, 0.25});
  CHECK(s[2] == std::vector<double>{0.25, 0.75});
  CHECK(s[3] == std::vector<double>{0.375, 0.375});
}

TEST_CASE("sweep Sobol points are balanced in every dimension") {
  // The first 2^m - 1 points plus the origin hit each of the 2^m dyadic bins once.
  const std::size_t m = 6, n = (std::size_t{1} << m) - 1;
  const Matrix s = sobol_points(n, kSobolMaxDims);
  for (std::size_t d = 0; d < kSobolMaxDims; ++d) {
    std::set<std::size_t> bins{0};
    for (const auto& p : s) bins.insert(static_cast<std::size_t>(p[d] * static_cast<double>(n + 1)));
    CHECK(bins.size() == n + 1);
  }
  CHECK_THROWS(sobol_points(1, kSobolMaxDims + 1));
}

TEST_CASE("sweep Saltelli sampling gives N times k plus 2 rows") {
  const std::size_t n = 8, k = 3;
  const Matrix m = saltelli_unit(n, k);
  REQUIRE(m.size() == n * (k + 2));
  for (std::size_t j = 0; j < n; ++j) {
    const auto& a = m[j * (k + 2)];
    const auto& b = m[j * (k + 2) + k + 1];
    for (std::size_t i = 0; i < k; ++i) {
      auto ab = a;
      ab[i] = b[i];
      CHECK(m[j * (k + 2) + 1 + i] == ab);
    }
  }
}

TEST_CASE("sweep Morris trajectories move one factor by delta per step") {
  const std::size_t r = 5, k = 4;
  const int levels = 4;
  const Matrix m = morris_unit(r, k, levels, 3);
  REQUIRE(m.size() == r * (k + 1));
  const double delta = morris_delta(levels);
  for (std::size_t t = 0; t < r; ++t) {
    std::set<std::size_t> moved;
    for (std::size_t s = 1; s <= k; ++s) {
      std::size_t changed = 0;
      for (std::size_t i = 0; i < k; ++i) {
        const double d = m[t * (k + 1) + s][i] - m[t * (k + 1) + s - 1][i];
        if (d != 0.0) {
          ++changed;
          moved.insert(i);
          CHECK(std::abs(std::abs(d) - delta) < 1e-12);
        }
        CHECK(m[t * (k + 1) + s][i] >= 0.0);
        CHECK(m[t * (k + 1) + s][i] <= 1.0 + 1e-12);
      }
      CHECK(changed == 1);
    }
    CHECK(moved.size() == k);
  }
}
