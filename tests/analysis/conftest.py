"""Small runs made once per session with the built binary ($HUKOU_BIN, set by ctest):
Taiyuan baseline and what-if (same seed, 3 replicates, scale 20), Qiannan evaluated
(county scores)."""
import os
import shutil
import subprocess

import pytest


def hukou_bin():
    b = os.environ.get("HUKOU_BIN")
    if not b or not os.access(b, os.X_OK):
        pytest.fail(f"HUKOU_BIN must name the built hukou binary (got {b!r}); ctest sets it")
    return b


def hukou(*args, cwd=None, env=None, check=True):
    p = subprocess.run([hukou_bin(), *args], capture_output=True, text=True, cwd=cwd, env=env, timeout=120)
    if check and p.returncode != 0:
        raise AssertionError(f"hukou {' '.join(args)} exited {p.returncode}: {p.stderr}")
    return p


@pytest.fixture(scope="session")
def runs(tmp_path_factory):
    d = tmp_path_factory.mktemp("runs")
    common = ["--replicates", "3", "--set", "scale=20", "-q"]
    base, whatif, qiannan, plain = (str(d / n) for n in ("base.h5", "whatif.h5", "qiannan.h5", "plain.h5"))
    hukou("run", "taiyuan", *common, "-o", base)
    hukou("run", "taiyuan", *common, "--set", "zones.小店区.purchase_subsidy=40000", "-o", whatif)
    hukou("run", "qiannan", *common, "-o", qiannan)
    hukou("evaluate", qiannan, "--store")  # stores the evaluation and county_scores groups
    shutil.copy(base, plain)    # never evaluated: `hukou report` computes its evaluation
    hukou("evaluate", base, "--store")
    return {"base": base, "whatif": whatif, "qiannan": qiannan, "plain": plain, "dir": d}


SWEEP = """scenario = "taiyuan"
set = ["scale=200", "horizon=2020"]
replicates = 2
seed = 7
[design]
kind = "sobol"
samples = 8
[[parameters]]
key = "decision.asc_settle"
range = [-4.0, -2.0]
[[parameters]]
key = "zones.小店区.wage"
range = [3000, 5000]
"""


@pytest.fixture(scope="session")
def sweep(tmp_path_factory):
    """A tiny Sobol sweep (32 runs at scale 200) with its sensitivity computed."""
    d = tmp_path_factory.mktemp("sweep")
    spec = d / "sweep.toml"
    spec.write_text(SWEEP, encoding="utf-8")
    hukou("sweep", str(spec), "-o", str(d / "out"))
    hukou("sensitivity", str(d / "out"))
    return str(d / "out")
