#include "decision.hpp"

#include <bit>
#include <utility>

#include "../attrs.hpp"

namespace hukou {

namespace {
UtilityTerms::Flag flag(double b) { return {b * 0.0, b * 1.0}; }

// The utility of returning (R), one expression for both of utilities()'s paths.
double return_utility(const World& w, std::uint32_t h, const UtilityTerms& k, int head_age, bool left_behind) {
  const Params& prm = w.sc.params;
  return prm.decision_asc_return + k.jobless(w.pop.p.emp[w.pop.h.first[h]] == Emp::none) +
         prm.decision_b_return_age * std::max(0, head_age - 50) + k.left_behind(left_behind);
}
}  // namespace

UtilityTerms::UtilityTerms(const World& w)
    : prices(w), school_per_kid(w.zones()), income_floor(w.zones()), log_wage(w.zones()) {
  const Params& prm = w.sc.params;
  // School: hukou guarantees a public place and the local exams; a permit gives a
  // place only as capacity allows, and the exams only where policy opens them.
  for (std::size_t z = 0; z < school_per_kid.size(); ++z) {
    school_per_kid[z] =
        (1.0 - w.zs[z].school_access) + prm.decision_exam_weight * (prm.policy_permit_exam_access ? 0.0 : 1.0);
    // Income relative to the zone's wage, so the term means the same in every city;
    // the floor keeps a household without earnings at a finite, low value
    // (assumption: a quarter of a wage, what transfers and odd jobs bring).
    const double wage = std::max(1.0, w.sc.zones[z].f.wage);
    income_floor[z] = 0.25 * wage;
    log_wage[z] = std::log(wage);
  }
  informal = flag(prm.decision_b_social_insurance);
  formal = flag(prm.decision_b_job_stability);
  owns_home = flag(prm.decision_b_owns_home);
  new_generation = flag(prm.decision_b_new_generation);
  nonlocal = flag(prm.decision_attachment_nonlocal);
  stay_owns = flag(prm.decision_stay_owns_home);
  stay_formal = flag(prm.decision_stay_formal_job);
  stay_whole = flag(prm.decision_stay_whole_family);
  stay_nonlocal = flag(prm.decision_stay_nonlocal);
  stay_permit = flag(prm.decision_stay_permit);
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
  const std::uint8_t zone = H.zone[h];
  const bool owns = owns_home(H.tenure[h]);
  // A purchase subsidy that only settling brings; its value needs the income of
  // the members in town, summed in the same loop as the rest.
  const double extra_subsidy = settle_open && !owns ? settling_subsidy(w, h) : 0.0;
  int kids = 0;
  bool left_behind = false, permit = false;
  double monthly = 0.0;
  for (std::uint32_t i = head; i < head + n; ++i) {
    const int age = age_of(w, i);
    kids += age >= 6 && age <= 14;
    const bool in_town = P.flags[i] & pflag::in_town;
    left_behind = left_behind || !in_town;
    permit = permit || (in_town && P.permit_years[i] > 0);
    if (in_town) monthly += P.wage[i];
  }
  const Emp job = P.emp[head];
  const bool formal = job == Emp::formal;
  const bool local = H.origin[h] != kOutside;
  const int town_years = std::min<int>(15, P.town_years[head]);

  Utilities u;
  // W: what keeps the household in town, whether or not it settles.
  u.stay = k.stay_owns(owns) + k.stay_formal(formal) +
           prm.decision_stay_log_income * (std::log(std::max(monthly, k.income_floor[zone])) - k.log_wage[zone]) +
           prm.decision_stay_years_in_town * town_years + k.stay_whole(!left_behind) + k.stay_permit(permit) -
           k.stay_nonlocal(!local);
  u.ret = return_utility(w, h, k, head_age, left_behind);
  if (!settle_open) return u;

  const ZoneState& zs = w.zs[zone];
  const double school_gain = kids * k.school_per_kid[zone];
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
  if (extra_subsidy > 0.0)
    subsidy_gain = extra_subsidy / 1e4 * std::min(1.0, affordability(prm, monthly, extra_subsidy, k.prices[zone]));
  const double rights_value =
      (H.flags[h] & hflag::exited) ? 0.0
      : (H.flags[h] & hflag::land ? H.land_mu[h] * prm.population_rights_value_per_mu : 0.0) +
            (H.flags[h] & hflag::homestead ? prm.population_homestead_value : 0.0);
  // Levels above primary: junior 1, senior and secondary vocational 2, college 3.
  const Edu e = P.edu[head];
  const int edu_levels = e == Edu::college ? 3 : e == Edu::vocational ? 2 : static_cast<int>(e);

  // D: what converting adds for a household that lives in town, within the nest.
  const double delta =
      prm.decision_asc_settle + prm.decision_b_school * school_gain + prm.decision_b_public_rental * rental_gain +
      prm.decision_b_subsidy * subsidy_gain + k.informal(!formal) + k.formal(formal) + k.owns_home(owns) +
      prm.decision_b_education * edu_levels + prm.decision_b_years_in_town * town_years -
      k.rights_risk * rights_value + k.exit_compensation - k.fee +
      prm.decision_b_peer * w.peer_share[w.origin_group(H.origin[h])] +
      k.new_generation(P.birth_year[head] >= 1980) - prm.decision_b_age_settle * std::max(0, head_age - 40) -
      k.nonlocal(!local);
  // D's coefficients are on the within-nest scale, that of binary logits of hukou
  // intention among those who stay (#1, #3): P(settle | town) = logistic(D). The
  // utility itself is W + lambda D.
  u.settle = u.stay + prm.decision_nest_lambda * delta;
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
