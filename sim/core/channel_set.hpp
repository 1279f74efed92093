// All channels of one kind tested at once. Eligibility asks, for every household in
// town and every adult member, which of up to 32 channels admit it; testing each
// channel's condition in turn repeats the atoms they share (employed,
// stable_residence, ...). Here the channels' distinct atoms are pooled, household
// atoms first, and one table maps the pooled outcomes to the mask of admitting
// channels: the household atoms are tested once per household, the person atoms
// once per adult, then one load. Pools too large for a table (more than
// kMaxPooled atoms) fall back to testing each channel.
#pragma once
#include <cstdint>
#include <vector>

#include "compiled_condition.hpp"

namespace hukou {

class ChannelSet {
 public:
  ChannelSet() = default;
  // `channels[k]` for the k with bit k of `members` set (k < 32).
  ChannelSet(const std::vector<CompiledCondition>& channels, std::uint32_t members);

  // The household part of the pooled outcomes; pass it to admitted() for each adult.
  std::uint32_t household_bits(const Facts& f) const noexcept { return household_tests_(f); }
  // Bit k set if member channel k admits these facts (person part from `f`).
  std::uint32_t admitted(std::uint32_t household_bits, const Facts& f) const noexcept {
    if (table_.empty()) return one_by_one(f);
    return table_[household_bits | person_tests_(f)];
  }
  // True if some member channel's value can depend on the person.
  bool reads_person() const noexcept { return reads_person_; }
  bool pooled() const noexcept { return !table_.empty(); }

  static constexpr std::size_t kMaxPooled = 12;  // a table of 4096 masks: 16 KiB, within L1

 private:
  std::uint32_t one_by_one(const Facts& f) const noexcept;

  std::vector<CompiledCondition> channels_;  // indexed by channel; non-members unused
  std::uint32_t members_ = 0;
  std::vector<Atom> household_, person_;
  AtomTests household_tests_, person_tests_;  // each atom's outcome to its bit among the pooled ones
  std::vector<std::uint32_t> table_;  // [pooled outcomes] -> admitting members
  bool reads_person_ = false;
};

}  // namespace hukou
