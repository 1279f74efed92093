// 5. Residence permits (居住证). Adults living in town without hukou, in town for
// at least the minimum years, take a permit up at a fixed yearly rate; holders
// accrue permit years.
//
// One person at a time (PermitStep, defined inline in steps.hpp): the town pass
// runs it with moves and jobs, unless housing reads what it writes (see
// permits_join_town_pass); then it runs as its own pass after housing (permits()).
#include "../attributes.hpp"
#include "../compiled_condition.hpp"
#include "../parallel.hpp"
#include "../steps.hpp"

namespace hukou {

PermitStep::PermitStep(const World& w)
    : min_years_(w.sc.params.permits_min_years),
      takeup_(rng::threshold(w.sc.params.permits_takeup_rate)),
      key_(w.seed, static_cast<std::uint32_t>(w.t), rng::Stream::permit) {}


// Housing (step 4) runs between jobs and permits and reads nothing that permits
// write unless the public-rental condition reads a permit; permits read nothing
// that housing writes (tenure, waiting years). So permits may run before housing,
// in the town pass, with the same result, exactly when this holds.
bool permits_join_town_pass(const World& w) {
  return !(w.rules.public_rental.reads() & (attr_bit(Attr::permit) | attr_bit(Attr::permit_years)));
}

void permits(World& w) {
  const auto& P = w.pop.p;
  const auto& H = w.pop.h;
  const PermitStep step(w);
  for_households(w, [&](std::uint32_t h, Counters&) {
    if (H.loc[h] != Location::town || is_settled(w.pop, h)) return;
    for (std::uint32_t i = H.first[h]; i < H.first[h] + H.members[h]; ++i)
      if ((P.flags[i] & pflag::in_town) && age_of(w, i) >= 16) step(w, i);
  });
}

}  // namespace hukou
