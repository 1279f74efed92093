#include "population.hpp"

#include <type_traits>

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>
#include <tbb/task_group.h>

namespace hukou {

namespace {
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

void Persons::add_one() {
  person_arrays([&](auto m) { (this->*m).emplace_back(); });
}

void Households::resize(std::size_t n) {
  household_arrays([&](auto m) { (this->*m).resize(n); });
}

void Households::reserve(std::size_t n) {
  household_arrays([&](auto m) { (this->*m).reserve(n); });
}

void Households::add_one() {
  household_arrays([&](auto m) { (this->*m).emplace_back(); });
}

std::size_t Population::bytes() const {
  std::size_t b = 0;
  person_arrays([&](auto m) { b += held(p.*m); });
  household_arrays([&](auto m) { b += held(h.*m); });
  b += held(scratch.size) + held(scratch.first) + held(scratch.blocks);
  for (const CompactScratch::Block& k : scratch.blocks)
    b += held(k.persons) + held(k.households) + held(k.births);
  return b;
}

void append(Population& pop, std::vector<Population> blocks) {
  std::vector<std::size_t> persons{pop.p.size()}, households{pop.h.size()};  // where each block starts
  for (const Population& b : blocks) {
    persons.push_back(persons.back() + b.p.size());
    households.push_back(households.back() + b.h.size());
  }
  // One task per array: they are independent, and the page faults of new room are
  // then taken on every thread.
  tbb::task_group g;
  const auto join = [&](auto& into, auto from, std::size_t n) {
    g.run([&into, from, n, &blocks] {
      if (into.capacity() < n) into.reserve(room_to_grow(n));
      for (Population& b : blocks) {
        auto& v = from(b);
        into.insert(into.end(), v.begin(), v.end());
        std::remove_reference_t<decltype(v)>().swap(v);
      }
    });
  };
  person_arrays([&](auto m) { join(pop.p.*m, [m](Population& b) -> auto& { return b.p.*m; }, persons.back()); });
  household_arrays(
      [&](auto m) { join(pop.h.*m, [m](Population& b) -> auto& { return b.h.*m; }, households.back()); });
  g.wait();

  for (std::size_t k = 0; k < blocks.size(); ++k) {
    shift(pop.h.first, households[k], households[k + 1], persons[k]);
  }
}

}  // namespace hukou
