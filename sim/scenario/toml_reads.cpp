#include "toml_reads.hpp"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <limits>

#include "policy/suggest.hpp"

namespace hukou::scenario {

toml::table parse_toml(std::string_view text, const std::string& source) {
  try {
    return toml::parse(text, std::string(source));
  } catch (const toml::parse_error& e) {
    Diagnostic d;
    d.file = e.source().path ? *e.source().path : source;
    d.line = static_cast<int>(e.source().begin.line);
    d.column = static_cast<int>(e.source().begin.column);
    d.message = "invalid TOML: " + std::string(e.description());
    throw ScenarioError({d});
  } catch (const std::exception& e) {
    throw ScenarioError({Diagnostic{source, 0, 0, "", std::string("invalid TOML: ") + e.what()}});
  }
}

std::string describe(const toml::node& n) {
  switch (n.type()) {
    case toml::node_type::table: return "a table";
    case toml::node_type::array: return "an array";
    case toml::node_type::string: return "a string";
    case toml::node_type::integer: return "an integer";
    case toml::node_type::floating_point: return "a float";
    case toml::node_type::boolean: return "a boolean";
    case toml::node_type::date: return "a date";
    case toml::node_type::time: return "a time";
    case toml::node_type::date_time: return "a date-time";
    default: return "nothing";
  }
}

std::string fmt(double v) {
  char buf[32];
  auto r = std::to_chars(buf, buf + sizeof buf, v);
  return std::string(buf, r.ptr);
}

std::string quote(std::string_view s) {
  std::string out(1, '\'');
  out.append(s);
  out.push_back('\'');
  return out;
}

std::string list(const std::vector<std::string_view>& names) {
  std::string out;
  for (std::size_t i = 0; i < names.size(); ++i) out += (i ? ", " : "") + quote(names[i]);
  return out;
}

namespace {
std::string range_text(const std::string& lo, const std::string& hi, std::string_view unit) {
  std::string s = "must be in [" + lo + ", " + hi + "]";
  if (!unit.empty() && unit != "1") s += " (" + std::string(unit) + ")";
  return s;
}
}  // namespace

std::optional<double> read_number(ReadContext& ctx, const toml::node& n, const std::string& key) {
  if (auto i = n.as_integer()) return static_cast<double>(i->get());
  if (auto f = n.as_floating_point()) {
    const double v = f->get();
    if (std::isfinite(v)) return v;
    ctx.error(n, key, "expected a finite number, found " + fmt(v));
    return std::nullopt;
  }
  ctx.error(n, key, "expected a number, found " + describe(n));
  return std::nullopt;
}

std::optional<double> read_number(ReadContext& ctx, const toml::node& n, const std::string& key,
                                  double lo, double hi, std::string_view unit) {
  auto v = read_number(ctx, n, key);
  if (v && (*v < lo || *v > hi)) {
    ctx.error(n, key, fmt(*v) + " is out of range: " + range_text(fmt(lo), fmt(hi), unit));
    return std::nullopt;
  }
  return v;
}

std::optional<std::int64_t> read_integer(ReadContext& ctx, const toml::node& n, const std::string& key,
                                         std::int64_t lo, std::int64_t hi,
                                         std::string_view unit) {
  const auto* i = n.as_integer();
  if (!i) {
    std::string found = describe(n);
    if (auto f = n.as_floating_point()) found += " (" + fmt(f->get()) + ")";
    ctx.error(n, key, "expected an integer, found " + found);
    return std::nullopt;
  }
  const std::int64_t v = i->get();
  if (v < lo || v > hi) {
    const bool open = hi == std::numeric_limits<std::int64_t>::max();
    ctx.error(n, key,
              std::to_string(v) + " is out of range: " +
                  (open ? "must be >= " + std::to_string(lo)
                        : range_text(std::to_string(lo), std::to_string(hi), unit)));
    return std::nullopt;
  }
  return v;
}

std::optional<bool> read_bool(ReadContext& ctx, const toml::node& n, const std::string& key) {
  if (auto b = n.as_boolean()) return b->get();
  ctx.error(n, key, "expected a boolean (true or false), found " + describe(n));
  return std::nullopt;
}

std::optional<std::string> read_string(ReadContext& ctx, const toml::node& n, const std::string& key,
                                       bool nonempty) {
  const auto* s = n.as_string();
  if (!s) {
    ctx.error(n, key, "expected a string, found " + describe(n));
    return std::nullopt;
  }
  if (nonempty && s->get().empty()) {
    ctx.error(n, key, "expected a non-empty string, found \"\"");
    return std::nullopt;
  }
  // A NUL cannot be stored (run files hold NUL-terminated strings) and no other
  // control character belongs in a name or a clause; tab and newline may stand
  // in longer texts.
  const std::string& text = s->get();
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f) {
      char code[8];
      std::snprintf(code, sizeof code, "U+%04X", c);
      ctx.error(n, key, std::string("the string contains the control character ") + code + " at byte " +
                            std::to_string(i + 1) + "; remove it");
      return std::nullopt;
    }
  }
  return text;
}

std::optional<std::string> read_name(ReadContext& ctx, const toml::node& n, const std::string& key) {
  auto s = read_string(ctx, n, key, true);
  if (!s) return std::nullopt;
  if (s->find_first_of("\t\n\r") != std::string::npos) {
    ctx.error(n, key, "a name may not contain a tab or a line break");
    return std::nullopt;
  }
  return s;
}

std::optional<std::string> read_identifier(ReadContext& ctx, const toml::node& n,
                                           const std::string& key) {
  auto s = read_string(ctx, n, key);
  if (!s) return std::nullopt;
  bool ok = !s->empty();
  for (char c : *s) ok = ok && ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_');
  if (!ok) {
    ctx.error(n, key,
              "expected a name of lower-case letters, digits and '_' ([a-z0-9_]+), found " +
                  (s->size() <= 60 ? "\"" + *s + "\"" : std::string("a longer string")));
    return std::nullopt;
  }
  return s;
}

namespace {
bool valid_date(int y, int m, int d) {
  static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (y < 0 || y > 9999 || m < 1 || m > 12 || d < 1) return false;
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return d <= days[m - 1] + (m == 2 && leap ? 1 : 0);
}

std::optional<hukou::Date> parse_date(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  auto num = [&](std::size_t at, std::size_t len, int& out) {
    auto r = std::from_chars(s.data() + at, s.data() + at + len, out);
    return r.ec == std::errc() && r.ptr == s.data() + at + len && s[at] != '-' && s[at] != '+';
  };
  hukou::Date d;
  if (!num(0, 4, d.year) || !num(5, 2, d.month) || !num(8, 2, d.day)) return std::nullopt;
  if (!valid_date(d.year, d.month, d.day)) return std::nullopt;
  return d;
}
}  // namespace

std::optional<hukou::Date> read_date(ReadContext& ctx, const toml::node& n, const std::string& key) {
  if (auto d = n.as_date()) {
    const toml::date v = d->get();
    if (valid_date(v.year, v.month, v.day)) return hukou::Date{v.year, v.month, v.day};
    ctx.error(n, key, "expected a valid calendar date, found an impossible one");
    return std::nullopt;
  }
  if (auto s = n.as_string()) {
    if (auto d = parse_date(s->get())) return d;
    ctx.error(n, key,
              "expected a date YYYY-MM-DD (e.g. 2018-02-08), found the string " +
                  (s->get().size() <= 40 ? "\"" + s->get() + "\"" : std::string("given")));
    return std::nullopt;
  }
  ctx.error(n, key, "expected a date YYYY-MM-DD (e.g. 2018-02-08), found " + describe(n));
  return std::nullopt;
}

std::string join_key(std::string_view path, std::string_view key) {
  return path.empty() ? std::string(key) : std::string(path) + "." + std::string(key);
}

std::string suggest(std::string_view word, const std::vector<std::string_view>& candidates,
                    std::string_view kind) {
  const std::string near = hukou::policy::nearest(word, candidates);
  if (!near.empty()) return "; did you mean " + quote(near) + "?";
  if (candidates.empty()) return "";
  return "; valid " + std::string(kind) + ": " + list(candidates);
}

void check_keys(ReadContext& ctx, const toml::table& t, std::string_view path,
                const std::vector<std::string_view>& valid, std::string_view where) {
  for (auto&& [k, v] : t) {
    bool known = false;
    for (auto name : valid) known = known || name == k.str();
    if (known) continue;
    const std::string what = v.is_table() && path.empty() ? "unknown table [" + std::string(k.str()) + "]"
                                                          : "unknown key " + quote(k.str());
    ctx.error(k.source(), join_key(path, k.str()),
              what + " " + std::string(where) + suggest(k.str(), valid, "keys"));
  }
}

const toml::node* require(ReadContext& ctx, const toml::table& t, std::string_view k,
                          std::string_view path, const toml::source_region& where) {
  if (const toml::node* n = t.get(k)) return n;
  ctx.error(where, join_key(path, k), "missing required key " + quote(k));
  return nullptr;
}

}  // namespace hukou::scenario
