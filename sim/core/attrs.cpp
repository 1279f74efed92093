#include "attrs.hpp"

#include "facts.hpp"

namespace hukou {

using namespace facts;

bool admits(const World& w, const CompiledCondition& cond, std::uint32_t h, int settled_override) {
  if (cond.always_true()) return true;
  Facts f;
  household_facts(w, h, cond.reads(), f);
  if (settled_override >= 0) set_settled(f, settled_override != 0);
  // A condition on household facts alone needs only one adult to exist.
  if (!cond.reads_person()) return cond(f) && any_adult(w, h, [](std::uint32_t) { return true; });
  return any_adult(w, h, [&](std::uint32_t i) {
    person_facts(w, i, cond.reads(), f);
    return cond(f);
  });
}

AdmitsBoth admits_unsettled_and_settled(const World& w, const CompiledCondition& cond, std::uint32_t h) {
  if (cond.always_true()) return {true, true};
  Facts f;
  household_facts(w, h, cond.reads(), f);
  AdmitsBoth r;
  any_adult(w, h, [&](std::uint32_t i) {
    person_facts(w, i, cond.reads(), f);
    set_settled(f, false);
    r.unsettled = r.unsettled || cond(f);
    set_settled(f, true);
    r.settled = r.settled || cond(f);
    return r.unsettled && r.settled;
  });
  return r;
}

}  // namespace hukou
