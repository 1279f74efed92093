#include "eligibility.hpp"

#include <algorithm>
#include <cmath>

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>

#include "../facts.hpp"

namespace hukou {

using namespace facts;

class Housing;  // its place in the Layout

std::uint32_t admitting_channels(const World& w, std::uint32_t h, ChannelKind kind) {
  const std::uint32_t candidates = w.rules.candidates[static_cast<std::size_t>(kind)][w.pop.h.zone[h]];
  if (!candidates) return 0;
  const ChannelSet& set = w.rules.sets[static_cast<std::size_t>(kind)];
  Facts f;
  household_facts(w, h, w.rules.reads, f);
  const std::uint32_t hb = set.household_bits(f);
  if (!set.reads_person()) return any_adult(w, h, [](std::uint32_t) { return true; }) ? set.admitted(hb, f) & candidates : 0;
  std::uint32_t admitted = 0;
  any_adult(w, h, [&](std::uint32_t i) {
    person_facts(w, i, w.rules.reads, f);
    admitted |= set.admitted(hb, f) & candidates;
    return admitted == candidates;
  });
  return admitted;
}

namespace {
// rental_and_channels when the settlement channels and the rental condition do not
// pool into one table: each tested on the shared facts.
RentalAndChannels rental_and_channels_apart(const World& w, std::uint32_t h) {
  const CompiledCondition& rental = w.rules.public_rental;
  const auto settle = static_cast<std::size_t>(ChannelKind::settle);
  const std::uint32_t candidates = w.rules.candidates[settle][w.pop.h.zone[h]];
  const ChannelSet& set = w.rules.sets[settle];
  RentalAndChannels r;
  bool rental_done = rental.always_true(), channels_done = !candidates;
  if (rental_done) r.rental = {true, true};
  if (rental_done && channels_done) return r;
  Facts f;
  household_facts(w, h, w.rules.reads, f);  // the household is not settled: f's settled bit is clear
  const std::uint32_t hb = channels_done ? 0 : set.household_bits(f);
  // Each test stops where its own function would; the loop, when both have.
  any_adult(w, h, [&](std::uint32_t i) {
    person_facts(w, i, w.rules.reads, f);
    if (!rental_done) {
      r.rental.unsettled = r.rental.unsettled || rental(f);
      set_settled(f, true);
      r.rental.settled = r.rental.settled || rental(f);
      set_settled(f, false);
      rental_done = r.rental.unsettled && r.rental.settled;
    }
    if (!channels_done) {
      r.channels |= set.admitted(hb, f) & candidates;
      channels_done = r.channels == candidates;
    }
    return rental_done && channels_done;
  });
  return r;
}
}  // namespace

RentalAndChannels rental_and_channels(const World& w, std::uint32_t h) {
  const Rules& rules = w.rules;
  const ChannelSet& both = rules.settle_and_rental;
  if (!both.pooled()) return rental_and_channels_apart(w, h);
  const std::uint32_t candidates = rules.candidates[static_cast<std::size_t>(ChannelKind::settle)][w.pop.h.zone[h]];
  const std::size_t rb = rules.rental_unsettled;
  const std::uint32_t wanted = candidates | 3u << rb;
  Facts f;
  household_facts(w, h, rules.reads, f);  // the household is not settled: f's settled bit is clear
  const std::uint32_t hb = both.household_bits(f);
  std::uint32_t got = 0;
  // One lookup per adult for the channels and the rental condition both ways;
  // stops, as each test alone would, once everything wanted has been admitted.
  any_adult(w, h, [&](std::uint32_t i) {
    if (both.reads_person()) person_facts(w, i, w.rules.reads, f);
    got |= both.admitted(hb, f) & wanted;
    return got == wanted;
  });
  RentalAndChannels r;
  r.channels = got & candidates;
  // A rental condition that is always true admits without an adult (admits()).
  const bool always = rules.public_rental.always_true();
  r.rental = {always || ((got >> rb) & 1u), always || ((got >> (rb + 1)) & 1u)};
  return r;
}

Eligibility::Eligibility(World& w, const PeriodEnv& env)
    : after_housing_(env.layout.same_sweep_before<Housing, Eligibility>()),
      tally_(w.zones() + 1, 0, 0),
      parts_(tally_) {
  // Every entry is written by the sweep; room to grow as the population's arrays
  // have (resize() reallocated by doubling, copying and zeroing all of it serially).
  resize_for_overwrite(w.eligible, w.pop.h.size());
}

void Eligibility::finish(World& w) {
  using namespace eligibility_slots;
  parts_.merge_into(tally_);
  // What eligibility reads does not change between housing and here except the
  // tenure of the households housed by the allocation, which came after the sweep.
  // The tally reads no tenure.
  if (after_housing_)
    tbb::parallel_for(tbb::blocked_range<std::size_t>(0, w.housed.size(), 1024),
                      [&](const tbb::blocked_range<std::size_t>& r) {
                        for (std::size_t k = r.begin(); k != r.end(); ++k)
                          w.eligible[w.housed[k]] = eligible_channels(w, w.housed[k]);
                      });
  const std::size_t nz = w.zones(), ng = nz + 1;
  w.peer_share.assign(ng, 0.0);
  for (std::size_t g = 0; g < ng; ++g) {
    const auto all = tally_(g, peers_all);
    w.peer_share[g] = all > 0 ? static_cast<double>(tally_(g, peers_settled)) / static_cast<double>(all) : 0.0;
  }
  for (std::size_t z = 0; z < nz; ++z) {
    ZoneState& zs = w.zs[z];
    zs.school_demand = tally_(z, school_permit);
    zs.school_hukou = tally_(z, school_hukou);
    // Capacity is a share of the base year's demand, then grows; this step runs
    // once per period (and once for the base year).
    if (w.t == 0)
      zs.school_places = w.sc.zones[z].f.school_places_share * static_cast<double>(zs.school_demand) * w.sc.scale;
    else
      zs.school_places *= 1.0 + w.sc.params.policy_school_places_growth;
    const double demand = static_cast<double>(zs.school_demand) * w.sc.scale;
    zs.school_access = demand > 0.0 ? std::min(1.0, zs.school_places / demand) : 1.0;
  }
}

}  // namespace hukou
