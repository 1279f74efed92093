#include "channel_set.hpp"

#include <algorithm>
#include <bit>

namespace hukou {

namespace {
// Index of `a` in `pool`, added if new.
std::size_t pooled_index(std::vector<Atom>& pool, const Atom& a) {
  const auto it = std::find_if(pool.begin(), pool.end(), [&](const Atom& b) { return b.same_test(a); });
  if (it != pool.end()) return static_cast<std::size_t>(it - pool.begin());
  pool.push_back(a);
  return pool.size() - 1;
}
}  // namespace

ChannelSet::ChannelSet(const std::vector<CompiledCondition>& channels, std::uint32_t members)
    : channels_(channels), members_(members) {
  bool all_tabulated = true;
  for (std::uint32_t rest = members; rest; rest &= rest - 1) {
    const CompiledCondition& c = channels_[static_cast<std::size_t>(std::countr_zero(rest))];
    all_tabulated = all_tabulated && c.tabulated();
    reads_person_ = reads_person_ || c.reads_person();
    for (const Atom& a : c.atoms()) pooled_index(a.person() ? person_ : household_, a);
  }
  const std::size_t pooled = household_.size() + person_.size();
  if (!all_tabulated || pooled > kMaxPooled) {
    household_.clear();
    person_.clear();
    return;
  }
  // Where each member channel's atom j sits among the pooled outcomes.
  std::vector<std::vector<std::size_t>> at(channels_.size());
  for (std::uint32_t rest = members; rest; rest &= rest - 1) {
    const auto k = static_cast<std::size_t>(std::countr_zero(rest));
    for (const Atom& a : channels_[k].atoms())
      at[k].push_back(a.person() ? household_.size() + pooled_index(person_, a) : pooled_index(household_, a));
  }
  for (std::size_t j = 0; j < household_.size(); ++j) household_tests_.add(household_[j], j);
  for (std::size_t j = 0; j < person_.size(); ++j) person_tests_.add(person_[j], household_.size() + j);
  table_.assign(std::size_t{1} << pooled, 0);
  for (std::size_t b = 0; b < table_.size(); ++b) {
    for (std::uint32_t rest = members; rest; rest &= rest - 1) {
      const auto k = static_cast<std::size_t>(std::countr_zero(rest));
      std::uint32_t own = 0;
      for (std::size_t j = 0; j < at[k].size(); ++j) own |= static_cast<std::uint32_t>((b >> at[k][j]) & 1u) << j;
      if (channels_[k].always_true() || channels_[k].on_atoms(own)) table_[b] |= 1u << k;
    }
  }
}

std::uint32_t ChannelSet::one_by_one(const Facts& f) const noexcept {
  std::uint32_t admitted = 0;
  for (std::uint32_t rest = members_; rest; rest &= rest - 1) {
    const auto k = static_cast<std::size_t>(std::countr_zero(rest));
    if (channels_[k](f)) admitted |= 1u << k;
  }
  return admitted;
}

}  // namespace hukou
