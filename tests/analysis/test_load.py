import os
import numpy as np
import pandas as pd
import pytest
import xarray as xr

from hukou_analysis import (ComparisonError, NotEvaluatedError, comparison_summary, county_scores, evaluation_table,
                            indicator, kind, load_comparison, load_run, load_sensitivity, load_sweep, run_frame, targets)


def test_load_run(runs):
    ds = load_run(runs["base"])
    assert isinstance(ds, xr.Dataset)
    assert ds.attrs["replicates"] == 3 and ds.attrs["scenario_name"] == "taiyuan"
    assert ds.registered_urbanization_rate.dims == ("replicate", "period")
    assert "小店区" in ds.zone.values
    assert ds.settlements.dims == ("replicate", "period", "zone", "channel")
    # The values are the file's, period by period (not a model figure, which changes with the scenario).
    import h5py
    with h5py.File(runs["base"], "r") as f:
        raw = f["registered_urbanization_rate"][()]
        periods = list(f["period"][()])
    r = ds.registered_urbanization_rate
    assert float(r.sel(period=2020).mean()) == pytest.approx(float(raw[:, periods.index(2020)].mean()), rel=1e-12)
    assert 0 < float(r.sel(period=2020).mean()) < 1


def test_load_run_missing(tmp_path):
    with pytest.raises(FileNotFoundError):
        load_run(str(tmp_path / "nope.h5"))


def test_run_frame_and_indicator(runs):
    df = run_frame(runs["base"], "settlements", zone="小店区")
    assert isinstance(df, pd.DataFrame) and list(df.columns) == ["replicate", "period", "channel", "value"]
    ds = load_run(runs["base"])
    tot = indicator(ds, "settlements")
    assert tot.dims == ("replicate", "period")
    assert float(tot.sum()) == pytest.approx(float(ds.settlements.sum()))
    with pytest.raises(ValueError):
        indicator(ds, "registered_urbanization_rate_zone")  # a rate per zone needs a zone


def test_kind_read_from_the_file(runs):
    ds = load_run(runs["base"])
    assert kind(ds, "registered_urbanization_rate") == "rate"
    assert kind(ds, "population_resident") == "stock"
    assert kind(ds, "settlements") == "flow"
    for name, var in ds.data_vars.items():
        if "replicate" in var.dims and "period" in var.dims:
            assert var.attrs["dimensions"] == " ".join(var.dims), name
    ds["settlements"].attrs["kind"] = "rate"  # the file's word decides, not the variable's name
    with pytest.raises(ValueError, match="rate per zone"):
        indicator(ds, "settlements")


def test_evaluation_is_hukou_evaluates(runs):
    stored = evaluation_table(runs["base"])
    assert stored.attrs["source"] == "stored"
    assert list(stored["view"]) == ["mid-term", "final"]
    t = targets(runs["base"])
    assert list(t.indicator) == ["registered_urbanization_rate"] and list(t.year) == [2020]
    assert float(stored[stored.view == "final"].target_value.iloc[0]) == float(t.value.iloc[0])
    with pytest.raises(NotEvaluatedError, match="hukou evaluate"):
        evaluation_table(runs["plain"])  # never evaluated, and nothing re-computes it here
    q = load_run(runs["qiannan"])
    ev = evaluation_table(q)
    assert len(ev) > 10
    flows = {str(i) for i in ev.indicator if kind(q, i) == "flow"}
    assert flows and set(ev[ev.indicator.isin(flows)].view) == {"final"}  # a flow has no mid-term view


def test_county_scores(runs):
    df = county_scores(runs["qiannan"])
    assert df is not None and len(df) >= 10 and "都匀市" in set(df.county)
    assert ((df.total >= 0) & (df.total <= 100)).all()
    assert county_scores(runs["base"]) is None


def test_comparison(runs):
    diff = load_comparison(runs["base"], runs["whatif"])
    assert isinstance(diff, xr.Dataset) and diff.attrs["replicates"] == 3
    b, w = load_run(runs["base"]), load_run(runs["whatif"])
    np.testing.assert_array_equal(diff.settlements.values, (w.settlements - b.settlements).values)
    same = load_comparison(runs["base"], runs["base"])
    assert float(abs(same.registered_urbanization_rate).max()) == 0.0
    s = comparison_summary(diff, "registered_urbanization_rate", baseline=b, whatif=w)
    assert list(s.columns) == ["indicator", "year", "baseline", "what_if", "difference", "diff_lo", "diff_hi"]
    assert (s.diff_lo <= s.difference + 1e-15).all() and (s.difference <= s.diff_hi + 1e-15).all()


def test_comparison_refuses_unpaired(runs):
    with pytest.raises(ComparisonError, match="zones differ|periods differ"):
        load_comparison(runs["base"], runs["qiannan"])


def test_load_sweep(sweep):
    ds = load_sweep(sweep)
    assert ds.registered_urbanization_rate.dims == ("run", "replicate", "period")
    assert ds.sizes["run"] == 32 and ds.sizes["replicate"] == 2
    assert ds.attrs["swept_parameters"] == ["decision.asc_settle", "zones.小店区.wage"]
    asc = ds["decision.asc_settle"].values
    assert asc.min() >= -4.0 and asc.max() <= -2.0
    # A higher settlement constant never gives a lower registered rate (same random numbers).
    last = ds.registered_urbanization_rate.isel(period=-1).mean("replicate").values
    assert np.corrcoef(asc, last)[0, 1] > 0.9
    with pytest.raises(FileNotFoundError):
        load_sweep(os.path.join(sweep, "nowhere"))


def test_load_sensitivity(sweep):
    df = load_sensitivity(sweep)
    assert list(df.index) == ["decision.asc_settle", "zones.小店区.wage"]
    assert {"S1", "ST", "S1_lo", "ST_hi"} <= set(df.columns)
    assert df.attrs["output"] == "registered_urbanization_rate"
    assert df.loc["decision.asc_settle", "ST"] > df.loc["zones.小店区.wage", "ST"]
