"""docs/cluster.md's Slurm scripts, run as shown with fake sbatch/srun
(fake_slurm.py): under `set -u` without $SCRATCH, the merge chained on the
array's job id, and a resubmitted subset of tasks (--array=5,17) running just
those shards.

Usage: check_slurm.py HUKOU SOURCE_DIR WORKDIR"""
import os
import shutil
import stat
import subprocess
import sys

from doc_blocks import blocks

HUKOU, SRC, WORK = sys.argv[1:4]
# 3 parameters, 4 base samples: 4 * (3 + 2) = 20 runs, so shards 5 and 17 of 32 have one each.
SWEEP = """scenario = "taiyuan"
set = ["scale=2000", "horizon=2020"]
seed = 3
[design]
kind = "sobol"
samples = 4
[[parameters]]
key = "decision.asc_settle"
range = [-4.0, -2.0]
[[parameters]]
key = "decision.b_peer"
range = [0.0, 1.0]
[[parameters]]
key = "zones.小店区.wage"
range = [3000, 5000]
"""


def jobs(state):
    return [l.split() for l in open(os.path.join(state, "jobs.txt"))]


def main():
    shutil.rmtree(WORK, ignore_errors=True)
    work, shims, state = (os.path.join(WORK, d) for d in ("submit", "bin", "slurm"))
    for d in (work, shims, state):
        os.makedirs(d)
    marked = {m.split()[1]: text for _, text, marks, _ in blocks(os.path.join(SRC, "docs", "cluster.md"))
              for m in marks if m.startswith("slurm ")}
    assert set(marked) == {"sweep.sbatch", "submit", "resubmit"}, marked.keys()
    for name, text in marked.items():
        with open(os.path.join(work, name), "w") as f:
            f.write(text)
    with open(os.path.join(work, "sweep.toml"), "w") as f:
        f.write(SWEEP)
    shim = os.path.join(os.path.dirname(os.path.abspath(__file__)), "fake_slurm.py")
    for name in ("sbatch", "srun"):
        path = os.path.join(shims, name)
        with open(path, "w") as f:
            f.write(f"#!/bin/sh\nexec /usr/bin/python3 {shim} \"$@\"\n")
        os.chmod(path, os.stat(path).st_mode | stat.S_IEXEC)
        os.symlink(path, os.path.join(shims, name + ".link"))
    hukou_dir = os.path.join(shims, "hukou_bin")
    os.makedirs(hukou_dir)
    os.symlink(os.path.abspath(HUKOU), os.path.join(hukou_dir, "hukou"))
    env = {k: v for k, v in os.environ.items() if not k.startswith("SLURM_") and k != "SCRATCH"}
    env.update(PATH=f"{shims}:{hukou_dir}:{env['PATH']}", FAKE_SLURM_DIR=state)

    p = subprocess.run(["bash", "-u", "submit"], cwd=work, env=env, capture_output=True, text=True)
    assert p.returncode == 0, p.stdout + p.stderr
    rows = jobs(state)
    array = [r for r in rows if r[0] == rows[0][0]]
    assert len(array) == 32 and all(r[2] == "0" for r in array), rows  # every task, under set -u
    merge = rows[-1]
    assert merge[0] != rows[0][0] and merge[2] == "0", rows  # the merge ran, after the array
    out = os.path.join(work, "sweep")  # no $SCRATCH: the submit directory
    runs = sorted(os.listdir(os.path.join(out, "runs")))
    assert len(runs) == 20 and os.path.exists(os.path.join(out, "sweep.h5")), runs
    log = open(os.path.join(state, f"slurm-{merge[0]}_-.out")).read()
    assert "ST" in log and "Stored in" in log, log  # merge, then sensitivity

    # Tasks 5 and 17 "failed": their runs are missing. Resubmitting them runs just those.
    for r in (5, 17):
        os.remove(os.path.join(out, "runs", f"run_{r:06d}.h5"))
    before = {f: os.stat(os.path.join(out, "runs", f)).st_mtime_ns for f in os.listdir(os.path.join(out, "runs"))}
    open(os.path.join(state, "jobs.txt"), "w").close()
    p = subprocess.run(["bash", "-u", "resubmit"], cwd=work, env=env, capture_output=True, text=True)
    assert p.returncode == 0, p.stdout + p.stderr
    rows = jobs(state)
    assert [r[1] for r in rows[:-1]] == ["5", "17"] and all(r[2] == "0" for r in rows), rows
    after = {f: os.stat(os.path.join(out, "runs", f)).st_mtime_ns for f in os.listdir(os.path.join(out, "runs"))}
    assert sorted(set(after) - set(before)) == ["run_000005.h5", "run_000017.h5"], after
    assert all(after[f] == t for f, t in before.items()), "other shards' runs were not touched"
    for r in rows[:-1]:
        log = open(os.path.join(state, f"slurm-{r[0]}_{r[1]}.out")).read()
        assert f"shard {r[1]}/32" in log or "1 to run" in log or log == "", log


main()
print("ok")
