#include "condition_parser.hpp"

#include <algorithm>
#include <utility>

#include "condition_lexer.hpp"
#include "core/attributes.hpp"
#include "suggest.hpp"

namespace hukou::policy {

namespace {

using detail::describe;
using detail::Lexer;
using detail::quoted;
using detail::Token;
using detail::TokKind;

// Each level of parentheses leaves at most two values waiting on the evaluation
// stack (the left operands of a pending 'or' and a pending 'and'); the innermost
// level needs three more. 'not' pushes nothing. So depth d needs 2d + 3 entries.
static_assert(2 * kMaxConditionDepth + 3 <= 64, "condition depth limit exceeds the evaluator's stack");

constexpr std::string_view kOperand = "an attribute, 'not', 'true', 'false' or '('";

bool is_order(Cmp c) { return c == Cmp::lt || c == Cmp::le || c == Cmp::gt || c == Cmp::ge; }

std::string unknown_attribute(std::string_view name) {
  std::vector<std::string_view> names;
  for (const AttrInfo& a : attribute_catalogue()) names.push_back(a.name);
  names.insert(names.end(), {"not", "true", "false"});
  std::string message = "unknown attribute " + quoted(name);
  if (std::string guess = nearest(name, names); !guess.empty())
    return message + " (did you mean " + quoted(guess) + "?)";
  return message + ": see docs/parameters.md#attributes for the list (e.g. employed, permit, years_in_town)";
}

class Parser {
 public:
  explicit Parser(std::string_view text) : text_(text), lex_(text) {}

  ParsedCondition run() {
    if (advance()) {
      if (tok_.kind == TokKind::end) {
        fail(0, "empty condition: expected " + std::string(kOperand) +
                    " (write 'true' for a channel open to everyone)");
      } else if (parse_or() && tok_.kind != TokKind::end) {
        if (tok_.kind == TokKind::rparen)
          fail(tok_.pos, "unbalanced ')': found ')' with no '(' before it to close");
        else
          fail(tok_.pos, "expected 'and', 'or' or end of text but found " + describe(tok_) + operator_hint());
      }
    }
    // Errors about a token are recorded when it is read, which can be before the
    // error about the attribute in front of it.
    std::stable_sort(errors_.begin(), errors_.end(),
                     [](const ConditionError& a, const ConditionError& b) { return a.column < b.column; });
    ParsedCondition out;
    if (errors_.empty()) out.condition = Condition{std::move(code_), std::string(text_)};
    out.errors = std::move(errors_);
    return out;
  }

 private:
  // Moves to the next token. False once parsing has to stop.
  bool advance() {
    prev_text_ = tok_.text;
    has_prev_ = started_;
    started_ = true;
    tok_ = lex_.next();
    if (tok_.kind == TokKind::error) return fail(tok_.pos, tok_.problem);
    if (!tok_.problem.empty()) error(tok_.pos, tok_.problem);
    return !stop_;
  }

  // Records an error and carries on (unless there are too many).
  void error(std::size_t pos, std::string message) {
    if (stop_) return;
    if (errors_.size() >= kMaxConditionErrors) {
      stop_ = true;
      return;
    }
    errors_.push_back({pos + 1, std::move(message)});
  }

  // Records an error after which parsing stops.
  bool fail(std::size_t pos, std::string message) {
    error(pos, std::move(message));
    stop_ = true;
    return false;
  }

  bool enter(std::size_t pos) {
    if (++depth_ <= kMaxConditionDepth) return true;
    return fail(pos, "nesting deeper than " + std::to_string(kMaxConditionDepth) +
                         " levels of parentheses and 'not' at " + describe(tok_) + ": simplify the condition");
  }

  void emit(Instr::Op op, Attr attr = Attr::age, Cmp cmp = Cmp::truthy, float value = 0.0f) {
    Instr in;
    in.op = op;
    in.attr = attr;
    in.cmp = cmp;
    in.value = value;
    code_.push_back(in);
  }

  // Appended to "expected 'and' or 'or' ... but found X" when an operand follows an operand.
  std::string operator_hint() const {
    switch (tok_.kind) {
      case TokKind::word:
        if (!find_attribute(tok_.word)) {
          if (std::string guess = nearest(tok_.word, {"and", "or"}); !guess.empty())
            return " (did you mean " + quoted(guess) + "?)";
        }
        return " (missing 'and' or 'or'?)";
      case TokKind::number:
      case TokKind::lparen:
      case TokKind::kw_true:
      case TokKind::kw_false:
      case TokKind::kw_not: return " (missing 'and' or 'or'?)";
      case TokKind::cmp: return " (only an attribute can be compared, e.g. age >= 18)";
      default: return "";
    }
  }

  bool parse_or() {
    if (!parse_and()) return false;
    while (tok_.kind == TokKind::kw_or) {
      if (!advance() || !parse_and()) return false;
      emit(Instr::Op::op_or);
    }
    return true;
  }

  bool parse_and() {
    if (!parse_unary()) return false;
    while (tok_.kind == TokKind::kw_and) {
      if (!advance() || !parse_unary()) return false;
      emit(Instr::Op::op_and);
    }
    return true;
  }

  bool parse_unary() {
    if (tok_.kind != TokKind::kw_not) return parse_primary();
    if (!enter(tok_.pos) || !advance() || !parse_unary()) return false;
    --depth_;
    emit(Instr::Op::op_not);
    return true;
  }

  bool parse_primary() {
    switch (tok_.kind) {
      case TokKind::word: return parse_test();
      case TokKind::kw_true:
      case TokKind::kw_false:
        emit(Instr::Op::constant, Attr::age, Cmp::truthy, tok_.kind == TokKind::kw_true ? 1.0f : 0.0f);
        return advance();
      case TokKind::lparen: {
        const std::size_t open = tok_.pos;
        if (!enter(open) || !advance() || !parse_or()) return false;
        --depth_;
        if (tok_.kind == TokKind::rparen) return advance();
        if (tok_.kind == TokKind::end)
          return fail(open, "unbalanced '(': expected ')' to close it but found end of text");
        return fail(tok_.pos, "expected ')' (to close the '(' at column " + std::to_string(open + 1) +
                                  "), 'and' or 'or' but found " + describe(tok_) + operator_hint());
      }
      default: break;
    }
    // No operand here.
    std::string message = "missing operand";
    if (has_prev_) message += " after " + quoted(prev_text_);
    else if (tok_.kind == TokKind::kw_and || tok_.kind == TokKind::kw_or) message += " before " + describe(tok_);
    message += ": expected " + std::string(kOperand) + " but found " + describe(tok_);
    if (tok_.kind == TokKind::number) message += " (put the attribute first, e.g. age >= 18)";
    if (tok_.kind == TokKind::cmp) message += " (a comparison needs an attribute on its left, e.g. age >= 18)";
    return fail(tok_.pos, std::move(message));
  }

  // ATTR [CMP NUMBER], with tok_ on ATTR.
  bool parse_test() {
    const std::size_t name_pos = tok_.pos;
    const std::string_view name_text = tok_.text;
    const std::string name = std::move(tok_.word);
    if (!advance()) return false;

    Cmp cmp = Cmp::truthy;
    float value = 0.0f;
    std::size_t cmp_pos = 0, value_pos = 0;
    std::string_view cmp_text, value_text;
    if (tok_.kind == TokKind::cmp) {
      cmp = tok_.cmp;
      cmp_pos = tok_.pos;
      cmp_text = tok_.text;
      if (!advance()) return false;
      if (tok_.kind != TokKind::number) {
        std::string message = "expected a number after " + quoted(name_text) + " " + quoted(cmp_text) +
                              " but found " + describe(tok_);
        if (tok_.kind == TokKind::kw_true || tok_.kind == TokKind::kw_false)
          message += " (a flag is written alone, e.g. 'permit' or 'not permit')";
        else if (tok_.kind == TokKind::word)
          message += " (attributes are compared with numbers, not with each other)";
        return fail(tok_.pos, std::move(message));
      }
      value = tok_.number;
      value_pos = tok_.pos;
      value_text = tok_.text;
      if (!advance()) return false;
    } else if (tok_.kind == TokKind::number) {
      return fail(tok_.pos, "expected a comparison (==, !=, <, <=, >, >=) between " + quoted(name_text) +
                                " and " + describe(tok_) + " but found none");
    }

    const std::optional<Attr> attr = find_attribute(name);
    if (!attr) {
      error(name_pos, unknown_attribute(name_text));
    } else if (info(*attr).kind == AttrKind::number && cmp == Cmp::truthy) {
      const std::string example = name + (*attr == Attr::age ? " >= 18" : " >= 2");
      error(name_pos, "attribute " + quoted(name) + " is a number: compare it, e.g. " + example);
    } else if (info(*attr).kind == AttrKind::flag && is_order(cmp)) {
      error(cmp_pos, "attribute " + quoted(name) + " is a flag (0 or 1) and cannot be compared with " +
                         quoted(cmp_text) + ": write " + quoted(name) + ", 'not " + name + "' or use == / !=");
    } else if (info(*attr).kind == AttrKind::flag && cmp != Cmp::truthy && value != 0.0f && value != 1.0f) {
      error(value_pos, "attribute " + quoted(name) + " is a flag: compare it with 0 or 1, not " +
                           quoted(value_text));
    }
    emit(Instr::Op::test, attr.value_or(Attr::age), cmp, value);
    return !stop_;
  }

  std::string_view text_;
  Lexer lex_;
  Token tok_;
  std::string_view prev_text_;  // the token before tok_, for "missing operand after 'and'"
  bool has_prev_ = false;
  bool started_ = false;
  int depth_ = 0;
  bool stop_ = false;
  std::vector<Instr> code_;
  std::vector<ConditionError> errors_;
};

}  // namespace

ParsedCondition parse_condition(std::string_view text) { return Parser(text).run(); }

}  // namespace hukou::policy
