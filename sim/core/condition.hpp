// A condition over attributes: a program in reverse Polish notation, evaluated
// with a small stack. Conditions are data (from scenario files), never code, so
// every city's rules go through the same evaluator. This is the definition; the
// model's loops use the form compiled from it (compiled_condition.hpp), which the
// tests check against this interpreter.
#pragma once
#include <array>
#include <cassert>
#include <cstdint>
#include <string>
#include <vector>

#include "attributes.hpp"

namespace hukou {

enum class Cmp : std::uint8_t { truthy, eq, ne, lt, le, gt, ge };

struct Instr {
  enum class Op : std::uint8_t { test, op_and, op_or, op_not, constant };
  Op op = Op::test;
  Attr attr = Attr::age;  // for test
  Cmp cmp = Cmp::truthy;  // for test
  float value = 0.0f;     // for test (right-hand side) and constant (0 or 1)
};

// One test's comparison, as every evaluator makes it.
constexpr bool compare(float lhs, Cmp cmp, float rhs) noexcept {
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

// Runs an RPN program; `test(k)` gives the outcome of the test at code[k]. The
// parser bounds nesting depth, so a fixed stack suffices.
template <class Test>
bool run_rpn(const std::vector<Instr>& code, Test&& test) noexcept {
  std::array<bool, 64> stack{};
  std::size_t sp = 0;
  for (std::size_t k = 0; k < code.size(); ++k) {
    switch (code[k].op) {
      case Instr::Op::test: stack[sp++] = test(k); break;
      case Instr::Op::constant: stack[sp++] = code[k].value != 0.0f; break;
      case Instr::Op::op_not: stack[sp - 1] = !stack[sp - 1]; break;
      case Instr::Op::op_and: --sp; stack[sp - 1] = stack[sp - 1] && stack[sp]; break;
      case Instr::Op::op_or: --sp; stack[sp - 1] = stack[sp - 1] || stack[sp]; break;
    }
    assert(sp <= stack.size());
  }
  return sp == 1 && stack[0];
}

struct Condition {
  std::vector<Instr> code;  // RPN; empty means "always true"
  std::string text;         // the source text, for messages and output

  // The value for one adult's attributes, by interpretation (the reference).
  bool operator()(const AttrValues& v) const noexcept;
  static Condition always() { return Condition{{}, "true"}; }
  // The same condition for agents whose flag attribute `a` is `value`: each test of
  // `a` becomes its outcome, a constant. Equal to this condition on any attributes
  // with `a` set to `value` (a flag holds exactly 0 or 1).
  Condition given(Attr a, bool value) const;
};

}  // namespace hukou
