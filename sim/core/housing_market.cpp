#include "housing_market.hpp"

#include <cmath>

namespace hukou {

double purchase_subsidy(const World& w, std::uint32_t h, bool as_settled) {
  const double amount = w.sc.zones[w.pop.h.zone[h]].f.purchase_subsidy;
  if (amount <= 0.0) return 0.0;
  if (w.sc.params.policy_purchase_subsidy_requires_hukou && !as_settled) return 0.0;
  return amount;
}

double affordability(const World& w, std::uint32_t h, double subsidy) {
  const Params& prm = w.sc.params;
  const auto& P = w.pop.p;
  double monthly = 0.0;
  for (std::uint32_t i = w.pop.h.first[h]; i < w.pop.h.first[h] + w.pop.h.members[h]; ++i)
    if (P.flags[i] & pflag::in_town) monthly += P.wage[i];
  const double price = w.sc.zones[w.pop.h.zone[h]].f.house_price * std::pow(1.0 + prm.housing_price_growth, w.t) *
                       prm.housing_home_size_m2;
  if (price <= 0.0) return 1.0;
  return (12.0 * monthly * prm.housing_buy_income_years + subsidy) / price;
}

}  // namespace hukou
