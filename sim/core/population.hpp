// Agent state, struct-of-arrays. Persons of one household are adjacent
// ([first, first + size)), because reading household data in random order costs
// about 3.4x (design/platform-notes.md). Only rural-origin people are agents;
// urban-hukou people are zone stocks (ZoneState).
#pragma once
#include <cstdint>
#include <vector>

namespace hukou {

enum class Edu : std::uint8_t { primary, junior, senior, vocational, college };
enum class Emp : std::uint8_t { none, informal, formal };
enum class Tenure : std::uint8_t {
  village_home, dorm, private_rental, registered_rental, public_rental, purchase_contract, titled_home
};
enum class Location : std::uint8_t { village, town, gone };

inline constexpr std::uint8_t kOutside = 0xff;    // origin outside the prefecture
inline constexpr std::uint8_t kNoChannel = 0xff;

namespace pflag {  // person flags
inline constexpr std::uint16_t female = 1 << 0, in_town = 1 << 1, settled = 1 << 2,
    college = 1 << 3, skilled = 1 << 4, vocational = 1 << 5, overseas = 1 << 6,
    veteran = 1 << 7, rural_student = 1 << 8, dead = 1 << 9;
}
namespace hflag {  // household flags
inline constexpr std::uint8_t local = 1 << 0, relocated = 1 << 1, land = 1 << 2,
    homestead = 1 << 3, exited = 1 << 4, reclassified = 1 << 5, subsidised = 1 << 6;
}

struct Persons {
  std::vector<std::uint64_t> id;
  std::vector<std::uint32_t> hh;          // index of the household
  std::vector<std::int16_t> birth_year;   // age = year - birth_year
  std::vector<std::uint16_t> flags;
  std::vector<Edu> edu;
  std::vector<Emp> emp;
  std::vector<std::uint8_t> si_years;     // years of urban employee social insurance
  std::vector<std::uint8_t> town_years;   // years lived in town
  std::vector<std::uint8_t> permit_years; // 0: no residence permit
  std::vector<float> wage;                // yuan/month; 0 without a job

  std::size_t size() const { return id.size(); }
  void resize(std::size_t n);
};

struct Households {
  std::vector<std::uint64_t> id;
  std::vector<std::uint32_t> first;       // first member in Persons
  std::vector<std::uint16_t> members;     // number of members
  std::vector<std::uint8_t> zone;         // zone lived in (town) or of the village
  std::vector<std::uint8_t> origin;       // zone of rural registration, or kOutside
  std::vector<Location> loc;
  std::vector<Tenure> tenure;
  std::vector<std::uint8_t> tenure_years;
  std::vector<std::uint8_t> flags;
  std::vector<std::uint8_t> channel;      // settlement channel, kNoChannel if not settled through one
  std::vector<std::uint16_t> rental_wait; // years waiting for public rental
  std::vector<float> land_mu;             // contracted land

  std::size_t size() const { return id.size(); }
  void resize(std::size_t n);
};

struct Population {
  Persons p;
  Households h;
  // Bytes held by the agent arrays (capacity, not size): for `hukou bench`.
  std::size_t bytes() const;
};

}  // namespace hukou
