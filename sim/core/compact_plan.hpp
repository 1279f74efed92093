// Records compact()'s copy plan for one block of households, household by
// household in order, while demography has each household's members in hand: which
// households and members are kept, where they go, and the newborns' slots with
// what they take from their mothers. Destinations are counted from the block's own
// start, which compact() learns once every block's totals are known, so blocks are
// planned independently and in any order, and the plan is the same for any thread
// count. Recording it here instead of in a pass of compact()'s own saves reading
// the sizes, members and dead bits again, and the newborns' pass no longer looks
// for their mothers in memory.
#pragma once
#include <cstdint>
#include <vector>

#include "parallel.hpp"
#include "population.hpp"

namespace hukou {

class BlockPlan {
 public:
  using Run = CompactScratch::Run;
  using Block = CompactScratch::Block;

  // Sizes the scratch for a population of `households` households, before any block
  // is planned.
  static void prepare(CompactScratch& s, std::size_t households);

  // Plans block b (households [b * kGrain, (b + 1) * kGrain)); its households are then
  // recorded in order, every one of them.
  BlockPlan(CompactScratch& s, std::size_t b)
      : s_(s), block_(s.blocks[b]), persons_(block_.persons), households_(block_.households) {
    block_.births.clear();
  }
  ~BlockPlan() {
    block_.persons_kept = persons_kept_;
    block_.households_kept = households_kept_;
  }
  BlockPlan(const BlockPlan&) = delete;
  BlockPlan& operator=(const BlockPlan&) = delete;

  // Household h, of n members from `first`, `alive` of them not flagged dead
  // (pflag::dead), with a newborn of member `mother` unless it is negative: records
  // its new size (0: dropped, when nobody is left) and, if it is kept, its new first
  // member and where its members and newborn go. Always inlined into demography's
  // loop, so that the open runs stay in registers (GCC called it otherwise).
  [[gnu::always_inline]] void household(const Persons& P, std::uint32_t h, std::uint32_t first, std::uint32_t n,
                                        std::uint32_t alive, std::int64_t mother) {
    const std::uint32_t size = alive + (mother >= 0 ? 1 : 0);
    s_.size[h] = static_cast<std::uint16_t>(size);
    if (!size) return;
    households_.add(h, households_kept_++, 1);
    s_.first[h] = persons_kept_;
    if (alive == n) {
      persons_.add(first, persons_kept_, n);
      persons_kept_ += n;
    } else {
      for (std::uint32_t i = first; i < first + n; ++i)
        if (!(P.flags[i] & pflag::dead)) persons_.add(i, persons_kept_++, 1);
    }
    if (mother < 0) return;
    // The newborn's slot, filled by compact(): it takes the mother's hukou and place.
    const auto m = static_cast<std::uint32_t>(mother);
    block_.births.push_back(
        {P.id[m], persons_kept_++, static_cast<std::uint16_t>(P.flags[m] & (pflag::in_town | pflag::settled))});
  }

 private:
  // Collects runs into a list. The open run is held apart from the list (in
  // registers, once inlined) and joins it when the next elements do not extend it:
  // n elements from `from` to `to` extend it if they follow it in both places. So a
  // dead member or a dropped household's (a gap in `from`) and a newborn's slot (a
  // gap in `to`) each end a run.
  class Runs {
   public:
    explicit Runs(std::vector<Run>& list) : list_(list) { list_.clear(); }
    ~Runs() {
      if (open_.n) list_.push_back(open_);
    }
    void add(std::uint32_t from, std::uint32_t to, std::uint32_t n) {
      if (open_.from + open_.n == from && open_.to + open_.n == to) {
        open_.n += n;
        return;
      }
      if (open_.n) list_.push_back(open_);
      open_ = Run{from, to, n};
    }

   private:
    std::vector<Run>& list_;
    Run open_{0, 0, 0};
  };

  CompactScratch& s_;
  Block& block_;
  Runs persons_, households_;
  std::uint32_t persons_kept_ = 0, households_kept_ = 0;
};

inline void BlockPlan::prepare(CompactScratch& s, std::size_t households) {
  resize_for_overwrite(s.size, households);
  resize_for_overwrite(s.first, households);
  s.blocks.resize((households + kGrain - 1) / kGrain);
}

}  // namespace hukou
