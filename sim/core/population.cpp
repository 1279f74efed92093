#include "population.hpp"

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>
#include <tbb/task_group.h>

namespace hukou {

namespace {
// f(&Persons::x) for every array of Persons, and the same for Households, so that
// code treating every array alike cannot miss one.
template <class F>
void person_arrays(F&& f) {
  f(&Persons::id); f(&Persons::hh); f(&Persons::birth_year); f(&Persons::flags); f(&Persons::edu);
  f(&Persons::emp); f(&Persons::si_years); f(&Persons::town_years); f(&Persons::permit_years); f(&Persons::wage);
}

template <class F>
void household_arrays(F&& f) {
  f(&Households::id); f(&Households::first); f(&Households::members); f(&Households::zone);
  f(&Households::origin); f(&Households::loc); f(&Households::tenure); f(&Households::tenure_years);
  f(&Households::flags); f(&Households::channel); f(&Households::rental_wait); f(&Households::land_mu);
}

template <class V>
std::size_t held(const V& v) {
  return v.capacity() * sizeof(typename V::value_type);
}

// Shifts the indices of the appended block [from, to) by `by`.
void shift(std::vector<std::uint32_t>& v, std::size_t from, std::size_t to, std::size_t by) {
  const auto d = static_cast<std::uint32_t>(by);
  tbb::parallel_for(tbb::blocked_range<std::size_t>(from, to, 1 << 14), [&](const auto& r) {
    for (std::size_t i = r.begin(); i != r.end(); ++i) v[i] += d;
  });
}
}  // namespace

void Persons::resize(std::size_t n) {
  person_arrays([&](auto m) { (this->*m).resize(n); });
}

void Persons::reserve(std::size_t n) {
  person_arrays([&](auto m) { (this->*m).reserve(n); });
}

void Households::resize(std::size_t n) {
  household_arrays([&](auto m) { (this->*m).resize(n); });
}

void Households::reserve(std::size_t n) {
  household_arrays([&](auto m) { (this->*m).reserve(n); });
}

std::size_t Population::bytes() const {
  std::size_t b = 0;
  person_arrays([&](auto m) { b += held(p.*m); });
  household_arrays([&](auto m) { b += held(h.*m); });
  return b + held(scratch.size) + held(scratch.born) + held(scratch.first) + held(scratch.index) +
         held(scratch.column);
}

void append(Population& pop, const std::vector<Population>& blocks) {
  const std::size_t np = pop.p.size(), nh = pop.h.size();
  std::size_t persons = np, households = nh;
  for (const Population& b : blocks) {
    persons += b.p.size();
    households += b.h.size();
  }
  // One task per array: they are independent, and the page faults of new room are
  // then taken on every thread.
  tbb::task_group g;
  const auto join = [&](auto& into, auto from, std::size_t n) {
    g.run([&into, from, n, &blocks] {
      if (into.capacity() < n) into.reserve(room_to_grow(n));
      for (const Population& b : blocks) {
        const auto& v = from(b);
        into.insert(into.end(), v.begin(), v.end());
      }
    });
  };
  person_arrays([&](auto m) { join(pop.p.*m, [m](const Population& b) -> const auto& { return b.p.*m; }, persons); });
  household_arrays(
      [&](auto m) { join(pop.h.*m, [m](const Population& b) -> const auto& { return b.h.*m; }, households); });
  g.wait();

  std::size_t p0 = np, h0 = nh;
  for (const Population& b : blocks) {
    shift(pop.p.hh, p0, p0 + b.p.size(), h0);
    shift(pop.h.first, h0, h0 + b.h.size(), p0);
    p0 += b.p.size();
    h0 += b.h.size();
  }
}

}  // namespace hukou
