#include "decision.hpp"

#include <bit>
#include <utility>

#include "../attrs.hpp"

namespace hukou {

namespace {
UtilityTerms::Flag flag(double b) { return {b * 0.0, b * 1.0}; }

// The utility of returning, one expression for both of utilities()'s paths.
double return_utility(const World& w, std::uint32_t h, const UtilityTerms& k, int head_age, bool left_behind) {
  const Params& prm = w.sc.params;
  return prm.decision_asc_return + k.jobless(w.pop.p.emp[w.pop.h.first[h]] == Emp::none) +
         prm.decision_b_return_age * std::max(0, head_age - 50) + k.left_behind(left_behind);
}
}  // namespace

UtilityTerms::UtilityTerms(const World& w) : prices(w), school_per_kid(w.zones()) {
  const Params& prm = w.sc.params;
  // School: hukou guarantees a public place and the local exams; a permit gives a
  // place only as capacity allows, and the exams only where policy opens them.
  for (std::size_t z = 0; z < school_per_kid.size(); ++z)
    school_per_kid[z] =
        (1.0 - w.zs[z].school_access) + prm.decision_exam_weight * (prm.policy_permit_exam_access ? 0.0 : 1.0);
  informal = flag(prm.decision_b_social_insurance);
  formal = flag(prm.decision_b_job_stability);
  owns_home = flag(prm.decision_b_owns_home);
  new_generation = flag(prm.decision_b_new_generation);
  nonlocal = flag(prm.decision_attachment_nonlocal);
  jobless = flag(prm.decision_b_return_jobless);
  left_behind = flag(prm.decision_b_return_left_behind);
  // Rural rights: retained by law, but a perceived risk remains; certain loss when
  // a (counterfactual) policy requires surrender, partly offset by compensation.
  const double risk = prm.policy_land_surrender_required ? 1.0 : prm.decision_rights_perceived_risk;
  rights_risk = prm.decision_b_rights * risk;
  exit_compensation = prm.decision_b_exit_compensation * risk * prm.policy_rights_exit_compensation / 1e4;
  fee = prm.decision_b_fee * prm.policy_settle_fee / 1e3;
}

Utilities utilities(const World& w, std::uint32_t h, const UtilityTerms& k, bool settle_open) {
  const Params& prm = w.sc.params;
  const auto& P = w.pop.p;
  const auto& H = w.pop.h;
  const std::uint32_t head = H.first[h], n = H.members[h];
  const int head_age = age_of(w, head);
  Utilities u;
  if (!settle_open) {  // staying or returning: only the return terms
    bool left_behind = false;
    for (std::uint32_t i = head; i < head + n; ++i) left_behind = left_behind || !(P.flags[i] & pflag::in_town);
    u.ret = return_utility(w, h, k, head_age, left_behind);
    return u;
  }
  const ZoneState& zs = w.zs[H.zone[h]];
  const bool owns = owns_home(H.tenure[h]);
  // A purchase subsidy that only settling brings; when there is one, its value
  // needs the income of the members in town, summed in the same loop as the rest.
  const double extra_subsidy = owns ? 0.0 : settling_subsidy(w, h);
  const bool values_subsidy = extra_subsidy > 0.0;
  int kids = 0;
  bool left_behind = false;
  double monthly = 0.0;
  for (std::uint32_t i = head; i < head + n; ++i) {
    const int age = age_of(w, i);
    kids += age >= 6 && age <= 14;
    const bool in_town = P.flags[i] & pflag::in_town;
    left_behind = left_behind || !in_town;
    if (values_subsidy && in_town) monthly += P.wage[i];
  }
  const bool formal = P.emp[head] == Emp::formal;
  const bool local = H.origin[h] != kOutside;

  const double school_gain = kids * k.school_per_kid[H.zone[h]];
  // Housing: public rental eligibility gained by settling, times the chance of a
  // unit; a purchase subsidy paid only to hukou holders, weighted by affordability.
  double rental_gain = 0.0;
  if (!owns && H.tenure[h] != Tenure::public_rental && (w.rules.public_rental.reads() & attr_bit(Attr::settled)) &&
      zs.rental_chance > 0.0) {
    // Taken by housing (step 4) where nothing it reads has changed since.
    const bool gained = w.rental_gain_set ? (w.rental[h] & rental::gained_by_settling) != 0 : [&] {
      const AdmitsBoth a = admits_unsettled_and_settled(w, w.rules.public_rental, h);
      return a.settled && !a.unsettled;
    }();
    if (gained) rental_gain = zs.rental_chance;
  }
  double subsidy_gain = 0.0;
  if (values_subsidy)
    subsidy_gain = extra_subsidy / 1e4 *
                   std::min(1.0, affordability(prm, monthly, extra_subsidy, k.prices[H.zone[h]]));
  const double rights_value =
      (H.flags[h] & hflag::exited) ? 0.0
      : (H.flags[h] & hflag::land ? H.land_mu[h] * prm.population_rights_value_per_mu : 0.0) +
            (H.flags[h] & hflag::homestead ? prm.population_homestead_value : 0.0);

  u.settle = prm.decision_asc_settle + prm.decision_b_school * school_gain +
             prm.decision_b_public_rental * rental_gain + prm.decision_b_subsidy * subsidy_gain +
             k.informal(!formal) + k.formal(formal) + k.owns_home(owns) +
             prm.decision_b_years_in_town * std::min<int>(15, P.town_years[head]) - k.rights_risk * rights_value +
             k.exit_compensation - k.fee + prm.decision_b_peer * w.peer_share[w.origin_group(H.origin[h])] +
             k.new_generation(P.birth_year[head] >= 1980) - prm.decision_b_age_settle * std::max(0, head_age - 40) -
             k.nonlocal(!local);
  u.ret = return_utility(w, h, k, head_age, left_behind);
  return u;
}


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

Decision::Decision(World& w, const PeriodEnv&)
    : prm_(w.sc.params),
      exits_offered_(prm_.policy_rights_exit_compensation > 0.0 && prm_.policy_rights_exit_rate > 0.0),
      exit_rate_(rng::threshold(prm_.policy_rights_exit_rate)),
      dates_(w.sc, w.year()),
      terms_(w),
      date_key_(w.seed, static_cast<std::uint32_t>(w.t), rng::Stream::decision_date),
      choice_key_(w.seed, static_cast<std::uint32_t>(w.t), rng::Stream::choice) {}

}  // namespace hukou
