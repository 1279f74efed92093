// The attributes a settlement-channel or eligibility condition may name. This table
// is the one source of truth: the condition parser accepts exactly these names and
// docs list them from here.
#pragma once
#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

namespace hukou {

enum class Attr : std::uint8_t {
  age, years_in_town, si_years, permit, permit_years, employed, formal_job,
  college_grad, skilled_worker, vocational_grad, overseas_returnee, veteran,
  rural_student, new_generation,
  whole_family, household_size, school_children, local_origin, in_town, settled,
  purchase_contract, owns_home, registered_rental, stable_residence, public_rental,
  relocated, land_rights,
  count_
};
inline constexpr std::size_t kAttrCount = static_cast<std::size_t>(Attr::count_);

enum class AttrScope : std::uint8_t { person, household };
enum class AttrKind : std::uint8_t { flag, number };

struct AttrInfo {
  Attr attr;
  std::string_view name;
  AttrScope scope;
  AttrKind kind;
  std::string_view description;
};

const std::array<AttrInfo, kAttrCount>& attribute_catalogue();
std::optional<Attr> find_attribute(std::string_view name);
const AttrInfo& info(Attr a);

// Values of every attribute for one adult member of one household, as floats
// (flags are 0 or 1). Conditions read from it.
using AttrValues = std::array<float, kAttrCount>;

}  // namespace hukou
