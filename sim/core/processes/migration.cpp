#include "migration.hpp"

namespace hukou {

BorderMoves::BorderMoves(const World& w)
    : whole_(w.sc.params.moves_whole_family_share),
      leave_key_(w.seed, static_cast<std::uint32_t>(w.t), rng::Stream::emigrate),
      away_key_(w.seed, static_cast<std::uint32_t>(w.t), rng::Stream::away) {
  const Params& prm = w.sc.params;
  // Heads older than the table (126+) take its last entry.
  for (std::size_t k = 0; k < leave_.size(); ++k)
    leave_[k] = rng::threshold(std::min(1.0, w.departure_rate * age_factor(prm, 30 + static_cast<int>(k))));
  back_ = rng::threshold(prm.moves_return_rate);
  gone_ = rng::threshold(prm.moves_return_rate + prm.moves_away_hukou_out_rate);
}

}  // namespace hukou
