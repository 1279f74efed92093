#!/usr/bin/python3
"""Posterior-predictive runs emulated with --set, and their validation scorecard.

Draws D parameter vectors from the last generation of a posterior file that
`hukou calibrate` wrote (with replacement, probability = weight; numpy's PCG64 with
--seed), runs `hukou run SCENARIO --set key=value ... --replicates R` once per draw
into DIR/draw_NNN.h5, then pools them with `hukou validate DIR/draw_*.h5`. This is
what `hukou run --posterior FILE --draws D` does in one file; use it where that
option is missing, or to check it.

Example (docs/validation.md):
  /usr/bin/python3 analysis/posterior_runs.py national scenarios/posteriors/national.h5 \
      --draws 20 --replicates 2 --scale 2000 --out national_draws --json national_scorecard.json
"""
import argparse
import glob
import os
import subprocess
import sys

import h5py
import numpy as np

FIXED = ("generation", "particle", "weight", "distance")


def last_generation(path):
    """Parameter names, particles (rows) and weights of the last generation."""
    with h5py.File(path, "r") as f:
        g = f["particles"]
        gen = np.asarray(g["generation"][()])
        last = gen == gen.max()
        names = [k for k in g.keys() if k not in FIXED and g[k].ndim == 1 and g[k].shape == gen.shape
                 and g[k].dtype.kind == "f"]
        theta = np.column_stack([np.asarray(g[k][()])[last] for k in names])
        w = np.asarray(g["weight"][()])[last]
    return names, theta, w / w.sum()


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("scenario")
    p.add_argument("posterior", help="file written by hukou calibrate")
    p.add_argument("--draws", type=int, default=20)
    p.add_argument("--replicates", type=int, default=2)
    p.add_argument("--scale", type=float, help="persons per agent (default: the scenario's)")
    p.add_argument("--seed", type=int, default=1, help="seed of the draws")
    p.add_argument("--out", default="posterior_draws", help="directory of the draws' run files")
    p.add_argument("--json", help="also write `hukou validate --json` to this file")
    p.add_argument("--hukou", default="hukou")
    a = p.parse_args()

    names, theta, w = last_generation(a.posterior)
    rng = np.random.Generator(np.random.PCG64(a.seed))
    picks = rng.choice(len(w), size=a.draws, replace=True, p=w)
    os.makedirs(a.out, exist_ok=True)
    for old in glob.glob(os.path.join(a.out, "draw_*.h5")):
        os.remove(old)
    for d, i in enumerate(picks):
        out = os.path.join(a.out, f"draw_{d:03d}.h5")
        cmd = [a.hukou, "run", a.scenario, "-q", "-o", out, "--replicates", str(a.replicates),
               "--seed", str(a.seed * 100003 + d)]
        cmd += [x for k, v in zip(names, theta[i]) for x in ("--set", f"{k}={v!r}")]
        if a.scale:
            cmd += ["--set", f"scale={a.scale}"]
        r = subprocess.run(cmd, capture_output=True, text=True)
        if r.returncode != 0:
            sys.exit(f"posterior_runs: {' '.join(cmd)} failed:\n{r.stderr}")
        print(f"draw {d}: " + ", ".join(f"{k}={v:.4g}" for k, v in zip(names, theta[i])), file=sys.stderr)
    files = sorted(glob.glob(os.path.join(a.out, "draw_*.h5")))
    subprocess.run([a.hukou, "validate", *files], check=True)
    if a.json:
        with open(a.json, "w") as f:
            subprocess.run([a.hukou, "validate", *files, "--json"], check=True, stdout=f)


if __name__ == "__main__":
    main()
