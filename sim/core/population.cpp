#include "population.hpp"

namespace hukou {

void Persons::resize(std::size_t n) {
  id.resize(n); hh.resize(n); birth_year.resize(n); flags.resize(n); edu.resize(n);
  emp.resize(n); si_years.resize(n); town_years.resize(n); permit_years.resize(n); wage.resize(n);
}

void Households::resize(std::size_t n) {
  id.resize(n); first.resize(n); members.resize(n); zone.resize(n); origin.resize(n); loc.resize(n);
  tenure.resize(n); tenure_years.resize(n); flags.resize(n); channel.resize(n);
  rental_wait.resize(n); land_mu.resize(n);
}

namespace {
template <class... V>
std::size_t held(const V&... v) {
  return (... + (v.capacity() * sizeof(typename V::value_type)));
}
}  // namespace

std::size_t Population::bytes() const {
  return held(p.id, p.hh, p.birth_year, p.flags, p.edu, p.emp, p.si_years, p.town_years, p.permit_years, p.wage) +
         held(h.id, h.first, h.members, h.zone, h.origin, h.loc, h.tenure, h.tenure_years, h.flags, h.channel,
              h.rental_wait, h.land_mu);
}

}  // namespace hukou
