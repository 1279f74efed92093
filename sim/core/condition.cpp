#include "condition.hpp"

#include <array>
#include <cassert>

namespace hukou {

namespace {
bool compare(float lhs, Cmp cmp, float rhs) noexcept {
  switch (cmp) {
    case Cmp::truthy: return lhs != 0.0f;
    case Cmp::eq: return lhs == rhs;
    case Cmp::ne: return lhs != rhs;
    case Cmp::lt: return lhs < rhs;
    case Cmp::le: return lhs <= rhs;
    case Cmp::gt: return lhs > rhs;
    case Cmp::ge: return lhs >= rhs;
  }
  return false;
}
}  // namespace

bool Condition::operator()(const AttrValues& v) const noexcept {
  if (code.empty()) return true;
  // The parser bounds nesting depth, so a fixed stack suffices.
  std::array<bool, 64> stack{};
  std::size_t sp = 0;
  for (const Instr& in : code) {
    switch (in.op) {
      case Instr::Op::test:
        stack[sp++] = compare(v[static_cast<std::size_t>(in.attr)], in.cmp, in.value);
        break;
      case Instr::Op::constant: stack[sp++] = in.value != 0.0f; break;
      case Instr::Op::op_not: stack[sp - 1] = !stack[sp - 1]; break;
      case Instr::Op::op_and: --sp; stack[sp - 1] = stack[sp - 1] && stack[sp]; break;
      case Instr::Op::op_or: --sp; stack[sp - 1] = stack[sp - 1] || stack[sp]; break;
    }
    assert(sp <= stack.size());
  }
  return sp == 1 && stack[0];
}

bool Condition::uses(Attr a) const noexcept {
  for (const Instr& in : code)
    if (in.op == Instr::Op::test && in.attr == a) return true;
  return false;
}

}  // namespace hukou
