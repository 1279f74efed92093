// Channels of one kind tested at once (core/channel_set.hpp) must admit exactly
// what testing each channel's compiled condition admits, for every shipped
// scenario and what-if and for a pool too large for a table.
#include <catch2/catch.hpp>

#include <bit>
#include <random>

#include "core/attributes.hpp"
#include "core/attrs.hpp"
#include "core/engine.hpp"
#include "core/processes/eligibility.hpp"
#include "core/rules.hpp"
#include "helpers.hpp"
#include "policy/condition_parser.hpp"

namespace {

using hukou::ChannelSet;
using hukou::CompiledCondition;
using hukou::Facts;

// Random facts in the model's domain: flags 0 or 1, small whole numbers.
Facts random_facts(std::mt19937& rng) {
  Facts f;
  f.flags = std::uniform_int_distribution<std::uint64_t>()(rng);
  for (float& x : f.num) x = static_cast<float>(std::uniform_int_distribution<int>(0, 40)(rng));
  return f;
}

// Checks the set against each member channel on `draws` random facts.
void check_against_each(const ChannelSet& set, const std::vector<CompiledCondition>& channels,
                        std::uint32_t members, std::mt19937& rng, int draws) {
  for (int d = 0; d < draws; ++d) {
    const Facts f = random_facts(rng);
    std::uint32_t each = 0;
    for (std::uint32_t rest = members; rest; rest &= rest - 1) {
      const auto k = static_cast<std::size_t>(std::countr_zero(rest));
      if (channels[k](f)) each |= 1u << k;
    }
    REQUIRE(set.admitted(set.household_bits(f), f) == each);
  }
}

}  // namespace

TEST_CASE("channel sets admit what each channel admits, in every shipped scenario", "[scenario][channels]") {
  const std::vector<scenario_test::fs::path> files = scenario_test::shipped_scenario_files();
  std::mt19937 rng(2024);
  for (const auto& file : files) {
    INFO(file.string());
    const hukou::Rules r = hukou::compile_rules(hukou::scenario::load_file(file));
    for (std::size_t kind = 0; kind < r.sets.size(); ++kind) {
      std::uint32_t members = 0;
      for (const std::uint32_t m : r.candidates[kind]) members |= m;
      check_against_each(r.sets[kind], r.channel, members, rng, 2000);
    }
  }
}

TEST_CASE("the settlement channels pooled with the rental condition both ways admit what each admits",
          "[scenario][channels]") {
  // Housing's set (Rules::settle_and_rental): the settlement channels, then the
  // public rental condition given not settled and given settled.
  const std::vector<scenario_test::fs::path> files = scenario_test::shipped_scenario_files();
  std::mt19937 rng(11);
  std::size_t pooled = 0;
  for (const auto& file : files) {
    INFO(file.string());
    const hukou::Scenario sc = hukou::scenario::load_file(file);
    const hukou::Rules r = hukou::compile_rules(sc);
    REQUIRE(r.rental_unsettled == sc.channels.size());
    std::vector<CompiledCondition> each = r.channel;
    each.emplace_back(sc.public_rental_condition.given(hukou::Attr::settled, false));
    each.emplace_back(sc.public_rental_condition.given(hukou::Attr::settled, true));
    std::uint32_t members = 3u << r.rental_unsettled;
    for (const std::uint32_t m : r.candidates[static_cast<std::size_t>(hukou::ChannelKind::settle)]) members |= m;
    check_against_each(r.settle_and_rental, each, members, rng, 2000);
    pooled += r.settle_and_rental.pooled();
  }
  // The pooled path of rental_and_channels is exercised (the test below).
  CHECK(pooled >= files.size() / 2);
}

TEST_CASE("a condition given a flag equals the condition on facts with that flag", "[scenario][channels]") {
  std::mt19937 rng(5);
  for (const char* text : {"(settled and formal_job) or (college_grad and years_in_town <= 2)", "not settled",
                           "settled == 0 or age >= 40", "settled != 1 and settled", "employed or true", "true"}) {
    INFO(text);
    const auto p = hukou::policy::parse_condition(text);
    REQUIRE(p.condition);
    const CompiledCondition whole(*p.condition);
    for (const bool value : {false, true}) {
      const hukou::Condition given = p.condition->given(hukou::Attr::settled, value);
      const CompiledCondition part(given);
      CHECK((part.reads() & hukou::attr_bit(hukou::Attr::settled)) == 0);
      for (int d = 0; d < 2000; ++d) {
        Facts f = random_facts(rng);
        f.flags = (f.flags & ~hukou::attr_bit(hukou::Attr::settled)) |
                  (value ? hukou::attr_bit(hukou::Attr::settled) : 0);
        REQUIRE(part(f) == whole(f));
      }
    }
  }
  const auto p = hukou::policy::parse_condition("age >= 40");
  REQUIRE(p.condition);
  CHECK_THROWS(p.condition->given(hukou::Attr::age, true));
}

TEST_CASE("a channel set too large for a table tests each channel", "[scenario][channels]") {
  // 14 distinct person atoms across three channels: more than kMaxPooled.
  std::vector<CompiledCondition> channels;
  for (const char* text : {"age >= 20 and years_in_town >= 1 or si_years >= 2 and permit_years >= 3",
                           "age >= 30 or years_in_town >= 4 or si_years >= 5 or permit_years >= 6 or employed",
                           "age < 50 and years_in_town < 7 and si_years < 8 and permit_years < 9 and formal_job",
                           "true"}) {
    const auto p = hukou::policy::parse_condition(text);
    REQUIRE(p.condition);
    channels.emplace_back(*p.condition);
  }
  const ChannelSet set(channels, 0b1111);
  CHECK_FALSE(set.pooled());
  std::mt19937 rng(7);
  check_against_each(set, channels, 0b1111, rng, 5000);
  // The first two alone pool 9 atoms: a table.
  const ChannelSet small(channels, 0b0011);
  CHECK(small.pooled());
  check_against_each(small, channels, 0b0011, rng, 5000);
}

TEST_CASE("the rental condition and the channels from shared facts, in every shipped scenario",
          "[scenario][channels]") {
  // Housing takes both for a household without hukou from one fill of the facts
  // (rental_and_channels); each must equal its own function, on the agents of a
  // short run (after the base year and after one period).
  const std::vector<scenario_test::fs::path> files = scenario_test::shipped_scenario_files();
  for (const auto& file : files) {
    INFO(file.string());
    const hukou::Scenario sc = scenario_test::resized(hukou::scenario::load_file(file), 20000);
    hukou::Model m(sc, sc.seed);
    std::size_t tested = 0;
    for (int period = 0; period < 2; ++period) {
      const hukou::World& w = m.world();
      for (std::uint32_t h = 0; h < w.pop.h.size(); ++h) {
        if (w.pop.h.loc[h] != hukou::Location::town || hukou::is_settled(w.pop, h)) continue;
        const auto both = hukou::rental_and_channels(w, h);
        const auto rental = hukou::admits_unsettled_and_settled(w, w.rules.public_rental, h);
        REQUIRE(both.rental.unsettled == rental.unsettled);
        REQUIRE(both.rental.settled == rental.settled);
        REQUIRE(both.channels == hukou::admitting_channels(w, h));
        ++tested;
      }
      if (!m.finished()) m.step();
    }
    CHECK(tested > 1000);
  }
}
