"""analysis/recovery.py, the synthetic recovery of a scenario's calibration, on a
small case: 2 synthetic national cases, 20 particles, 3 generations, 50,000 persons
per agent. The coverage itself is the 10-case run's (docs/calibration.md): 20
particles give wide, coarse intervals, and truths drawn at a prior's edge (settling
almost never, no village moves) fall outside them, so here the verdict is checked
against the script's own table, and the identified parameters' posteriors against
their priors."""
import json
import re

import h5py
import numpy as np

import recovery
from conftest import hukou_bin


def test_recovery_small_national(tmp_path):
    work, out = tmp_path / "work", tmp_path / "recovery.json"
    args = ["national", "--cases", "2", "--particles", "20", "--generations", "3", "--scale", "50000",
            "--threads", "2", "--seed", "3", "--min-covered", "1", "--work", str(work), "--json", str(out),
            "--hukou", hukou_bin()]
    code = recovery.main(args)
    r = json.loads(out.read_text())
    names = [p["parameter"] for p in r["parameters"]]
    with h5py.File(work / "prior.h5", "r") as f:  # every parameter the scenario calibrates
        assert names == [v.decode() for v in f["posterior"]["parameter"][()]]
    assert {"decision.asc_settle", "moves.village_to_town_rate"} <= set(names)
    for p in r["parameters"]:
        n = p["parameter"]
        assert p["covered"] == sum(c["posterior"][n]["q05"] <= c["truth"][n] <= c["posterior"][n]["q95"]
                                   for c in r["cases"]), p
        assert p["narrower"] == sum(c["posterior"][n]["sd"] < p["prior_sd"] for c in r["cases"]), p
        # The 2017 rates identify these two (docs/calibration.md); asc_return they do not.
        if n in ("decision.asc_settle", "moves.village_to_town_rate"):
            assert p["narrower"] == 2 and p["posterior_sd_max"] < p["prior_sd"], p
    # The verdict and exit code follow the table: every parameter covered in at least
    # `required` cases, and narrower in every case.
    expected = all(p["covered"] >= r["required"] and p["narrower"] == len(r["cases"]) for p in r["parameters"])
    assert r["required"] == 1 and r["passed"] == expected and code == (0 if expected else 1)
    # The truths are generation 0 of the one-generation calibration: draws from the priors.
    with h5py.File(work / "prior.h5", "r") as f:
        g = f["particles"]
        first = g["generation"][()] == 0
        for k, c in enumerate(r["cases"]):
            assert [c["truth"][n] for n in names] == [float(g[n][()][first][k]) for n in names]
    # The synthetic observations are the truth run's values, in the scenario's unit (%),
    # for the observations the calibration reads (among them 2017's two rates).
    text = (work / "case_00.toml").read_text(encoding="utf-8")
    written = [float(v) for v in re.findall(r"^value = (\S+)  # synthetic$", text, re.M)]
    with h5py.File(work / "case_00_truth.h5", "r") as f:
        reg = float(f["registered_urbanization_rate"][0, list(f["period"][()]).index(2017)])
        res = float(f["resident_urbanization_rate"][0, list(f["period"][()]).index(2017)])
    assert any(np.isclose(w, reg * 100, rtol=1e-12) for w in written), (written, reg)
    assert any(np.isclose(w, res * 100, rtol=1e-12) for w in written), (written, res)
    # The calibration read them: its observations group holds the synthetic values.
    with h5py.File(work / "case_00_posterior.h5", "r") as f:
        used = [float(v) for v in f["observations"]["value"][()]]
    assert len(used) == len(written) and any(np.isclose(u, reg, rtol=1e-12) for u in used)
    assert any(np.isclose(u, res, rtol=1e-12) for u in used)
    # Requiring more covered cases than there are fails (exit 1); the same seeds give
    # the same cases.
    assert recovery.main(args + ["--min-covered", "3"]) == 1
    again = json.loads(out.read_text())
    assert not again["passed"] and again["cases"] == r["cases"]


def test_recovery_refuses_bad_input(tmp_path):
    # A scenario hukou cannot calibrate: the failed command's message, exit 2.
    assert recovery.main(["no_such_scenario", "--cases", "1", "--work", str(tmp_path), "--hukou", hukou_bin()]) == 2


MINI = """name = "mini"
base_year = 2017
horizon = 2022

[calibration]
cutoff = 2017

[[observations]]
indicator = "resident_urbanization_rate"
year = 2018
value = 84.88
unit = "%"
source = "a row"

[[observations]]
indicator = "registered_urbanization_rate"
zone = "a county"
year = 2018
value = 40.0
unit = "%"
source = "a row"
"""


def test_midterm_text_moves_the_cutoff_and_observes_both_rates():
    import tomllib
    doc = tomllib.loads(recovery.midterm_text(MINI, 2019))
    assert doc["calibration"]["cutoff"] == 2019
    seen = [(o["indicator"], o["year"], o.get("zone")) for o in doc["observations"]]
    # Every simulated year up to 2019, both rates, prefecture-wide; the observed 2018
    # resident rate is kept (not doubled), a zone's rate does not count as the city's.
    assert sorted(s for s in seen if s[2] is None) == [
        ("registered_urbanization_rate", 2018, None), ("registered_urbanization_rate", 2019, None),
        ("resident_urbanization_rate", 2018, None), ("resident_urbanization_rate", 2019, None)]
    assert [o["value"] for o in doc["observations"] if o["source"] == "a row" and "zone" not in o] == [84.88]
    assert all(o["source"] == "synthetic: analysis/recovery.py --midterm 2019"
               for o in doc["observations"] if o["source"] != "a row")


def test_midterm_text_refuses_a_year_outside_the_simulated_years():
    for year in (2017, 2023):
        try:
            recovery.midterm_text(MINI, year)
        except recovery.HukouError as e:
            assert str(year) in str(e)
        else:
            raise AssertionError(f"--midterm {year} was accepted")
    try:
        recovery.midterm_text(MINI.replace("cutoff = 2017", ""), 2019)
    except recovery.HukouError as e:
        assert "cutoff" in str(e)
    else:
        raise AssertionError("a scenario without a cutoff was accepted")


def test_recovery_midterm_city(tmp_path):
    # A city's cutoff is its base year; at a mid-term evaluation in 2019 its registered
    # rates of 2018-2019 (synthetic) pin the base-year registered stock's factor.
    work, out = tmp_path / "work", tmp_path / "recovery.json"
    code = recovery.main(["taiyuan", "--midterm", "2019", "--cases", "1", "--particles", "30", "--generations", "3",
                          "--scale", "50", "--threads", "2", "--seed", "5", "--work", str(work), "--json", str(out),
                          "--hukou", hukou_bin()])
    r = json.loads(out.read_text())
    assert code == (0 if r["passed"] else 1)
    with h5py.File(work / "case_00_posterior.h5", "r") as f:
        o = f["observations"]
        used = {(v.decode(), int(y)) for v, y in zip(o["indicator"][()], o["year"][()])}
    assert {("registered_urbanization_rate", 2018), ("registered_urbanization_rate", 2019),
            ("resident_urbanization_rate", 2018), ("resident_urbanization_rate", 2019)} <= used
    factor = next(p for p in r["parameters"] if p["parameter"] == "population.urban_hukou_factor")
    assert factor["posterior_sd_max"] < 0.7 * factor["prior_sd"], factor
