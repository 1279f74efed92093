"""Loaders: a run file, a paired comparison of two run files, (later) a sweep.

A run file (docs/outputs.md) has variables (replicate, period[, zone[, channel|group]]),
the plan's targets along `target`, and optionally the `evaluation` and `county_scores`
groups written by `hukou evaluate` (docs/evaluation.md).
"""
import os

import h5py
import numpy as np
import pandas as pd
import xarray as xr
from scipy import stats

# Variables of kind `flow` (sums over the year; docs/outputs.md). A flow has no
# mid-term view in the evaluation (the base year has no flow).
FLOWS = frozenset({
    "settlements", "settlements_by_group", "reclassified", "returns", "returns_with_hukou",
    "rural_to_town_moves", "inflow_migrants", "births", "deaths", "homes_bought",
    "purchase_subsidy_paid", "rights_exit_compensation_paid", "public_service_cost",
})


class ComparisonError(ValueError):
    """Two run files that cannot be paired (other periods, zones, replicates or seeds)."""


def _groups(path):
    with h5py.File(path, "r") as f:
        return {k for k, v in f.items() if isinstance(v, h5py.Group)}


def load_run(path):
    """The run file as an xarray.Dataset, loaded into memory (the file is closed).

    Adds attributes `path` and `replicates`; the groups `evaluation` and
    `county_scores` are read by evaluation_table() and county_scores()."""
    if not os.path.exists(path):
        raise FileNotFoundError(f"{path}: no such file")
    with xr.open_dataset(path) as ds:
        ds = ds.load()
    if "registered_urbanization_rate" not in ds:
        raise ValueError(f"{path} is not a hukou run file (no registered_urbanization_rate)")
    ds.attrs["path"] = os.fspath(path)
    ds.attrs["replicates"] = int(ds.sizes["replicate"])
    return ds


def _as_run(run):
    return run if isinstance(run, xr.Dataset) else load_run(run)


def indicator(ds, variable, zone=None):
    """Values per (replicate, period) of one indicator, as `hukou compare` and
    `hukou evaluate` read it: counts summed over zones and channels/groups unless a
    zone is named; a rate per zone needs a zone."""
    da = ds[variable]
    if zone:
        if "zone" not in da.dims:
            raise ValueError(f"'{variable}' is prefecture-wide: it has no zone")
        da = da.sel(zone=zone)
    elif "zone" in da.dims and ds[variable].attrs.get("units") == "1":
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


def evaluation_table(run, midterm=(2018,), level=0.90):
    """The evaluation against targets as a pandas.DataFrame (columns of
    docs/evaluation.md). Read from the file's `evaluation` group when present,
    otherwise computed here from the `target_*` variables exactly as `hukou
    evaluate` does. Empty when the scenario has no targets."""
    ds = _as_run(run)
    path = ds.attrs.get("path")
    if path and os.path.exists(path):
        df = _group_frame(path, "evaluation")
        if df is not None:
            df.attrs["source"] = "stored"
            return df
    df = compute_evaluation(ds, midterm, level)
    df.attrs["source"] = "computed"
    return df


def compute_evaluation(ds, midterm=(2018,), level=0.90):
    """Evaluation against the file's targets (same rules as sim/evaluate/evaluate.cpp):
    final view at the target's year; for levels, mid-term views on the straight path
    from the base year's simulated mean; quantiles of type 7 (NumPy's default)."""
    cols = ["indicator", "zone", "view", "year", "target", "simulated", "lo", "hi", "gap", "share_met", "clause"]
    rows = []
    if "target" not in ds.dims:
        return pd.DataFrame(columns=cols)
    base = int(ds.period.values[0])
    tail = (1 - level) / 2
    for t in range(ds.sizes["target"]):
        var = str(ds.target_indicator.values[t])
        zone = str(ds.target_zone.values[t]) if "target_zone" in ds else ""
        year = int(ds.target_year.values[t])
        value = float(ds.target_value.values[t])
        clause = str(ds.target_clause.values[t]) if "target_clause" in ds else ""
        vals = indicator(ds, var, zone or None)
        views = [] if var in FLOWS else [("mid-term", y) for y in midterm if base < y < year]
        views.append(("final", year))
        start = float(vals.sel(period=base).mean())
        for view, y in views:
            goal = value if view == "final" else start + (value - start) * (y - base) / (year - base)
            v = vals.sel(period=y).values.astype(float)
            m = float(v.mean())
            rows.append([var, zone, view, y, goal, m, float(np.quantile(v, tail)), float(np.quantile(v, 1 - tail)),
                         m - goal, float((v >= goal).mean()), clause])
    return pd.DataFrame(rows, columns=cols)


def county_scores(run):
    """The `county_scores` group (Qiannan appendix 1, after `hukou evaluate`) as a
    pandas.DataFrame, or None if the file has none."""
    path = run.attrs.get("path") if isinstance(run, xr.Dataset) else run
    return _group_frame(path, "county_scores") if path else None


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
    elif b.sizes["replicate"] != w.sizes["replicate"]:
        why = "their numbers of replicates differ"
    elif int(b.attrs.get("seed", -1)) != int(w.attrs.get("seed", -2)) or (
            "replicate_seed" in b and not np.array_equal(b.replicate_seed.values, w.replicate_seed.values)):
        why = "their seeds differ, so they share no random numbers (run both with the same --seed)"
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


def load_sensitivity(path):
    """The `sensitivity` group of a sweep (`hukou sensitivity DIR`) as a DataFrame
    indexed by parameter (Sobol S1/ST with intervals, or Morris mu_star/mu/sigma),
    with its output, year and method in .attrs; None if not computed yet."""
    p = os.path.join(path, "sweep.h5") if os.path.isdir(path) else path
    with h5py.File(p, "r") as f:
        if "sensitivity" not in f:
            return None
    with xr.open_dataset(p, group="sensitivity") as g:
        df = g.to_dataframe()
        df.attrs.update({k: g.attrs[k] for k in ("output", "year", "design", "method") if k in g.attrs})
    return df
