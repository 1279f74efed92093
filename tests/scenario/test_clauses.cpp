// The clause coverage tables ([[clauses]]): every city scenario has one that matches
// its citations both ways (the loader checks it), and breaking a real scenario
// either way is refused at the place of the break.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>

#include "helpers.hpp"
#include "scenario/clauses.hpp"

using namespace scenario_test;

namespace {
std::string builtin(const std::string& name) {
  auto text = hukou::scenario::builtin_text(name);
  REQUIRE(text);
  return *text;
}

// The diagnostics of parsing `text` as source "broken.toml" (none: it loads).
std::vector<Diagnostic> problems(const std::string& text) {
  try {
    hukou::scenario::parse(text, "broken.toml");
  } catch (const ScenarioError& e) {
    return e.diagnostics();
  }
  return {};
}

// `text` with the first occurrence of `from` replaced by `to` (which must exist).
std::string replaced(std::string text, const std::string& from, const std::string& to) {
  const auto at = text.find(from);
  REQUIRE(at != std::string::npos);
  return text.replace(at, from.size(), to);
}
}  // namespace

TEST_CASE("clauses: the id of a clause string is its text before the first colon", "[scenario][clauses]") {
  using hukou::scenario::clause_id;
  CHECK(clause_id("二(一)3: 自2018年起 ...") == "二(一)3");
  CHECK(clause_id("国发〔2014〕25号 二(二): 全面放开") == "国发〔2014〕25号 二(二)");
  CHECK(clause_id("  (四) : x: y") == "(四)");
  CHECK(clause_id("附件1 二") == "附件1 二");
  CHECK(clause_id("") == "");
}

TEST_CASE("clauses: every city scenario has a coverage table that its citations match", "[scenario][clauses]") {
  for (const char* name : {"taiyuan", "qiannan", "shaoxing", "dandong", "liaocheng", "national"}) {
    DYNAMIC_SECTION(name) {
      const hukou::Scenario s = hukou::scenario::load(name);
      REQUIRE(s.clauses.size() >= 5);
      // Each simulated or partly simulated clause is read by something; each cited
      // clause is listed (the loader refuses otherwise: this restates it).
      for (const auto& c : s.clauses) {
        INFO(c.id);
        CHECK_FALSE(c.why.empty());
        if (c.status != hukou::ClauseStatus::not_simulated)
          CHECK((!hukou::scenario::cited_by(s, c).empty() || !c.keys.empty()));
      }
      for (const auto& ch : s.channels) {
        const auto id = hukou::scenario::clause_id(ch.clause);
        INFO(ch.name << " cites " << id);
        CHECK(std::any_of(s.clauses.begin(), s.clauses.end(), [&](const auto& c) { return c.id == id; }));
      }
    }
  }
}

TEST_CASE("clauses: a housing provident fund clause is flagged where a document has one", "[scenario][clauses]") {
  // Dandong (十) is the only document of the five that names the fund (scenarios/data/README.md 6.4).
  const hukou::Scenario s = hukou::scenario::load("dandong");
  const auto it = std::find_if(s.clauses.begin(), s.clauses.end(), [](const auto& c) { return c.id == "(十)"; });
  REQUIRE(it != s.clauses.end());
  CHECK(it->status == hukou::ClauseStatus::partly);
  CHECK(it->why.find("provident fund") != std::string::npos);
}

TEST_CASE("clauses: a cited clause missing from the table is refused at the citation", "[scenario][clauses]") {
  // Taiyuan's four_groups channel cites 二(二); drop that entry from the table.
  const std::string text = builtin("taiyuan");
  const std::string entry = "[[clauses]]\nid = \"二(二)\"\n";
  const std::string broken = replaced(text, entry, "[[clauses]]\nid = \"二(二)x\"\n");
  const auto d = problems(broken);
  INFO(dump(d));
  // The renamed entry is itself uncited: the second problem, further down the file.
  REQUIRE(d.size() == 2);
  CHECK(d[0].key == "channels.four_groups.clause");
  CHECK(d[1].message.find("clause '二(二)x' is simulated but no channel") != std::string::npos);
  CHECK(d[0].message.find("cites clause '二(二)', which [[clauses]] does not list") != std::string::npos);
  CHECK(d[0].line > 0);
  CHECK(problems(text).empty());
}

TEST_CASE("clauses: a simulated clause that nothing cites is refused at its entry", "[scenario][clauses]") {
  // Taiyuan's purchase_contract channel is the only citation of 二(四): make it cite 二(二).
  const std::string text = builtin("taiyuan");
  const std::string broken = replaced(text, "clause = \"二(四):", "clause = \"二(二):");
  const auto d = problems(broken);
  INFO(dump(d));
  REQUIRE(d.size() == 1);
  CHECK(d[0].key.starts_with("clauses["));
  CHECK(d[0].message.find("clause '二(四)' is simulated but no channel") != std::string::npos);
}

TEST_CASE("clauses: a what-if inherits its parent's table without answering for it", "[scenario][clauses]") {
  // liaocheng_no_opening drops the channels that cite 三(一)1-5: the parent's table still
  // lists them as simulated, which is right for the parent and shown as such.
  const auto s = hukou::scenario::load_file(scenarios_dir() / "whatif" / "liaocheng_no_opening.toml");
  CHECK(s.clauses.size() == hukou::scenario::load("liaocheng").clauses.size());
}
