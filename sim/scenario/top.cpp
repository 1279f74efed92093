// The top-level scalars (name, title, years, scale, seed) and [public_rental].
#include <limits>

#include "format.hpp"
#include "keys.hpp"
#include "parts.hpp"
#include "toml_reads.hpp"

namespace hukou::scenario::detail {

namespace {
constexpr int kMaxPeriods = 100;

std::optional<std::int64_t> read_year(ReadContext& ctx, const toml::node& n, std::string_view k) {
  const TableKeySpec& spec = table_key("", k);
  return read_integer(ctx, n, std::string(k), static_cast<std::int64_t>(spec.lo), static_cast<std::int64_t>(spec.hi),
                      spec.unit);
}

const toml::node* required_top(ReadContext& ctx, const toml::table& root, std::string_view k) {
  if (const toml::node* n = root.get(k)) return n;
  ctx.error_top(std::string(k), "missing required key " + quote(k));
  return nullptr;
}
}  // namespace

Years read_top(ReadContext& ctx, const toml::table& root, Scenario& s) {
  check_keys(ctx, root, "", top_level_keys(), "at the top level");

  if (auto n = required_top(ctx, root, "name"))
    if (auto v = read_identifier(ctx, *n, "name")) s.name = *v;
  if (auto n = required_top(ctx, root, "title"))
    if (auto v = read_string(ctx, *n, "title", true)) s.title = *v;
  if (auto n = root.get("description"))
    if (auto v = read_string(ctx, *n, "description")) s.description = *v;

  std::optional<std::int64_t> base, horizon;
  if (auto n = required_top(ctx, root, "base_year"))
    base = read_year(ctx, *n, "base_year");
  const toml::node* hn = required_top(ctx, root, "horizon");
  if (hn) horizon = read_year(ctx, *hn, "horizon");

  Years years;
  if (base && horizon) {
    if (*horizon <= *base) {
      ctx.error(*hn, "horizon",
                "horizon " + std::to_string(*horizon) + " must be after base_year " +
                    std::to_string(*base) + " (years out of order)");
    } else if (*horizon - *base > kMaxPeriods) {
      ctx.error(*hn, "horizon",
                "horizon - base_year is " + std::to_string(*horizon - *base) +
                    " periods; at most " + std::to_string(kMaxPeriods) + " are allowed");
    } else {
      years = Years{true, static_cast<int>(*base), static_cast<int>(*horizon)};
    }
  }
  if (base) s.base_year = static_cast<int>(*base);
  if (horizon) s.horizon = static_cast<int>(*horizon);

  if (auto n = root.get("scale")) {
    // At most a zone's largest population (keys.def): any more is no agent at all.
    if (auto v = read_number(ctx, *n, "scale")) {
      const TableKeySpec& spec = table_key("", "scale");
      if (*v > spec.lo && *v <= spec.hi)  // exclusive: a scale of 0 has no agents
        s.scale = *v;
      else
        ctx.error(*n, "scale",
                  fmt(*v) + " is out of range: persons per agent must be > " + fmt(spec.lo) + " and at most " +
                      fmt(spec.hi));
    }
  }
  if (auto n = root.get("seed"))
    if (auto v = read_integer(ctx, *n, "seed", static_cast<std::int64_t>(table_key("", "seed").lo),
                                std::numeric_limits<std::int64_t>::max()))
      s.seed = static_cast<std::uint64_t>(*v);
  return years;
}

void read_public_rental(ReadContext& ctx, const toml::table& root, Scenario& s) {
  const toml::node* n = root.get("public_rental");
  if (!n) return;
  const toml::table* t = n->as_table();
  if (!t) {
    ctx.error(*n, "public_rental", "expected a table [public_rental], found " + describe(*n));
    return;
  }
  check_keys(ctx, *t, "public_rental", public_rental_keys(), "in [public_rental]");
  if (auto c = t->get("condition"))
    if (auto cond = read_condition(ctx, *c, "public_rental.condition"))
      s.public_rental_condition = std::move(*cond);
}

}  // namespace hukou::scenario::detail
