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

}  // namespace hukou
