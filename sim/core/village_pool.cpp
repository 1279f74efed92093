#include "village_pool.hpp"

#include <algorithm>
#include <cmath>

#include "rng.hpp"

namespace hukou {

namespace {
// Household types and their shares in the pool before fitting. assumption: the
// shares only seed the fit, which reweights them to the census ages; every type
// needs enough shapes to reach each age group.
enum Type { young_single, couple, couple_children, three_generation, elderly_couple, elderly_single,
            grandparents, kTypes };
constexpr double kTypeShare[kTypes] = {0.08, 0.10, 0.28, 0.18, 0.14, 0.10, 0.12};

class ShapeBuilder {
 public:
  explicit ShapeBuilder(rng::Draws& d) : d_(d) {}
  int uniform(int lo, int hi) { return lo + static_cast<int>(d_.uniform() * (hi - lo + 1)); }
  bool chance(double p) { return d_.uniform() < p; }
  void add(int age, bool female) {
    if (s_.members == HouseholdShape::kMaxMembers || age < 0) return;
    s_.age[s_.members] = static_cast<std::uint8_t>(std::min(age, kMaxAge - 1));
    if (female) s_.female = static_cast<std::uint8_t>(s_.female | (1u << s_.members));
    ++s_.members;
  }
  // A head and, for a couple, a spouse of the other sex a few years apart.
  void head(int age, bool couple) {
    const bool female = !couple && chance(0.5);
    add(age, female);
    if (couple) add(std::max(16, age + uniform(-5, 2)), true);
  }
  void children(int parent_age, int n, int min_gap, int max_gap) {
    for (int k = 0; k < n; ++k) add(parent_age - uniform(min_gap, max_gap), chance(0.48));
  }
  HouseholdShape take() { return s_; }

 private:
  rng::Draws& d_;
  HouseholdShape s_;
};

HouseholdShape draw_shape(rng::Draws& d) {
  ShapeBuilder b(d);
  double u = d.uniform();
  int type = 0;
  while (type < kTypes - 1 && u >= kTypeShare[type]) u -= kTypeShare[type++];
  switch (type) {
    case young_single: b.head(b.uniform(16, 59), false); break;
    case couple: b.head(b.uniform(20, 59), true); break;
    case couple_children: {
      const int head = b.uniform(22, 59);
      b.head(head, true);
      b.children(head, b.uniform(1, 3), 20, 36);
      break;
    }
    case three_generation: {
      const int head = b.uniform(24, 55);
      b.head(head, true);
      b.children(head, b.uniform(0, 2), 20, 34);
      const int parents = b.uniform(1, 2);
      const int father = head + b.uniform(22, 35);
      if (parents == 2) b.add(father, false);
      b.add(father + b.uniform(-5, 2), parents == 2 || b.chance(0.6));
      break;
    }
    case elderly_couple: b.head(b.uniform(60, 95), true); break;
    case elderly_single: b.head(b.uniform(60, 100), false); break;
    default: {  // grandparents with grandchildren whose parents work away (留守儿童)
      const int head = b.uniform(48, 85);
      b.head(head, b.chance(0.7));
      b.children(head, b.uniform(1, 2), 42, 60);
      break;
    }
  }
  return b.take();
}
}  // namespace

std::vector<HouseholdShape> village_pool(std::uint64_t seed, std::size_t size) {
  std::vector<HouseholdShape> pool;
  pool.reserve(size);
  for (std::size_t k = 0; k < size; ++k) {
    rng::Draws d(seed, 0, k, rng::Stream::village_pool);
    pool.push_back(draw_shape(d));
  }
  return pool;
}

std::vector<double> fit_pool(const std::vector<HouseholdShape>& pool, const GroupTable& target) {
  constexpr std::size_t kCells = 2 * kAgeGroups;
  // Members of each shape per cell (sex x group), and the shapes with any in a cell.
  std::vector<std::array<std::uint8_t, kCells>> count(pool.size());
  std::array<std::vector<std::uint32_t>, kCells> with;
  for (std::size_t k = 0; k < pool.size(); ++k) {
    for (std::size_t m = 0; m < pool[k].members; ++m) {
      const std::size_t sex = (pool[k].female >> m) & 1u;
      ++count[k][sex * kAgeGroups + age_group(pool[k].age[m])];
    }
    for (std::size_t j = 0; j < kCells; ++j)
      if (count[k][j]) with[j].push_back(static_cast<std::uint32_t>(k));
  }
  double total = 0.0;
  for (const auto& row : target)
    for (double v : row) total += v;
  std::vector<double> w(pool.size(), 1.0);
  // Ye et al.'s IPU: each constraint in turn scales the weights of the shapes that
  // have members in its cell; a cell the pool cannot fill is skipped. A fixed number
  // of rounds keeps the result the same on every machine.
  for (int round = 0; round < 200; ++round) {
    for (std::size_t j = 0; j < kCells; ++j) {
      const double want = std::max(target[j / kAgeGroups][j % kAgeGroups], 1e-6 * total);
      double have = 0.0;
      for (const std::uint32_t k : with[j]) have += w[k] * count[k][j];
      if (have <= 0.0) continue;
      const double f = want / have;
      for (const std::uint32_t k : with[j]) w[k] *= f;
    }
  }
  double acc = 0.0;
  for (double& x : w) x = (acc += x);
  for (double& x : w) x = acc > 0.0 ? x / acc : 1.0;
  return w;
}

}  // namespace hukou
