// Parser for the condition language of settlement channels and eligibility rules,
// e.g. "employed and years_in_town >= 2 and (permit or whole_family)".
//
//   or-expr  := and-expr ("or" and-expr)*
//   and-expr := unary ("and" unary)*
//   unary    := "not" unary | primary
//   primary  := "(" or-expr ")" | "true" | "false" | ATTR [CMP NUMBER]
//   CMP      := == | != | < | <= | > | >=        NUMBER := digits ["." digits]
//
// Keywords and attribute names are lower case; whitespace is free. ATTR is a name
// from the attribute catalogue (core/attributes.hpp). A number attribute must be
// compared; a flag is used alone or compared with == / != against 0 or 1.
// Parentheses and 'not' together nest at most kMaxConditionDepth deep, which keeps
// the compiled program within the evaluator's 64-entry stack.
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/condition.hpp"

namespace hukou::policy {

inline constexpr int kMaxConditionDepth = 30;
inline constexpr std::size_t kMaxConditionErrors = 20;

struct ConditionError {
  std::size_t column;   // 1-based byte offset in the text
  std::string message;  // says what was found and what was expected
};

struct ParsedCondition {
  std::optional<hukou::Condition> condition;  // set exactly when `errors` is empty
  std::vector<ConditionError> errors;         // at most kMaxConditionErrors, in text order
};

// Compiles `text` to RPN (Condition::code) and keeps `text` as Condition::text.
// Accepts any bytes: bad input gives errors, never a crash, exception or hang
// (short of running out of memory). Time is linear in the length of the text.
ParsedCondition parse_condition(std::string_view text);

}  // namespace hukou::policy
