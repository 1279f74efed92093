// Condition strings (channel conditions, [public_rental]): compiled with
// policy::parse_condition; each error is reported at its own place inside the
// string, found by walking the file's text from the opening quote.
#include "parts.hpp"
#include "policy/condition_parser.hpp"
#include "toml_reads.hpp"

namespace hukou::scenario::detail {

namespace {
bool continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// Byte index in `text` of (line, column), columns counting code points as toml++ does.
std::optional<std::size_t> byte_index(std::string_view text, toml::source_position at) {
  std::size_t i = 0;
  for (std::size_t line = 1; line < at.line; ++line) {
    i = text.find('\n', i);
    if (i == std::string_view::npos) return std::nullopt;
    ++i;
  }
  for (std::size_t col = 1; col < at.column; ++col) {
    if (i >= text.size() || text[i] == '\n') return std::nullopt;
    ++i;
    while (i < text.size() && continuation(text[i])) ++i;
  }
  return i;
}

// The place of byte `offset` of string value `n`, when the string is written
// without escapes up to there; otherwise the place of the string itself.
toml::source_region place_in_string(const ReadContext& ctx, const toml::node& n, std::size_t offset) {
  const toml::source_region& src = n.source();
  const std::string* text_ptr = src.path ? ctx.text_of(*src.path) : nullptr;
  const auto* value = n.as_string();
  if (!text_ptr || !value || !src.begin) return src;
  const std::string_view text = *text_ptr;
  const auto start = byte_index(text, src.begin);
  if (!start || *start >= text.size()) return src;
  std::size_t q = *start;
  const char quote_char = text[q];
  if (quote_char != '"' && quote_char != '\'') return src;
  const bool multi = text.substr(q, 3) == std::string(3, quote_char);
  q += multi ? 3 : 1;
  if (multi && text.substr(q, 1) == "\n") q += 1;
  if (multi && text.substr(q, 2) == "\r\n") q += 2;
  const std::string_view v = value->get();
  for (std::size_t i = 0; i < offset; ++i) {
    if (q >= text.size() || i >= v.size() || text[q] != v[i]) return src;
    if (quote_char == '"' && text[q] == '\\') return src;
    ++q;
  }
  toml::source_region out = src;
  for (std::size_t i = *start; i < q; ++i)
    if (text[i] == '\n') ++out.begin.line;
  const std::size_t nl = text.substr(0, q).rfind('\n');
  const std::size_t line_start = nl == std::string_view::npos ? 0 : nl + 1;
  toml::source_index col = 1;
  for (std::size_t i = line_start; i < q; ++i)
    if (!continuation(text[i])) ++col;
  out.begin.column = col;
  out.end = out.begin;
  return out;
}
}  // namespace

std::optional<hukou::Condition> read_condition(ReadContext& ctx, const toml::node& n,
                                               const std::string& key) {
  auto text = read_string(ctx, n, key);
  if (!text) return std::nullopt;
  auto parsed = hukou::policy::parse_condition(*text);
  if (parsed.condition) return std::move(*parsed.condition);
  for (const auto& e : parsed.errors) {
    const std::size_t offset = e.column > 0 ? e.column - 1 : 0;
    ctx.error(place_in_string(ctx, n, offset), key, "in condition: " + e.message);
  }
  return std::nullopt;
}

}  // namespace hukou::scenario::detail
