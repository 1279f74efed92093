"""End-to-end checks of posterior predictive runs (docs/calibration.md, docs/evaluation.md):
`hukou run --posterior`, the draw dimension, common random numbers, and what evaluate and
compare make of draws x replicates.

Usage: posterior_checks.py HUKOU WORKDIR SOURCE_DIR CHECK
The check `make` calibrates a tiny posterior of the national frame into WORKDIR (a ctest
fixture the others require); each other CHECK is a function below.
"""
import csv
import hashlib
import io
import os
import shutil
import subprocess
import sys

import numpy as np

# A coarse scale keeps every run here to a second or two: the checks are of bookkeeping,
# pairing and arithmetic, not of the model's fit.
SCALE = "20000"
DRAWS, REPS = "3", "2"


def run(hukou, *args, env=None):
    p = subprocess.run([hukou, *args], capture_output=True, text=True, timeout=800,
                       env=dict(os.environ, **(env or {})))
    return p.returncode, p.stdout, p.stderr


def posterior(work):
    return os.path.join(work, "national_posterior.h5")


def predictive(hukou, work, name, *extra, post=None, draws=DRAWS, threads="2"):
    path = os.path.join(work, name)
    code, out, err = run(hukou, "run", "national", "--set", f"scale={SCALE}", "--posterior", post or posterior(work),
                         "--draws", draws, "--replicates", REPS, "--threads", threads, "-q", "-o", path, *extra)
    assert code == 0, (code, out, err)
    return path, out


def one_particle(work):
    """A copy of the posterior whose last generation is one particle, repeated."""
    import h5py
    path = os.path.join(work, "one_particle.h5")
    shutil.copyfile(posterior(work), path)
    with h5py.File(path, "r+") as f:
        p = f["particles"]
        gen = p["generation"][()]
        last = gen == gen.max()
        first = np.flatnonzero(last)[0]
        for name in p:
            if name in ("generation", "particle", "weight", "distance", "row"):
                continue
            v = p[name][()]
            v[last] = v[first]
            p[name][...] = v
    return path


def check_make(hukou, work, src):
    code, out, err = run(hukou, "calibrate", "national", "--scale", SCALE, "--particles", "6", "--generations", "2",
                         "--seed", "3", "--threads", "2", "-q", "-o", posterior(work))
    assert code == 0 and os.path.exists(posterior(work)), (code, out, err)


def check_draw_dimension(hukou, work, src):
    import h5py
    import xarray as xr
    path, out = predictive(hukou, work, "draws.h5")
    assert "3 posterior draws x 2 replicates" in out and "parameters and seeds" in out and "50% band" in out, out
    with xr.open_dataset(path) as ds:
        assert ds.registered_urbanization_rate.dims == ("draw", "replicate", "period"), ds.registered_urbanization_rate.dims
        assert ds.settlements.dims[:3] == ("draw", "replicate", "period")
        assert ds.registered_urbanization_rate.shape == (3, 2, 5)
        assert ds.posterior_draws.dims == ("draw", "parameter")
        names = ds.posterior_draws.attrs["parameters"].split()
        calibrated = ["decision.asc_return", "decision.asc_settle", "moves.village_to_town_rate"]
        assert names == list(ds.parameter.values) == calibrated, names
        assert ds.attrs["posterior_sha256"] == hashlib.sha256(open(posterior(work), "rb").read()).hexdigest()
        assert os.path.samefile(ds.attrs["posterior_path"], posterior(work))
        drawn, particle = ds.posterior_draws.values, ds.posterior_particle.values
    with h5py.File(posterior(work), "r") as f:
        p = f["particles"]
        last = p["generation"][()] == p["generation"][()].max()
        table = np.column_stack([p[n][()][last] for n in names])
    assert np.array_equal(drawn, table[particle]), (drawn, particle)  # each draw is a particle of the last generation
    # The draws differ (a posterior, not a point), so the draws' runs differ.
    r = xr.open_dataset(path).registered_urbanization_rate.values
    assert not np.array_equal(r[0], r[1]) or not np.array_equal(r[1], r[2])
    # The analysis package reads draws x replicates as one run dimension, draw-major.
    sys.path.insert(0, os.path.join(src, "analysis"))
    from hukou_analysis.load import load_run
    flat = load_run(path)
    assert flat.registered_urbanization_rate.dims == ("replicate", "period") and flat.sizes["replicate"] == 6
    assert np.array_equal(flat.registered_urbanization_rate.values, r.reshape(6, 5))
    assert flat.attrs["uncertainty"] == "parameters and seeds" and list(flat.run_draw.values) == [0, 0, 1, 1, 2, 2]


def check_threads_and_pairing(hukou, work, src):
    import h5py
    one, _ = predictive(hukou, work, "one.h5", threads="1")
    two, _ = predictive(hukou, work, "two.h5", threads="2")
    # A what-if identical to its baseline: the same settings, one of them --set to its own value.
    same, _ = predictive(hukou, work, "same.h5", "--set", "population.away_share=0")
    with h5py.File(one, "r") as a, h5py.File(two, "r") as b, h5py.File(same, "r") as c:
        for k in a:
            if isinstance(a[k], h5py.Dataset) and a[k].dtype.kind == "f":
                assert np.array_equal(a[k][()], b[k][()]), k  # 1 and 2 threads: the same runs
                assert np.array_equal(a[k][()], c[k][()]), k  # common random numbers per (draw, replicate)
    code, out, err = run(hukou, "compare", one, same, "--csv", "--all-years")
    assert code == 0, err
    rows = [r for r in csv.DictReader(io.StringIO(out)) if r["indicator"] != "cost_per_additional_settler"]
    assert rows and all(float(r[c]) == 0 for r in rows for c in ("effect_median", "effect_lo", "effect_hi")), out[:400]


def check_compare_refusals(hukou, work, src):
    base, _ = predictive(hukou, work, "base.h5")
    fewer, _ = predictive(hukou, work, "fewer.h5", draws="2")
    reseeded, _ = predictive(hukou, work, "reseeded.h5", "--seed", "5")
    other, _ = predictive(hukou, work, "other.h5", post=one_particle(work))
    plain = os.path.join(work, "plain.h5")
    code, _, err = run(hukou, "run", "national", "--set", f"scale={SCALE}", "--replicates", "6", "-q", "-o", plain)
    assert code == 0, err
    for path, why in ((fewer, "posterior draws differ"), (reseeded, "seeds differ"), (other, "different posteriors"),
                      (plain, "without")):
        code, _, err = run(hukou, "compare", base, path)
        assert code == 2 and why in err, (path, code, err)


def check_run_refusals(hukou, work, src):
    code, _, err = run(hukou, "run", "taiyuan", "--set", "scale=200", "--posterior", posterior(work), "-q",
                       "-o", os.path.join(work, "t.h5"))
    assert code == 2 and "posterior of scenario 'national'" in err, (code, err)
    empty = os.path.join(work, "no_posteriors")
    shutil.rmtree(empty, ignore_errors=True)
    os.makedirs(empty)
    code, _, err = run(hukou, "run", "national", "--set", f"scale={SCALE}", "--posterior", "shipped", "-q",
                       "-o", os.path.join(work, "s.h5"),
                       env={"HUKOU_POSTERIOR_DIR": empty})
    assert code == 2 and "no shipped posterior" in err and "hukou calibrate national" in err, (code, err)
    shutil.copyfile(posterior(work), os.path.join(empty, "national.h5"))
    code, out, err = run(hukou, "run", "national", "--set", f"scale={SCALE}", "--posterior", "shipped", "--draws", "2",
                         "-q", "-o", os.path.join(work, "s.h5"), env={"HUKOU_POSTERIOR_DIR": empty})
    assert code == 0 and "2 posterior draws" in out, (code, err)
    code, _, err = run(hukou, "run", "national", "--set", f"scale={SCALE}", "--set", "decision.asc_settle=-2",
                       "--posterior", posterior(work), "-q", "-o", os.path.join(work, "x.h5"))
    assert code == 2 and "drawn from the posterior" in err, (code, err)
    code, _, err = run(hukou, "run", "national", "--posterior", os.path.join(work, "s.h5"), "-q",
                       "-o", os.path.join(work, "y.h5"))
    assert code == 2 and "not a posterior file" in err, (code, err)
    code, _, err = run(hukou, "run", "national", "--draws", "3", "-q", "-o", os.path.join(work, "z.h5"))
    assert code == 2 and "--posterior" in err, (code, err)


def targets_csv(out):
    """The targets table of `hukou evaluate --csv` (the first; the observations follow after a blank line)."""
    return out.split("\n\n", 1)[0]


def check_evaluate_shares(hukou, work, src):
    path, _ = predictive(hukou, work, "eval.h5")
    code, out, err = run(hukou, "evaluate", path, "--csv")
    assert code == 0, err
    rows = list(csv.DictReader(io.StringIO(targets_csv(out))))
    assert rows and all(r["uncertainty"] == "parameters and seeds" for r in rows), out
    for r in rows:
        p, n = float(r["parameter_share"]), float(r["noise_share"])
        assert abs(p + n - 1) < 1e-12 and 0 <= p <= 1, r
        assert 0 <= float(r["share_met"]) <= 1
    code, out, err = run(hukou, "evaluate", path)
    assert code == 0 and "probability it is met" in out and "parameter_share" in out, out
    same, _ = predictive(hukou, work, "same_draws.h5", post=one_particle(work))
    code, out, err = run(hukou, "evaluate", same, "--csv")
    assert code == 0, err
    rows = list(csv.DictReader(io.StringIO(targets_csv(out))))
    assert all(float(r["parameter_share"]) == 0 and float(r["noise_share"]) == 1 for r in rows), out


def check_city_prior(hukou, work, src):
    """A city has no observation inside its simulated years up to the cutoff: `hukou calibrate`
    writes its prior as the posterior, and says so; runs and evaluate read it as any posterior."""
    import xarray as xr
    path = os.path.join(work, "taiyuan_prior.h5")
    code, out, err = run(hukou, "calibrate", "taiyuan", "--particles", "2000", "--seed", "5", "--threads", "1",
                         "-o", path)
    assert code == 0 and "the posterior is the prior" in err and "0 runs" in out, (code, out, err)
    prov = xr.open_dataset(path, group="provenance").to_dataframe()
    method = dict(zip(prov["key"], prov["value"]))["method"]
    assert method.startswith("prior: no observation inside the simulated years"), method
    gen = xr.open_dataset(path, group="generations").to_dataframe()
    assert len(gen) == 1 and gen["simulations"].iloc[0] == 0 and np.isinf(gen["epsilon"].iloc[0]), gen
    assert len(xr.open_dataset(path, group="observations").to_dataframe()) == 0
    parts = xr.open_dataset(path, group="particles").to_dataframe()
    assert len(parts) == 2000 and np.allclose(parts["weight"], 1 / 2000) and parts["distance"].isna().all()
    # The draws are the prior's: decision.asc_settle is normal(-2.51, 0.75) on [-6, 0] (truncation moves
    # the mean and sd by less than 1e-3); 2000 draws put the mean within 0.05 (3 standard errors) and the
    # sd within 0.05; the move rate is lognormal(-2.011, 0.118) (taiyuan.toml): the mean of its log within
    # 0.008 (3 standard errors, 0.118 / sqrt(2000)) and the sd within 0.006 (3 of 0.118 / sqrt(4000)).
    a = parts["decision.asc_settle"]
    assert abs(a.mean() + 2.51) < 0.05 and abs(a.std() - 0.75) < 0.05 and a.min() >= -6 and a.max() <= 0, a.describe()
    v = parts["moves.village_to_town_rate"]
    lv = np.log(v)
    assert v.min() > 0 and abs(lv.mean() + 2.011) < 0.008 and abs(lv.std() - 0.118) < 0.006, v.describe()
    # The same draws on any number of threads (no model runs: the keys alone decide).
    again = os.path.join(work, "taiyuan_prior_2.h5")
    assert run(hukou, "calibrate", "taiyuan", "--particles", "2000", "--seed", "5", "--threads", "2", "-q",
               "-o", again)[0] == 0
    assert xr.open_dataset(again, group="particles").equals(xr.open_dataset(path, group="particles"))
    # Posterior runs and evaluate: every target carries the parameters' uncertainty.
    run_path = os.path.join(work, "taiyuan_prior_run.h5")
    code, out, err = run(hukou, "run", "taiyuan", "--set", "scale=200", "--posterior", path, "--draws", "4",
                         "--replicates", "2", "--threads", "2", "-q", "-o", run_path)
    assert code == 0, (code, out, err)
    code, out, err = run(hukou, "evaluate", run_path, "--csv")
    assert code == 0, err
    rows = list(csv.DictReader(io.StringIO(targets_csv(out))))
    assert rows and all(r["uncertainty"] == "parameters and seeds" for r in rows), out
    assert all(float(r["parameter_share"]) > 0 for r in rows), out


def check_city_shipped(hukou, work, src):
    """Every city ships its posterior (scenarios/posteriors/CITY.h5), and a run reads it."""
    for city in ("taiyuan", "dandong", "liaocheng", "shaoxing", "qiannan"):
        code, out, err = run(hukou, "run", city, "--set", "scale=400", "--posterior", "shipped", "--draws", "2",
                             "--threads", "2", "-q", "-o", os.path.join(work, f"{city}_shipped.h5"),
                             env={"HUKOU_POSTERIOR_DIR": os.path.join(src, "scenarios", "posteriors")})
        assert code == 0 and "2 posterior draws" in out, (city, code, out, err)


if __name__ == "__main__":
    hukou, work, src, name = sys.argv[1:5]
    os.makedirs(work, exist_ok=True)
    try:
        globals()["check_" + name](hukou, work, src)
    except AssertionError as e:
        print(f"FAILED {name}: {e}", file=sys.stderr)
        sys.exit(1)
    print(f"ok {name}")
