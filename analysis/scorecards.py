#!/usr/bin/python3
"""The validation scorecard of every built-in scenario with observations after its
calibration cutoff, as the markdown table of docs/validation.md: each scenario run
with its point values (R replicates at a coarse scale: --city-scale persons per agent
for the cities, written at 1; --national-scale for the national frame, written at
100), then `hukou validate --json`. A scenario with nothing after its cutoff is
listed as such (validate exits 2).

  /usr/bin/python3 analysis/scorecards.py --replicates 4 --out scorecards
"""
import argparse
import json
import os
import subprocess


def pp(x):
    return "n/a" if x is None else f"{100 * x:.2f}"


def ratio(x):
    return "n/a" if x is None else f"{x:.2f}"


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--replicates", type=int, default=4)
    p.add_argument("--city-scale", default="40", help="persons per agent of the city runs")
    p.add_argument("--national-scale", default="4000", help="persons per agent of the national run")
    p.add_argument("--out", default="scorecards")
    p.add_argument("--hukou", default="hukou")
    a = p.parse_args()
    os.makedirs(a.out, exist_ok=True)
    listing = subprocess.run([a.hukou, "scenarios"], capture_output=True, text=True, check=True).stdout
    names = [line.split("\t")[0] for line in listing.splitlines() if line.strip()]
    print("| scenario | cutoff | paths | points | MAE (pp) | 90% coverage | skill vs last change | skill vs trend |")
    print("|---|---|---|---|---|---|---|---|")
    for name in names:
        out = os.path.join(a.out, name + ".h5")
        scale = a.national_scale if name == "national" else a.city_scale
        subprocess.run([a.hukou, "run", name, "-q", "-o", out, "--replicates", str(a.replicates),
                        "--set", f"scale={scale}"], check=True, capture_output=True)
        r = subprocess.run([a.hukou, "validate", out, "--json"], capture_output=True, text=True)
        if r.returncode != 0:
            print(f"| {name} | | | 0 | nothing after the cutoff | | | |")
            continue
        v = json.loads(r.stdout)
        o = v["overall"]
        print(f"| {name} | {v['cutoff']} | {v['ensemble']} | {o['points']} | {pp(o['mae'])} | "
              f"{o['coverage']:.2f} | {ratio(o['skill_change'])} | {ratio(o['skill_trend'])} |")


if __name__ == "__main__":
    main()
