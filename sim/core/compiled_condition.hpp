// A condition prepared for the per-agent loops. The RPN program (condition.hpp)
// is the definition; interpreting it per adult and per channel, over a float per
// attribute, was the costliest work of a period (docs/performance.md). Here every
// distinct test becomes an "atom" read from packed facts (flags as bits, the few
// numbers as floats), and the boolean formula over the atoms is tabulated once:
// with up to 16 atoms the truth table takes at most 8 KiB (one 64-bit word up to
// 6 atoms), so evaluating the formula is a load and a shift. Longer conditions
// keep the RPN, evaluated over the atoms' outcomes.
// Results equal the interpreter's for every input (tests/policy/test_condition_parser.cpp, "[compiled]").
#pragma once
#include <array>
#include <cstdint>
#include <vector>

#include "attributes.hpp"
#include "condition.hpp"

namespace hukou {

// Numeric attributes have a slot each in Facts::num (kept small: the facts are
// built per adult in the hottest loops); -1 for flags. compile checks every
// numeric attribute of the catalogue has one.
inline constexpr std::size_t kNumericAttrs = 6;
constexpr int numeric_slot(Attr a) noexcept {
  switch (a) {
    case Attr::age: return 0;
    case Attr::years_in_town: return 1;
    case Attr::si_years: return 2;
    case Attr::permit_years: return 3;
    case Attr::household_size: return 4;
    case Attr::school_children: return 5;
    default: return -1;
  }
}

// The attribute values of one adult of one household, packed: bit a of `flags`
// is flag attribute a; numbers in their slots.
struct Facts {
  std::uint64_t flags = 0;
  std::array<float, kNumericAttrs> num{};
  float& operator[](Attr a) noexcept { return num[static_cast<std::size_t>(numeric_slot(a))]; }
  float operator[](Attr a) const noexcept { return num[static_cast<std::size_t>(numeric_slot(a))]; }
};

inline constexpr std::uint64_t attr_bit(Attr a) { return std::uint64_t{1} << static_cast<unsigned>(a); }

// One distinct test of a condition. For a flag the outcome for 0 and for 1 is
// fixed at compile time; for a number the comparison is made as the interpreter does.
struct Atom {
  Attr attr = Attr::age;
  Cmp cmp = Cmp::truthy;
  float value = 0.0f;
  bool flag = false;
  bool if_set = false, if_clear = false;  // flag outcomes
  std::uint8_t slot = 0;                  // numbers: the slot in Facts::num
  // The outcome, bit k, for each case k: a flag clear (0) or set (1); a number
  // unordered with the test's right-hand side (0: NaN), below it (1), equal (2),
  // above (4). One table lookup instead of a switch over the comparison, whose
  // jumps and data-dependent branches dominated the condition tests; the same
  // value as compare() for every input (tests/policy: every kind of number).
  std::uint8_t outcomes = 0;
  float rhs = 0.0f;  // the number compared with (0 for a truthiness test)

  explicit Atom(const Instr& test);
  bool operator()(const Facts& f) const noexcept {
    if (flag) return (outcomes >> ((f.flags >> static_cast<unsigned>(attr)) & 1u)) & 1u;
    const float x = f.num[slot];
    const unsigned k = static_cast<unsigned>(x < rhs) | static_cast<unsigned>(x == rhs) << 1 |
                       static_cast<unsigned>(x > rhs) << 2;
    return (outcomes >> k) & 1u;
  }
  bool same_test(const Atom& o) const noexcept { return attr == o.attr && cmp == o.cmp && value == o.value; }
  bool person() const noexcept { return info(attr).scope == AttrScope::person; }
};

// A list of atoms tested together, each outcome to its own bit of the result. Split
// by kind so that the loops that test them per household and per adult take no
// branch on the kind, as Atom::operator() does: a branch per atom that the data
// decide, and so often mispredicted. Outcomes equal Atom::operator()'s.
class AtomTests {
 public:
  // Atom a's outcome goes to bit `bit` (< 32).
  void add(const Atom& a, std::size_t bit);
  std::uint32_t operator()(const Facts& f) const noexcept {
    std::uint32_t b = 0;
    for (const Flag& t : flags_)
      b |= (t.if_clear ^ (static_cast<std::uint32_t>(f.flags >> t.attr) & t.differs)) << t.bit;
    for (const Number& t : numbers_) {
      const float x = f.num[t.slot];
      const unsigned k = static_cast<unsigned>(x < t.rhs) | static_cast<unsigned>(x == t.rhs) << 1 |
                         static_cast<unsigned>(x > t.rhs) << 2;
      b |= static_cast<std::uint32_t>((t.outcomes >> k) & 1u) << t.bit;
    }
    return b;
  }

 private:
  struct Flag {
    std::uint8_t attr, bit;
    std::uint32_t if_clear, differs;  // the outcome when clear; 1 if set gives the other one
  };
  struct Number {
    float rhs;
    std::uint8_t slot, bit, outcomes;  // as Atom's
  };
  std::vector<Flag> flags_;
  std::vector<Number> numbers_;
};

class CompiledCondition {
 public:
  CompiledCondition() = default;  // always true
  explicit CompiledCondition(const Condition& c);

  bool always_true() const noexcept { return always_; }
  // The condition's value for one adult's facts.
  bool operator()(const Facts& f) const noexcept {
    if (always_) return true;
    if (table_.empty()) return formula(f);
    return on_atoms(tests_(f));
  }
  // The value when atom j's outcome is bit j of `bits` (tabulated conditions only).
  bool on_atoms(std::uint32_t bits) const noexcept { return (table_[bits >> 6] >> (bits & 63u)) & 1u; }
  const std::vector<Atom>& atoms() const noexcept { return atoms_; }
  // False when the condition has too many distinct tests for a table.
  bool tabulated() const noexcept { return always_ || !table_.empty(); }
  // Attributes any test reads (bit per Attr), to fill only what is needed.
  std::uint64_t reads() const noexcept { return reads_; }
  // True if the value can depend on the person (not only on the household).
  bool reads_person() const noexcept { return reads_person_; }

 private:
  // The RPN, each test by its atom: for conditions too long to tabulate.
  bool formula(const Facts& f) const noexcept;

  static constexpr std::size_t kMaxTabulated = 16;

  bool always_ = true;
  std::vector<Atom> atoms_;
  AtomTests tests_;  // atom j's outcome to bit j (tabulated conditions only)
  std::vector<Instr> code_;               // the condition's RPN
  std::vector<std::uint32_t> atom_of_;    // code_[k]'s atom, for tests
  std::vector<std::uint64_t> table_;  // bit b: the value when atom j's outcome is bit j of b
  std::uint64_t reads_ = 0;
  bool reads_person_ = false;
};

}  // namespace hukou
