#include "world.hpp"

namespace hukou {

int residence_zone(const Population& pop, std::uint32_t i) {
  const std::uint32_t h = pop.p.hh[i];
  switch (pop.h.loc[h]) {
    case Location::gone: return -1;
    case Location::village: return pop.h.zone[h];
    case Location::town:
      if (pop.p.flags[i] & pflag::in_town) return pop.h.zone[h];
      // Left behind: in the village of origin, or outside for non-local migrants.
      return pop.h.origin[h] == kOutside ? -1 : pop.h.origin[h];
  }
  return -1;
}

int registration_zone(const Population& pop, std::uint32_t i) {
  const std::uint32_t h = pop.p.hh[i];
  if (pop.h.loc[h] == Location::gone) return -1;
  if (pop.p.flags[i] & pflag::settled) return pop.h.zone[h];
  return pop.h.origin[h] == kOutside ? -1 : pop.h.origin[h];
}

}  // namespace hukou
