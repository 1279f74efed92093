#include "decision_dates.hpp"

#include <bit>
#include <utility>

#include "rng.hpp"

namespace hukou {

std::vector<OpenInterval> open_intervals(const Scenario& sc) {
  std::vector<OpenInterval> open;
  open.reserve(sc.channels.size());
  for (const Channel& ch : sc.channels) open.push_back({ch.from.as_year(), ch.until.as_year() + 1.0 / 365.0});
  return open;
}

int open_channel(const std::vector<OpenInterval>& open, std::uint32_t bits, double date) {
  for (std::size_t k = 0; bits && k < open.size(); ++k, bits >>= 1) {
    if (!(bits & 1u)) continue;
    if (date >= open[k].from && date < open[k].until) return static_cast<int>(k);
  }
  return -1;
}

DecisionDates::DecisionDates(std::vector<OpenInterval> open, int year) : open_(std::move(open)), year_(year) {
  // Dates lie in [year, year + 1]: year + u with u < 1 can round up to year + 1.
  const double first = year, last = year + 1.0;
  for (std::size_t k = 0; k < open_.size() && k < 32; ++k) {
    if (open_[k].from <= first && open_[k].until > last) always_ |= 1u << k;
    else if (open_[k].until <= first || open_[k].from > last) never_ |= 1u << k;
  }
}

int DecisionDates::channel(std::uint32_t bits, std::uint64_t date_bits) const {
  bits &= ~never_;
  if (!bits) return -1;
  const int k = std::countr_zero(bits);
  if ((always_ >> k) & 1u) return k;
  return open_channel(open_, bits, year_ + rng::uniform(date_bits));
}

}  // namespace hukou
