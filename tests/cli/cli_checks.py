"""End-to-end checks of the hukou command line: exit codes, messages, files.

Usage: cli_checks.py HUKOU WORKDIR SOURCE_DIR CHECK
Each CHECK is a function below; it raises AssertionError with a message on failure.
"""
import os
import re
import shutil
import subprocess
import sys

import numpy as np


def run(hukou, *args, cwd=None):
    p = subprocess.run([hukou, *args], capture_output=True, text=True, cwd=cwd, timeout=800)
    return p.returncode, p.stdout, p.stderr


def fresh(work, name):
    d = os.path.join(work, name)
    shutil.rmtree(d, ignore_errors=True)
    os.makedirs(d)
    return d


def check_version(hukou, work, src):
    code, out, _ = run(hukou, "--version")
    # "hukou 0.1.0 (commit; build type[, options])": which build made a figure.
    assert code == 0 and re.fullmatch(r"hukou \S+ \(\w+; [A-Za-z ]+(, [a-z -]+)*\)\n?", out), (code, out)


def check_help(hukou, work, src):
    code, out, _ = run(hukou, "--help")
    assert code == 0 and "run" in out and "scenarios" in out, (code, out)
    code, out, _ = run(hukou, "run", "--help")
    assert code == 0 and "--seed" in out and "--threads" in out and "--set" in out, out


def check_unknown_scenario(hukou, work, src):
    d = fresh(work, "unknown")
    code, _, err = run(hukou, "run", "taiyaun", "-o", "x.h5", cwd=d)
    assert code == 2, (code, err)
    assert "taiyaun" in err and "taiyuan" in err, err  # names the input and suggests the built-in
    assert os.listdir(d) == [], os.listdir(d)


def check_bad_override(hukou, work, src):
    d = fresh(work, "override")
    code, _, err = run(hukou, "run", "taiyuan", "--set", "decision.asc_setle=1", "-o", "x.h5", cwd=d)
    assert code == 2, (code, err)
    assert "decision.asc_setle" in err and "decision.asc_settle" in err, err
    code, _, err = run(hukou, "run", "taiyuan", "--set", "decision.asc_settle=abc", "-o", "x.h5", cwd=d)
    assert code == 2 and "decision.asc_settle" in err, (code, err)
    code, _, err = run(hukou, "run", "taiyuan", "--set", "moves.inflow_rate=7", "-o", "x.h5", cwd=d)
    assert code == 2 and "moves.inflow_rate" in err, (code, err)
    assert os.listdir(d) == [], os.listdir(d)


def check_check(hukou, work, src):
    import re
    d = fresh(work, "check")
    code, out, err = run(hukou, "check", "taiyuan", "--set", "decision.b_peer=0", cwd=d)
    assert code == 0, (code, out, err)
    rows = dict((m[1], (m[2], m[3])) for m in re.finditer(r"^\s*(\S+)\s+= (\S+)\s+\[([^\]]+)\]", out, re.M))
    assert rows.get("decision.b_peer") == ("0", "--set"), out
    assert rows.get("decision.asc_settle") == ("-2.51", "file"), out
    assert rows.get("demography.gompertz_slope_male") == ("0.09", "default"), out
    assert "小店区" in out and "four_groups" in out and "registered_urbanization_rate" in out, out
    code, out, err = run(hukou, "check", "taiyuan", "--set", "decision.asc_setle=1", cwd=d)
    assert code == 2 and out == "", (code, out, err)
    assert "decision.asc_setle" in err and "decision.asc_settle" in err, err
    assert os.listdir(d) == [], os.listdir(d)  # check writes nothing


def check_missing_directory(hukou, work, src):
    code, _, err = run(hukou, "run", "taiyuan", "-o", os.path.join(work, "no", "such", "dir", "x.h5"))
    assert code == 2 and "does not exist" in err, (code, err)


def check_scenarios_list(hukou, work, src):
    code, out, _ = run(hukou, "scenarios")
    lines = out.splitlines()
    assert code == 0 and any(l.startswith("taiyuan\t") for l in lines), (code, out)
    assert lines == sorted(lines), out


def small_run(hukou, d, name, threads):
    path = os.path.join(d, name)
    code, out, err = run(hukou, "run", "taiyuan", "--set", "scale=20", "--threads", str(threads), "-q", "-o", path)
    assert code == 0, (code, out, err)
    assert os.path.exists(path) and not os.path.exists(path + ".tmp")
    return path, out


def check_run_taiyuan(hukou, work, src):
    import xarray as xr
    d = fresh(work, "run")
    path, out = small_run(hukou, d, "taiyuan.h5", 2)
    assert "2020" in out and "registered_urbanization_rate 2020" in out, out
    for engine in ("netcdf4", "h5netcdf"):
        with xr.open_dataset(path, engine=engine) as ds:
            assert ds.registered_urbanization_rate.dims == ("replicate", "period")
            assert ds.settlements.dims == ("replicate", "period", "zone", "channel")
            assert list(ds.period.values) == list(range(2017, 2026))
            assert len(ds.zone) == 10 and "小店区" in list(ds.zone.values)
            r = ds.registered_urbanization_rate.values
            assert np.all((r > 0) & (r < 1)), r
            assert np.all(np.diff(r[0]) > 0), r  # settlement raises the registered rate every year
            assert float(ds.settlements.sum()) > 0
            for v in ds.data_vars:
                assert "long_name" in ds[v].attrs, v
                if v != "scenario_text" and not v.startswith(("target_", "replicate_seed")):
                    assert "units" in ds[v].attrs, v  # every output series has units
            assert ds.attrs["scenario_name"] == "taiyuan" and int(ds.attrs["seed"]) == 20180208
            assert "[[zones]]" in str(ds.scenario_text.values) and "scale = 20" in str(ds.scenario_text.values)


def check_threads_identical(hukou, work, src):
    import h5py
    d = fresh(work, "threads")
    a, _ = small_run(hukou, d, "one.h5", 1)
    b, _ = small_run(hukou, d, "two.h5", 2)
    with h5py.File(a, "r") as fa, h5py.File(b, "r") as fb:
        names = sorted(k for k in fa.keys() if k != "scenario_text")
        assert names == sorted(k for k in fb.keys() if k != "scenario_text")
        for k in names:
            if isinstance(fa[k], h5py.Group):  # the `changes` table: text, the same in both
                assert sorted(fa[k]) == sorted(fb[k]), k
                continue
            x, y = fa[k][()], fb[k][()]
            assert x.dtype == y.dtype and x.shape == y.shape, k
            if x.dtype.kind == "f":
                assert x.tobytes() == y.tobytes(), f"{k} differs between 1 and 2 threads"
            else:
                assert np.array_equal(x, y), k


def replicated_run(hukou, d, name, *extra):
    path = os.path.join(d, name)
    code, out, err = run(hukou, "run", "taiyuan", "--set", "scale=40", "--replicates", "4", "-q", "-o", path, *extra)
    assert code == 0, (code, out, err)
    return path, out


def check_replicates_compare(hukou, work, src):
    import csv
    import io
    import h5py
    d = fresh(work, "compare")
    base, out = replicated_run(hukou, d, "base.h5")
    assert "means over 4 replicates" in out, out
    with h5py.File(base, "r") as f:
        assert f["registered_urbanization_rate"].shape == (4, 9)
        assert len(set(f["replicate_seed"][()])) == 4
        assert f["target_indicator"][0].decode() == "registered_urbanization_rate"
    code, out, err = run(hukou, "compare", base, base, "--csv")
    assert code == 0, err
    rows = list(csv.DictReader(io.StringIO(out)))
    assert rows and all(float(r["difference"]) == 0 and float(r["diff_lo"]) == 0 for r in rows
                        if r["indicator"] != "cost_per_additional_settler"), out  # no extra settler: no ratio
    more, _ = replicated_run(hukou, d, "more.h5", "--set", "zones.小店区.purchase_subsidy=200000")
    code, out, err = run(hukou, "compare", base, more, "--csv", "--indicator", "homes_bought")
    assert code == 0, err
    diffs = [float(r["difference"]) for r in csv.DictReader(io.StringIO(out))]
    assert max(diffs) > 0 and min(diffs) >= 0, diffs  # a larger subsidy: more homes bought, same random numbers
    # Several options at once: every option against the baseline, at the target year
    # and the horizon, per zone where an option changes some zones, with its cost.
    none, _ = replicated_run(hukou, d, "none.h5", "--set", "zones.小店区.purchase_subsidy=0")
    # A subsidy that only settlers receive settles many more in 小店区, so the cost per additional
    # settler is defined; untied (`more`), the extra homes add settlers within the noise of this scale.
    tied, _ = replicated_run(hukou, d, "tied.h5", "--set", "zones.小店区.purchase_subsidy=200000",
                             "--set", "policy.purchase_subsidy_requires_hukou=true")
    code, out, err = run(hukou, "compare", base, tied, none, base, "--csv")
    assert code == 0, err
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [r["option"] for r in rows[:1]] == [tied] and {r["option"] for r in rows} == {tied, none, base}, out[:300]
    assert {int(r["year"]) for r in rows} == {2020, 2025}, {r["year"] for r in rows}  # target year and horizon
    cost = {(r["option"], r["year"]): float(r["difference"]) for r in rows
            if r["indicator"] == "cost_per_additional_settler (小店区)"}
    assert cost[(tied, "2025")] > 0, cost  # more subsidy: extra public cost per extra settler, yuan
    assert all(float(r["difference"]) == 0 for r in rows if r["option"] == base and r["difference"] != "nan")
    paid = [float(r["difference"]) for r in rows if r["option"] == none and r["indicator"] == "public_cost_to_date"]
    assert paid and all(p < 0 for p in paid), paid  # no subsidy in one district: the public purse pays less
    code, out, err = run(hukou, "compare", base, tied, none)
    assert code == 0 and " pp " in out and "%" in out and "yuan/person" in out and "e-0" not in out, out
    # Channels as Taiyuan's document names them, the identifier beside, with each option's effect.
    assert "Settled to date by channel, 2025" in out and "城六区购房落户 (purchase_contract)" in out, out
    shown = [line for line in out.splitlines() if "(purchase_contract)" in line]
    assert len(shown) == 2 and all(tied in line or none in line for line in shown), shown
    other, _ = replicated_run(hukou, d, "other.h5", "--seed", "7")
    code, _, err = run(hukou, "compare", base, other)
    assert code == 2 and "seeds differ" in err, (code, err)
    code, _, err = run(hukou, "compare", base, os.path.join(d, "missing.h5"))
    assert code != 0 and "missing.h5" in err, (code, err)


def check_evaluate(hukou, work, src):
    import xarray as xr
    d = fresh(work, "evaluate")
    path, _ = replicated_run(hukou, d, "run.h5")
    before = os.stat(path).st_mtime_ns
    code, out, err = run(hukou, "evaluate", path)
    assert code == 0 and os.stat(path).st_mtime_ns == before, err  # an input: unchanged unless --store
    with xr.open_dataset(path) as ds:
        assert "evaluation" not in ds.attrs.get("groups", "")
    import h5py
    with h5py.File(path, "r") as f:
        assert "evaluation" not in f, list(f)
    code, out, err = run(hukou, "evaluate", path, "--store")
    assert code == 0, err
    assert "mid-term" in out and "final" in out and "81.20%" in out and " pp " in out, out  # as the report writes them
    with xr.open_dataset(path, group="evaluation") as ev:
        assert ev.view.dims == ("row",)
        assert list(ev.view.values) == ["mid-term", "final"]
        assert float(ev.target_value.values[1]) == 0.812
        assert 0.0 <= float(ev.share_met.values[1]) <= 1.0
    with xr.open_dataset(path) as ds:  # the run itself is intact
        assert ds.registered_urbanization_rate.shape == (4, 9)
    code, out, _ = run(hukou, "evaluate", path, "--csv", "--no-store")
    assert code == 0 and out.startswith("indicator,target_zone,view,year,target_value,path_from"), out


def check_summary_targets(hukou, work, src):
    # The run summary's "simulated" value of each target is the value `hukou evaluate`
    # reports (final view), counts summed over zones and channels (Qiannan's settlements).
    import csv
    import io
    import re
    d = fresh(work, "summary_targets")
    path = os.path.join(d, "qiannan.h5")
    code, out, err = run(hukou, "run", "qiannan", "--set", "scale=40", "-q", "-o", path)
    assert code == 0, (code, out, err)
    shown = {(m[1], m[2] or "", int(m[3])): float(m[4])
             for m in re.finditer(r"^  (\w+)(?: \((\S+)\))? (\d{4}): target [\d.%]+, simulated ([\d.]+)%?", out, re.M)}
    assert ("settlements", "", 2018) in shown and shown[("settlements", "", 2018)] > 0, out
    code, ev, err = run(hukou, "evaluate", path, "--csv", "--no-store")
    assert code == 0, err
    rows = [r for r in csv.DictReader(io.StringIO(ev)) if r["view"] == "final"]
    assert len(rows) == len(shown), (rows, shown)
    for r in rows:
        v = float(r["simulated"])
        s = shown[(r["indicator"], r["target_zone"], int(r["year"]))]
        want = round(100 * v, 2) if "rate" in r["indicator"] else round(v)
        assert abs(s - want) < 1e-9, (r, s)


def check_exports(hukou, work, src):
    import csv
    import openpyxl
    d = fresh(work, "exports")
    path = os.path.join(d, "qiannan.h5")
    code, out, err = run(hukou, "run", "qiannan", "--set", "scale=100", "--replicates", "2", "-q", "-o", path)
    assert code == 0, err
    before = os.stat(path).st_mtime_ns
    code, out, err = run(hukou, "evaluate", path, "--no-store", "--export", os.path.join(d, "ev.csv"))
    assert code == 0, err
    raw = open(os.path.join(d, "ev.csv"), "rb").read()
    assert raw.startswith(b"\xef\xbb\xbf"), raw[:10]  # Excel reads UTF-8 only with the byte-order mark
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines()))
    assert rows[0][:2] == ["indicator", "target_zone"] and "share_met (1)" in rows[0] and rows[0][-1] == "units", rows[0]
    assert any("都匀市" in r for r in rows), rows[:3]
    scores = open(os.path.join(d, "ev_county_scores.csv"), encoding="utf-8-sig").read().splitlines()
    assert scores[0].startswith("county,required_rise (1),rise (1),score_rate (points)"), scores[0]
    # The evaluator's view: the scenario's observations beside the simulation, with their sources.
    obs = list(csv.reader(open(os.path.join(d, "ev_observations.csv"), encoding="utf-8-sig").read().splitlines()))
    assert obs[0] == ["indicator", "obs_zone", "obs_channel", "year", "use", "simulated", "lo", "hi", "observed",
                      "ratio (1)", "units", "source"], obs[0]
    assert len(obs) == 1 + 2 and all(r[-1] for r in obs[1:]), obs  # qiannan.toml cites two, each with its source
    for r in obs[1:]:
        if r[5] != "nan":
            assert abs(float(r[9]) - float(r[5]) / float(r[8])) < 1e-9 and float(r[6]) <= float(r[5]) <= float(r[7]), r
    code, out, err = run(hukou, "evaluate", path, "--no-store", "--export", os.path.join(d, "ev.xlsx"))
    assert code == 0, err
    wb = openpyxl.load_workbook(os.path.join(d, "ev.xlsx"))
    assert wb.sheetnames == ["evaluation", "county_scores", "observations", "definitions", "provenance"], wb.sheetnames
    assert [c.value for c in wb["observations"][1]] == obs[0]
    ev = list(wb["evaluation"].iter_rows(values_only=True))
    assert ev[0] == tuple(rows[0]) and len(ev) == len(rows), (ev[0], rows[0])
    assert isinstance(ev[1][4], float) and abs(ev[1][4] - float(rows[1][4])) < 1e-12, (ev[1], rows[1])
    prov = dict(wb["provenance"].iter_rows(min_row=2, values_only=True))
    assert prov["scenario"] == "qiannan" and prov["run file"] == path and prov["replicates"] == "2", prov
    defs = list(wb["definitions"].iter_rows(values_only=True))
    assert ("county_scores", "score_rate", "points", "registered-rate score (of 40)") in defs, defs[:5]
    assert os.stat(path).st_mtime_ns == before  # --no-store: the run file untouched
    code, out, err = run(hukou, "compare", path, path, "--csv", "--export", os.path.join(d, "cmp.xlsx"))
    assert code == 0 and out.startswith("option,indicator,year,baseline"), (code, err)
    wb = openpyxl.load_workbook(os.path.join(d, "cmp.xlsx"))
    assert wb.sheetnames == ["comparison", "by_channel", "definitions", "provenance"], wb.sheetnames
    channels = [r[1] for r in wb["by_channel"].iter_rows(min_row=2, values_only=True)]
    assert "城镇务工经商人员落户 (work_in_town)" in channels, channels
    assert "baseline scenario" in dict(wb["provenance"].iter_rows(min_row=2, values_only=True))
    for bad in ("ev.txt", os.path.join("no", "such", "ev.csv")):
        code, _, err = run(hukou, "evaluate", path, "--export", os.path.join(d, bad))
        assert code == 2 and "--export" in err, (code, err)
    assert sorted(os.listdir(d)) == ["cmp.xlsx", "ev.csv", "ev.xlsx", "ev_county_scores.csv", "ev_observations.csv",
                                     "qiannan.h5"], os.listdir(d)


R_TABLES = r"""
library(ncdf4)
nc <- nc_open(commandArgs(TRUE)[1])
zone <- ncvar_get(nc, "evaluation/target_zone")
stopifnot(length(zone) == length(ncvar_get(nc, "evaluation/simulated")), "都匀市" %in% zone)
stopifnot(length(ncvar_get(nc, "evaluation/target_value")) == length(zone))
county <- ncvar_get(nc, "county_scores/county")
stopifnot(length(county) == 12, county[1] == "都匀市", length(ncvar_get(nc, "county_scores/total")) == 12)
library(hdf5r)
f <- H5File$new(commandArgs(TRUE)[1], mode = "r")
stopifnot(all(enc2utf8(f[["county_scores/county"]]$read()) == enc2utf8(county)))
cat("ok\n")
"""


def check_r_tables(hukou, work, src):
    # R sees every column of the stored tables: a column named like a dimension of
    # the file (zone, target) is hidden by ncdf4, so county scores lost their names.
    d = fresh(work, "r_tables")
    path = os.path.join(d, "qiannan.h5")
    code, _, err = run(hukou, "run", "qiannan", "--set", "scale=100", "--replicates", "2", "-q", "-o", path)
    assert code == 0, err
    code, _, err = run(hukou, "evaluate", path, "--store")
    assert code == 0, err
    script = os.path.join(d, "read.R")
    with open(script, "w", encoding="utf-8") as f:
        f.write(R_TABLES)
    p = subprocess.run(["Rscript", script, path], capture_output=True, text=True)
    assert p.returncode == 0 and "ok" in p.stdout, p.stdout + p.stderr


def check_diff(hukou, work, src):
    import csv
    import io
    d = fresh(work, "diff")
    whatif = os.path.join(src, "scenarios", "whatif", "taiyuan_no_subsidy.toml")
    code, out, err = run(hukou, "diff", "taiyuan", whatif, "--csv", cwd=d)
    assert code == 0, err
    rows = {r["setting"]: r for r in csv.DictReader(io.StringIO(out))}
    assert rows["zones.小店区.purchase_subsidy"]["first"] == "20000", rows.get("zones.小店区.purchase_subsidy")
    assert rows["zones.小店区.purchase_subsidy"]["second"] == "0"
    assert rows["name"]["second"] == "taiyuan_no_subsidy" and "title" in rows
    assert all(k.startswith(("zones.", "name", "title")) for k in rows), sorted(rows)  # nothing else changed
    code, out, err = run(hukou, "diff", "qiannan", os.path.join(src, "scenarios", "whatif", "qiannan_land_surrender.toml"),
                         cwd=d)
    assert code == 0 and "policy.land_surrender_required" in out, (code, out, err)
    # Two run files: the scenarios they store, --set overrides included.
    a, b = os.path.join(d, "a.h5"), os.path.join(d, "b.h5")
    assert run(hukou, "run", "taiyuan", "--set", "scale=400", "-q", "-o", a)[0] == 0
    assert run(hukou, "run", "taiyuan", "--set", "scale=400", "--set", "decision.b_peer=0", "-q", "-o", b)[0] == 0
    code, out, err = run(hukou, "diff", a, b, "--csv")
    assert code == 0, err
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [r["setting"] for r in rows] == ["decision.b_peer"] and rows[0]["second"] == "0", rows
    code, out, err = run(hukou, "diff", a, a)
    assert code == 0 and "No setting differs." in out, (code, out, err)
    code, out, err = run(hukou, "diff", "taiyuan", "taiyuan", "--set-b", "decision.asc_settle=-3", "--csv")
    assert code == 0 and "decision.asc_settle,-2.51,-3," in out, out
    # Every run file records what it changed from its parent scenario: each --set, and
    # each key a what-if file changes, with old and new values and clauses.
    code, out, err = run(hukou, "diff", b, "--csv")
    assert code == 0, err
    rows = {r["setting"]: r for r in csv.DictReader(io.StringIO(out))}
    assert set(rows) == {"scale", "decision.b_peer"} and rows["decision.b_peer"]["run"] == "0", rows
    w = os.path.join(d, "w.h5")
    assert run(hukou, "run", whatif, "--set", "scale=400", "-q", "-o", w)[0] == 0
    code, out, err = run(hukou, "diff", w)
    assert code == 0 and "parent scenario: taiyuan" in out and "what-if: no house-purchase subsidy" in out, out
    code, out, err = run(hukou, "diff", w, "--csv")
    rows = {r["setting"]: r for r in csv.DictReader(io.StringIO(out))}
    assert rows["zones.小店区.purchase_subsidy"]["parent"] == "20000" and rows["zones.古交市.purchase_subsidy"]["run"] == "0"
    assert len([k for k in rows if k.endswith(".purchase_subsidy")]) == 10 and "scale" in rows, sorted(rows)
    import h5py
    with h5py.File(w, "r") as f:
        assert f.attrs["parent_scenario"] == "taiyuan" and "no house-purchase subsidy" in f.attrs["title"]
        assert "changes" in f
    with h5py.File(a, "r") as f:
        assert "(--set scale=400)" in f.attrs["title"]
    base = os.path.join(d, "plain.h5")
    assert run(hukou, "run", "national", "-q", "-o", base)[0] == 0
    code, out, err = run(hukou, "diff", base)
    assert code == 0 and "A baseline" in out, out
    with h5py.File(base, "r") as f:
        assert "changes" not in f and f.attrs["parent_scenario"] == ""


def commands(hukou):
    """The commands `hukou --help` lists."""
    _, out, _ = run(hukou, "--help")
    block = out.split("Subcommands:", 1)[1]
    return [m[1] for m in re.finditer(r"^  (\w+)\s", block, re.M)]


def check_unknown_command(hukou, work, src):
    d = fresh(work, "unknown_command")
    code, out, err = run(hukou, "rnu", "taiyuan", cwd=d)
    assert code == 2 and "'rnu' is not a hukou command; did you mean 'run'?" in err, (code, err)
    code, _, err = run(hukou, "xyzzy", cwd=d)
    assert code == 2 and "the commands are" in err and "sweep" in err, (code, err)
    code, out, err = run(hukou, "help", "run", cwd=d)
    assert code == 0 and "hukou run" in out and "--seed" in out and "Exit status" in out, (code, out, err)
    code, out, err = run(hukou, "help", "sweep", "merge", cwd=d)
    assert code == 0 and "hukou sweep merge" in out and "dir" in out, (code, out, err)
    code, out, err = run(hukou, "help", cwd=d)
    assert code == 0 and "Subcommands:" in out, (code, out)
    code, out, err = run(hukou, "help", "--help", cwd=d)
    assert code == 0 and "hukou help" in out, (code, out, err)
    code, _, err = run(hukou, "help", "evalute", cwd=d)
    assert code == 2 and "did you mean 'evaluate'" in err, (code, err)
    assert os.listdir(d) == [], os.listdir(d)


# Per command: (arguments, expected exit code, text the message must contain). Every
# command `hukou --help` lists must be here, so a new command cannot miss the convention.
EXIT_CASES = {
    "run": [(["taiyuan", "--nosuch"], 2, "--nosuch"), (["missing.toml"], 2, "missing.toml"),
            (["taiyuan", "--set", "nosuch=1"], 2, "nosuch")],
    "check": [(["missing.toml"], 2, "missing.toml"), ([], 2, "scenario is required")],
    "scenarios": [(["--nosuch"], 2, "--nosuch"), ([], 0, "taiyuan")],
    "docs": [(["nosuch"], 2, "nosuch"), ([], 2, "page is required")],
    "bench": [(["--agents", "abc"], 2, "--agents"), (["--scenario", "missing.toml", "--agents", "1000"], 2, "missing.toml")],
    "compare": [(["missing.h5", "other.h5"], 2, "missing.h5"), (["one.h5"], 2, "required")],
    "evaluate": [(["missing.h5"], 2, "missing.h5"), (["x.h5", "--nosuch"], 2, "--nosuch")],
    "sweep": [(["missing.toml", "-o", "out"], 2, "missing.toml"), (["merge", "nodir"], 2, "nodir")],
    "sensitivity": [(["nodir"], 2, "nodir"), ([], 2, "dir is required")],
    "report": [(["missing.h5"], 2, "missing.h5"), ([], 2, "file is required")],
    "help": [(["nosuch"], 2, "nosuch"), (["run"], 0, "")],
    "calibrate": [(["missing.toml", "-o", "p.h5"], 2, "missing.toml"), ([], 2, "scenario is required")],
    "validate": [(["missing.h5"], 2, "missing.h5"), ([], 2, "files is required")],
    "diff": [(["missing.toml", "taiyuan"], 2, "missing.toml"), (["taiyuan"], 2, "must be a run file"),
             (["missing.h5", "taiyuan"], 2, "missing.h5")],
}


def check_exit_codes(hukou, work, src):
    assert sorted(EXIT_CASES) == sorted(commands(hukou)), (sorted(EXIT_CASES), commands(hukou))
    for cmd, cases in EXIT_CASES.items():
        for args, want, text in cases:
            d = fresh(work, "exit_codes")
            code, out, err = run(hukou, cmd, *args, cwd=d)
            assert code == want and text in (err if want else out), (cmd, args, code, err)
            assert want == 0 or os.listdir(d) == [], (cmd, args, os.listdir(d))  # bad input writes nothing


def check_mpi_without_mpi(hukou, work, src):
    _, out, _ = run(hukou, "sweep", "--help")
    if "this build has no MPI" not in out:
        return  # built with -DHUKOU_MPI=ON: --mpi is real
    d = fresh(work, "mpi")
    with open(os.path.join(d, "s.toml"), "w") as f:
        f.write('scenario = "taiyuan"\n[design]\nkind = "lhs"\nsamples = 2\n'
                '[[parameters]]\nkey = "decision.asc_settle"\nrange = [-3.0, -2.0]\n')
    code, _, err = run(hukou, "sweep", "s.toml", "-o", "out", "--mpi", cwd=d)
    assert code == 2 and "built without MPI" in err and "-DHUKOU_MPI=ON" in err, (code, err)
    assert os.listdir(d) == ["s.toml"], os.listdir(d)


def check_whatif_copied(hukou, work, src):
    d = fresh(work, "whatif_copied")
    whatifs = sorted(os.listdir(os.path.join(src, "scenarios", "whatif")))
    assert whatifs
    for name in whatifs:  # a shipped what-if copied into one's own folder still loads
        shutil.copy(os.path.join(src, "scenarios", "whatif", name), d)
        code, out, err = run(hukou, "check", name, cwd=d)
        assert code == 0, (name, code, err)
    bad = os.path.join(d, "typo.toml")
    with open(bad, "w", encoding="utf-8") as f:
        f.write('extends = "taiyuan"\nname = "typo"\n[[zones]]\nname = "小店"\npurchase_subsidy = 0\n')
    code, _, err = run(hukou, "check", "typo.toml", cwd=d)
    assert code == 2 and "did you mean '小店区'" in err and len(err.strip().splitlines()) == 1, (code, err)
    with open(bad, "w", encoding="utf-8") as f:
        f.write('extends = "../taiyaun.toml"\nname = "typo"\n[[zones]]\nname = "小店区"\npurchase_subsidy = 0\n')
    code, _, err = run(hukou, "check", "typo.toml", cwd=d)
    assert code == 2 and "cannot find scenario" in err and len(err.strip().splitlines()) == 1, (code, err)


def completions(script, line, env=None):
    """What bash completion offers for LINE (the cursor at its end) with SCRIPT sourced."""
    words = line.split(" ")
    prog = (f'source "{script}"; COMP_WORDS=({" ".join(repr(w) for w in words)}); COMP_CWORD={len(words) - 1}; '
            f'COMP_LINE={line!r}; COMP_POINT={len(line)}; _hukou; printf "%s\\n" "${{COMPREPLY[@]}}"')
    p = subprocess.run(["bash", "-c", prog], capture_output=True, text=True, env=env)
    assert p.returncode == 0, p.stderr
    return p.stdout.split()


def check_completion(hukou, work, src):
    build = os.path.dirname(os.path.dirname(hukou))
    script = os.path.join(build, "share", "bash-completion", "completions", "hukou")
    assert os.path.exists(script), "the build writes the completion script"
    code, out, _ = run(hukou, "completion", "bash")
    assert code == 0 and out == open(script, encoding="utf-8").read(), "the script is the program's own"
    d = fresh(work, "completion")
    open(os.path.join(d, "base.h5"), "w").close()
    assert completions(script, "hukou ru") == ["run"]
    assert completions(script, "hukou sw") == ["sweep"]
    assert set(completions(script, "hukou run --se")) == {"--seed", "--set"}
    assert "taiyuan" in completions(script, "hukou run ta")
    assert completions(script, "hukou sweep m") == ["merge"]
    assert completions(script, "hukou help eva") == ["evaluate"]
    assert completions(script, "hukou docs p") == ["parameters"]
    assert completions(script, "hukou sweep merge --h") == ["--help"]
    assert completions(script, "hukou compare " + os.path.join(d, "ba")) == [os.path.join(d, "base.h5")]
    assert completions(script, "hukou run taiyuan -o " + os.path.join(d, "b")) == [os.path.join(d, "base.h5")]
    # Installed with the program, bash-completion finds it in PREFIX/share (/usr/local/share is
    # on its default path).
    prefix = os.path.join(d, "prefix")
    p = subprocess.run(["cmake", "--install", build, "--prefix", prefix], capture_output=True, text=True)
    assert p.returncode == 0, p.stderr
    installed = os.path.join(prefix, "share", "bash-completion", "completions", "hukou")
    assert os.path.exists(os.path.join(prefix, "bin", "hukou")) and os.path.exists(installed)
    loader = "/usr/share/bash-completion/bash_completion"
    assert os.path.exists(loader), "bash-completion is not installed (scripts/install-deps)"
    env = dict(os.environ, XDG_DATA_DIRS=os.path.join(prefix, "share"), HOME=d)
    p = subprocess.run(["bash", "-c", f'source {loader}; __load_completion hukou && complete -p hukou'],
                       capture_output=True, text=True, env=env)
    assert p.returncode == 0 and "-F _hukou" in p.stdout, (p.stdout, p.stderr)


def check_docs(hukou, src, page):
    code, out, err = run(hukou, "docs", page)
    assert code == 0, err
    path = os.path.join(src, "docs", page + ".md")
    with open(path, encoding="utf-8") as f:
        committed = f.read()
    assert out == committed, (f"docs/{page}.md is out of date: regenerate it with "
                              f"`hukou docs {page} > docs/{page}.md` and commit it")


def check_docs_parameters(hukou, work, src):
    check_docs(hukou, src, "parameters")


def check_docs_outputs(hukou, work, src):
    check_docs(hukou, src, "outputs")


def check_docs_clauses(hukou, work, src):
    """docs/scenarios.md ends with the clause section `hukou docs clauses` prints."""
    code, out, err = run(hukou, "docs", "clauses")
    assert code == 0, err
    assert out.startswith("## Clause coverage\n") and "| 二(二) |" in out, out[:200]
    with open(os.path.join(src, "docs", "scenarios.md"), encoding="utf-8") as f:
        committed = f.read()
    assert committed.endswith("\n\n" + out), ("the clause section of docs/scenarios.md is out of date: regenerate it with "
                                             "`sed -i '/^## Clause coverage$/,$d' docs/scenarios.md && "
                                             "hukou docs clauses >> docs/scenarios.md` and commit it")


def h5_groups_equal(a, b, groups):
    import h5py
    with h5py.File(a, "r") as fa, h5py.File(b, "r") as fb:
        for g in groups:
            assert sorted(fa[g].keys()) == sorted(fb[g].keys()), (g, list(fa[g].keys()), list(fb[g].keys()))
            for k in fa[g].keys():
                x, y = fa[g][k][()], fb[g][k][()]
                assert np.array_equal(x, y), (g, k, x, y)  # bitwise for numbers (NaN-free here)


def check_calibrate_resume(hukou, work, src):
    """A calibration stopped at a generation boundary and resumed (on another thread
    count) ends with the same particles, weights and posterior, bitwise."""
    d = fresh(work, "calibrate_resume")
    base = ["calibrate", "national", "--particles", "12", "--scale", "50000", "--seed", "3", "-q"]
    code, _, err = run(hukou, *base, "--generations", "3", "--threads", "2", "-o", "whole.h5", cwd=d)
    assert code == 0, err
    code, _, err = run(hukou, *base, "--generations", "2", "--threads", "2", "-o", "part.h5", cwd=d)
    assert code == 0, err
    code, _, err = run(hukou, *base, "--generations", "3", "--threads", "1", "--resume", "-o", "part.h5", cwd=d)
    assert code == 0, err
    h5_groups_equal(os.path.join(d, "whole.h5"), os.path.join(d, "part.h5"),
                    ["generations", "particles", "posterior", "observations"])
    # A changed seed is another calibration: resuming it is refused.
    code, _, err = run(hukou, *base[:-2], "4", "-q", "--generations", "3", "--resume", "-o", "part.h5", cwd=d)
    assert code == 2 and "seed differs" in err, (code, err)


def check_validate_national(hukou, work, src):
    """hukou validate on a real run: the scorecard's figures follow from its points."""
    import json
    d = fresh(work, "validate_national")
    assert run(hukou, "run", "national", "--set", "scale=50000", "--replicates", "3", "-q", "-o", "n.h5", cwd=d)[0] == 0
    code, out, err = run(hukou, "validate", "n.h5", "--json", cwd=d)
    assert code == 0, err
    v = json.loads(out)
    assert v["cutoff"] == 2017 and v["ensemble"] == 3, v
    points = [p for i in v["indicators"] for p in i["points"]]
    assert [p["year"] for p in points] == [2018, 2019, 2020, 2018, 2019], points
    assert abs(v["overall"]["mae"] - np.mean([abs(p["error"]) for p in points])) < 1e-12
    assert v["overall"]["coverage"] == np.mean([p["covered"] for p in points])
    for p in points:
        assert p["lo"] <= p["median"] <= p["hi"] and p["error"] == p["median"] - p["observed"], p
    # The printed tables: an error per point keeps its sign, a mean absolute error has none.
    code, out, err = run(hukou, "validate", "n.h5", cwd=d)
    assert code == 0, err
    tables = {b.split()[1] if len(b.split()) > 1 else "": b.splitlines()[1:] for b in out.split("\n\n")
              if b.startswith("indicator ")}
    assert set(tables) >= {"year", "units"}, out  # points (indicator year ...), skill (indicator units points ...)
    for ln in tables["units"]:
        cells = ln.split()
        sizes = [c for c, nxt in zip(cells, cells[1:]) if nxt == "pp"]
        assert len(sizes) == 3 and not any(c.startswith(("+", "-")) for c in sizes), ln
    for ln in tables["year"]:
        cells = ln.split()
        assert cells[cells.index("pp") - 1][0] in "+-", ln  # the error
    # Nothing after the cutoff (moved to the horizon): exit 2, saying so; nothing written.
    with open(os.path.join(d, "late.toml"), "w") as f:
        f.write('extends = "national"\nname = "late"\n[calibration]\ncutoff = 2020\n')
    assert run(hukou, "run", "late.toml", "--set", "scale=50000", "-q", "-o", "late.h5", cwd=d)[0] == 0
    before = os.stat(os.path.join(d, "late.h5")).st_mtime_ns
    code, _, err = run(hukou, "validate", "late.h5", cwd=d)
    assert code == 2 and "no observation after its cutoff 2020" in err, (code, err)
    assert os.stat(os.path.join(d, "late.h5")).st_mtime_ns == before


if __name__ == "__main__":
    hukou, work, src, name = sys.argv[1:5]
    os.makedirs(work, exist_ok=True)
    try:
        globals()["check_" + name](hukou, work, src)
    except AssertionError as e:
        print(f"FAILED {name}: {e}", file=sys.stderr)
        sys.exit(1)
    print(f"ok {name}")
