#include "condition_lexer.hpp"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <system_error>

namespace hukou::policy::detail {

namespace {

constexpr std::size_t kQuoteMax = 40;  // longest quoted text in a message
constexpr std::string_view kAnyToken =
    "expected an attribute, a number, a comparison, 'and', 'or', 'not' or parentheses";

bool is_space(unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }
bool is_lower(unsigned char c) { return c >= 'a' && c <= 'z'; }
bool is_upper(unsigned char c) { return c >= 'A' && c <= 'Z'; }
bool is_digit(unsigned char c) { return c >= '0' && c <= '9'; }
bool is_word_start(unsigned char c) { return is_lower(c) || is_upper(c) || c == '_'; }
bool is_word_char(unsigned char c) { return is_word_start(c) || is_digit(c); }

// Length (2-4) of the well-formed UTF-8 sequence starting at s[i] and its code
// point, or 0 if the bytes there are not one.
std::size_t utf8_sequence(std::string_view s, std::size_t i, char32_t& cp) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char b0 = byte(i);
  std::size_t len = 0;
  unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the second byte
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    len = 2;
    cp = b0 & 0x1F;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    len = 3;
    cp = b0 & 0x0F;
    if (b0 == 0xE0) lo = 0xA0;  // no overlong forms
    if (b0 == 0xED) hi = 0x9F;  // no surrogates
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    len = 4;
    cp = b0 & 0x07;
    if (b0 == 0xF0) lo = 0x90;
    if (b0 == 0xF4) hi = 0x8F;  // nothing above U+10FFFF
  } else {
    return 0;
  }
  if (s.size() - i < len) return 0;
  for (std::size_t k = 1; k < len; ++k) {
    const unsigned char b = byte(i + k);
    if (k == 1 ? (b < lo || b > hi) : (b < 0x80 || b > 0xBF)) return 0;
    cp = (cp << 6) | (b & 0x3F);
  }
  return len;
}

std::string hex_byte(unsigned char c) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "0x%02X", static_cast<unsigned>(c));
  return buf;
}

}  // namespace

std::string quoted(std::string_view s) {
  // Appended piece by piece: GCC 12 gives a false -Wrestrict for "'" + std::string(...).
  std::string out;
  out.reserve(kQuoteMax + 2);
  out += '\'';
  if (s.size() <= kQuoteMax) {
    out += s;
  } else {
    out += s.substr(0, kQuoteMax - 3);
    out += "...";
  }
  out += '\'';
  return out;
}

std::string describe(const Token& t) {
  switch (t.kind) {
    case TokKind::end: return "end of text";
    case TokKind::number: return "number " + quoted(t.text);
    default: return quoted(t.text);
  }
}

Token Lexer::next() {
  while (i_ < src_.size() && is_space(static_cast<unsigned char>(src_[i_]))) ++i_;
  if (i_ >= src_.size()) {
    Token t;
    t.kind = TokKind::end;
    t.pos = src_.size();
    return t;
  }
  const std::size_t start = i_;
  const auto c = static_cast<unsigned char>(src_[start]);
  if (is_word_start(c)) return lex_word(start);
  if (is_digit(c) || (c == '.' && start + 1 < src_.size() &&
                      is_digit(static_cast<unsigned char>(src_[start + 1]))))
    return lex_number(start);
  return lex_other(start);
}

Token Lexer::lex_word(std::size_t start) {
  std::size_t end = start;
  bool upper = false;
  while (end < src_.size() && is_word_char(static_cast<unsigned char>(src_[end]))) {
    upper = upper || is_upper(static_cast<unsigned char>(src_[end]));
    ++end;
  }
  i_ = end;
  Token t;
  t.pos = start;
  t.text = src_.substr(start, end - start);
  t.word.reserve(t.text.size());
  for (char ch : t.text)
    t.word += is_upper(static_cast<unsigned char>(ch)) ? static_cast<char>(ch - 'A' + 'a') : ch;

  t.kind = TokKind::word;
  if (t.word == "and") t.kind = TokKind::kw_and;
  else if (t.word == "or") t.kind = TokKind::kw_or;
  else if (t.word == "not") t.kind = TokKind::kw_not;
  else if (t.word == "true") t.kind = TokKind::kw_true;
  else if (t.word == "false") t.kind = TokKind::kw_false;

  if (upper)
    t.problem = "found " + quoted(t.text) + ": keywords and attribute names are lower case (write " +
                quoted(t.word) + ")";
  return t;
}

Token Lexer::lex_number(std::size_t start) {
  // The token runs over everything that could belong to it, so that "2abc" or
  // "1.2.3" is one bad number rather than a number followed by something else.
  std::size_t end = start;
  while (end < src_.size() &&
         (is_word_char(static_cast<unsigned char>(src_[end])) || src_[end] == '.'))
    ++end;
  i_ = end;
  Token t;
  t.pos = start;
  t.text = src_.substr(start, end - start);

  // Well formed: digits, optionally followed by '.' and digits.
  std::size_t k = 0;
  while (k < t.text.size() && is_digit(static_cast<unsigned char>(t.text[k]))) ++k;
  const std::size_t int_digits = k;
  std::size_t frac_digits = 0;
  bool point = false;
  if (k < t.text.size() && t.text[k] == '.') {
    point = true;
    ++k;
    while (k < t.text.size() && is_digit(static_cast<unsigned char>(t.text[k]))) ++k, ++frac_digits;
  }
  const bool well_formed = k == t.text.size() && int_digits > 0 && (!point || frac_digits > 0);
  if (!well_formed) {
    t.kind = TokKind::error;
    t.problem = "bad number " + quoted(t.text) + ": expected a decimal such as 2, 18 or 0.5";
    if (int_digits == 0 && k == t.text.size()) t.problem += " (write a digit before the '.')";
    return t;
  }

  float value = 0.0f;
  const char* first = t.text.data();
  const char* last = first + t.text.size();
  const auto [ptr, ec] = std::from_chars(first, last, value, std::chars_format::fixed);
  if (ec != std::errc() || ptr != last || !std::isfinite(value)) {
    t.kind = TokKind::error;
    t.problem = "bad number " + quoted(t.text) + ": out of range for a condition";
    return t;
  }
  t.kind = TokKind::number;
  t.number = value;
  return t;
}

Token Lexer::lex_other(std::size_t start) {
  const char c = src_[start];
  const char n = start + 1 < src_.size() ? src_[start + 1] : '\0';
  Token t;
  t.pos = start;
  const auto take = [&](TokKind kind, std::size_t len) {
    t.kind = kind;
    t.text = src_.substr(start, len);
    i_ = start + len;
    return t;
  };
  const auto comparison = [&](Cmp cmp, std::size_t len) {
    t.cmp = cmp;
    return take(TokKind::cmp, len);
  };
  const auto fail = [&](std::size_t len, std::string message) {
    t.problem = std::move(message);
    return take(TokKind::error, len);
  };

  switch (c) {
    case '(': return take(TokKind::lparen, 1);
    case ')': return take(TokKind::rparen, 1);
    case '<': return n == '=' ? comparison(Cmp::le, 2) : comparison(Cmp::lt, 1);
    case '>': return n == '=' ? comparison(Cmp::ge, 2) : comparison(Cmp::gt, 1);
    case '=':
      if (n == '=') return comparison(Cmp::eq, 2);
      if (n == '<') return fail(2, "unexpected '=<': did you mean '<='?");
      if (n == '>') return fail(2, "unexpected '=>': did you mean '>='?");
      return fail(1, "unexpected '=': compare with '==' (or != < <= > >=)");
    case '!':
      if (n == '=') return comparison(Cmp::ne, 2);
      return fail(1, "unexpected '!': negate with 'not'");
    case '&': return fail(n == '&' ? 2 : 1, "unexpected '" + std::string(n == '&' ? "&&" : "&") + "': use 'and'");
    case '|': return fail(n == '|' ? 2 : 1, "unexpected '" + std::string(n == '|' ? "||" : "|") + "': use 'or'");
    case '-': return fail(1, "unexpected '-': numbers in conditions are never negative");
    case '"':
    case '\'': return fail(1, "unexpected quote " + std::string(1, c) + ": conditions are written without quotes");
    default: break;
  }

  const auto u = static_cast<unsigned char>(c);
  if (u >= 0x21 && u <= 0x7E)
    return fail(1, "unexpected character '" + std::string(1, c) + "': " + std::string(kAnyToken));
  if (u < 0x80) return fail(1, "unexpected control byte " + hex_byte(u) + ": " + std::string(kAnyToken));
  char32_t cp = 0;
  if (const std::size_t len = utf8_sequence(src_, start, cp); len > 0) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(cp));
    return fail(len, "unexpected non-ASCII character '" + std::string(src_.substr(start, len)) + "' (" + buf +
                         "): conditions are written in ASCII only");
  }
  return fail(1, "unexpected byte " + hex_byte(u) + " (not valid UTF-8): " + std::string(kAnyToken));
}

}  // namespace hukou::policy::detail
