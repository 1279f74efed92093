import base64
import glob
import io
import os
import re
import shutil
import subprocess
import tempfile

import h5py
import matplotlib.image
import numpy as np
import pytest

from conftest import hukou

SECTIONS = ["summary", "provenance", "evaluation", "plots", "settlements"]


def _report(runs, name, *args, **kw):
    out = str(runs["dir"] / name)
    p = hukou("report", *args, "-o", out, check=False, **kw)
    return p, out


def _images(text):
    return re.findall(r'src="data:image/png;base64,([A-Za-z0-9+/=]+)"', text)


# Reports several tests read, each made once (same command, same file: no test changes
# a run file it reads).
@pytest.fixture(scope="module")
def comparison_html(runs):
    """The Taiyuan baseline with the what-if compared, in English."""
    p, out = _report(runs, "base.html", runs["base"], "--compare", runs["whatif"])
    assert p.returncode == 0, p.stderr
    return out


@pytest.fixture(scope="module")
def qiannan_html(runs):
    """The evaluated Qiannan run (county scores stored)."""
    p, out = _report(runs, "qiannan.html", runs["qiannan"])
    assert p.returncode == 0, p.stderr
    return out


def test_report_with_comparison(runs, comparison_html):
    out = comparison_html
    text = open(out, encoding="utf-8").read()
    for s in SECTIONS + ["comparison"]:
        assert f"id='{s}'" in text, s
    imgs = _images(text)
    assert len(imgs) == 3  # urbanization, settlements, difference
    for b in imgs:
        img = matplotlib.image.imread(io.BytesIO(base64.b64decode(b)), format="png")
        assert img.shape[1] >= 800 and img.std() > 0.05
    assert "<details><summary>scenario" in text and "[[targets]]" in text  # the scenario text, collapsible
    assert "git commit" in text and "20180208" in text and "tool version" in text and "created" in text
    assert re.search(r"Registered urbanization reaches \d+\.\d\d% in 2020 against a target of 81\.20%", text)
    assert "The what-if changes registered urbanization" in text
    # The what-if's effects are hukou compare's: the median and central 90% of the paired
    # effects in every year, with the uncertainty they include; no Student's t.
    import csv
    from hukou_analysis.report import pp
    comp = _section(text, "comparison")
    assert "Student" not in comp and "uncertainty of: seeds only" in comp
    rows = list(csv.DictReader(io.StringIO(hukou("compare", runs["base"], runs["whatif"], "--csv", "--all-years",
                                                 "--indicator", "registered_urbanization_rate").stdout)))
    shown = _cells(re.findall(r"<table>.*?</table>", comp)[0])  # registered urbanization, every year
    assert [int(r[1]) for r in shown] == [int(r["year"]) for r in rows]
    for got, want in zip(shown, rows):
        assert got[0] == "registered_urbanization_rate" and got[4:7] == [
            pp(float(want[c])) for c in ("effect_median", "effect_lo", "effect_hi")], (got, want)
    last = rows[-1]
    import html
    assert html.escape(f"by {pp(float(last['effect_median']))} (median paired effect; 90% of paired runs between "
                       f"{pp(float(last['effect_lo']))} and {pp(float(last['effect_hi']))}") in text
    # The scenario's clause coverage table, as `hukou docs clauses` lists it (scenarios/taiyuan.toml).
    clauses = text[text.index("id='clauses'"):]
    assert "18 clauses: " in clauses and "<td class=\"l\">二(四)</td>" in clauses and "purchase_contract" in clauses
    assert "evaluation</code> group" in text and "read from" in text
    assert not re.search(r'(src|href)="https?:', text)  # self-contained
    assert not glob.glob(str(runs["dir"] / ".base.html.*.tmp")) and not glob.glob(str(runs["dir"] / ".base.html.lock"))


def _evaluation_table_html(text):
    section = text[text.index("id='evaluation'"):]
    return section[section.index("<table>"):section.index("</table>")]


def _downloads(text):
    return {m[1]: (m[2], base64.b64decode(m[3])) for m in
            re.finditer(r'download="([^"]+)" href="data:([^;]+)[^,]*base64,([A-Za-z0-9+/=]+)"', text)}


def test_report_offers_data_downloads(runs, qiannan_html):
    import openpyxl
    got = _downloads(open(qiannan_html, encoding="utf-8").read())
    want = {"evaluation.csv", "urbanization.csv", "settlements_by_channel.csv", "settlements_by_zone.csv",
            "county_scores.csv", "observations.csv", "clauses.csv", "qiannan_report.xlsx"}
    assert want <= set(got), sorted(got)
    kind, data = got["urbanization.csv"]
    assert kind == "text/csv" and data.startswith(b"\xef\xbb\xbf"), data[:20]  # Excel-ready
    header = data.decode("utf-8-sig").splitlines()[0]
    assert header.startswith("period,registered_mean (1),registered_lo (1)"), header
    by_zone = data = got["settlements_by_zone.csv"][1].decode("utf-8-sig")
    assert "都匀市" in by_zone and "persons (persons)" in by_zone.splitlines()[0], by_zone[:200]
    wb = openpyxl.load_workbook(io.BytesIO(got["qiannan_report.xlsx"][1]))
    assert {"evaluation", "county_scores", "observations", "urbanization", "definitions",
            "provenance"} <= set(wb.sheetnames)
    obs = got["observations.csv"][1].decode("utf-8-sig").splitlines()
    assert obs[0].startswith("indicator,obs_zone,obs_channel,year,use,simulated") and "ratio (1)" in obs[0], obs[0]
    assert len(obs) == 3 and "census" in obs[1], obs  # qiannan.toml's two observations, with their sources
    assert dict(wb["provenance"].iter_rows(min_row=2, values_only=True))["scenario"] == "qiannan"


def test_report_computes_evaluation_and_county_scores(runs, qiannan_html):
    before = open(runs["plain"], "rb").read()
    p, out = _report(runs, "plain.html", runs["plain"])
    assert p.returncode == 0, p.stderr
    text = open(out, encoding="utf-8").read()
    assert "computed from the file's targets" in text and "mid-term" in text
    assert open(runs["plain"], "rb").read() == before  # the run file is left as it was
    p, out = _report(runs, "plain2019.html", runs["plain"], "--midterm", "2019")
    assert p.returncode == 0, p.stderr
    assert "<td class=\"\">2019</td>" in _evaluation_table_html(open(out, encoding="utf-8").read())
    # The table hukou report computes is the one hukou evaluate stored in the same run.
    p, stored = _report(runs, "stored.html", runs["base"])
    assert p.returncode == 0, p.stderr
    stored_text = open(stored, encoding="utf-8").read()
    assert "read from" in stored_text
    assert _evaluation_table_html(text) == _evaluation_table_html(stored_text)
    # County scores too, for a Qiannan run never evaluated.
    unscored = str(runs["dir"] / "qiannan_plain.h5")
    shutil.copy(runs["qiannan"], unscored)
    with h5py.File(unscored, "r+") as f:
        del f["evaluation"], f["county_scores"]
    tmp = runs["dir"] / "tmp"  # the hand-over file's private directory goes here, and away
    tmp.mkdir()
    p, out = _report(runs, "qiannan_plain.html", unscored, env=dict(os.environ, TMPDIR=str(tmp)))
    assert p.returncode == 0, p.stderr
    assert "id='county_scores'" in open(out, encoding="utf-8").read()
    assert not os.listdir(tmp)
    text = open(qiannan_html, encoding="utf-8").read()  # stored county scores, read
    assert "id='county_scores'" in text and "都匀市" in text and len(_images(text)) == 3
    assert "Zone targets:" in text


def _section(text, sid):
    a = text.index(f"id='{sid}'")
    b = text.find("<h2", a)
    return text[a:b if b >= 0 else len(text)]


def _cells(table_html):
    import html
    rows = re.findall(r"<tr class=\"[^\"]*\">(.*?)</tr>", table_html)
    return [[html.unescape(c) for c in re.findall(r"<td[^>]*>([^<]*)</td>", row)] for row in rows]


def test_report_shows_validation(runs, tmp_path):
    import json
    from hukou_analysis.report import pp, pp_size
    # National at a coarse scale: observations after the 2017 cutoff in 2018-2020.
    run = str(tmp_path / "national.h5")
    hukou("run", "national", "--set", "scale=50000", "--replicates", "3", "-q", "-o", run)
    v = json.loads(hukou("validate", run, "--json").stdout)
    before = open(run, "rb").read()
    p, out = _report(runs, "validation_computed.html", run)
    assert p.returncode == 0, p.stderr
    assert open(run, "rb").read() == before  # computed, the run file left as it was
    computed = _section(open(out, encoding="utf-8").read(), "validation")
    assert "computed by <code>hukou report</code>" in computed
    tables = re.findall(r"<table>.*?</table>", computed)
    assert len(tables) == 2
    points, skill = _cells(tables[0]), _cells(tables[1])
    # Per indicator and year: the same points as hukou validate, the error signed in pp.
    want = [(i["name"], p_) for i in v["indicators"] for p_ in i["points"]]
    assert [(r[0], int(r[1])) for r in points] == [(n, p_["year"]) for n, p_ in want]
    for r, (_, p_) in zip(points, want):
        assert r[3] == f"{p_['observed']:.2%}" and r[4] == f"{p_['median']:.2%}", r
        assert r[5] == f"{p_['lo']:.2%}" and r[6] == f"{p_['hi']:.2%}" and r[7] == pp(p_["error"]), r
        assert r[8] == ("yes" if p_["covered"] else "no"), r
    # Overall: MAE (no sign), coverage and both skill ratios, as hukou validate gives them.
    o = v["overall"]
    assert skill[-1][0] == "overall" and skill[-1][3] == pp_size(o["mae"]) and not skill[-1][3].startswith("+")
    assert skill[-1][4] == f"{o['coverage']:.0%}"
    assert skill[-1][8] == f"{o['skill_change']:.2f}" and skill[-1][9] == f"{o['skill_trend']:.2f}"
    assert f"mean absolute error {pp_size(o['mae'])}" in computed
    # Stored by hukou validate --store: read from the file, the same tables.
    hukou("validate", run, "--store")
    p, out = _report(runs, "validation_stored.html", run)
    assert p.returncode == 0, p.stderr
    stored = _section(open(out, encoding="utf-8").read(), "validation")
    assert "read from the file's <code>validation</code>" in stored
    assert re.findall(r"<table>.*?</table>", stored) == tables
    # Nothing after the cutoff: one line says so, no table.
    late = tmp_path / "late.toml"
    late.write_text('extends = "national"\nname = "late"\n[calibration]\ncutoff = 2020\n', encoding="utf-8")
    late_run = str(tmp_path / "late.h5")
    hukou("run", str(late), "--set", "scale=50000", "-q", "-o", late_run)
    p, out = _report(runs, "validation_none.html", late_run)
    assert p.returncode == 0, p.stderr
    none = _section(open(out, encoding="utf-8").read(), "validation")
    assert "Nothing to validate" in none and "<table>" not in none and none.count("<p>") == 1


def test_report_bad_input(runs):
    p, out = _report(runs, "missing.html", str(runs["dir"] / "no_such.h5"))
    assert p.returncode == 2 and "no_such.h5" in p.stderr and not os.path.exists(out)
    p, out = _report(runs, "unpaired.html", runs["base"], "--compare", runs["qiannan"])
    assert p.returncode == 2 and "cannot compare" in p.stderr and not os.path.exists(out)
    assert not glob.glob(str(runs["dir"] / "unpaired.html*")) and not glob.glob(str(runs["dir"] / ".unpaired.html*"))
    junk = runs["dir"] / "junk.h5"
    junk.write_text("not HDF5")
    p, out = _report(runs, "junk.html", str(junk))
    assert p.returncode == 2 and "junk.h5" in p.stderr and not os.path.exists(out)


def test_report_package_missing(runs):
    env = dict(os.environ, HUKOU_ANALYSIS_DIR=str(runs["dir"] / "nowhere"))
    p, out = _report(runs, "nopkg.html", runs["base"], env=env)
    assert p.returncode == 1 and "HUKOU_ANALYSIS_DIR" in p.stderr and not os.path.exists(out)


def test_report_three_options(runs):
    # Three options against one baseline: what each changed (its own title), the four
    # key figures, then one table and one set of plots with every option.
    third = str(runs["dir"] / "third.h5")
    hukou("run", str(os.path.join(os.environ["HUKOU_SOURCE_DIR"], "scenarios", "whatif", "taiyuan_no_subsidy.toml")),
          "--replicates", "3", "--set", "scale=20", "-q", "-o", third)
    p, out = _report(runs, "three.html", runs["base"], "--compare", runs["whatif"], "--compare", third,
                     "--compare", runs["base"])
    assert p.returncode == 0, p.stderr
    text = open(out, encoding="utf-8").read()
    assert text.index("id='changes'") < text.index("id='key'") < text.index("id='summary'")
    assert "太原市 what-if: no house-purchase subsidy" in text and "zones.小店区.purchase_subsidy" in text
    assert "Option 3" in text and "id='options'" in text and "registered urbanization</div>" in text
    assert "cost_per_additional_settler (小店区)" in text and " pp</td>" in text and "e-0" not in text
    assert len(_images(text)) == 3  # urbanization, settlements, the options
    _screenshot_not_blank(runs, out, "three.png")


def test_report_screenshot_not_blank(runs, qiannan_html):
    _screenshot_not_blank(runs, qiannan_html, "shot.png")


def _screenshot_not_blank(runs, html, name):
    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    assert os.access(chromium, os.X_OK), "chromium not installed (apt-get install chromium)"
    png = str(runs["dir"] / name)
    with tempfile.TemporaryDirectory() as profile:
        r = subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                            "--disable-component-update", "--disable-sync", "--no-first-run",
                            f"--user-data-dir={profile}", f"--screenshot={png}", "--window-size=1200,2000",
                            "file://" + os.path.abspath(html)], capture_output=True, text=True, timeout=90)
    assert os.path.exists(png), r.stderr
    img = matplotlib.image.imread(png)
    assert img.shape[:2] == (2000, 1200)
    rgb = (img[..., :3] * 255).astype(np.uint8).reshape(-1, 3)
    colours = np.unique(rgb[::7], axis=0)
    assert len(colours) > 200, len(colours)  # text, tables and a plot: not a blank page
    white = (rgb == 255).all(axis=1).mean()
    assert white < 0.97, white


def test_percentage_points_keep_small_effects_visible():
    from hukou_analysis.report import pp
    assert pp(0.0123456) == "+1.23 pp"
    assert pp(-0.0000123456) == "-0.00123 pp"  # was "-0.001 pp" and, smaller, "+0.000 pp"
    assert pp(9.28e-07) == "+<0.001 pp"
    assert pp(-3e-9) == "-<0.001 pp"
    assert pp(0.0) == "0 pp"


def _headings(text):
    return [re.sub(r"<[^>]+>", "", m) for m in re.findall(r"<h[1-3][^>]*>(.*?)</h[1-3]>", text, re.S)]


def test_language_tables_have_the_same_keys():
    from hukou_analysis.strings import LANGUAGES, table
    en = table("en")
    for lang in LANGUAGES:
        assert set(table(lang)) == set(en), (lang, set(table(lang)) ^ set(en))
    zh = table("zh")
    for k, v in zh.items():
        if k.startswith("h_"):  # every heading: Chinese, not the English one left in place
            assert re.search(r"[\u4e00-\u9fff]", v) and v != en[k], (k, v)


def test_report_in_chinese(runs, comparison_html):
    # The same report in Chinese: the same sections, every heading from zh.toml (none
    # of en.toml's), observations beside the simulation in both.
    from hukou_analysis.strings import table
    en_words, zh_words = table("en"), table("zh")
    en_out = comparison_html
    p, zh_out = _report(runs, "zh.html", runs["base"], "--compare", runs["whatif"], "--lang", "zh")
    assert p.returncode == 0, p.stderr
    en, zh = (open(f, encoding="utf-8").read() for f in (en_out, zh_out))
    assert re.findall(r"id='(\w+)'", en) == re.findall(r"id='(\w+)'", zh)
    assert "<html lang='zh-Hans'>" in zh and "<html lang='en'>" in en
    english = {v for k, v in en_words.items() if k.startswith("h_") and "{" not in v}
    for h in _headings(zh):
        assert not any(e in h for e in english), h
        assert re.search(r"[\u4e00-\u9fff]", h), h
    for key in ("h_observations", "h_summary", "h_evaluation", "h_comparison", "h_validation"):
        assert zh_words[key] in zh and en_words[key] in en, key
    assert len(_images(zh)) == len(_images(en)) == 3
    # Taiyuan cites the census and the yearbook: each row with its source and a ratio.
    section = en[en.index("id='observations'"):]
    section = section[:section.index("</table>")]
    assert "statistics.csv" in section and "validation" in section and "<td class=\"\">2019</td>" in section
    assert re.search(r"<td class=\"\">\d\.\d{3}</td>", section), section[-800:]  # ratio, 3 decimals
    p, _ = _report(runs, "xx.html", runs["base"], "--lang", "xx")
    assert p.returncode == 2 and "--lang" in p.stderr
    _screenshot_not_blank(runs, zh_out, "zh.png")
