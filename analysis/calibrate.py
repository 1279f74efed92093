#!/usr/bin/python3
"""Calibrate one parameter of a scenario by bisection, so that the mean yearly change
of an output over some years matches an observed value. A documented, repeatable
command instead of hand-tuning; each scenario file cites the command it used.

Example (Taiyuan's asc_settle, docs/scenarios.md):
  /usr/bin/python3 analysis/calibrate.py taiyuan --param decision.asc_settle \
      --low -4 --high 0 --indicator registered_urbanization_rate \
      --first 2017 --last 2019 --rise 0.00905 --scale 5

The output must rise with the parameter over [low, high]. Prints each step and the
value found (rounded to --digits), then the command to check it.
"""
import argparse
import os
import subprocess
import sys
import tempfile

import h5py
import numpy as np


def mean_rise(args, value):
    with tempfile.TemporaryDirectory() as d:
        out = os.path.join(d, "calib.h5")
        cmd = [args.hukou, "run", args.scenario, "-q", "-o", out, "--set", f"{args.param}={value}",
               "--set", f"scale={args.scale}"]
        if args.seed is not None:
            cmd += ["--seed", str(args.seed)]
        p = subprocess.run(cmd, capture_output=True, text=True)
        if p.returncode != 0:
            sys.exit(f"calibrate: hukou failed:\n{p.stderr}")
        with h5py.File(out, "r") as f:
            years = list(f["period"][()])
            series = np.asarray(f[args.indicator][()])
            while series.ndim > 2:  # sum zones (and channels) for count series
                series = series.sum(axis=-1)
            mean = series.mean(axis=0)
            a, b = years.index(args.first), years.index(args.last)
            return (mean[b] - mean[a]) / (args.last - args.first)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("scenario")
    ap.add_argument("--param", required=True)
    ap.add_argument("--low", type=float, required=True)
    ap.add_argument("--high", type=float, required=True)
    ap.add_argument("--indicator", required=True)
    ap.add_argument("--first", type=int, required=True)
    ap.add_argument("--last", type=int, required=True)
    ap.add_argument("--rise", type=float, required=True, help="observed mean change per year")
    ap.add_argument("--scale", type=float, default=5.0)
    ap.add_argument("--seed", type=int)
    ap.add_argument("--digits", type=int, default=2)
    ap.add_argument("--hukou", default=os.path.join(os.path.dirname(__file__), "..", "build", "release", "bin", "hukou"))
    args = ap.parse_args()
    lo, hi = args.low, args.high
    f_lo, f_hi = mean_rise(args, lo), mean_rise(args, hi)
    if not (f_lo <= args.rise <= f_hi):
        sys.exit(f"calibrate: target {args.rise} is outside [{f_lo:.5f}, {f_hi:.5f}] over [{lo}, {hi}]")
    while hi - lo > 0.5 * 10 ** (-args.digits):
        mid = 0.5 * (lo + hi)
        f = mean_rise(args, mid)
        print(f"{args.param} = {mid:.5f}: mean yearly change {f:.5f}")
        lo, hi = (mid, hi) if f < args.rise else (lo, mid)
    value = round(0.5 * (lo + hi), args.digits)
    print(f"\n{args.param} = {value}  (gives {mean_rise(args, value):.5f} a year, target {args.rise})")


if __name__ == "__main__":
    main()
