"""analysis/village_share_prior.py: the factor range from the paces' prediction interval, and the
scenarios' priors on population.village_share_factor are the script's."""
import math
import os
import tomllib

import pytest

import village_share_prior as vsp
from move_prior import PACES, fall


def test_identical_paces_give_no_doubt():
    f_lo, f_hi, mu, sd = vsp.factor_prior([0.03, 0.03, 0.03], 0.03, 7.0)[2:]
    assert (f_lo, f_hi, sd) == (1.0, 1.0, 0.0) and mu == 0.0


def test_faster_paces_give_fewer_villagers_and_the_prior_spans_the_interval():
    p_fast, p_slow, f_lo, f_hi, mu, sd = vsp.factor_prior([0.02, 0.03, 0.04], 0.03, 7.0)
    assert p_slow < 0.03 < p_fast and f_lo < 1.0 < f_hi
    # The factor is the rural share at the end's pace over that at the pace used.
    assert f_lo == pytest.approx(((1 - p_fast) / 0.97) ** 7)
    # The log-normal's 5-95% interval is the factor range.
    assert math.exp(mu - 1.6448536 * sd) == pytest.approx(f_lo, rel=1e-4)
    assert math.exp(mu + 1.6448536 * sd) == pytest.approx(f_hi, rel=1e-4)
    # More years carried, more doubt.
    assert vsp.factor_prior([0.02, 0.03, 0.04], 0.03, 1.0)[5] < sd


@pytest.mark.parametrize("city", sorted(vsp.CITIES))
def test_scenario_prior_is_the_scripts(city):
    cutoff, _, years, used_rows = vsp.CITIES[city]
    paces = [fall(b, a, y) for _, _, last, b, a, y in PACES if last <= cutoff]
    mu, sd = vsp.factor_prior(paces, fall(*used_rows), years)[4:]
    root = os.environ.get("HUKOU_SOURCE_DIR", os.path.join(os.path.dirname(__file__), "..", ".."))
    with open(os.path.join(root, "scenarios", f"{city}.toml"), "rb") as f:
        prior = tomllib.load(f)["calibration"]["priors"]["population.village_share_factor"]
    assert prior["dist"] == "lognormal"
    assert (prior["a"], prior["b"]) == (round(mu, 3), round(sd, 3))
