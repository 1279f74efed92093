#include "condition.hpp"

namespace hukou {

bool Condition::operator()(const AttrValues& v) const noexcept {
  if (code.empty()) return true;
  return run_rpn(code, [&](std::size_t k) {
    return compare(v[static_cast<std::size_t>(code[k].attr)], code[k].cmp, code[k].value);
  });
}

}  // namespace hukou
