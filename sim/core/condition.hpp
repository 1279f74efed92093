// A compiled condition over attributes: a program in reverse Polish notation,
// evaluated with a small stack. Conditions are data (from scenario files), never
// code, so every city's rules go through the same evaluator.
#pragma once
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

struct Condition {
  std::vector<Instr> code;  // RPN; empty means "always true"
  std::string text;         // the source text, for messages and output

  bool operator()(const AttrValues& v) const noexcept;
  // True if any test in the condition reads the attribute.
  bool uses(Attr a) const noexcept;
  static Condition always() { return Condition{{}, "true"}; }
};

}  // namespace hukou
