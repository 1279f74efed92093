"""End-to-end checks of `hukou sweep` and `hukou sensitivity` on tiny sweeps
(Taiyuan at scale=200 to 2020). Usage: sweep_checks.py HUKOU WORKDIR CHECK."""
import os
import shutil
import subprocess
import sys

import h5py
import numpy as np
import xarray as xr

HUKOU, WORK, CHECK = sys.argv[1], os.path.join(sys.argv[2], sys.argv[3]), sys.argv[3]

HEAD = """scenario = "taiyuan"
set = ["scale=200", "horizon=2020"]
replicates = 2
seed = 11
"""
GRID = HEAD + """[design]
kind = "grid"
[[parameters]]
key = "decision.asc_settle"
range = [-4.0, -2.0]
levels = 3
[[parameters]]
key = "zones.小店区.wage"
values = [3000, 5000]
"""
SOBOL = HEAD.replace("replicates = 2", "replicates = 1") + """[design]
kind = "sobol"
samples = 8
[[parameters]]
key = "decision.asc_settle"
range = [-4.0, -2.0]
[[parameters]]
key = "zones.小店区.wage"
range = [3000, 5000]
"""


def hukou(*args, expect=0):
    p = subprocess.run([HUKOU, *args], capture_output=True, text=True)
    assert p.returncode == expect, f"{args}: exit {p.returncode}\n{p.stdout}\n{p.stderr}"
    return p


def sweep_file(name, text):
    path = os.path.join(WORK, name)
    with open(path, "w") as f:
        f.write(text)
    return path


def data(directory):
    """Every series of every run, read through the master file."""
    with h5py.File(os.path.join(directory, "sweep.h5"), "r") as f:
        return {k: f[k][()] for k in f if f[k].dtype == np.float64 and f[k].ndim >= 3}


def same(a, b):
    assert a.keys() == b.keys()
    for k in a:
        assert a[k].tobytes() == b[k].tobytes(), k
        assert not np.isnan(a[k]).any(), k


def check_xarray():
    out = os.path.join(WORK, "out")
    p = hukou("sweep", sweep_file("grid.toml", GRID), "-o", out)
    assert "6 runs" in p.stdout and "estimated time" in p.stdout, p.stdout
    ds = xr.open_dataset(os.path.join(out, "sweep.h5"))
    rate = ds["registered_urbanization_rate"]
    assert rate.dims == ("run", "replicate", "period"), rate.dims
    assert rate.shape == (6, 2, 4)
    assert list(ds["period"].values) == [2017, 2018, 2019, 2020]
    assert list(ds["decision.asc_settle"].values) == [-4, -4, -3, -3, -2, -2]
    assert ds["decision.asc_settle"].dims == ("run",)
    assert ds["settlements"].dims == ("run", "replicate", "period", "zone", "channel")
    assert not np.isnan(rate.values).any()
    # Each series says its kind and dimensions, as in a run file (outputs.def).
    assert ds["settlements"].attrs["kind"] == "flow" and rate.attrs["kind"] == "rate"
    assert ds["settlements"].attrs["dimensions"] == "run replicate period zone channel"
    # Higher settling constant, more registered urbanization (same random numbers).
    last = rate.isel(period=-1).mean("replicate").values
    assert last[4] > last[0], last
    # The directory moves whole; a missing run reads as NaN.
    moved = os.path.join(WORK, "moved")
    shutil.move(out, moved)
    os.remove(os.path.join(moved, "runs", "run_000003.h5"))
    hukou("sweep", "merge", moved)
    ds = xr.open_dataset(os.path.join(moved, "sweep.h5"), engine="h5netcdf")
    r = ds["registered_urbanization_rate"].values
    assert np.isnan(r[3]).all() and not np.isnan(r[2]).any()


def check_evaluate():
    """Every run file a sweep writes carries its scenario's targets: `hukou evaluate`
    gives the same table as for the same run made by `hukou run`."""
    out = os.path.join(WORK, "out")
    hukou("sweep", sweep_file("grid.toml", GRID), "-o", out, "-q")
    runs = sorted(os.listdir(os.path.join(out, "runs")))
    assert len(runs) == 6, runs
    tables = [hukou("evaluate", os.path.join(out, "runs", r), "--csv", "--no-store").stdout for r in runs]
    for t in tables:
        assert t.startswith("indicator,target_zone,view,year,target_value") and "registered_urbanization_rate" in t, t
    # Run 3 of the grid: asc_settle -3, 小店区 wage 5000 (the last parameter varies fastest).
    single = os.path.join(WORK, "single.h5")
    hukou("run", "taiyuan", "--set", "scale=200", "--set", "horizon=2020", "--set", "decision.asc_settle=-3",
          "--set", "zones.小店区.wage=5000", "--replicates", "2", "--seed", "11", "-q", "-o", single)
    assert hukou("evaluate", single, "--csv", "--no-store").stdout == tables[3]


def check_resume():
    f = sweep_file("grid.toml", GRID)
    full, cut = os.path.join(WORK, "full"), os.path.join(WORK, "cut")
    hukou("sweep", f, "-o", full, "-q")
    hukou("sweep", f, "-o", cut, "-q")
    for r in (0, 2, 5):  # a sweep killed before these runs were written
        os.remove(os.path.join(cut, "runs", f"run_{r:06d}.h5"))
    os.remove(os.path.join(cut, "sweep.h5"))
    open(os.path.join(cut, "runs", "run_000002.h5.tmp"), "w").write("partial")  # a killed writer
    p = hukou("sweep", f, "-o", cut, "--resume", "-q")
    assert "3 to run" in p.stdout, p.stdout
    same(data(full), data(cut))
    p = hukou("sweep", f, "-o", cut, "-q")
    assert "0 to run" in p.stdout, p.stdout
    # Another sweep file may not resume into this directory.
    other = sweep_file("other.toml", GRID.replace("seed = 11", "seed = 12"))
    p = hukou("sweep", other, "-o", cut, "--resume", expect=2)
    assert "different sweep" in p.stderr, p.stderr
    hukou("sweep", f, "-o", os.path.join(WORK, "none"), "--resume", expect=2)


def check_shards():
    f = sweep_file("grid.toml", GRID)
    full, sh = os.path.join(WORK, "full"), os.path.join(WORK, "sharded")
    hukou("sweep", f, "-o", full, "-q")
    p = hukou("sweep", f, "-o", sh, "--shard", "0/2", "-q")
    assert "3 to run" in p.stdout and "merge" in p.stdout, p.stdout
    assert sorted(os.listdir(os.path.join(sh, "runs"))) == [f"run_{r:06d}.h5" for r in (0, 2, 4)]
    # In a Slurm array task the shard must be given: the array's range cannot tell it.
    env = dict(os.environ, SLURM_ARRAY_TASK_ID="1", SLURM_ARRAY_TASK_COUNT="1", SLURM_ARRAY_TASK_MIN="1")
    p = subprocess.run([HUKOU, "sweep", f, "-o", sh, "-q"], capture_output=True, text=True, env=env)
    assert p.returncode == 2 and '--shard "$SLURM_ARRAY_TASK_ID/N"' in p.stderr, p.stdout + p.stderr
    p = subprocess.run([HUKOU, "sweep", f, "-o", sh, "-q", "--shard", "1/2"], capture_output=True, text=True, env=env)
    assert p.returncode == 0 and "shard 1/2" in p.stdout, p.stdout + p.stderr
    hukou("sweep", "merge", sh)
    same(data(full), data(sh))
    hukou("sweep", f, "-o", sh, "--shard", "2/2", expect=2)


def check_sensitivity():
    out = os.path.join(WORK, "sobol")
    p = hukou("sweep", sweep_file("sobol.toml", SOBOL), "-o", out, "-q")
    assert "32 runs" in p.stdout, p.stdout
    p = hukou("sensitivity", out)
    assert "decision.asc_settle" in p.stdout and "ST" in p.stdout, p.stdout
    master = os.path.join(out, "sweep.h5")
    g = xr.open_dataset(master, group="sensitivity_registered_urbanization_rate_2020")
    assert list(g["parameter"].values) == ["decision.asc_settle", "zones.小店区.wage"]
    st = g["ST"].values
    assert st[0] > st[1], st  # the settling constant matters more than one district's wage
    assert g.attrs["year"] == "2020" and g.ST.attrs["units"] == "1"
    # Any output, zone, channel and year; each analysis in its own group.
    p = hukou("sensitivity", out, "--output", "settlements", "--zone", "小店区", "--channel", "four_groups",
              "--year", "2019")
    assert "settlements in 小店区, channel four_groups, 2019" in p.stdout, p.stdout
    p = hukou("sensitivity", out, "--output", "registered_urbanization_rate_zone", "--zone", "清徐县")
    p = hukou("sensitivity", out, "--output", "setlements", expect=2)
    assert "did you mean 'settlements'" in p.stderr, p.stderr
    p = hukou("sensitivity", out, "--output", "registered_urbanization_rate_zone", expect=2)
    assert "name a zone" in p.stderr, p.stderr
    p = hukou("sensitivity", out, "--year", "2025", expect=2)
    assert "outside the runs' years 2017-2020" in p.stderr, p.stderr
    # Rewriting the master file keeps every stored analysis.
    hukou("sweep", "merge", out)
    with h5py.File(master, "r") as f:
        kept = sorted(k for k in f if k.startswith("sensitivity"))
        assert kept == ["sensitivity_registered_urbanization_rate_2020",
                        "sensitivity_registered_urbanization_rate_zone_清徐县_2020",
                        "sensitivity_settlements_小店区_four_groups_2019"], kept
        assert f["sensitivity_registered_urbanization_rate_2020/ST"][()].tobytes() == st.tobytes()
        assert f.attrs["scenario_name"] == "taiyuan" and f.attrs["git_commit"] and f.attrs["created"]
        assert f["decision.asc_settle"].attrs["units"] == "util"
    assert xr.open_dataset(os.path.join(out, "sweep.h5"))["registered_urbanization_rate"].shape == (32, 1, 4)
    morris = SOBOL.replace('kind = "sobol"\nsamples = 8', 'kind = "morris"\ntrajectories = 3\nlevels = 4')
    mo = os.path.join(WORK, "morris")
    hukou("sweep", sweep_file("morris.toml", morris), "-o", mo, "-q")
    p = hukou("sensitivity", mo, "--output", "resident_urbanization_rate", "--year", "2019")
    assert "mu_star" in p.stdout, p.stdout
    grid = os.path.join(WORK, "grid")
    hukou("sweep", sweep_file("grid.toml", GRID), "-o", grid, "-q")
    hukou("sensitivity", grid, expect=2)
    hukou("sensitivity", mo, "--output", "settlements", "--zone", "nowhere", expect=2)


def check_dry_run():
    f = sweep_file("grid.toml", GRID)
    out = os.path.join(WORK, "dry")
    p = hukou("sweep", f, "-o", out, "--dry-run")
    lines = p.stdout.splitlines()
    assert "run,decision.asc_settle,zones.小店区.wage" in lines and "5,-2,5000" in lines, p.stdout
    assert "6 of 6 runs to run" in p.stdout and "Estimate:" in p.stdout and "a run" in p.stdout, p.stdout
    assert not os.path.exists(out), "a dry run writes nothing"
    p = hukou("sweep", f, "-o", out, "--dry-run", "--shard", "1/2")
    assert "Shard 1/2: 3 of 6 runs to run" in p.stdout, p.stdout
    # The job's memory limit, not the node's, sizes the concurrency.
    env = dict(os.environ, SLURM_MEM_PER_NODE="1")
    p = subprocess.run([HUKOU, "sweep", f, "-o", out, "--dry-run", "--threads", "2"], capture_output=True, text=True,
                       env=env)
    assert p.returncode == 0 and "1 at a time" in p.stdout and "(SLURM_MEM_PER_NODE)" in p.stdout, p.stdout
    p = subprocess.run([HUKOU, "sweep", f, "-o", out, "-q", "--threads", "2"], capture_output=True, text=True, env=env)
    assert p.returncode == 0 and "1 at a time (memory: SLURM_MEM_PER_NODE)" in p.stdout, p.stdout


R_SCRIPT = r"""
library(hdf5r)
f <- H5File$new(commandArgs(TRUE)[1], mode = "r")
stopifnot(f[["registered_urbanization_rate"]]$dims == c(4, 1, 32))  # R reverses them: period, replicate, run
rate <- f[["registered_urbanization_rate"]]$read()
stopifnot(all(rate > 0 & rate < 1))
stopifnot("小店区" %in% f[["zone"]]$read())
stopifnot(h5attr(f[["decision.asc_settle"]], "units") == "util")
stopifnot(h5attr(f, "scenario_name") == "taiyuan")
g <- f[["sensitivity_registered_urbanization_rate_2020"]]
stopifnot(identical(g[["parameter"]]$read(), c("decision.asc_settle", "zones.小店区.wage")))
stopifnot(length(g[["ST"]]$read()) == 2)
# ncdf4 cannot read sweep.h5's virtual datasets; it reads each run file, and run 1's
# values through sweep.h5 (hdf5r) are that file's (docs/sweeps.md, "Provenance, units, R").
library(ncdf4)
nc <- nc_open(commandArgs(TRUE)[2])
one <- ncvar_get(nc, "registered_urbanization_rate")
rate <- array(rate, dim = f[["registered_urbanization_rate"]]$dims)  # $read() drops the replicate dimension of 1
stopifnot(length(one) == 4, all(one == rate[, 1, 1]))
nc_close(nc)
cat("ok\n")
"""


SKIP = 77  # ctest's SKIP_RETURN_CODE for sweep_r


def check_r():
    rscript = shutil.which("Rscript")
    if rscript is None:
        print("skipped: Rscript not found (scripts/install-deps installs r-base-core, r-cran-hdf5r, r-cran-ncdf4)")
        sys.exit(SKIP)
    out = os.path.join(WORK, "sobol")
    hukou("sweep", sweep_file("sobol.toml", SOBOL), "-o", out, "-q")
    hukou("sensitivity", out)
    script = sweep_file("read.R", R_SCRIPT)
    p = subprocess.run([rscript, script, os.path.join(out, "sweep.h5"), os.path.join(out, "runs", "run_000000.h5")],
                       capture_output=True, text=True)
    assert p.returncode == 0 and "ok" in p.stdout, p.stdout + p.stderr


def check_bad_files():
    p = hukou("sweep", sweep_file("bad.toml", GRID.replace("levels = 3", "levls = 3")), "-o", os.path.join(WORK, "b"), expect=2)
    assert "bad.toml:10:1" in p.stderr and "did you mean 'levels'" in p.stderr, p.stderr
    p = hukou("sweep", sweep_file("bad2.toml", GRID.replace("[-4.0, -2.0]", "[-40.0, -2.0]")), "-o", os.path.join(WORK, "b"), expect=2)
    assert "parameters[1].range[1]" in p.stderr, p.stderr
    assert not os.path.exists(os.path.join(WORK, "b"))


def check_mpi():
    f = sweep_file("grid.toml", GRID)
    full, mp = os.path.join(WORK, "full"), os.path.join(WORK, "mpi")
    hukou("sweep", f, "-o", full, "-q")
    env = dict(os.environ, OMPI_ALLOW_RUN_AS_ROOT="1", OMPI_ALLOW_RUN_AS_ROOT_CONFIRM="1")
    p = subprocess.run(["mpirun", "--oversubscribe", "-n", "2", HUKOU, "sweep", f, "-o", mp, "--mpi", "-q"],
                       capture_output=True, text=True, env=env)
    assert p.returncode == 0, p.stdout + p.stderr
    assert "shard 0/2" in p.stdout and "Wrote" in p.stdout, p.stdout
    same(data(full), data(mp))


shutil.rmtree(WORK, ignore_errors=True)
os.makedirs(WORK)
globals()["check_" + CHECK]()
print("ok")
