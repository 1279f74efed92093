#include "counters.hpp"

#include <algorithm>

namespace hukou {

Counters& Counters::operator+=(const Counters& o) {
  for (std::size_t i = 0; i < flow.size(); ++i) flow[i] += o.flow[i];
  for (std::size_t i = 0; i < channel.size(); ++i) channel[i] += o.channel[i];
  for (std::size_t i = 0; i < group.size(); ++i) group[i] += o.group[i];
  return *this;
}

void Counters::clear() {
  std::fill(flow.begin(), flow.end(), 0);
  std::fill(channel.begin(), channel.end(), 0);
  std::fill(group.begin(), group.end(), 0);
}

}  // namespace hukou
