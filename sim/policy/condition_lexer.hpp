// Internal to hukou_policy: the tokens of the condition language and the lexer that
// produces them, one at a time, for condition_parser.cpp.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/condition.hpp"

namespace hukou::policy::detail {

enum class TokKind : std::uint8_t {
  end,      // end of text
  word,     // an identifier that is not a keyword (an attribute name, or a misspelling)
  number,   // a decimal: digits, optionally '.' and more digits
  lparen,
  rparen,
  cmp,      // == != < <= > >=
  kw_and,
  kw_or,
  kw_not,
  kw_true,
  kw_false,
  error,    // an unexpected character or a malformed number; `problem` says which
};

struct Token {
  TokKind kind = TokKind::end;
  std::size_t pos = 0;    // 0-based byte offset of the first byte
  std::string_view text;  // the bytes as written (views the source)
  std::string word;       // word and keyword tokens: the name in lower case
  Cmp cmp = Cmp::truthy;  // cmp tokens
  float number = 0.0f;    // number tokens
  // error tokens: the complete message. Word and keyword tokens: a non-fatal
  // complaint (written in upper case), the token still being usable.
  std::string problem;
};

// Splits a condition into tokens. Any byte sequence is accepted: what is not a
// token becomes an error token covering at least one byte, so the lexer always
// advances and next() returns `end` for ever once the text is used up.
class Lexer {
 public:
  explicit Lexer(std::string_view src) : src_(src) {}
  Token next();

 private:
  Token lex_word(std::size_t start);
  Token lex_number(std::size_t start);
  Token lex_other(std::size_t start);

  std::string_view src_;
  std::size_t i_ = 0;
};

// `s` in single quotes, shortened with "..." if long. For printable ASCII text.
std::string quoted(std::string_view s);
// What a token is, for "found ..." in messages: 'and', number '2', end of text.
std::string describe(const Token& t);

}  // namespace hukou::policy::detail
