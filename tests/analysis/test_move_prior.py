"""analysis/move_prior.py: the rural share's pace and the log-normal prior built from the sources'
move rates. The bisection itself is calibrate.py's (its runs are the scenario's); these check the
arithmetic the prior lines of the city scenarios rest on."""
import math

import pytest
from scipy.stats import norm, t

import move_prior


def test_fall_is_the_rural_shares_yearly_relative_fall():
    # China 2016-2017: rural share 42.65% to 41.48% (docs/calibration.md: 2.74%).
    assert move_prior.fall(57.35, 58.52, 1) == pytest.approx(1 - 41.48 / 42.65)
    assert round(100 * move_prior.fall(57.35, 58.52, 1), 2) == 2.74
    # Over several years the same overall fall spreads evenly: two years of 10% is 19% in all.
    assert move_prior.fall(50.0, 100 - 50 * 0.81, 2) == pytest.approx(0.10)
    assert move_prior.fall(40.0, 40.0, 3) == 0.0


def test_prior_interval_is_the_prediction_interval_of_one_more_source():
    rates, centre = [0.03, 0.045, 0.054, 0.046, 0.023], [0.045, 0.054, 0.046]
    mu, sd = move_prior.prior(rates, centre)
    logs = [math.log(v) for v in rates]
    n, s = len(logs), (sum((x - sum(logs) / len(logs)) ** 2 for x in logs) / (len(logs) - 1)) ** 0.5
    assert mu == pytest.approx(sum(math.log(v) for v in centre) / len(centre))
    # The prior's 5-95% half width in logs equals t(0.95, n-1) s sqrt(1 + 1/n).
    assert norm.ppf(0.95) * sd == pytest.approx(t.ppf(0.95, n - 1) * s * math.sqrt(1 + 1 / n), rel=1e-3)
    # Fewer sources of the same spread give a wider prior; identical sources give none.
    assert move_prior.prior(rates[:3], centre)[1] > move_prior.prior(rates[:3] * 2, centre)[1]
    assert move_prior.prior([0.05, 0.05, 0.05], [0.05]) == (pytest.approx(math.log(0.05)), 0.0)


def test_every_city_centre_is_a_listed_source_up_to_its_cutoff():
    last = {p[0]: p[2] for p in move_prior.PACES}
    cutoffs = {"taiyuan": 2017, "dandong": 2017, "qiannan": 2017, "shaoxing": 2016, "liaocheng": 2021}
    for city, names in move_prior.CENTRE.items():
        assert names and all(last[n] <= cutoffs[city] for n in names), city
