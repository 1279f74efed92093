#include "housing_market.hpp"

#include <cmath>

namespace hukou {

HomePrices::HomePrices(const World& w) : price_(w.zones()) {
  const Params& prm = w.sc.params;
  const double growth = std::pow(1.0 + prm.housing_price_growth, w.t);
  for (std::size_t z = 0; z < price_.size(); ++z)
    price_[z] = w.sc.zones[z].f.house_price * growth * prm.housing_home_size_m2;
}

double purchase_subsidy(const World& w, std::uint32_t h, bool as_settled) {
  const double amount = w.sc.zones[w.pop.h.zone[h]].f.purchase_subsidy;
  if (amount <= 0.0) return 0.0;
  if (w.sc.params.policy_purchase_subsidy_requires_hukou && !as_settled) return 0.0;
  return amount;
}

double settling_subsidy(const World& w, std::uint32_t h) {
  // The difference without two calls: amount - 0 where only hukou holders are paid,
  // amount - amount (exactly 0 for a finite amount) where everyone is, 0 without one.
  const double amount = w.sc.zones[w.pop.h.zone[h]].f.purchase_subsidy;
  return amount > 0.0 && w.sc.params.policy_purchase_subsidy_requires_hukou ? amount : 0.0;
}

double affordability(const World& w, std::uint32_t h, double subsidy, const HomePrices& prices) {
  const auto& P = w.pop.p;
  double monthly = 0.0;
  for (std::uint32_t i = w.pop.h.first[h]; i < w.pop.h.first[h] + w.pop.h.members[h]; ++i)
    if (P.flags[i] & pflag::in_town) monthly += P.wage[i];
  return affordability(w.sc.params, monthly, subsidy, prices[w.pop.h.zone[h]]);
}

}  // namespace hukou
