// Agent state, struct-of-arrays. Persons of one household are adjacent
// ([first, first + size)), because reading household data in random order is
// several times slower (design/platform-notes.md). Only rural-origin people are agents;
// urban-hukou people are zone stocks (ZoneState).
#pragma once
#include <cstddef>
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
  // A person's household is the one whose [first, first + members) holds it: every
  // loop over persons goes through their household, so no index back is kept.
  std::vector<std::uint64_t> id;
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
  void reserve(std::size_t n);
  // One more person, every field zero, for the caller to fill in (the factory):
  // within the reserved room a store per array, where resize(size() + 1) takes
  // the vector's general path and a memset call for most arrays, for every person
  // of the inflow.
  void add_one();
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
  void reserve(std::size_t n);
  void add_one();  // as Persons::add_one
};

// Working arrays of demography and compact(), kept from period to period so that
// rebuilding the population each period allocates (and page-faults) nothing once
// it has reached its size. Why compact() moves the arrays in place instead of
// building a second Population to swap with: two populations would hold ~64
// bytes/person (2 x ~32: 21 per person, ~27 per household of ~2.5) before any
// room to grow, at the 64 goal; these arrays are per household, and the plan's
// lists hold about one entry per death, birth and dropped household.
struct CompactScratch {
  std::vector<std::uint16_t> size;   // per household: members after deaths and births; 0: dropped
  std::vector<std::uint32_t> first;  // per kept household: new first member, counted from its block's

  // The copy plan, recorded by demography household by household (compact_plan.hpp)
  // and applied by compact() to every array.
  struct Run {
    std::uint32_t from, to, n;  // n adjacent elements from [from] go to [to] (+ the block's base)
  };
  struct Birth {                 // a newborn, with what it takes from its mother
    std::uint64_t mother_id;     // its id is derived from hers
    std::uint32_t to;            // its slot (+ the block's base), after its household's members
    std::uint16_t mother_flags;  // her in_town and settled bits
  };
  struct Block {  // per block of kGrain households
    std::vector<Run> persons, households;
    std::vector<Birth> births;
    std::uint32_t persons_kept = 0, households_kept = 0;  // the block's new totals
    std::uint32_t person_base = 0, household_base = 0;    // where its new elements start (compact())
  };
  std::vector<Block> blocks;
};

// f(&Persons::x) for every array of Persons, and the same for Households, so that
// code treating every array alike cannot miss one.
template <class F>
void person_arrays(F&& f) {
  f(&Persons::id); f(&Persons::birth_year); f(&Persons::flags); f(&Persons::edu);
  f(&Persons::emp); f(&Persons::si_years); f(&Persons::town_years); f(&Persons::permit_years); f(&Persons::wage);
}

template <class F>
void household_arrays(F&& f) {
  f(&Households::id); f(&Households::first); f(&Households::members); f(&Households::zone);
  f(&Households::origin); f(&Households::loc); f(&Households::tenure); f(&Households::tenure_years);
  f(&Households::flags); f(&Households::channel); f(&Households::rental_wait); f(&Households::land_mu);
}

struct Population {
  Persons p;
  Households h;
  CompactScratch scratch;
  // Bytes held by the agent arrays and the scratch (capacity, not size): for `hukou bench`.
  std::size_t bytes() const;
};

// Capacity of the agent arrays. std::vector's doubling would leave up to half of
// every array spare (the model state went from ~36 to ~69 bytes/person), so
// arrays keep a room of their own: compact() leaves room for n/16 more (the inflow
// appended in moves adds about 3-5 % a period) and an array that must grow grows
// to n + n/4, so that it reallocates about every sixth period. Growing by n/8 made
// it every second period, and each growth page-faults the whole population anew:
// n/4 spares most of those faults for a few more bytes per person.
inline std::size_t room_needed(std::size_t n) { return n + n / 16; }
inline std::size_t room_to_grow(std::size_t n) { return n + n / 4; }

// Resizes v to n elements that the caller overwrites at once: keeps the allocation
// if it has room_needed(n), otherwise replaces it (room_to_grow) without copying
// the old elements. Only elements beyond the old size are value-initialised.
template <class T>
void resize_for_overwrite(std::vector<T>& v, std::size_t n) {
  if (v.capacity() < room_needed(n)) {
    std::vector<T>().swap(v);
    v.reserve(room_to_grow(n));
  }
  v.resize(n);
}

// Appends the households of `blocks` to pop, in order, each block's household
// and member indices shifted to their new place; the arrays grow to room_to_grow
// if they lack the room. Each block array is freed once copied, so joining needs
// little more memory than the result. Used to make parts of the population in
// parallel (synthesis, inflow) and join them in a fixed order.
void append(Population& pop, std::vector<Population> blocks);

}  // namespace hukou
