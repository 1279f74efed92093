#include "compiled_condition.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>

namespace hukou {

Atom::Atom(const Instr& test)
    : attr(test.attr), cmp(test.cmp), value(test.value), flag(info(test.attr).kind == AttrKind::flag) {
  // Flags hold exactly 0 or 1, so each outcome is a constant of the test.
  if_set = compare(1.0f, cmp, value);
  if_clear = compare(0.0f, cmp, value);
  if (flag) {
    outcomes = static_cast<std::uint8_t>(if_clear | if_set << 1);
  } else {
    // compare() orders a number against the right-hand side only through <, ==
    // and >, so its value on one number of each case is its value on the case.
    rhs = cmp == Cmp::truthy ? 0.0f : value;
    const float below = std::nextafter(rhs, -std::numeric_limits<float>::infinity());
    const float above = std::nextafter(rhs, std::numeric_limits<float>::infinity());
    outcomes = static_cast<std::uint8_t>(compare(std::numeric_limits<float>::quiet_NaN(), cmp, value) |
                                         compare(below, cmp, value) << 1 | compare(rhs, cmp, value) << 2 |
                                         compare(above, cmp, value) << 4);
    if (numeric_slot(attr) < 0)
      throw std::logic_error("numeric attribute '" + std::string(info(attr).name) + "' has no slot in Facts");
    slot = static_cast<std::uint8_t>(numeric_slot(attr));
  }
}

CompiledCondition::CompiledCondition(const Condition& c) : always_(c.code.empty()), code_(c.code) {
  atom_of_.assign(code_.size(), 0);
  for (std::size_t k = 0; k < code_.size(); ++k) {
    const Instr& in = code_[k];
    if (in.op != Instr::Op::test) continue;
    const Atom a(in);
    const auto same = std::find_if(atoms_.begin(), atoms_.end(), [&](const Atom& b) { return b.same_test(a); });
    atom_of_[k] = static_cast<std::uint32_t>(same - atoms_.begin());
    if (same == atoms_.end()) atoms_.push_back(a);
    reads_ |= attr_bit(in.attr);
    reads_person_ = reads_person_ || a.person();
  }
  if (always_ || atoms_.size() > kMaxTabulated) return;
  for (std::size_t j = 0; j < atoms_.size(); ++j) tests_.add(atoms_[j], j);
  const std::size_t rows = std::size_t{1} << atoms_.size();
  table_.assign((rows + 63) / 64, 0);
  for (std::size_t b = 0; b < rows; ++b)
    if (run_rpn(code_, [&](std::size_t k) { return ((b >> atom_of_[k]) & 1u) != 0; }))
      table_[b >> 6] |= std::uint64_t{1} << (b & 63u);
}

void AtomTests::add(const Atom& a, std::size_t bit) {
  const auto at = static_cast<std::uint8_t>(bit);
  if (a.flag)
    flags_.push_back({static_cast<std::uint8_t>(a.attr), at, static_cast<std::uint32_t>(a.if_clear),
                      static_cast<std::uint32_t>(a.if_set != a.if_clear)});
  else
    numbers_.push_back({a.rhs, a.slot, at, a.outcomes});
}

bool CompiledCondition::formula(const Facts& f) const noexcept {
  return run_rpn(code_, [&](std::size_t k) { return atoms_[atom_of_[k]](f); });
}

}  // namespace hukou
