// The rule both base-year factors share (urban_hukou_factor.hpp): a factor scales one
// stock of a zone and takes the difference from, or gives it to, the zone's rural-hukou
// town residents, stopping when none are left.
#pragma once

#include <catch2/catch.hpp>

#include "core/params.hpp"
#include "core/scenario.hpp"

namespace hukou::test {

// `after` is `before` converted at `factor` on the stock `moved` (a ZoneFields member).
inline void check_against_town(const Scenario& before, const Scenario& after, double factor,
                               double ZoneFields::*moved) {
  for (std::size_t z = 0; z < before.zones.size(); ++z) {
    const ZoneFields &b = before.zones[z].f, &a = after.zones[z].f;
    INFO("zone " << before.zones[z].name);
    CHECK(a.*moved + a.rural_hukou_town == Approx(b.*moved + b.rural_hukou_town));
    CHECK(a.rural_hukou_town >= 0.0);
    for (double ZoneFields::*other : {&ZoneFields::urban_hukou, &ZoneFields::rural_hukou_village,
                                      &ZoneFields::migrants_outside})
      if (other != moved) CHECK(a.*other == b.*other);
    // Uncapped: the stock is the factor times the scenario's.
    if (b.*moved * (factor - 1.0) <= b.rural_hukou_town)
      CHECK(a.*moved == Approx(b.*moved * factor));
    else  // capped: every rural-hukou town resident moved, no more
      CHECK(a.rural_hukou_town == 0.0);
  }
}

}  // namespace hukou::test
