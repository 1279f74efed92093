#include "compiled_condition.hpp"

#include <algorithm>
#include <stdexcept>
#include <string>

namespace hukou {

CompiledCondition::CompiledCondition(const Condition& c) : always_(c.code.empty()), code_(c.code) {
  atom_of_.assign(code_.size(), 0);
  for (std::size_t k = 0; k < code_.size(); ++k) {
    const Instr& in = code_[k];
    if (in.op != Instr::Op::test) continue;
    Atom a;
    a.attr = in.attr;
    a.cmp = in.cmp;
    a.value = in.value;
    a.flag = info(in.attr).kind == AttrKind::flag;
    if (!a.flag) {
      if (numeric_slot(in.attr) < 0)
        throw std::logic_error("numeric attribute '" + std::string(info(in.attr).name) + "' has no slot in Facts");
      a.slot = static_cast<std::uint8_t>(numeric_slot(in.attr));
    }
    // Flags hold exactly 0 or 1, so each outcome is a constant of the test.
    a.if_set = compare(1.0f, in.cmp, in.value);
    a.if_clear = compare(0.0f, in.cmp, in.value);
    const auto same = std::find_if(atoms_.begin(), atoms_.end(), [&](const Atom& b) {
      return b.attr == a.attr && b.cmp == a.cmp && b.value == a.value;
    });
    atom_of_[k] = static_cast<std::uint32_t>(same - atoms_.begin());
    if (same == atoms_.end()) atoms_.push_back(a);
    reads_ |= attr_bit(in.attr);
    reads_person_ = reads_person_ || info(in.attr).scope == AttrScope::person;
  }
  if (always_ || atoms_.size() > kMaxTabulated) return;
  const std::size_t rows = std::size_t{1} << atoms_.size();
  table_.assign((rows + 63) / 64, 0);
  for (std::size_t b = 0; b < rows; ++b)
    if (run_rpn(code_, [&](std::size_t k) { return ((b >> atom_of_[k]) & 1u) != 0; }))
      table_[b >> 6] |= std::uint64_t{1} << (b & 63u);
}

bool CompiledCondition::formula(const Facts& f) const noexcept {
  return run_rpn(code_, [&](std::size_t k) { return atom(atoms_[atom_of_[k]], f); });
}

}  // namespace hukou
