#include "attributes.hpp"

namespace hukou {

namespace {
using S = AttrScope;
using K = AttrKind;
constexpr std::array<AttrInfo, kAttrCount> kCatalogue{{
    {Attr::age, "age", S::person, K::number, "age in completed years"},
    {Attr::years_in_town, "years_in_town", S::person, K::number,
     "years lived in a town of the prefecture (resets on return to the village)"},
    {Attr::si_years, "si_years", S::person, K::number,
     "years of urban employee social insurance (accrued in formal jobs)"},
    {Attr::permit, "permit", S::person, K::flag, "holds a residence permit (居住证)"},
    {Attr::permit_years, "permit_years", S::person, K::number, "years holding a residence permit"},
    {Attr::employed, "employed", S::person, K::flag, "has a job, formal or informal/flexible"},
    {Attr::formal_job, "formal_job", S::person, K::flag,
     "has a formal, stable job with a labour contract (合法稳定就业)"},
    {Attr::college_grad, "college_grad", S::person, K::flag, "college graduate (高校毕业生)"},
    {Attr::skilled_worker, "skilled_worker", S::person, K::flag, "skilled worker (技术工人)"},
    {Attr::vocational_grad, "vocational_grad", S::person, K::flag,
     "vocational-school graduate (职业院校毕业生)"},
    {Attr::overseas_returnee, "overseas_returnee", S::person, K::flag,
     "returned from study abroad (留学归国人员)"},
    {Attr::veteran, "veteran", S::person, K::flag, "veteran (退役军人)"},
    {Attr::rural_student, "rural_student", S::person, K::flag,
     "rural-hukou student admitted to a college in the prefecture"},
    {Attr::new_generation, "new_generation", S::person, K::flag,
     "new-generation migrant worker (新生代农民工), born 1980 or later"},
    {Attr::whole_family, "whole_family", S::household, K::flag,
     "every member of the household lives in town (举家迁移)"},
    {Attr::household_size, "household_size", S::household, K::number, "members of the household"},
    {Attr::school_children, "school_children", S::household, K::number,
     "children of compulsory-school age (6-14) in the household"},
    {Attr::local_origin, "local_origin", S::household, K::flag,
     "the household's rural hukou is registered in the prefecture"},
    {Attr::in_town, "in_town", S::household, K::flag, "the household lives in a town"},
    {Attr::settled, "settled", S::household, K::flag,
     "the household has settled (holds an urban hukou here)"},
    {Attr::purchase_contract, "purchase_contract", S::household, K::flag,
     "owns and lives in a home bought as commodity housing (商品房买卖合同, 网签), before or after the title; a share housing.commodity_share of owned homes"},
    {Attr::owns_home, "owns_home", S::household, K::flag,
     "owns its home in town (purchase contract or title)"},
    {Attr::registered_rental, "registered_rental", S::household, K::flag,
     "rents a legally titled home with a registered lease"},
    {Attr::stable_residence, "stable_residence", S::household, K::flag,
     "has a legal stable residence (合法稳定住所): owned, registered rental or public rental"},
    {Attr::public_rental, "public_rental", S::household, K::flag, "lives in public rental housing"},
    {Attr::relocated, "relocated", S::household, K::flag,
     "poverty-relocation household (易地扶贫搬迁)"},
    {Attr::land_rights, "land_rights", S::household, K::flag,
     "still holds its land contract and homestead rights"},
}};

constexpr bool catalogue_in_enum_order() {
  for (std::size_t i = 0; i < kAttrCount; ++i)
    if (static_cast<std::size_t>(kCatalogue[i].attr) != i) return false;
  return true;
}
static_assert(catalogue_in_enum_order(), "attribute catalogue must follow the Attr enum");
}  // namespace

const std::array<AttrInfo, kAttrCount>& attribute_catalogue() { return kCatalogue; }

std::optional<Attr> find_attribute(std::string_view name) {
  for (const auto& a : kCatalogue)
    if (a.name == name) return a.attr;
  return std::nullopt;
}

const AttrInfo& info(Attr a) { return kCatalogue[static_cast<std::size_t>(a)]; }

}  // namespace hukou
