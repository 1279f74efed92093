#include <catch2/catch.hpp>

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <functional>
#include <initializer_list>
#include <limits>
#include <numeric>
#include <random>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/attributes.hpp"
#include "core/compiled_condition.hpp"
#include "core/condition.hpp"
#include "policy/condition_parser.hpp"

using hukou::Attr;
using hukou::AttrValues;
using hukou::Cmp;
using hukou::Condition;
using hukou::Instr;
using hukou::policy::ConditionError;
using hukou::policy::parse_condition;
using hukou::policy::ParsedCondition;

namespace {

std::size_t idx(Attr a) { return static_cast<std::size_t>(a); }

AttrValues values(std::initializer_list<std::pair<Attr, float>> set) {
  AttrValues v{};
  for (auto [a, x] : set) v[idx(a)] = x;
  return v;
}

std::string dump(const ParsedCondition& p) {
  std::string s;
  for (const ConditionError& e : p.errors) s += std::to_string(e.column) + ": " + e.message + "\n";
  return s;
}

Condition must_parse(std::string_view text) {
  const ParsedCondition p = parse_condition(text);
  INFO("text: " << text << "\nerrors:\n" << dump(p));
  REQUIRE(p.errors.empty());
  REQUIRE(p.condition.has_value());
  return *p.condition;
}

// The one error a text produces.
ConditionError only_error(std::string_view text) {
  const ParsedCondition p = parse_condition(text);
  INFO("text: " << text << "\nerrors:\n" << dump(p));
  CHECK_FALSE(p.condition.has_value());
  REQUIRE(p.errors.size() == 1);
  return p.errors.front();
}

// Checks the program is well formed RPN that leaves one value; returns its peak stack use.
std::size_t peak_stack(const Condition& c) {
  std::size_t sp = 0, peak = 0;
  for (const Instr& in : c.code) {
    switch (in.op) {
      case Instr::Op::test:
      case Instr::Op::constant: ++sp; break;
      case Instr::Op::op_not: REQUIRE(sp >= 1); break;
      case Instr::Op::op_and:
      case Instr::Op::op_or: REQUIRE(sp >= 2); --sp; break;
    }
    peak = std::max(peak, sp);
  }
  REQUIRE(sp == 1);
  return peak;
}

// Prints a program back as text with only the parentheses it needs.
std::string to_text(const std::vector<Instr>& code) {
  enum Prec { p_or = 0, p_and = 1, p_atom = 2 };
  std::vector<std::pair<std::string, int>> st;
  const auto wrap = [](const std::pair<std::string, int>& e, int need) {
    return e.second < need ? "(" + e.first + ")" : e.first;
  };
  for (const Instr& in : code) {
    switch (in.op) {
      case Instr::Op::constant: st.push_back({in.value != 0.0f ? "true" : "false", p_atom}); break;
      case Instr::Op::test: {
        std::string s(hukou::info(in.attr).name);
        static constexpr std::array<std::string_view, 7> ops{"", "==", "!=", "<", "<=", ">", ">="};
        if (in.cmp != Cmp::truthy) {
          char buf[64];
          auto r = std::to_chars(buf, buf + sizeof buf, in.value, std::chars_format::fixed);
          s += ' ';
          s += ops[static_cast<std::size_t>(in.cmp)];
          s += ' ';
          s.append(buf, r.ptr);
        }
        st.push_back({s, p_atom});
        break;
      }
      case Instr::Op::op_not: st.back() = {"not " + wrap(st.back(), p_atom), p_atom}; break;
      case Instr::Op::op_and:
      case Instr::Op::op_or: {
        const bool is_and = in.op == Instr::Op::op_and;
        const int prec = is_and ? p_and : p_or;
        auto rhs = st.back();
        st.pop_back();
        auto lhs = st.back();
        // Left associative: the left operand may be the same operator, the right may not.
        st.back() = {wrap(lhs, prec) + (is_and ? " and " : " or ") + wrap(rhs, prec + 1), prec};
        break;
      }
    }
  }
  return st.empty() ? "" : st.back().first;
}

bool same_code(const std::vector<Instr>& a, const std::vector<Instr>& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (a[i].op != b[i].op || a[i].value != b[i].value) return false;
    if (a[i].op == Instr::Op::test && (a[i].attr != b[i].attr || a[i].cmp != b[i].cmp)) return false;
  }
  return true;
}

// Every flag combination of `attrs` (others zero); `extra` fills in more values.
void for_each_combination(const std::vector<Attr>& attrs, const std::function<void(const AttrValues&)>& f,
                          const AttrValues& base = AttrValues{}) {
  for (unsigned mask = 0; mask < (1u << attrs.size()); ++mask) {
    AttrValues v = base;
    for (std::size_t i = 0; i < attrs.size(); ++i) v[idx(attrs[i])] = (mask >> i) & 1u ? 1.0f : 0.0f;
    f(v);
  }
}

}  // namespace

// ---------------------------------------------------------------------------
// Valid conditions

TEST_CASE("policy parser: talent channel example", "[policy][parser]") {
  const std::string text =
      "(college_grad or skilled_worker or vocational_grad or overseas_returnee) and (employed or stable_residence)";
  const Condition c = must_parse(text);
  CHECK(c.text == text);
  CHECK(peak_stack(c) <= 64);
  const std::vector<Attr> attrs{Attr::college_grad, Attr::skilled_worker, Attr::vocational_grad,
                                Attr::overseas_returnee, Attr::employed, Attr::stable_residence};
  int true_count = 0;
  for_each_combination(attrs, [&](const AttrValues& v) {
    const auto on = [&](Attr a) { return v[idx(a)] != 0.0f; };
    const bool want = (on(Attr::college_grad) || on(Attr::skilled_worker) || on(Attr::vocational_grad) ||
                       on(Attr::overseas_returnee)) &&
                      (on(Attr::employed) || on(Attr::stable_residence));
    CHECK(c(v) == want);
    true_count += want;
  });
  CHECK(true_count == 15 * 3);
  const std::uint64_t reads = hukou::CompiledCondition(c).reads();
  CHECK((reads & hukou::attr_bit(Attr::overseas_returnee)) != 0);
  CHECK((reads & hukou::attr_bit(Attr::permit)) == 0);
}

TEST_CASE("policy parser: residence-years channel example", "[policy][parser]") {
  const Condition c = must_parse("employed and years_in_town >= 2 and whole_family and permit");
  for (float years : {0.0f, 1.0f, 1.99f, 2.0f, 2.5f, 10.0f}) {
    AttrValues base{};
    base[idx(Attr::years_in_town)] = years;
    for_each_combination({Attr::employed, Attr::whole_family, Attr::permit}, [&](const AttrValues& v) {
      const bool want = v[idx(Attr::employed)] != 0 && years >= 2.0f && v[idx(Attr::whole_family)] != 0 &&
                        v[idx(Attr::permit)] != 0;
      CHECK(c(v) == want);
    }, base);
  }
  // Four tests joined by three left-associative 'and's.
  REQUIRE(c.code.size() == 7);
  CHECK(c.code[1].attr == Attr::years_in_town);
  CHECK(c.code[1].cmp == Cmp::ge);
  CHECK(c.code[1].value == 2.0f);
  CHECK(c.code[2].op == Instr::Op::op_and);
}

TEST_CASE("policy parser: single flag and negation examples", "[policy][parser]") {
  const Condition purchase = must_parse("purchase_contract");
  REQUIRE(purchase.code.size() == 1);
  CHECK(purchase.code[0].op == Instr::Op::test);
  CHECK(purchase.code[0].cmp == Cmp::truthy);
  CHECK(purchase(values({{Attr::purchase_contract, 1}})));
  CHECK_FALSE(purchase(values({{Attr::owns_home, 1}})));

  const Condition c = must_parse("not formal_job or si_years < 1");
  for (float si : {0.0f, 0.5f, 0.99f, 1.0f, 3.0f})
    for (float formal : {0.0f, 1.0f}) {
      const AttrValues v = values({{Attr::formal_job, formal}, {Attr::si_years, si}});
      CHECK(c(v) == (formal == 0.0f || si < 1.0f));
    }
}

TEST_CASE("policy parser: precedence and associativity", "[policy][parser]") {
  const Condition flat = must_parse("employed or permit and veteran");
  const Condition grouped_and = must_parse("employed or (permit and veteran)");
  const Condition grouped_or = must_parse("(employed or permit) and veteran");
  CHECK(same_code(flat.code, grouped_and.code));
  bool differs = false;
  for_each_combination({Attr::employed, Attr::permit, Attr::veteran}, [&](const AttrValues& v) {
    const bool a = v[idx(Attr::employed)] != 0, b = v[idx(Attr::permit)] != 0, c = v[idx(Attr::veteran)] != 0;
    CHECK(flat(v) == (a || (b && c)));
    CHECK(grouped_and(v) == flat(v));
    CHECK(grouped_or(v) == ((a || b) && c));
    differs = differs || grouped_or(v) != flat(v);
  });
  CHECK(differs);

  // RPN shape: a b c and or.
  REQUIRE(flat.code.size() == 5);
  CHECK(flat.code[3].op == Instr::Op::op_and);
  CHECK(flat.code[4].op == Instr::Op::op_or);

  // 'not' binds tighter than 'and'.
  const Condition n = must_parse("not employed and permit");
  for_each_combination({Attr::employed, Attr::permit}, [&](const AttrValues& v) {
    CHECK(n(v) == (v[idx(Attr::employed)] == 0 && v[idx(Attr::permit)] != 0));
  });

  const Condition nn = must_parse("not not employed");
  REQUIRE(nn.code.size() == 3);
  CHECK(nn(values({{Attr::employed, 1}})));
  CHECK_FALSE(nn(values({})));
  const Condition nnn = must_parse("not not not employed");
  CHECK_FALSE(nnn(values({{Attr::employed, 1}})));
  CHECK(nnn(values({})));
  const Condition np = must_parse("not (employed or permit)");
  CHECK(np(values({})));
  CHECK_FALSE(np(values({{Attr::permit, 1}})));
}

TEST_CASE("policy parser: constants, comparisons, numbers and spacing", "[policy][parser]") {
  CHECK(must_parse("true")(values({})));
  CHECK_FALSE(must_parse("false")(values({})));
  CHECK(must_parse("false or true")(values({})));
  CHECK_FALSE(must_parse("not true")(values({})));
  REQUIRE(must_parse("true").code.size() == 1);
  CHECK(must_parse("true").code[0].op == Instr::Op::constant);

  struct Case { const char* text; bool at17, at18, at19; };
  for (const Case& k : {Case{"age == 18", false, true, false}, Case{"age != 18", true, false, true},
                        Case{"age < 18", true, false, false}, Case{"age <= 18", true, true, false},
                        Case{"age > 18", false, false, true}, Case{"age >= 18", false, true, true}}) {
    INFO(k.text);
    const Condition c = must_parse(k.text);
    CHECK(c(values({{Attr::age, 17}})) == k.at17);
    CHECK(c(values({{Attr::age, 18}})) == k.at18);
    CHECK(c(values({{Attr::age, 19}})) == k.at19);
  }

  const Condition half = must_parse("si_years >= 0.5");
  CHECK(half.code[0].value == 0.5f);
  CHECK_FALSE(half(values({{Attr::si_years, 0.25f}})));
  CHECK(half(values({{Attr::si_years, 0.5f}})));
  CHECK(must_parse("household_size >= 007").code[0].value == 7.0f);
  CHECK(must_parse("age >= 18.000").code[0].value == 18.0f);

  // Flags may be compared with == and != against 0 or 1.
  CHECK(must_parse("permit == 1")(values({{Attr::permit, 1}})));
  CHECK(must_parse("permit == 0")(values({})));
  CHECK(must_parse("permit != 0")(values({{Attr::permit, 1}})));
  CHECK_FALSE(must_parse("permit != 1")(values({{Attr::permit, 1}})));
  CHECK(must_parse("permit == 1.0")(values({{Attr::permit, 1}})));

  // Whitespace is free, including none at all around punctuation.
  const Condition tight = must_parse("(employed)and(age>=18)or\tnot\n\rpermit");
  const Condition loose = must_parse("  ( employed ) and ( age >= 18 ) or not permit  ");
  CHECK(same_code(tight.code, loose.code));
  CHECK(tight.text == "(employed)and(age>=18)or\tnot\n\rpermit");
  CHECK(must_parse("((((employed))))").code.size() == 1);
}

TEST_CASE("policy parser: every catalogue attribute is accepted", "[policy][parser]") {
  for (const hukou::AttrInfo& a : hukou::attribute_catalogue()) {
    const std::string name(a.name);
    const std::string text = a.kind == hukou::AttrKind::flag ? name : name + " >= 1";
    const Condition c = must_parse(text);
    CHECK(hukou::CompiledCondition(c).reads() == hukou::attr_bit(a.attr));
    AttrValues v{};
    CHECK_FALSE(c(v));
    v[idx(a.attr)] = 1.0f;
    CHECK(c(v));
  }
}

// ---------------------------------------------------------------------------
// Errors

TEST_CASE("policy parser: unknown attributes", "[policy][parser][errors]") {
  auto e = only_error("colege_grad and permit");
  CHECK(e.column == 1);
  CHECK(e.message == "unknown attribute 'colege_grad' (did you mean 'college_grad'?)");

  e = only_error("employed and yeras_in_town >= 2");
  CHECK(e.column == 14);
  CHECK(e.message == "unknown attribute 'yeras_in_town' (did you mean 'years_in_town'?)");

  e = only_error("employed and hukou_lottery_winner");
  CHECK(e.column == 14);
  CHECK_THAT(e.message, Catch::StartsWith("unknown attribute 'hukou_lottery_winner'"));
  CHECK_THAT(e.message, Catch::Contains("docs/parameters.md#attributes"));

  // Keyword-like typos are suggested as keywords; parsing goes on after an unknown name.
  const ParsedCondition p = parse_condition("nto permit");
  REQUIRE(p.errors.size() == 2);
  CHECK(p.errors[0].column == 1);
  CHECK(p.errors[0].message == "unknown attribute 'nto' (did you mean 'not'?)");
  CHECK(p.errors[1].column == 5);
}

TEST_CASE("policy parser: attribute kinds", "[policy][parser][errors]") {
  auto e = only_error("years_in_town and permit");
  CHECK(e.column == 1);
  CHECK(e.message == "attribute 'years_in_town' is a number: compare it, e.g. years_in_town >= 2");

  e = only_error("permit and not age");
  CHECK(e.column == 16);
  CHECK(e.message == "attribute 'age' is a number: compare it, e.g. age >= 18");

  e = only_error("employed and permit >= 1");
  CHECK(e.column == 21);
  CHECK_THAT(e.message, Catch::StartsWith("attribute 'permit' is a flag (0 or 1) and cannot be compared with '>='"));
  for (const char* op : {"<", "<=", ">", ">="}) {
    const std::string text = std::string("veteran ") + op + " 0";
    e = only_error(text);
    CHECK(e.column == 9);
    CHECK_THAT(e.message, Catch::Contains("is a flag"));
  }

  e = only_error("permit == 2");
  CHECK(e.column == 11);
  CHECK(e.message == "attribute 'permit' is a flag: compare it with 0 or 1, not '2'");
  e = only_error("permit != 0.5");
  CHECK(e.column == 11);
}

TEST_CASE("policy parser: empty text and unbalanced parentheses", "[policy][parser][errors]") {
  for (const char* text : {"", "   ", "\t\n"}) {
    const auto e = only_error(text);
    CHECK(e.column == 1);
    CHECK_THAT(e.message, Catch::StartsWith("empty condition: expected an attribute"));
  }

  auto e = only_error("(employed and permit");
  CHECK(e.column == 1);
  CHECK(e.message == "unbalanced '(': expected ')' to close it but found end of text");

  e = only_error("employed and ((permit or veteran)");
  CHECK(e.column == 14);

  e = only_error("employed and permit)");
  CHECK(e.column == 20);
  CHECK(e.message == "unbalanced ')': found ')' with no '(' before it to close");

  e = only_error("(employed permit)");
  CHECK(e.column == 11);
  CHECK(e.message ==
        "expected ')' (to close the '(' at column 1), 'and' or 'or' but found 'permit' (missing 'and' or 'or'?)");
}

TEST_CASE("policy parser: trailing tokens and missing operands", "[policy][parser][errors]") {
  auto e = only_error("employed permit");
  CHECK(e.column == 10);
  CHECK(e.message == "expected 'and', 'or' or end of text but found 'permit' (missing 'and' or 'or'?)");

  e = only_error("employed adn permit");
  CHECK(e.column == 10);
  CHECK_THAT(e.message, Catch::Contains("did you mean 'and'?"));

  e = only_error("employed and");
  CHECK(e.column == 13);
  CHECK(e.message == "missing operand after 'and': expected an attribute, 'not', 'true', 'false' or '(' but "
                     "found end of text");

  e = only_error("and permit");
  CHECK(e.column == 1);
  CHECK_THAT(e.message, Catch::StartsWith("missing operand before 'and'"));

  e = only_error("employed or or permit");
  CHECK(e.column == 13);
  CHECK_THAT(e.message, Catch::StartsWith("missing operand after 'or'"));

  e = only_error("employed and ()");
  CHECK(e.column == 15);
  CHECK_THAT(e.message, Catch::Contains("found ')'"));

  e = only_error("not");
  CHECK(e.column == 4);

  e = only_error("18 <= age");
  CHECK(e.column == 1);
  CHECK_THAT(e.message, Catch::Contains("put the attribute first"));

  e = only_error("age 18");
  CHECK(e.column == 5);
  CHECK_THAT(e.message, Catch::StartsWith("expected a comparison (==, !=, <, <=, >, >=) between 'age'"));

  e = only_error("age >= permit");
  CHECK(e.column == 8);
  CHECK(e.message == "expected a number after 'age' '>=' but found 'permit' (attributes are compared with "
                     "numbers, not with each other)");

  e = only_error("age >=");
  CHECK(e.column == 7);
  CHECK_THAT(e.message, Catch::EndsWith("but found end of text"));

  e = only_error("age >= 18 >= 2");
  CHECK(e.column == 11);
}

TEST_CASE("policy parser: unexpected characters and bad numbers", "[policy][parser][errors]") {
  auto e = only_error("employed $ permit");
  CHECK(e.column == 10);
  CHECK_THAT(e.message, Catch::StartsWith("unexpected character '$': expected"));

  e = only_error("employed && permit");
  CHECK(e.column == 10);
  CHECK(e.message == "unexpected '&&': use 'and'");
  CHECK(only_error("employed || permit").message == "unexpected '||': use 'or'");
  CHECK(only_error("!employed").message == "unexpected '!': negate with 'not'");

  e = only_error("age = 18");
  CHECK(e.column == 5);
  CHECK_THAT(e.message, Catch::Contains("'=='"));
  CHECK_THAT(only_error("age => 18").message, Catch::Contains("did you mean '>='?"));
  CHECK_THAT(only_error("age >= -1").message, Catch::Contains("'-'"));

  e = only_error(std::string_view("employed\0", 9));
  CHECK(e.column == 9);
  CHECK_THAT(e.message, Catch::StartsWith("unexpected control byte 0x00: expected an attribute"));

  e = only_error("employed and \xff\xfe");
  CHECK(e.column == 14);
  CHECK_THAT(e.message, Catch::StartsWith("unexpected byte 0xFF (not valid UTF-8): expected"));

  e = only_error("employed \xef\xbc\x88permit");  // full-width '('
  CHECK(e.column == 10);
  CHECK_THAT(e.message, Catch::Contains("U+FF08"));

  e = only_error("age >= 1.2.3");
  CHECK(e.column == 8);
  CHECK_THAT(e.message, Catch::StartsWith("bad number '1.2.3': expected a decimal"));
  CHECK(only_error("age >= 2abc").column == 8);
  CHECK(only_error("age >= 1.").column == 8);
  e = only_error("si_years >= .5");
  CHECK(e.column == 13);
  CHECK_THAT(e.message, Catch::Contains("digit before the '.'"));
  e = only_error("age >= 1" + std::string(60, '0'));
  CHECK(e.column == 8);
  CHECK_THAT(e.message, Catch::Contains("out of range"));
  CHECK(e.message.size() < 200);
}

TEST_CASE("policy parser: upper case is reported but understood", "[policy][parser][errors]") {
  const ParsedCondition p = parse_condition("Employed AND permit");
  INFO(dump(p));
  CHECK_FALSE(p.condition);
  REQUIRE(p.errors.size() == 2);
  CHECK(p.errors[0].column == 1);
  CHECK(p.errors[0].message == "found 'Employed': keywords and attribute names are lower case (write 'employed')");
  CHECK(p.errors[1].column == 10);
}

TEST_CASE("policy parser: several errors are reported, in order, at most 20", "[policy][parser][errors]") {
  const std::string text = "colege_grad and years_in_town and permit >= 1 and age";
  const ParsedCondition p = parse_condition(text);
  INFO(dump(p));
  CHECK_FALSE(p.condition);
  REQUIRE(p.errors.size() == 4);
  CHECK(p.errors[0].column == 1);
  CHECK(p.errors[1].column == text.find("years_in_town") + 1);
  CHECK(p.errors[2].column == text.find(">=") + 1);
  CHECK(p.errors[3].column == text.rfind("age") + 1);

  // A semantic error before a syntax error: both.
  const ParsedCondition q = parse_condition("colege_grad and (permit");
  REQUIRE(q.errors.size() == 2);
  CHECK(q.errors[1].column == 17);

  std::string many = "zz0";
  for (int i = 1; i < 50; ++i) many += " and zz" + std::to_string(i);
  const ParsedCondition r = parse_condition(many);
  CHECK_FALSE(r.condition);
  CHECK(r.errors.size() == hukou::policy::kMaxConditionErrors);
}

TEST_CASE("policy parser: nesting depth is limited to 30", "[policy][parser][errors]") {
  const auto nested = [](int depth) {
    return std::string(static_cast<std::size_t>(depth), '(') + "employed" +
           std::string(static_cast<std::size_t>(depth), ')');
  };
  CHECK(must_parse(nested(30))(values({{Attr::employed, 1}})));
  auto e = only_error(nested(31));
  CHECK(e.column == 31);
  CHECK_THAT(e.message, Catch::StartsWith("nesting deeper than 30 levels"));

  std::string nots;
  for (int i = 0; i < 30; ++i) nots += "not ";
  CHECK(must_parse(nots + "employed")(values({{Attr::employed, 1}})));
  e = only_error(nots + "not employed");
  CHECK(e.column == 121);

  // The worst case for the evaluator's stack: each level leaves an 'or' and an
  // 'and' operand pending.
  std::string worst;
  for (int i = 0; i < 30; ++i) worst += "permit or veteran and (";
  worst += "permit or veteran and employed" + std::string(30, ')');
  const Condition c = must_parse(worst);
  CHECK(peak_stack(c) == 63);
  CHECK(c(values({{Attr::permit, 1}})));
  CHECK_FALSE(c(values({{Attr::veteran, 1}})));
  CHECK_FALSE(only_error("(" + worst + ")").message.empty());
}

TEST_CASE("policy parser: huge inputs", "[policy][parser][robustness]") {
  constexpr std::size_t mb = 1 << 20;
  CHECK(only_error(std::string(mb, '(')).column == 31);
  CHECK(only_error(std::string(mb, ')')).column == 1);
  CHECK(only_error(std::string(mb, '\0')).column == 1);
  CHECK(only_error(std::string(mb, '\xff')).column == 1);
  std::string nots;
  while (nots.size() < mb) nots += "not ";
  CHECK(only_error(nots).column == 121);

  const auto e = only_error(std::string(mb, 'a'));
  CHECK(e.column == 1);
  CHECK(e.message.size() < 200);
  CHECK(only_error("age >= " + std::string(mb, '9')).message.size() < 200);

  std::string chain;
  while (chain.size() < mb) chain += "veteran or ";
  chain += "employed and permit";
  const Condition c = must_parse(chain);
  CHECK(peak_stack(c) <= 3);
  CHECK(c(values({{Attr::veteran, 1}})));
  CHECK_FALSE(c(values({{Attr::employed, 1}})));

  std::string typos;
  while (typos.size() < mb) typos += "emplyed or ";
  typos += "permit";
  CHECK(parse_condition(typos).errors.size() == hukou::policy::kMaxConditionErrors);
}

// ---------------------------------------------------------------------------
// Fuzzing

namespace {

// Checks the invariants every result must satisfy, and round-trips a valid result.
void check_result(const std::string& text, std::mt19937& rng) {
  ParsedCondition p;
  REQUIRE_NOTHROW(p = parse_condition(text));
  REQUIRE(p.condition.has_value() == p.errors.empty());
  REQUIRE(p.errors.size() <= hukou::policy::kMaxConditionErrors);
  std::size_t last_column = 0;
  for (const ConditionError& e : p.errors) {
    REQUIRE(e.column >= 1);
    REQUIRE(e.column <= text.size() + 1);
    REQUIRE(e.column >= last_column);
    REQUIRE(!e.message.empty());
    REQUIRE(e.message.size() < 300);
    last_column = e.column;
  }
  if (!p.condition) return;
  const Condition& c = *p.condition;
  REQUIRE(c.text == text);
  REQUIRE(peak_stack(c) <= 64);
  // Evaluate on random values: must not trip the evaluator.
  std::uniform_int_distribution<int> pick(0, 3);
  for (int k = 0; k < 4; ++k) {
    AttrValues v{};
    for (float& x : v) x = static_cast<float>(pick(rng));
    (void)c(v);
  }
  // Printing the program and parsing it again gives the same program.
  const std::string again = to_text(c.code);
  const ParsedCondition q = parse_condition(again);
  INFO("text: " << text << "\nprinted: " << again << "\n" << dump(q));
  REQUIRE(q.condition.has_value());
  REQUIRE(same_code(q.condition->code, c.code));
}

// The words random conditions are made of: flag and number attribute names, comparisons.
struct Vocabulary {
  std::vector<std::string_view> flags, numbers;
  std::array<std::string_view, 6> ops{"==", "!=", "<", "<=", ">", ">="};
  Vocabulary() {
    for (const hukou::AttrInfo& a : hukou::attribute_catalogue())
      (a.kind == hukou::AttrKind::flag ? flags : numbers).push_back(a.name);
  }
};

// The compiled form (core/compiled_condition.hpp) must equal the interpreter on
// every input the model can give it: flags 0 or 1, numbers whole or halves.
// Returns whether the condition was tabulated, to show both paths are covered.
bool check_compiled(const Condition& c, std::mt19937& rng) {
  const hukou::CompiledCondition fast(c);
  std::uniform_int_distribution<int> bit(0, 1), num(0, 80);
  for (int k = 0; k < 64; ++k) {
    hukou::Facts f;
    AttrValues v{};
    for (const hukou::AttrInfo& a : hukou::attribute_catalogue()) {
      if (a.kind == hukou::AttrKind::flag) {
        const bool on = bit(rng) != 0;
        if (on) f.flags |= hukou::attr_bit(a.attr);
        v[idx(a.attr)] = on ? 1.0f : 0.0f;
      } else {
        v[idx(a.attr)] = f[a.attr] = static_cast<float>(num(rng)) / 2.0f;
      }
    }
    INFO("condition: " << c.text);
    REQUIRE(fast(f) == c(v));
  }
  return fast.tabulated();
}

}  // namespace

TEST_CASE("policy parser fuzz: random bytes", "[policy][parser][fuzz]") {
  std::mt19937 rng(20240601);
  std::uniform_int_distribution<int> len(0, 48), byte(0, 255), small(0, 9);
  const std::string grammar_bytes = "()<>=!&| \t\n._abcdefghijklmnopqrstuvwxyz0123456789";
  std::uniform_int_distribution<std::size_t> gb(0, grammar_bytes.size() - 1);
  for (int i = 0; i < 20000; ++i) {
    std::string text;
    const int n = len(rng);
    const bool biased = i % 2 == 1;  // half drawn from the bytes the grammar uses
    for (int k = 0; k < n; ++k)
      text += biased && small(rng) != 0 ? grammar_bytes[gb(rng)] : static_cast<char>(byte(rng));
    check_result(text, rng);
  }
}

TEST_CASE("policy parser fuzz: token soup", "[policy][parser][fuzz]") {
  std::mt19937 rng(7);
  std::vector<std::string> vocab{"and", "or", "not", "true", "false", "(", ")", "==", "!=", "<", "<=", ">",
                                 ">=", "0", "1", "2", "0.5", "18", "1.5.", "=", "!", "$", "AND", "colege_grad",
                                 "years_in_twon", "\xe4\xb8\x94", "\xff"};
  for (const hukou::AttrInfo& a : hukou::attribute_catalogue()) vocab.emplace_back(a.name);
  std::uniform_int_distribution<std::size_t> word(0, vocab.size() - 1);
  std::uniform_int_distribution<int> len(0, 24), space(0, 5);
  for (int i = 0; i < 20000; ++i) {
    std::string text;
    const int n = len(rng);
    for (int k = 0; k < n; ++k) {
      text += vocab[word(rng)];
      const int s = space(rng);
      if (s == 1) text += ' ';
      else if (s == 2) text += "\t";
      else if (s >= 3) text += ' ';
    }
    check_result(text, rng);
  }
}

TEST_CASE("policy parser fuzz: structured conditions and their mutations", "[policy][parser][fuzz]") {
  std::mt19937 rng(12345);
  const Vocabulary v;
  // References, not a structured binding: clang 14 cannot capture a binding in a lambda.
  const auto& flags = v.flags;
  const auto& numbers = v.numbers;
  const auto& ops = v.ops;
  const auto uniform = [&](std::size_t n) { return std::uniform_int_distribution<std::size_t>(0, n - 1)(rng); };

  // A random valid condition, nesting at most `depth` more levels.
  std::function<std::string(int)> gen = [&](int depth) -> std::string {
    const std::size_t choice = depth > 0 ? uniform(7) : uniform(3);
    switch (choice) {
      case 0: return std::string(flags[uniform(flags.size())]);
      case 1:
        return std::string(numbers[uniform(numbers.size())]) + " " + std::string(ops[uniform(ops.size())]) + " " +
               std::to_string(uniform(40)) + (uniform(2) ? ".5" : "");
      case 2: return uniform(2) ? "true" : "false";
      case 3: return std::string("not ").append(gen(depth - 1));
      case 4: return std::string("(").append(gen(depth - 1)).append(")");
      case 5: return gen(depth - 1) + " and " + gen(depth - 1);
      default: return gen(depth - 1) + " or " + gen(depth - 1);
    }
  };

  int valid = 0, tabulated = 0;
  for (int i = 0; i < 5000; ++i) {
    const std::string text = gen(6);
    const ParsedCondition p = parse_condition(text);
    INFO(text << "\n" << dump(p));
    REQUIRE(p.condition.has_value());
    check_result(text, rng);
    tabulated += check_compiled(*p.condition, rng) ? 1 : 0;
    ++valid;

    // Mutate a few bytes: delete, duplicate, replace or insert.
    std::string m = text;
    const std::size_t edits = 1 + uniform(3);
    for (std::size_t k = 0; k < edits && !m.empty(); ++k) {
      const std::size_t at = uniform(m.size());
      switch (uniform(4)) {
        case 0: m.erase(at, 1); break;
        case 1: m.insert(at, 1, m[at]); break;
        case 2: m[at] = static_cast<char>(uniform(256)); break;
        default: m.insert(at, 1, "() <=>!andornot"[uniform(15)]); break;
      }
    }
    check_result(m, rng);
  }
  CHECK(valid == 5000);
  CHECK(tabulated == valid);  // up to 16 distinct tests: a truth table
}

TEST_CASE("compiled conditions too long to tabulate equal the interpreter", "[policy][compiled]") {
  std::mt19937 rng(99);
  const Vocabulary v;
  const auto& [flags, numbers, ops] = v;
  const auto uniform = [&](std::size_t n) { return std::uniform_int_distribution<std::size_t>(0, n - 1)(rng); };
  for (int i = 0; i < 300; ++i) {
    // 17-40 terms, each a distinct numeric test (threshold k) joined to a flag.
    std::string text;
    const std::size_t terms = 17 + uniform(24);
    for (std::size_t k = 0; k < terms; ++k) {
      if (k) text += uniform(2) ? " or " : " and ";
      text += std::string("(") + (uniform(4) ? "" : "not ") + std::string(numbers[uniform(numbers.size())]) + " " +
              std::string(ops[uniform(ops.size())]) + " " + std::to_string(k) + (uniform(2) ? " or " : " and ") +
              std::string(flags[uniform(flags.size())]) + ")";
    }
    CHECK_FALSE(check_compiled(must_parse(text), rng));
  }
}

TEST_CASE("every numeric attribute has its own slot in the compiled facts", "[policy][compiled]") {
  std::vector<int> used(hukou::kNumericAttrs, 0);
  for (const hukou::AttrInfo& a : hukou::attribute_catalogue()) {
    const int slot = hukou::numeric_slot(a.attr);
    INFO(a.name);
    if (a.kind == hukou::AttrKind::flag) {
      CHECK(slot == -1);
    } else {
      REQUIRE(slot >= 0);
      REQUIRE(slot < static_cast<int>(hukou::kNumericAttrs));
      CHECK(++used[static_cast<std::size_t>(slot)] == 1);
    }
  }
}

TEST_CASE("an atom's outcome table equals compare() on every kind of number", "[policy][compiled]") {
  // Atom looks its outcome up by the case of the number (unordered, below, equal,
  // above the right-hand side): check it against compare() on NaN, infinities,
  // signed zeros, subnormals and the neighbours of each threshold.
  const float inf = std::numeric_limits<float>::infinity(), nan = std::numeric_limits<float>::quiet_NaN();
  const float tiny = std::numeric_limits<float>::denorm_min();
  std::vector<float> xs{nan, -nan, inf, -inf, 0.0f, -0.0f, tiny, -tiny, 1.0f, -1.0f, 16.0f, 60.5f, 1e30f, -1e30f};
  const std::vector<float> thresholds{0.0f, -0.0f, 1.0f, 2.5f, 16.0f, -3.0f, 1e30f, tiny};
  for (float t : thresholds)
    for (float x : {t, std::nextafter(t, inf), std::nextafter(t, -inf)}) xs.push_back(x);
  for (hukou::Cmp cmp : {hukou::Cmp::truthy, hukou::Cmp::eq, hukou::Cmp::ne, hukou::Cmp::lt, hukou::Cmp::le,
                         hukou::Cmp::gt, hukou::Cmp::ge})
    for (float t : thresholds) {
      const hukou::Atom a(hukou::Instr{hukou::Instr::Op::test, hukou::Attr::age, cmp, t});
      for (float x : xs) {
        hukou::Facts f;
        f[hukou::Attr::age] = x;
        INFO("cmp " << static_cast<int>(cmp) << ", threshold " << t << ", x " << x);
        REQUIRE(a(f) == hukou::compare(x, cmp, t));
      }
    }
}

TEST_CASE("atoms tested together give each atom's outcome at its own bit", "[policy][compiled]") {
  // AtomTests splits flags from numbers and takes no branch on the kind; each
  // outcome must still be Atom::operator()'s, at the bit it was given. Flags are
  // compared with 0 and 1 in every way, so that both constant outcomes (true when
  // set and clear, false when both) and both single ones occur.
  std::vector<hukou::Atom> atoms;
  for (const hukou::AttrInfo& a : hukou::attribute_catalogue())
    for (hukou::Cmp cmp : {hukou::Cmp::truthy, hukou::Cmp::eq, hukou::Cmp::ne, hukou::Cmp::lt, hukou::Cmp::le,
                           hukou::Cmp::gt, hukou::Cmp::ge})
      for (float t : {0.0f, 1.0f, 2.5f})
        atoms.emplace_back(hukou::Instr{hukou::Instr::Op::test, a.attr, cmp, t});
  std::mt19937 rng(31);
  std::uniform_int_distribution<int> bit(0, 1), num(0, 80);
  std::uniform_int_distribution<std::size_t> pick(0, atoms.size() - 1);
  int constant_flags = 0;
  for (const hukou::Atom& a : atoms) constant_flags += a.flag && a.if_set == a.if_clear;
  CHECK(constant_flags > 0);
  for (int round = 0; round < 2000; ++round) {
    // Up to 32 atoms, at bits in a shuffled order.
    std::vector<std::size_t> chosen, bits(32);
    std::iota(bits.begin(), bits.end(), std::size_t{0});
    std::shuffle(bits.begin(), bits.end(), rng);
    const std::size_t n = 1 + static_cast<std::size_t>(round % 32);
    hukou::AtomTests tests;
    for (std::size_t j = 0; j < n; ++j) {
      chosen.push_back(pick(rng));
      tests.add(atoms[chosen.back()], bits[j]);
    }
    hukou::Facts f;
    for (const hukou::AttrInfo& a : hukou::attribute_catalogue()) {
      if (a.kind == hukou::AttrKind::flag) f.flags |= bit(rng) ? hukou::attr_bit(a.attr) : 0;
      else f[a.attr] = static_cast<float>(num(rng)) / 2.0f;
    }
    std::uint32_t expected = 0;
    for (std::size_t j = 0; j < n; ++j) expected |= static_cast<std::uint32_t>(atoms[chosen[j]](f)) << bits[j];
    REQUIRE(tests(f) == expected);
  }
}
