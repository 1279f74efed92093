// [county_score]: the county evaluation of Qiannan's appendix 1 (黔南州 附件1), scored
// by `hukou evaluate` for every zone with a registered_urbanization_rate_zone
// target in the scored year.
#include "format.hpp"
#include "keys.hpp"
#include "parts.hpp"
#include "toml_reads.hpp"

namespace hukou::scenario::detail {

void read_county_score(ReadContext& ctx, const toml::table& root, const Names& channels, const Years& years, Scenario& s) {
  const toml::node* n = root.get("county_score");
  if (!n) return;
  const toml::table* t = n->as_table();
  if (!t) {
    ctx.error(*n, "county_score", "expected a table [county_score], found " + describe(*n));
    return;
  }
  check_keys(ctx, *t, "county_score", county_score_keys(), "in [county_score]");
  hukou::CountyScore cs;
  if (auto y = require(ctx, *t, "year", "county_score", t->source()))
    if (auto v = read_integer(ctx, *y, "county_score.year", static_cast<std::int64_t>(table_key("county_score", "year").lo),
                            static_cast<std::int64_t>(table_key("county_score", "year").hi))) {
      cs.year = static_cast<int>(*v);
      if (years.ok && (cs.year <= years.base || cs.year > years.horizon))
        ctx.error(*y, "county_score.year",
                  "year " + std::to_string(cs.year) + " is outside the simulated years " + std::to_string(years.base + 1) +
                      "-" + std::to_string(years.horizon));
    }
  if (auto c = require(ctx, *t, "relocation_channel", "county_score", t->source()))
    if (auto i = read_reference(ctx, *c, "county_score.relocation_channel", channels, "channel")) cs.relocation_channel = *i;
  if (auto c = require(ctx, *t, "clause", "county_score", t->source()))
    if (auto v = read_string(ctx, *c, "county_score.clause", true)) cs.clause = *v;
  s.county_score = cs;
}

}  // namespace hukou::scenario::detail
