#include "balance.hpp"

#include <sstream>

namespace hukou {

BalanceSnapshot snapshot(const Counters& c) {
  BalanceSnapshot s;
  s.residents.resize(c.zones);
  s.registered.resize(c.zones);
  for (std::size_t z = 0; z < c.zones; ++z) {
    s.residents[z] = c(z, Flow::residents);
    s.registered[z] = c(z, Flow::registered);
    s.agents += c(z, Flow::agents);
  }
  return s;
}

void check_balance(const BalanceSnapshot& before, const BalanceSnapshot& after, const Counters& f, int year) {
  std::ostringstream err;
  for (std::size_t z = 0; z < f.zones; ++z) {
    const std::int64_t res_flow = f(z, Flow::births) - f(z, Flow::deaths) + f(z, Flow::moves_in) - f(z, Flow::moves_out);
    const std::int64_t reg_flow =
        f(z, Flow::reg_births) - f(z, Flow::reg_deaths) + f(z, Flow::reg_in) - f(z, Flow::reg_out);
    if (after.residents[z] - before.residents[z] != res_flow)
      err << "zone " << z << ": residents went from " << before.residents[z] << " to " << after.residents[z]
          << " but the flows add up to " << res_flow << "; ";
    if (after.registered[z] - before.registered[z] != reg_flow)
      err << "zone " << z << ": registered went from " << before.registered[z] << " to " << after.registered[z]
          << " but the flows add up to " << reg_flow << "; ";
  }
  std::int64_t added = 0, removed = 0;
  for (std::size_t z = 0; z < f.zones; ++z) {
    added += f(z, Flow::agents_added);
    removed += f(z, Flow::agents_removed);
  }
  if (after.agents - before.agents != added - removed)
    err << "agents went from " << before.agents << " to " << after.agents << " but " << added << " were added and "
        << removed << " removed; ";
  if (!err.str().empty())
    throw BalanceError("population balance violated in " + std::to_string(year) + ": " + err.str());
}

}  // namespace hukou
