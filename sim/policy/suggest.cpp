#include "suggest.hpp"

#include <algorithm>
#include <cstdint>
#include <limits>

namespace hukou::policy {

namespace {
// UTF-8 text as code points (each a lead byte and its continuation bytes packed into
// one number), so that a Chinese character counts as one edit, not three. Invalid
// UTF-8 still splits somewhere and compares consistently.
std::vector<std::uint32_t> code_points(std::string_view s) {
  std::vector<std::uint32_t> v;
  for (unsigned char c : s) {
    if ((c & 0xC0) == 0x80 && !v.empty() && v.back() < (1u << 24)) v.back() = (v.back() << 8) | c;
    else v.push_back(c);
  }
  return v;
}

std::size_t length(std::string_view s) {
  std::size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

std::size_t osa(std::vector<std::uint32_t> a, std::vector<std::uint32_t> b) {
  // Columns run over the shorter string; the distance is symmetric.
  if (a.size() < b.size()) std::swap(a, b);
  const std::size_t m = b.size();
  if (m == 0) return a.size();

  // Three rows: two back (for transpositions), previous, current.
  std::vector<std::size_t> two_back(m + 1), prev(m + 1), cur(m + 1);
  for (std::size_t j = 0; j <= m; ++j) prev[j] = j;

  for (std::size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (std::size_t j = 1; j <= m; ++j) {
      const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      std::size_t d = std::min({prev[j] + 1,          // delete from a
                                cur[j - 1] + 1,       // insert into a
                                prev[j - 1] + cost});  // substitute / keep
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
        d = std::min(d, two_back[j - 2] + 1);  // transpose two adjacent code points
      cur[j] = d;
    }
    std::swap(two_back, prev);
    std::swap(prev, cur);
  }
  return prev[m];
}
}  // namespace

std::size_t osa_distance(std::string_view a, std::string_view b) { return osa(code_points(a), code_points(b)); }

std::string nearest(std::string_view word, const std::vector<std::string_view>& candidates) {
  const std::size_t n = length(word);
  const std::size_t limit = std::max<std::size_t>(2, n / 3);
  std::size_t best = std::numeric_limits<std::size_t>::max();
  std::string_view choice;
  bool found = false;
  for (std::string_view c : candidates) {
    if (c.empty()) continue;  // an empty suggestion would read as "none"
    // The distance is at least the difference in length.
    const std::size_t cn = length(c);
    const std::size_t gap = cn > n ? cn - n : n - cn;
    if (gap > limit || gap >= best) continue;
    const std::size_t d = osa_distance(word, c);
    if (d <= limit && d < best) {
      best = d;
      choice = c;
      found = true;
      if (d == 0) break;
    }
  }
  return found ? std::string(choice) : std::string();
}

}  // namespace hukou::policy
