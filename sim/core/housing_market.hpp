// Affordability of a home and the subsidy a household would receive: shared by
// the buying process (step 4) and the value of settling (step 7).
#pragma once
#include <cstdint>
#include <vector>

#include "world.hpp"

namespace hukou {

// Price of a home in each zone this period (yuan): the zone's price per m2 grown
// at the observed rate, times the size of a home. The same for every household,
// so a process computes it once per call instead of a pow per household.
class HomePrices {
 public:
  explicit HomePrices(const World& w);
  double operator[](std::size_t zone) const { return price_[zone]; }

 private:
  std::vector<double> price_;
};

// Subsidy (yuan) the household would get for buying now; `as_settled` evaluates
// it as if it held an urban hukou.
double purchase_subsidy(const World& w, std::uint32_t h, bool as_settled);

// purchase_subsidy(w, h, true) - purchase_subsidy(w, h, false): what settling adds.
double settling_subsidy(const World& w, std::uint32_t h);

// Share of a home's price a household with this monthly income (of the members
// living in town) can pay, including a subsidy (0..inf).
inline double affordability(const Params& prm, double monthly, double subsidy, double price) {
  if (price <= 0.0) return 1.0;
  return (12.0 * monthly * prm.housing_buy_income_years + subsidy) / price;
}

// The same for household h, summing its members' wages.
double affordability(const World& w, std::uint32_t h, double subsidy, const HomePrices& prices);

inline bool owns_home(Tenure t) { return t == Tenure::purchase_contract || t == Tenure::titled_home; }

}  // namespace hukou
