#include "condition.hpp"

#include <stdexcept>
#include <string>

namespace hukou {

bool Condition::operator()(const AttrValues& v) const noexcept {
  if (code.empty()) return true;
  return run_rpn(code, [&](std::size_t k) {
    return compare(v[static_cast<std::size_t>(code[k].attr)], code[k].cmp, code[k].value);
  });
}

Condition Condition::given(Attr a, bool value) const {
  if (info(a).kind != AttrKind::flag)
    throw std::logic_error("Condition::given: '" + std::string(info(a).name) + "' is not a flag");
  Condition c = *this;
  for (Instr& in : c.code)
    if (in.op == Instr::Op::test && in.attr == a)
      in = Instr{Instr::Op::constant, Attr::age, Cmp::truthy, compare(value ? 1.0f : 0.0f, in.cmp, in.value) ? 1.0f : 0.0f};
  c.text += value ? " (given " : " (given not ";
  c.text += std::string(info(a).name) + ")";
  return c;
}

}  // namespace hukou
