"""Loaders: a run file, a paired comparison of two run files, (later) a sweep.

A run file (docs/outputs.md) has variables (replicate, period[, zone[, channel|group]]),
or, made with `hukou run --posterior`, ([draw, ]replicate, ...): load_run() reads
a posterior run's draws x replicates as one `replicate` dimension of D x R runs,
draw-major, as `hukou evaluate` and `hukou compare` do (attribute `uncertainty`).
each with attributes `kind` (rate, stock, flow) and `dimensions`, the plan's targets
along `target`, and optionally the `evaluation` and `county_scores` groups written by
`hukou evaluate` (docs/evaluation.md). Nothing here re-implements the simulator's
rules: an output's kind is read from the file, and the evaluation is the C++
`hukou evaluate`'s (stored in the file, or handed over by `hukou report`).
"""
import os

import h5py
import numpy as np
import pandas as pd
import xarray as xr
from scipy import stats

class ComparisonError(ValueError):
    """Two run files that cannot be paired (other periods, zones, replicates or seeds)."""


class NotEvaluatedError(ValueError):
    """A run file with targets but no evaluation: `hukou evaluate` has not run on it."""


def _groups(path):
    with h5py.File(path, "r") as f:
        return {k for k, v in f.items() if isinstance(v, h5py.Group)}


def load_run(path):
    """The run file as an xarray.Dataset, loaded into memory (the file is closed).

    Adds attributes `path`, `replicates` (runs), `draws` (0: no posterior) and
    `uncertainty` ("seeds only" or "parameters and seeds"); the groups `evaluation` and
    `county_scores` are read by evaluation_table() and county_scores()."""
    if not os.path.exists(path):
        raise FileNotFoundError(f"{path}: no such file")
    with xr.open_dataset(path) as ds:
        ds = ds.load()
    if "registered_urbanization_rate" not in ds:
        raise ValueError(f"{path} is not a hukou run file (no registered_urbanization_rate)")
    ds = _runs_of_draws(ds)
    ds.attrs["path"] = os.fspath(path)
    ds.attrs["replicates"] = int(ds.sizes["replicate"])
    return ds


def _runs_of_draws(ds):
    """A posterior run's (draw, replicate) as one `replicate` dimension of D x R runs,
    draw-major (run k is draw k // R, replicate k % R); variable `run_draw` gives
    each run's draw. A run without draws is returned as it is."""
    if "draw" not in ds.dims:
        ds.attrs.update(draws=0, uncertainty="seeds only")
        return ds
    n_draws, n_reps = ds.sizes["draw"], ds.sizes["replicate"]
    series = [v for v in ds.data_vars if ds[v].dims[:2] == ("draw", "replicate")]
    kept = [v for v in ds.data_vars if v not in series and "replicate" not in ds[v].dims]
    out = ds[kept].drop_vars("replicate", errors="ignore")
    runs = np.arange(n_draws * n_reps)
    for v in series:
        da = ds[v]
        out[v] = xr.DataArray(da.values.reshape((n_draws * n_reps,) + da.shape[2:]), dims=("replicate",) + da.dims[2:],
                              coords={d: ds[d] for d in da.dims[2:] if d in ds.coords}, attrs=da.attrs)
    out = out.assign_coords(replicate=runs)
    out["run_draw"] = xr.DataArray(runs // n_reps, dims=("replicate",), attrs={"long_name": "posterior draw of the run"})
    if "replicate_seed" in ds:
        out["replicate_seed"] = xr.DataArray(np.tile(ds.replicate_seed.values, n_draws), dims=("replicate",),
                                             attrs=ds.replicate_seed.attrs)
    out.attrs = dict(ds.attrs, draws=int(n_draws), uncertainty="parameters and seeds")
    return out


def _as_run(run):
    return run if isinstance(run, xr.Dataset) else load_run(run)


def kind(ds, variable):
    """The variable's kind as the run file records it: "rate", "stock" or "flow"."""
    k = ds[variable].attrs.get("kind")
    if k is None:
        raise ValueError(f"'{variable}' has no `kind` attribute: the file predates it; run it again")
    return str(k)


def indicator(ds, variable, zone=None):
    """Values per (replicate, period) of one indicator, as `hukou compare` and
    `hukou evaluate` read it: counts summed over zones and channels/groups unless a
    zone is named; a rate per zone needs a zone (rates do not add up)."""
    da = ds[variable]
    if zone:
        if "zone" not in da.dims:
            raise ValueError(f"'{variable}' is prefecture-wide: it has no zone")
        da = da.sel(zone=zone)
    elif "zone" in da.dims and kind(ds, variable) == "rate":
        raise ValueError(f"'{variable}' is a rate per zone: name a zone")
    extra = [d for d in da.dims if d not in ("replicate", "period")]
    return da.sum(extra) if extra else da


def run_frame(run, variable, zone=None):
    """A tidy pandas.DataFrame of one variable: one row per replicate, period (and
    zone, channel or group), column `value`. With zone= only that zone."""
    da = _as_run(run)[variable]
    if zone:
        da = da.sel(zone=zone)
    return da.to_dataframe(name="value")[["value"]].reset_index()


def _group_frame(path, group):
    if group not in _groups(path):
        return None
    with xr.open_dataset(path, group=group) as g:
        df = g.load().to_dataframe().reset_index(drop=True)
    for c in df.columns:
        if df[c].dtype == object:
            df[c] = df[c].astype(str)
    return df


def _first_group(group, *paths):
    """The group `group` of the first of `paths` that has it, with its path; else (None, None)."""
    for path in paths:
        if path and os.path.exists(path):
            df = _group_frame(path, group)
            if df is not None:
                return df, path
    return None, None


def targets(run):
    """The plan's targets stored in the run file, as a pandas.DataFrame (columns
    indicator, zone, year, value, clause; zone empty for the whole prefecture)."""
    ds = _as_run(run)
    cols = ["indicator", "zone", "year", "value", "clause"]
    if "target" not in ds.dims:
        return pd.DataFrame(columns=cols)
    return pd.DataFrame({"indicator": ds.target_indicator.values.astype(str), "zone": ds.target_zone.values.astype(str),
                         "year": ds.target_year.values.astype(int), "value": ds.target_value.values.astype(float),
                         "clause": ds.target_clause.values.astype(str)}, columns=cols)


def evaluation_table(run, evaluation=None):
    """The evaluation against targets (columns of docs/evaluation.md) as a
    pandas.DataFrame, as `hukou evaluate` computes it: the run file's `evaluation`
    group (.attrs["source"] == "stored"), else that group of the file `evaluation`
    (`hukou report` computes one; "computed"). Empty when the scenario has no
    targets; NotEvaluatedError when neither file has it (run `hukou evaluate --store FILE`)."""
    ds = _as_run(run)
    path = ds.attrs.get("path")
    df, where = _first_group("evaluation", path, evaluation)
    if df is not None:
        df.attrs["source"] = "stored" if where == path else "computed"
        return df
    if "target" not in ds.dims:
        return pd.DataFrame(columns=["indicator", "target_zone", "view", "year", "target_value", "path_from",
                                     "simulated", "lo", "hi", "gap", "share_met", "clause"])
    raise NotEvaluatedError(f"{path} has not been evaluated: run `hukou evaluate --store {path}` (or `hukou report`, "
                            "which evaluates it without changing the file)")


def county_scores(run, evaluation=None):
    """The `county_scores` group (Qiannan appendix 1) of the run file (after `hukou
    evaluate`), else of the file `evaluation` (from `hukou report`), as a
    pandas.DataFrame; None if neither has one."""
    path = run.attrs.get("path") if isinstance(run, xr.Dataset) else run
    return _first_group("county_scores", path, evaluation)[0]


def load_comparison(baseline, whatif):
    """Paired what-if differences (what-if − baseline) per replicate, as an
    xarray.Dataset with every output variable of the two files (same dimensions).

    Refuses (ComparisonError) files that `hukou compare` refuses: other periods,
    zones, numbers of replicates or seeds. Attributes `baseline` and `what_if`
    name the two files. Summarise with comparison_summary()."""
    b, w = _as_run(baseline), _as_run(whatif)
    why = None
    if not np.array_equal(b.period.values, w.period.values):
        why = "their periods differ (horizons or base years)"
    elif not np.array_equal(b.zone.values, w.zone.values):
        why = "their zones differ"
    elif b.attrs.get("draws", 0) != w.attrs.get("draws", 0):
        why = "their numbers of posterior draws differ (or one has none)"
    elif b.sizes["replicate"] != w.sizes["replicate"]:
        why = "their numbers of replicates differ"
    elif int(b.attrs.get("seed", -1)) != int(w.attrs.get("seed", -2)) or (
            "replicate_seed" in b and not np.array_equal(b.replicate_seed.values, w.replicate_seed.values)):
        why = "their seeds differ, so they share no random numbers (run both with the same --seed)"
    elif b.attrs.get("posterior_sha256", "") != w.attrs.get("posterior_sha256", ""):
        why = "they drew their parameters from different posteriors"
    if why:
        raise ComparisonError(f"cannot compare {b.attrs['path']} with {w.attrs['path']}: {why}")
    out = xr.Dataset(coords={c: b[c] for c in b.coords})
    for name, da in b.data_vars.items():
        if "replicate" in da.dims and "period" in da.dims and name in w:
            if da.sizes != w[name].sizes:
                continue  # e.g. other channels: no pairing per channel
            d = w[name] - da
            d.attrs = dict(da.attrs, long_name="what-if − baseline: " + da.attrs.get("long_name", name))
            out[name] = d
    out.attrs.update(baseline=b.attrs["path"], what_if=w.attrs["path"],
                     baseline_scenario=b.attrs.get("scenario_name", ""),
                     what_if_scenario=w.attrs.get("scenario_name", ""), replicates=int(b.sizes["replicate"]))
    return out


def comparison_summary(diff, variable, zone=None, level=0.90, baseline=None, whatif=None):
    """Per year: mean paired difference and its `level` confidence interval
    (Student's t over replicates), as `hukou compare` prints. `diff` is
    load_comparison()'s result; with baseline/whatif (datasets or paths) also both means."""
    d = indicator(diff, variable, zone)
    n = d.sizes["replicate"]
    mean = d.mean("replicate")
    if n > 1:
        half = stats.t.ppf(0.5 + level / 2, n - 1) * d.std("replicate", ddof=1) / np.sqrt(n)
    else:
        half = xr.zeros_like(mean)
    df = pd.DataFrame({"year": d.period.values, "difference": mean.values,
                       "diff_lo": (mean - half).values, "diff_hi": (mean + half).values})
    if baseline is not None and whatif is not None:
        df.insert(1, "baseline", indicator(_as_run(baseline), variable, zone).mean("replicate").values)
        df.insert(2, "what_if", indicator(_as_run(whatif), variable, zone).mean("replicate").values)
    df.insert(0, "indicator", variable if not zone else f"{variable} ({zone})")
    return df


def load_sweep(path):
    """A parameter sweep (`hukou sweep ... -o DIR`): its master file as one xarray
    Dataset, every output with dims (run, replicate, ...) and each swept parameter a
    variable along `run`. PATH is the sweep directory or its sweep.h5. Runs not
    (yet) finished read as NaN."""
    p = os.path.join(path, "sweep.h5") if os.path.isdir(path) else path
    if not os.path.exists(p):
        raise FileNotFoundError(f"no sweep master file at {p} (run `hukou sweep` or `hukou sweep merge`)")
    ds = xr.open_dataset(p)
    ds.attrs["swept_parameters"] = swept_parameters(ds)
    return ds


def swept_parameters(sweep):
    """The swept parameter keys, in the sweep file's order."""
    return [k for k in sweep.attrs.get("sweep_parameters", "").split(" ") if k and k in sweep.variables]


def load_sensitivity(path, output=None, zone=None, part=None, year=None):
    """A `sensitivity_*` group of a sweep (`hukou sensitivity DIR`) as a DataFrame
    indexed by parameter (Sobol S1/ST with intervals, or Morris mu_star/mu/sigma),
    with its output, zone, channel or group, year, units and method in .attrs.
    The analysis whose attributes match the arguments given (output, zone, channel
    or group `part`, year), the latest written if several do; None if none."""
    p = os.path.join(path, "sweep.h5") if os.path.isdir(path) else path
    found = []
    with h5py.File(p, "r") as f:
        for name, g in f.items():
            if not (name.startswith("sensitivity") and isinstance(g, h5py.Group)):
                continue
            a = {k: (v.decode() if isinstance(v, bytes) else str(v)) for k, v in g.attrs.items()}
            want = {"output": output, "zone": zone, "year": None if year is None else str(year)}
            if all(v is None or a.get(k, "") == v for k, v in want.items()) and (
                    part is None or part in (a.get("channel"), a.get("group"))):
                found.append((a.get("created", ""), name))
    if not found:
        return None
    with xr.open_dataset(p, group=max(found)[1]) as g:
        df = g.to_dataframe()
        df.attrs.update({k: g.attrs[k] for k in ("output", "zone", "channel", "group", "year", "units", "design",
                                                  "method") if k in g.attrs})
    return df
