#!/usr/bin/python3
"""Does calibrating at a coarse scale bias the fit? Runs a few particles of a
posterior file's last generation at two scales (persons per agent) and prints each
particle's distance to the calibration observations at both, with the distance's
own scales (the posterior file's `observations` group, docs/calibration.md).
Same seeds at both scales; several replicates average the noise out.

Example (docs/validation.md):
  /usr/bin/python3 analysis/scale_check.py national scenarios/posteriors/national.h5 \
      --scales 4000 400 --particles 5 --replicates 2
"""
import argparse
import os
import subprocess
import sys
import tempfile

import h5py
import numpy as np

FIXED = ("generation", "particle", "weight", "distance")


def last_generation(path):
    """Parameter names and particles (rows) of the posterior file's last generation."""
    with h5py.File(path, "r") as f:
        g = f["particles"]
        gen = np.asarray(g["generation"][()])
        last = gen == gen.max()
        names = [k for k in g.keys() if k not in FIXED and g[k].ndim == 1 and g[k].shape == gen.shape
                 and g[k].dtype.kind == "f"]
        return names, np.column_stack([np.asarray(g[k][()])[last] for k in names])


def observations(path):
    with h5py.File(path, "r") as f:
        g = f["observations"]
        col = lambda k: [x.decode() if isinstance(x, bytes) else x for x in g[k][()]]
        return list(zip(col("indicator"), col("zone"), col("channel"), [int(y) for y in g["year"][()]],
                        [float(v) for v in g["value"][()]], [float(s) for s in g["scale"][()]]))


def simulated(run_file, indicator, zone, channel, year):
    if zone or channel:
        sys.exit("scale_check: only prefecture-wide observations are supported")
    with h5py.File(run_file, "r") as f:
        years = list(f["period"][()])
        x = np.asarray(f[indicator][()])  # replicate x period
        return float(x[:, years.index(year)].mean())


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("scenario")
    p.add_argument("posterior")
    p.add_argument("--scales", type=float, nargs=2, default=[4000.0, 400.0])
    p.add_argument("--particles", type=int, default=5)
    p.add_argument("--replicates", type=int, default=2)
    p.add_argument("--hukou", default="hukou")
    a = p.parse_args()
    names, theta = last_generation(a.posterior)
    obs = observations(a.posterior)
    picks = np.linspace(0, len(theta) - 1, a.particles).astype(int)  # spread over the generation
    print("particle," + ",".join(names) + "," + ",".join(f"distance_at_{s:g}" for s in a.scales))
    with tempfile.TemporaryDirectory() as d:
        for i in picks:
            dist = []
            for s in a.scales:
                out = os.path.join(d, "r.h5")
                cmd = [a.hukou, "run", a.scenario, "-q", "-o", out, "--replicates", str(a.replicates),
                       "--set", f"scale={s}"] + [x for k, v in zip(names, theta[i]) for x in ("--set", f"{k}={v!r}")]
                r = subprocess.run(cmd, capture_output=True, text=True)
                if r.returncode != 0:
                    sys.exit(f"scale_check: {' '.join(cmd)} failed:\n{r.stderr}")
                dist.append(np.sqrt(sum(((simulated(out, ind, z, c, y) - v) / sc) ** 2
                                        for ind, z, c, y, v, sc in obs)))
                os.remove(out)
            print(f"{i}," + ",".join(f"{v:.5g}" for v in theta[i]) + "," + ",".join(f"{x:.4g}" for x in dist))


if __name__ == "__main__":
    main()
