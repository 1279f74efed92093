// Affordability of a home and the subsidy a household would receive: shared by
// the buying process (step 4) and the value of settling (step 7).
#pragma once
#include <cstdint>

#include "world.hpp"

namespace hukou {

// Subsidy (yuan) the household would get for buying now; `as_settled` evaluates
// it as if it held an urban hukou.
double purchase_subsidy(const World& w, std::uint32_t h, bool as_settled);

// Share of a home's price the household can pay, including a subsidy (0..inf).
double affordability(const World& w, std::uint32_t h, double subsidy);

inline bool owns_home(Tenure t) { return t == Tenure::purchase_contract || t == Tenure::titled_home; }

}  // namespace hukou
