#include "batches.hpp"

#include <algorithm>
#include <vector>

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>

#include "keys.hpp"

namespace hukou::calibrate {

std::uint64_t replicate_seed(const Settings& s, std::uint32_t t, std::uint64_t k, std::size_t r) {
  // Common seeds use an entity no proposal index reaches.
  const std::uint64_t entity = s.seeds == Seeds::common ? ~std::uint64_t{0} : k;
  return rng::bits(rng::key(s.seed, t, entity, stream::model_seed), static_cast<std::uint32_t>(r));
}

Eigen::VectorXd simulate(const Problem& p, const Settings& s, const Eigen::VectorXd& theta, std::uint32_t t,
                         std::uint64_t k) {
  Eigen::VectorXd sum = p.model(theta, replicate_seed(s, t, k, 0));
  for (std::size_t r = 1; r < s.replicates; ++r) {
    const Eigen::VectorXd x = p.model(theta, replicate_seed(s, t, k, r));
    if (x.size() != sum.size()) return x;  // the distance reports the wrong size
    sum += x;
  }
  return sum / static_cast<double>(s.replicates);
}

SweepResult sweep(const Problem& p, const Settings& s, std::uint32_t t, std::uint64_t cap,
                  const std::function<Eigen::VectorXd(std::uint64_t)>& propose,
                  const std::function<bool(std::uint64_t, const Evaluated&)>& take,
                  const std::function<void(std::uint64_t, std::uint64_t)>& on_batch) {
  SweepResult out;
  std::vector<Evaluated> batch;
  for (std::uint64_t first = 0; first < cap && !out.complete; first += s.batch) {
    const std::uint64_t n = std::min<std::uint64_t>(s.batch, cap - first);
    batch.assign(n, Evaluated{});
    tbb::parallel_for(tbb::blocked_range<std::uint64_t>(0, n, 1), [&](const tbb::blocked_range<std::uint64_t>& r) {
      for (std::uint64_t i = r.begin(); i != r.end(); ++i) {
        Evaluated& e = batch[i];
        e.theta = propose(first + i);
        e.values = simulate(p, s, e.theta, t, first + i);
        e.valid = e.values.allFinite();
      }
    });
    out.simulations += n * s.replicates;
    // In proposal order: which proposals count never depends on timing.
    for (std::uint64_t i = 0; i < n && !out.complete; ++i) {
      out.examined = first + i + 1;
      if (!batch[i].valid) ++out.invalid;
      out.complete = take(first + i, batch[i]);
    }
    if (on_batch) on_batch(out.examined, out.simulations);
  }
  return out;
}

}  // namespace hukou::calibrate
