#!/usr/bin/python3
"""Synthetic recovery of a scenario's calibration (issue 23 item 3, "Correctness";
docs/calibration.md#synthetic-recovery-of-a-scenario).

For each of N cases: true parameter values drawn from the scenario's
[calibration.priors] (the prior draws of a one-generation `hukou calibrate`, so the
priors are sampled by the engine itself); synthetic observations made by the model
(`hukou run` at the true values, one replicate, the case's own seed, read back through
`hukou evaluate`'s observations table) for exactly the observations the calibration
reads (the posterior file's `observations` group); a scenario file in the work
directory that is the scenario's own text with those values replaced; `hukou
calibrate` on it. Per case and parameter: does the 90% credible interval [q05, q95]
hold the true value, and is the posterior sd below the prior sd.

Exit 0 when, for every parameter, the interval holds the truth in at least
--min-covered cases (default: 90% of the cases, rounded up) and every posterior sd is
below its prior sd; 1 otherwise; 2 for bad input (a failed hukou command).

With --midterm YEAR the cases calibrate as a mid-term evaluation in YEAR would: the
scenario's cutoff moves to YEAR, and the registered and resident urbanization rates of
every simulated year up to YEAR are observed (synthetic, like every other observation
the calibration reads). A city's own cutoff is its base year, which leaves it nothing
to calibrate on; this shows what a mid-term figure would identify.

Examples (docs/calibration.md):
  nice -n 5 /usr/bin/python3 analysis/recovery.py national --cases 10 --particles 100 \
      --generations 5 --scale 8000 --threads 2 --seed 1 --work recovery
  nice -n 5 /usr/bin/python3 analysis/recovery.py taiyuan --midterm 2019 --cases 10 \
      --particles 100 --generations 5 --scale 10 --threads 2 --seed 1 --work recovery_taiyuan
"""
import argparse
import csv
import io
import json
import math
import os
import re
import subprocess
import sys
import tomllib

import h5py
import numpy as np


class HukouError(Exception):
    pass


def hukou(exe, *args):
    p = subprocess.run([exe, *args], capture_output=True, text=True)
    if p.returncode != 0:
        raise HukouError(f"{os.path.basename(exe)} {' '.join(args)} exited {p.returncode}: {p.stderr.strip()}")
    return p.stdout


def _text(v):
    return v.decode("utf-8") if isinstance(v, bytes) else str(v)


def group(path, name):
    """A table group of a posterior file as {column: numpy array} (strings decoded)."""
    with h5py.File(path, "r") as f:
        g = f[name]
        out = {}
        for k in g.keys():
            v = g[k][()]
            out[k] = np.array([_text(x) for x in v]) if v.dtype.kind in "OS" else np.asarray(v)
        return out


def prior_draws(exe, scenario, a, path):
    """Parameter names, N prior draws (rows), prior sds, the observations the
    calibration reads and the scenario text, from a one-generation calibration."""
    hukou(exe, "calibrate", scenario, "--generations", "1", "--particles", str(max(2, a.cases)),
          "--scale", str(a.scale), "--threads", str(a.threads), "--seed", str(a.seed), "-q", "-o", path)
    post, parts, obs = group(path, "posterior"), group(path, "particles"), group(path, "observations")
    prov = group(path, "provenance")
    text = dict(zip(prov["key"], prov["value"]))["scenario_text"]
    names = list(post["parameter"])
    theta = np.column_stack([parts[n][parts["generation"] == 0] for n in names])
    return names, theta, dict(zip(names, post["prior_sd"])), obs, text


MIDTERM_INDICATORS = ("registered_urbanization_rate", "resident_urbanization_rate")


def scenario_text(exe, scenario, work):
    """The scenario's full text as the engine read it (a built-in name or a file)."""
    path = os.path.join(work, "text.h5")
    hukou(exe, "calibrate", scenario, "--generations", "1", "--particles", "2", "--threads", "1", "-q", "-o", path)
    prov = group(path, "provenance")
    return dict(zip(prov["key"], prov["value"]))["scenario_text"]


def midterm_text(text, year):
    """The scenario text with its cutoff at `year` and an observation of each
    MIDTERM_INDICATORS in every simulated year up to it that the scenario does not
    observe already. Their values are placeholders: every observation the calibration
    reads is replaced by the truth run's value (synthetic_text)."""
    doc = tomllib.loads(text)
    base = int(doc["base_year"])
    if not base < year <= int(doc.get("horizon", year)):
        raise HukouError(f"--midterm {year} must lie after the base year {base} and not after the horizon")
    text, n = re.subn(r"^(cutoff\s*=\s*)\d+", lambda m: m.group(1) + str(year), text, count=1, flags=re.M)
    if n != 1:
        raise HukouError("the scenario has no `cutoff = ` line in its [calibration] table")
    have = {(o.get("indicator"), int(o.get("year", 0))) for o in doc.get("observations", [])
            if "zone" not in o and "channel" not in o}
    blocks = [f'\n[[observations]]\nindicator = "{ind}"\nyear = {y}\nvalue = 50.0\nunit = "%"\n'
              f'source = "synthetic: analysis/recovery.py --midterm {year}"\n'
              for y in range(base + 1, year + 1) for ind in MIDTERM_INDICATORS if (ind, y) not in have]
    return text.rstrip("\n") + "\n" + "".join(blocks)


def simulated_observations(exe, run_file):
    """`hukou evaluate`'s observations table of a run, keyed (indicator, zone, channel, year)."""
    out = hukou(exe, "evaluate", run_file, "--csv")
    block = [b for b in out.split("\n\n") if b.startswith("indicator,obs_zone,")]
    if not block:
        raise HukouError(f"hukou evaluate {run_file} printed no observations table")
    return {(r["indicator"], r["obs_zone"], r["obs_channel"], int(r["year"])): r
            for r in csv.DictReader(io.StringIO(block[0]))}


def synthetic_text(text, obs, simulated):
    """The scenario text with the value of every observation the calibration reads
    replaced by the simulated one, in the observation's own unit (the ratio of its
    written value to the value as read, e.g. 100 for "%")."""
    lines = text.split("\n")
    for i in range(len(obs["year"])):
        key = (obs["indicator"][i], obs["zone"][i], obs["channel"][i], int(obs["year"][i]))
        if key not in simulated:
            raise HukouError(f"observation {key} is not in the truth run's observations table")
        start = int(obs["where"][i].split(":")[-2]) - 1  # the line of its [[observations]] header
        if lines[start].strip() != "[[observations]]":
            raise HukouError(f"{obs['where'][i]}: expected an [[observations]] header, found {lines[start]!r}")
        end = next((j for j in range(start + 1, len(lines)) if lines[j].lstrip().startswith("[")), len(lines))
        at = [j for j in range(start + 1, end) if lines[j].split("=")[0].strip() == "value"]
        if len(at) != 1:
            raise HukouError(f"{obs['where'][i]}: expected one `value = ` line")
        written = float(lines[at[0]].split("=", 1)[1].split("#")[0])
        unit = written / float(obs["value"][i])
        lines[at[0]] = f"value = {float(simulated[key]['simulated']) * unit!r}  # synthetic"
    return "\n".join(lines)


def run_case(exe, scenario_text, names, truth, obs, a, c):
    """One synthetic case: truth run, synthetic scenario, calibration; its posterior table."""
    stem = os.path.join(a.work, f"case_{c:02d}")
    sets = [x for n, v in zip(names, truth) for x in ("--set", f"{n}={v!r}")]
    # The truth run: its own seed, the calibration's scale.
    hukou(exe, "run", a.scenario, *sets, "--set", f"scale={a.scale!r}", "--replicates", "1",
          "--seed", str(a.seed * 1000 + 100 + c), "--threads", str(a.threads), "-q", "-o", stem + "_truth.h5")
    with open(stem + ".toml", "w", encoding="utf-8") as f:
        f.write(synthetic_text(scenario_text, obs, simulated_observations(exe, stem + "_truth.h5")))
    hukou(exe, "calibrate", stem + ".toml", "--particles", str(a.particles), "--generations", str(a.generations),
          "--scale", str(a.scale), "--threads", str(a.threads), "--seed", str(a.seed * 1000 + 500 + c), "-q",
          "-o", stem + "_posterior.h5")
    post = group(stem + "_posterior.h5", "posterior")
    return {n: {k: float(post[k][list(post["parameter"]).index(n)]) for k in ("q05", "q50", "q95", "sd")}
            for n in names}


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("scenario", help="scenario file or built-in name with [calibration.priors]")
    p.add_argument("--cases", type=int, default=10)
    p.add_argument("--particles", type=int, default=100)
    p.add_argument("--generations", type=int, default=5)
    p.add_argument("--scale", type=float, default=8000.0, help="persons per agent, truth runs and calibrations")
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--midterm", type=int, metavar="YEAR",
                   help="calibrate as a mid-term evaluation in YEAR would (cutoff YEAR, both rates observed)")
    p.add_argument("--min-covered", type=int, help="cases whose 90%% interval must hold the truth (default 90%%)")
    p.add_argument("--work", default="recovery", help="directory of the cases' files")
    p.add_argument("--json", help="also write the results to this file")
    p.add_argument("--hukou", default="hukou", help="the hukou binary")
    a = p.parse_args(argv)
    if a.cases < 1:
        print("recovery: --cases must be at least 1", file=sys.stderr)
        return 2
    need = a.min_covered if a.min_covered is not None else math.ceil(0.9 * a.cases - 1e-9)
    os.makedirs(a.work, exist_ok=True)
    title = a.scenario + (f" at a mid-term evaluation in {a.midterm}" if a.midterm is not None else "")
    try:
        if a.midterm is not None:
            text = midterm_text(scenario_text(a.hukou, a.scenario, a.work), a.midterm)
            a.scenario = os.path.join(a.work, "midterm.toml")
            with open(a.scenario, "w", encoding="utf-8") as f:
                f.write(text)
        names, theta, prior_sd, obs, text = prior_draws(a.hukou, a.scenario, a, os.path.join(a.work, "prior.h5"))
        cases = []
        for c in range(a.cases):
            post = run_case(a.hukou, text, names, theta[c], obs, a, c)
            cases.append({"case": c, "truth": dict(zip(names, map(float, theta[c]))), "posterior": post})
            print(f"case {c}: " + "; ".join(
                f"{n} true {theta[c][i]:.4g}, 90% [{post[n]['q05']:.4g}, {post[n]['q95']:.4g}], sd {post[n]['sd']:.3g}"
                for i, n in enumerate(names)), file=sys.stderr, flush=True)
    except (HukouError, OSError, KeyError, tomllib.TOMLDecodeError) as e:
        print(f"recovery: {e}", file=sys.stderr)
        return 2
    summary, ok = [], True
    for n in names:
        covered = int(sum(c["posterior"][n]["q05"] <= c["truth"][n] <= c["posterior"][n]["q95"] for c in cases))
        narrower = int(sum(c["posterior"][n]["sd"] < prior_sd[n] for c in cases))
        sds = [c["posterior"][n]["sd"] for c in cases]
        summary.append({"parameter": n, "covered": covered, "narrower": narrower, "cases": len(cases),
                        "prior_sd": float(prior_sd[n]), "posterior_sd_median": float(np.median(sds)),
                        "posterior_sd_max": float(max(sds))})
        ok = ok and covered >= need and narrower == len(cases)
    print(f"Synthetic recovery of {title}: {a.cases} cases, {a.particles} particles, {a.generations} "
          f"generations, scale {a.scale:g}, seed {a.seed}\n")
    print("| parameter | 90% interval holds the truth | posterior sd < prior sd | prior sd "
          "| posterior sd (median, max) |")
    print("|---|---|---|---|---|")
    for s in summary:
        print(f"| `{s['parameter']}` | {s['covered']}/{s['cases']} | {s['narrower']}/{s['cases']} "
              f"| {s['prior_sd']:.3g} "
              f"| {s['posterior_sd_median']:.3g}, {s['posterior_sd_max']:.3g} |")
    print(f"\n{'passed' if ok else 'FAILED'}: at least {need} of {a.cases} intervals must hold the truth for every "
          "parameter, and every posterior sd must be below its prior sd")
    if a.json:
        with open(a.json, "w", encoding="utf-8") as f:
            json.dump({"settings": {k: v for k, v in vars(a).items() if k != "json"}, "required": need,
                       "parameters": summary, "cases": cases, "passed": ok}, f, indent=1)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
