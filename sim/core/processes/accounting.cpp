#include "accounting.hpp"

#include <algorithm>

namespace hukou {

void Accounting::finish(World& w) {
  RunResult& out = out_;
  const Counters& c = w.flows;
  const double k = w.sc.scale;
  const auto t = static_cast<std::size_t>(w.t);
  double reg_all = 0, reg_urban = 0, res_all = 0, res_town = 0;
  for (std::size_t z = 0; z < w.zones(); ++z) {
    const ZoneState& zs = w.zs[z];
    const ZoneFields& zf = w.sc.zones[z].f;
    const auto at = [&](Series s) -> double& { return out.at(s, t, z); };
    const double urban_reg = zs.urban_stock + k * c(z, Flow::urban_registered);
    const double reg = zs.urban_stock + k * c(z, Flow::registered);
    const double town = zs.urban_stock + k * c(z, Flow::town_residents);
    const double res = zs.urban_stock + k * c(z, Flow::residents);
    reg_all += reg; reg_urban += urban_reg; res_all += res; res_town += town;
    at(Series::population_registered) = reg;
    at(Series::population_urban_registered) = urban_reg;
    at(Series::population_resident) = res;
    at(Series::population_town_resident) = town;
    at(Series::registered_urbanization_rate_zone) = reg > 0 ? urban_reg / reg : 0.0;
    at(Series::resident_urbanization_rate_zone) = res > 0 ? town / res : 0.0;

    double settled_persons = 0;
    for (std::size_t ch = 0; ch < w.sc.channels.size(); ++ch) {
      const double v = k * c.channel[z * c.channels + ch] + w.aggregate_settled[z * w.sc.channels.size() + ch];
      out.at(Series::settlements, t, z, ch) = v;
      settled_persons += v;
    }
    for (std::size_t g = 0; g < c.groups; ++g) out.at(Series::settlements_by_group, t, z, g) = k * c.group[z * c.groups + g];
    at(Series::reclassified) = k * c(z, Flow::reclassified);
    at(Series::returns) = k * c(z, Flow::returns);
    at(Series::returns_with_hukou) = k * c(z, Flow::rehukou);
    at(Series::rural_to_town_moves) = k * c(z, Flow::rural_to_town);
    at(Series::inflow_migrants) = k * c(z, Flow::inflow);
    at(Series::births) = k * c(z, Flow::births);
    at(Series::deaths) = k * c(z, Flow::deaths);
    at(Series::nonsettled_town_residents) = k * c(z, Flow::unsettled_town);
    at(Series::residence_permits) = k * c(z, Flow::permits);
    const double demand = k * static_cast<double>(zs.school_demand);
    const double placed = std::min(demand, zs.school_places);
    at(Series::school_children_public_hukou) = k * static_cast<double>(zs.school_hukou);
    at(Series::school_children_public_permit) = placed;
    at(Series::school_unmet_demand) = demand - placed;
    at(Series::public_rental_occupied) = k * static_cast<double>(zs.rental_occupied);
    at(Series::public_rental_queue) = k * static_cast<double>(zs.rental_queue);
    at(Series::homes_bought) = k * c(z, Flow::homes_bought);
    at(Series::purchase_subsidy_paid) = k * c(z, Flow::subsidised_homes) * zf.purchase_subsidy;
    at(Series::rural_rights_kept) = k * c(z, Flow::rights_kept);
    at(Series::rural_rights_exited) = k * c(z, Flow::rights_exited);
    at(Series::rights_exit_compensation_paid) = k * c(z, Flow::rights_exits) * w.sc.params.policy_rights_exit_compensation;
    at(Series::relocation_listed) = k * c(z, Flow::relocation_listed);
    at(Series::public_service_cost) = settled_persons * zf.settler_public_cost;
  }
  out.at(Series::registered_urbanization_rate, t) = reg_all > 0 ? reg_urban / reg_all : 0.0;
  out.at(Series::resident_urbanization_rate, t) = res_all > 0 ? res_town / res_all : 0.0;
}

}  // namespace hukou
