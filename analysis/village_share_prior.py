"""Print a city's prior on population.village_share_factor (its base-year resident rate's doubt).

The base year's rural resident share is the 2010 (Liaocheng: 2020) census share carried Y years at a
pace p of the rural share's fall (scenarios/data/README.md 3.1; analysis/base_year.py). The paces in the
rows up to the cutoff (analysis/move_prior.py's PACES) give the spread: the 90% prediction interval of
one more pace on the log scale, centred at the pace the base year uses, p_used * exp(-+ h) with
h = s * t(0.95, n-1) * sqrt(1 + 1/n) and s the sd of the n log paces. The factor multiplies the
villagers, so its range is the rural share at p_hi and p_lo over Y years divided by the share at
p_used: ((1 - p) / (1 - p_used))^Y. The prior is log-normal with that range as its 90% interval.

    /usr/bin/python3 analysis/village_share_prior.py CITY
"""
import math
import os
import statistics
import sys

from scipy.stats import t as student_t

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from move_prior import PACES, fall  # noqa: E402  (one list of the paces)

# (cutoff, census rural share %, years carried, the pace the base year uses: urban % before, after, years)
CITIES = {
    "taiyuan": (2017, 100 - 82.54, 7.0, (57.35, 58.52, 1.0)),  # China 2016-2017
    "dandong": (2017, 100 - 60.34, 7.0, (57.35, 58.52, 1.0)),  # China 2016-2017
    "qiannan": (2017, 100 - 28.77, 7 + 2 / 12, (40.01, 46.02, 3.0)),  # Guizhou 2014-2017
    "liaocheng": (2021, 100 - 52.97, 1 + 2 / 12, (63.89, 64.72, 1 + 2 / 12)),  # China 2020-2021
}


def factor_prior(paces, used, years):
    """(factor at the fast end, at the slow end, mu_log, sd_log) for a pace used and the sources' paces."""
    logs = [math.log(p) for p in paces]
    n = len(logs)
    half = statistics.stdev(logs) * student_t.ppf(0.95, n - 1) * math.sqrt(1 + 1 / n)
    p_fast, p_slow = used * math.exp(half), used * math.exp(-half)
    f_lo = ((1 - p_fast) / (1 - used)) ** years
    f_hi = ((1 - p_slow) / (1 - used)) ** years
    mu = (math.log(f_lo) + math.log(f_hi)) / 2
    sd = (math.log(f_hi) - math.log(f_lo)) / (2 * 1.645)
    return p_fast, p_slow, f_lo, f_hi, mu, sd


def main():
    city = sys.argv[1] if len(sys.argv) > 1 else ""
    if city not in CITIES:
        sys.exit(f"usage: village_share_prior.py {{{','.join(CITIES)}}}")
    cutoff, rural2010, years, used_rows = CITIES[city]
    sources = [(name, fall(b, a, y)) for name, _, last, b, a, y in PACES if last <= cutoff]
    used = fall(*used_rows)
    p_fast, p_slow, f_lo, f_hi, mu, sd = factor_prior([p for _, p in sources], used, years)
    base = rural2010 * (1 - used) ** years
    for name, p in sources:
        print(f"  {name}: {100 * p:.2f}%")
    print(f"{city}: pace used {100 * used:.2f}% over {years:.3f} years, rural share {base:.2f}%")
    print(f"  90% prediction interval of one more pace {100 * p_slow:.2f}-{100 * p_fast:.2f}%")
    print(f"  factor {f_lo:.3f}-{f_hi:.3f}: lognormal({mu:.3f}, {sd:.3f}); "
          f"resident rate {100 - base * f_hi:.2f}-{100 - base * f_lo:.2f}% (before the zones' caps)")


if __name__ == "__main__":
    main()
