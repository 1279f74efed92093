// The settle / stay / return choice of one household (step 7): a multinomial
// logit over utilities relative to staying without settling. Exposed for tests
// of the closed-form limit case and of each term's sign.
#pragma once
#include <cstdint>

#include "world.hpp"

namespace hukou {

struct Utilities {
  double settle = 0.0;  // only meaningful when a channel is open
  double stay = 0.0;    // reference alternative
  double ret = 0.0;
};

class HomePrices;

// `prices`: this period's (housing_market.hpp), computed once by the caller.
Utilities utilities(const World& w, std::uint32_t h, const HomePrices& prices);

// Choice probabilities; settling has probability 0 when no channel is open.
struct Choice {
  double settle = 0.0, stay = 1.0, ret = 0.0;
};
Choice choice_probabilities(const Utilities& u, bool settle_open);

}  // namespace hukou
