#!/usr/bin/python3
"""The prior of moves.village_to_town_rate for a city scenario, from data up to its cutoff
(docs/calibration.md, "The move rate's prior").

Each pace below is the yearly fall of a rural resident share in rows of the two statistics files.
A pace whose last year is at or before the scenario's cutoff, applied to the city's base-year rural
share (a run at the point values), is a first-year rise of the resident rate; analysis/calibrate.py's
bisection finds the move rate that gives it. The prior is log-normal: mu_log is the mean log rate of
the city's own paces (CENTRE), sd_log = s * t(0.95, n-1) * sqrt(1 + 1/n) / 1.645 with s the sd of
the n log rates, so that the prior's 90% interval is the 90% prediction interval of one more source.

Usage: move_prior.py SCENARIO.toml [--scale 5] [--digits 4] [--hukou PATH]
Prints each source's rise and rate, then the prior line's numbers.
"""
import argparse
import math
import os
import statistics
import subprocess
import sys
import tempfile
import tomllib

import h5py
from scipy.stats import t as student_t

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from calibrate import mean_rise  # noqa: E402  (the bisection's one run)

# (name, rows, last year, urban share before and after in %, years between)
PACES = [
    ("China 2016-2017", "China,2016|2017,常住人口城镇化率", 2017, 57.35, 58.52, 1.0),
    ("Guizhou 2014-2015", "Guizhou,2014|2015,常住人口城镇化率", 2015, 40.01, 42.01, 1.0),
    ("Guizhou 2015-2016", "Guizhou,2015,常住人口城镇化率; Guizhou,2016,常住城镇人口 / 常住人口", 2016,
     42.01, 100 * 1569.53 / 3555, 1.0),
    ("Guizhou 2016-2017", "Guizhou,2016 rows; Guizhou,2017,常住人口城镇化率", 2017, 100 * 1569.53 / 3555, 46.02, 1.0),
    ("Shaoxing 2010-2016", "Shaoxing,2010|2016,常住人口城镇化率 (census of 1 November)", 2016, 58.58, 64.3, 6 + 2 / 12),
    ("Liaocheng 2010-2020", "Liaocheng,2010|2020,常住人口城镇化率 (the censuses)", 2020, 36.87, 52.97, 10.0),
    ("China 2020-2021", "China,2020,常住人口城镇化率 (7th census); China,2021,常住人口城镇化率", 2021,
     63.89, 64.72, 1 + 2 / 12),
]
# The centre: the city's own pace, else its province's, else China's (no yearly rate of the city or
# its province up to the cutoff).
CENTRE = {
    "taiyuan": ["China 2016-2017"],
    "dandong": ["China 2016-2017"],
    "qiannan": ["Guizhou 2014-2015", "Guizhou 2015-2016", "Guizhou 2016-2017"],
    "shaoxing": ["Shaoxing 2010-2016"],
    "liaocheng": ["Liaocheng 2010-2020"],
}


def fall(before, after, years):
    """Yearly relative fall of the rural share between two urban shares (%)."""
    return 1 - ((100 - after) / (100 - before)) ** (1 / years)


def base_rate(hukou, scenario, scale):
    with tempfile.TemporaryDirectory() as d:
        out = os.path.join(d, "base.h5")
        subprocess.run([hukou, "run", scenario, "-q", "-o", out, "--set", f"scale={scale}"], check=True,
                       capture_output=True)
        with h5py.File(out, "r") as f:
            return float(f["resident_urbanization_rate"][()][:, 0].mean())


def bisect(args, base_year, rise):
    """The move rate in [0, 0.3] whose first-year resident-rate rise is `rise` (a fraction)."""
    a = argparse.Namespace(hukou=args.hukou, scenario=args.scenario, param="moves.village_to_town_rate",
                           scale=args.scale, seed=None, indicator="resident_urbanization_rate",
                           first=base_year, last=base_year + 1)
    lo, hi = 0.0, 0.3
    if not mean_rise(a, lo) <= rise <= mean_rise(a, hi):
        sys.exit(f"move_prior: a rise of {rise} is outside what move rates 0-0.3 give")
    while hi - lo > 0.5 * 10 ** (-args.digits):
        mid = 0.5 * (lo + hi)
        lo, hi = (mid, hi) if mean_rise(a, mid) < rise else (lo, mid)
    return round(0.5 * (lo + hi), args.digits)


def prior(rates, centre):
    """(mu_log, sd_log) of the log-normal prior from the sources' rates and the centre's."""
    logs = [math.log(v) for v in rates]
    n = len(logs)
    sd = statistics.stdev(logs) * student_t.ppf(0.95, n - 1) * math.sqrt(1 + 1 / n) / 1.645
    return statistics.mean(math.log(v) for v in centre), sd


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("scenario")
    ap.add_argument("--scale", type=float, default=5.0)
    ap.add_argument("--digits", type=int, default=4)
    ap.add_argument("--hukou", default=os.path.join(os.path.dirname(__file__), "..", "build", "release", "bin", "hukou"))
    args = ap.parse_args()
    with open(args.scenario, "rb") as f:
        sc = tomllib.load(f)
    name, base_year, cutoff = sc["name"], sc["base_year"], sc["calibration"]["cutoff"]
    if name not in CENTRE:
        sys.exit(f"move_prior: no centre is defined for scenario {name!r} (CENTRE lists the cities)")
    u0 = base_rate(args.hukou, args.scenario, args.scale)
    print(f"{name}: cutoff {cutoff}, base-year resident rate {100 * u0:.2f}% at the point values")
    rates, centre = [], []
    for label, rows, last, before, after, years in PACES:
        if last > cutoff:
            continue
        rise = (1 - u0) * fall(before, after, years)
        rate = bisect(args, base_year, round(rise, 6))
        print(f"  {label} ({rows}): pace {100 * fall(before, after, years):.2f}% a year, "
              f"rise {100 * rise:.3f} pp, move rate {rate}")
        rates.append(rate)
        if label in CENTRE[name]:
            centre.append(rate)
    mu, sd = prior(rates, centre)
    print(f"lognormal(mu_log = {mu:.3f}, sd_log = {sd:.3f}): median {math.exp(mu):.4f}, "
          f"90% {math.exp(mu - 1.645 * sd):.4f}-{math.exp(mu + 1.645 * sd):.4f}, from {len(rates)} sources")


if __name__ == "__main__":
    main()
