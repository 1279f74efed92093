// "Did you mean ...?" suggestions for misspelt names: attribute names in
// conditions, unknown keys in scenario files. General purpose: nothing here knows
// about attributes or TOML.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace hukou::policy {

// Damerau-Levenshtein distance in its "optimal string alignment" form: the fewest
// insertions, deletions, substitutions and transpositions of two adjacent code
// points (UTF-8) turning `a` into `b`, no substring edited twice. Case-sensitive;
// a Chinese zone name misspelt by one character is one edit away. Costs O(|a|*|b|) time and O(min(|a|,|b|)) memory.
std::size_t osa_distance(std::string_view a, std::string_view b);

// The candidate closest to `word` by osa_distance, provided that distance is at
// most max(2, code points of word / 3); otherwise an empty string. Ties go to the
// earliest candidate; empty candidates are never chosen; an exact match is
// returned as is. Candidates whose length alone rules them out are skipped
// without computing a distance, so a huge `word` costs next to nothing.
std::string nearest(std::string_view word, const std::vector<std::string_view>& candidates);

}  // namespace hukou::policy
