"""`hukou report FILE.h5 [--compare OTHER.h5] -o report.html`: one self-contained
HTML file (images embedded as base64 PNG) with the run's provenance, the evaluation
against targets, the plots and a short summary. Opens in a browser without a server.

Run by the `hukou report` subcommand, which computes the evaluation (and county
scores) with the C++ `hukou evaluate` rules, hands them over as --evaluation FILE
(groups `evaluation`, `county_scores`, `clauses`, `validation`, ...) and runs this module isolated (`python3
-I`, the package's directory on sys.path) with `-o -`: the HTML on stdout, which it
writes to the file itself. Run by hand: `/usr/bin/python3 -m hukou_analysis.report`
with PYTHONPATH=analysis/. A table the run file already stores (`hukou evaluate`) is
shown as stored. Exit codes: 0 ok, 1 failure (e.g. no CJK font), 2 bad input
(missing, unevaluated or unpairable files); an error is one line, never a traceback."""
import argparse
import base64
import datetime
import html
import io
import os
import sys

from . import __version__
from .fonts import FontError
from .load import (ComparisonError, _first_group, county_scores, evaluation_table, kind, load_comparison,
                   load_run)
from .atomic import TargetError, write_atomically
from .report_data import Table, csv_link, settlements_data, urbanization_data, workbook_link
from .strings import LANGUAGES, strings

CSS = """
body{font-family:"Noto Sans CJK SC","Noto Sans SC","Microsoft YaHei","PingFang SC",sans-serif;max-width:1100px;
margin:2em auto;padding:0 1em;color:#222;line-height:1.45}
h1{font-size:1.6em;border-bottom:2px solid #1f77b4;padding-bottom:.2em}h2{font-size:1.25em;margin-top:1.6em;color:#1f4e79}
table{border-collapse:collapse;font-size:.85em;margin:.5em 0}th,td{border:1px solid #ccc;padding:3px 7px;text-align:right;white-space:nowrap}td.l:last-child{white-space:normal}
th{background:#eef3f8}td.l,th.l{text-align:left}tr.miss td{background:#fdecea}tr.met td{background:#eaf6ea}
img{max-width:100%;height:auto;border:1px solid #ddd;margin:.4em 0}
pre{background:#f6f6f6;padding:.8em;overflow:auto;font-size:.8em;max-height:40em}
.summary{background:#f3f8fc;border-left:4px solid #1f77b4;padding:.5em 1em}
a.dl{font-size:.85em;margin-right:1em}
.cards{display:flex;gap:1em;flex-wrap:wrap}.card{background:#f3f8fc;border:1px solid #cfe0ef;padding:.6em 1em;min-width:12em}
.card .big{font-size:1.6em;font-weight:bold;color:#1f4e79}
dl.prov{display:grid;grid-template-columns:max-content auto;gap:.15em 1em}dl.prov dt{font-weight:bold}dl.prov dd{margin:0}
"""

_NAME_KEYS = {"registered_urbanization_rate": "name_registered", "resident_urbanization_rate": "name_resident",
              "registered_urbanization_rate_zone": "name_registered", "settlements": "name_settlements"}


def _name(s, indicator):
    """An indicator as the report's language names it (else its identifier)."""
    return s(_NAME_KEYS[indicator]) if indicator in _NAME_KEYS else indicator


def _sentence(text):
    return text[:1].upper() + text[1:]


def pp(v):
    """A difference of two rates (fractions) in percentage points, to three significant
    digits: a small effect reads "+0.00124 pp" or "<0.001 pp", never "+0.000 pp"."""
    x = float(v) * 100
    if x == 0:
        return "0 pp"
    if abs(x) < 0.001:
        return f"{'+' if x > 0 else '-'}<0.001 pp"
    return f"{x:+.3g} pp"


def _e(x):
    return html.escape(str(x))


def _img(fig, alt):
    import matplotlib.pyplot as plt
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=100)
    plt.close(fig)
    data = base64.b64encode(buf.getvalue()).decode("ascii")
    return f'<img alt="{_e(alt)}" src="data:image/png;base64,{data}">'


def _is_rate(ds, label):
    """Whether an indicator ("variable" or "variable (zone)") is a rate, by its kind."""
    return kind(ds, label.partition(" (")[0]) == "rate"


def _fmt(ds, indicator, v):
    if _is_rate(ds, indicator):
        return f"{v:.2%}"
    return f"{v:,.0f}"


def _provenance_rows(ds, s=None):
    s = s or strings("en")
    a = ds.attrs
    return [(s("prov_scenario"), a.get("scenario_name", "")), (s("prov_file"), a.get("path", "")),
            (s("prov_version"), a.get("tool_version", "")), (s("prov_commit"), a.get("git_commit", "")),
            (s("prov_seed"), a.get("seed", "")), (s("prov_scale"), a.get("scale", "")),
            (s("prov_runs"), _runs(ds, s)),
            (s("prov_uncertainty"), _uncertainty(ds, s)), (s("prov_posterior"), a.get("posterior_path", "") or s("none")), (s("prov_threads"), a.get("threads", "")),
            (s("prov_created"), a.get("created", "")),
            (s("prov_periods"), f"{int(ds.period.values[0])}–{int(ds.period.values[-1])}"),
            (s("prov_zones"), ", ".join(str(z) for z in ds.zone.values))]


def _provenance(ds, s):
    rows = _provenance_rows(ds, s)
    out = '<dl class="prov">' + "".join(f"<dt>{_e(k)}</dt><dd>{_e(v)}</dd>" for k, v in rows) + "</dl>"
    text = str(ds.scenario_text.values) if "scenario_text" in ds else ""
    if text:
        out += (f"<details><summary>{_e(s('scenario_text', n=len(text.splitlines())))}</summary>"
                f"<pre>{_e(text)}</pre></details>")
    return out


def _table(df, fmt=None, row_class=None):
    fmt = fmt or {}
    head = "".join(f'<th class="{"l" if df[c].dtype == object else ""}">{_e(c)}</th>' for c in df.columns)
    body = []
    for _, r in df.iterrows():
        cls = row_class(r) if row_class else ""
        cells = []
        for c in df.columns:
            v = r[c]
            if c in fmt:
                s = fmt[c](r, v)
            elif isinstance(v, float):
                s = f"{v:.4g}"
            else:
                s = str(v)
            cells.append(f'<td class="{"l" if df[c].dtype == object else ""}">{_e(s)}</td>')
        body.append(f'<tr class="{cls}">' + "".join(cells) + "</tr>")
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"


def _evaluation_html(ds, ev, s):
    if ev.empty:
        return f"<p>{s('no_targets')}</p>"
    val = lambda r, v: _fmt(ds, r["indicator"], v)  # noqa: E731
    fmt = {c: val for c in ("target_value", "simulated", "lo", "hi")}
    fmt["gap"] = lambda r, v: (f"{v * 100:+.2f} pp" if _is_rate(ds, r["indicator"]) else f"{v:+,.0f}")
    fmt["share_met"] = lambda r, v: f"{v:.0%}"
    src = s("src_stored") if ev.attrs.get("source") == "stored" else s("src_computed")
    return (f"<p>{s('evaluation_intro', src=src, unc=_e(_uncertainty(ds, s)))}</p>"
            + _table(ev, fmt, lambda r: "met" if r["share_met"] >= 0.5 else "miss"))


def _observations_html(ds, evaluation, s):
    """The scenario's observations beside the simulation, as `hukou evaluate` prints
    them (the `observations` group: stored in the run file, else computed by
    `hukou report`); "" when the scenario cites none."""
    ob, _ = _first_group("observations", ds.attrs.get("path"), evaluation)
    if ob is None or ob.empty:
        return "", None
    ob = ob.drop(columns=[c for c in ("row",) if c in ob.columns])
    lvl = lambda r, v: _fmt_unit(v, r["units"])  # noqa: E731
    fmt = {c: lvl for c in ("simulated", "lo", "hi", "observed")}
    fmt["ratio"] = lambda r, v: "n/a" if v != v else f"{v:.3f}"
    table = Table("observations", ob, units={"ratio": "1"},
                  meanings={"simulated": "simulated median over replicates", "ratio": "simulated / observed"})
    return (f"<h2 id='observations'>{s('h_observations')}</h2><p>{s('observations_intro')}</p>"
            + _table(ob, fmt) + csv_link(table, s("data_csv"))), table


def pp_size(v):
    """A size of a difference of rates (a mean absolute error) in percentage points,
    without a sign (display.hpp's pp_magnitude)."""
    x = abs(float(v)) * 100
    if x != x:
        return "n/a"
    if x == 0:
        return "0 pp"
    if x < 0.001:
        return "<0.001 pp"
    return f"{x:.3g} pp"


def _validation_html(ds, evaluation, s):
    """The run against the observations after its calibration cutoff, as `hukou
    validate` scores it: the run file's `validation` and `validation_skill` groups
    (`hukou validate --store`), else those `hukou report` computed with the same code;
    one line when there is nothing to score. Returns (html, tables)."""
    head = f"<h2 id='validation'>{s('h_validation')}</h2>"
    pts, where = _first_group("validation", ds.attrs.get("path"), evaluation)
    skill, _ = _first_group("validation_skill", where)
    if pts is None or pts.empty or skill is None:
        return head + f"<p>{s('no_validation')}</p>", []
    pts = pts.drop(columns=[c for c in ("row",) if c in pts.columns])
    skill = skill.drop(columns=[c for c in ("row",) if c in skill.columns])
    lvl = lambda r, v: _fmt_unit(v, r["units"])  # noqa: E731
    dif = lambda r, v: (pp(v) if r["units"] == "1" else ("n/a" if v != v else f"{v:+,.0f}"))  # noqa: E731
    size = lambda r, v: (pp_size(v) if r["units"] == "1" else ("n/a" if v != v else f"{abs(v):,.0f}"))  # noqa: E731
    ratio = lambda r, v: "n/a" if v != v else f"{v:.2f}"  # noqa: E731
    fmt = {c: lvl for c in ("observed", "median", "lo", "hi", "naive_change", "naive_trend")}
    fmt["error"] = dif
    fmt["covered"] = lambda r, v: s("yes") if int(v) else s("no")
    skill_fmt = {c: size for c in ("mae", "mae_naive_change", "mae_naive_trend")}
    skill_fmt["coverage"] = lambda r, v: f"{v:.0%}"
    skill_fmt.update({c: ratio for c in ("skill_change", "skill_trend")})
    o = skill[skill["indicator"] == "overall"].iloc[0]
    summary = s("validation_overall", n=int(o["points"]), mae=size(o, o["mae"]), cov=f"{o['coverage']:.0%}",
                change=ratio(o, o["skill_change"]), trend=ratio(o, o["skill_trend"]))
    src = s("src_validation_stored") if where == ds.attrs.get("path") else s("src_validation_computed")
    tables = [Table("validation", pts, meanings={"error": "median - observed", "lo": "5% quantile of the runs",
                                                 "hi": "95% quantile of the runs"}),
              Table("validation_skill", skill, units={"coverage": "1", "skill_change": "1", "skill_trend": "1"},
                    meanings={"mae": "mean absolute error of the median",
                              "skill_change": "MAE model / MAE last change carried forward",
                              "skill_trend": "MAE model / MAE linear trend"})]
    return (head + f"<p>{s('validation_intro', unc=_e(_uncertainty(ds, s)), src=src)}</p>"
            + f"<p class='summary'>{_e(summary)}</p>" + _table(pts, fmt) + csv_link(tables[0], s("data_csv"))
            + _table(skill, skill_fmt) + csv_link(tables[1], s("data_csv"))), tables


def _runs(ds, s):
    """How many runs a run file holds, and what varies between them."""
    if ds.attrs.get("draws", 0):
        return s("runs_draws", n=ds.sizes["replicate"], d=ds.attrs["draws"], r=ds.sizes["replicate"] // ds.attrs["draws"])
    return s("runs_replicates", n=ds.sizes["replicate"])


def _uncertainty(ds, s):
    """Which uncertainty the runs include: the seeds only, or the posterior's parameters too."""
    return s("unc_parameters") if ds.attrs.get("draws", 0) else s("unc_seeds")


def summary_lines(ds, ev, diff_tables=None, s=None):
    """Short sentences: where the rates go, and each prefecture-wide final target."""
    s = s or strings("en")
    lines = []
    y0, y1 = int(ds.period.values[0]), int(ds.period.values[-1])
    for var in ("registered_urbanization_rate", "resident_urbanization_rate"):
        m = ds[var].mean("replicate")
        lines.append(_sentence(s("sum_rate", name=_name(s, var), a=f"{float(m.sel(period=y0)):.2%}", y0=y0,
                                 b=f"{float(m.sel(period=y1)):.2%}", y1=y1, runs=_runs(ds, s))))
    zone_final = ev[(ev["view"] == "final") & (ev["target_zone"] != "")]
    for _, r in ev[ev["view"] == "final"].iterrows():
        if r["target_zone"] and len(zone_final) > 4:
            continue  # many zone targets: counted below, listed in the table
        where = s("sum_where", zone=r["target_zone"]) if r["target_zone"] else ""
        verb = s("verb_rate") if _is_rate(ds, r["indicator"]) else s("verb_count")
        lines.append(_sentence(s("sum_target", name=_name(s, r["indicator"]), where=where, verb=verb,
                                 sim=_fmt(ds, r["indicator"], r["simulated"]), year=r["year"],
                                 target=_fmt(ds, r["indicator"], r["target_value"]),
                                 met=s("met") if r["gap"] >= 0 else s("missed"), share=f"{r['share_met']:.0%}",
                                 unc=_uncertainty(ds, s))))
    if len(zone_final) > 4:
        lines.append(s("sum_zones", met=int((zone_final["gap"] >= 0).sum()), n=len(zone_final)))
    for df in diff_tables or []:
        r = df.iloc[-1]
        d = pp if r["units"] == "1" else (lambda v: f"{v:+,.0f}")
        lines.append(s("sum_whatif", name=_name(s, r["indicator"]), year=r["year"], d=d(r["effect_median"]),
                       lo=d(r["effect_lo"]), hi=d(r["effect_hi"]), unc=_uncertainty(ds, s)))
    return lines


def _title(ds):
    return str(ds.attrs.get("title") or ds.attrs.get("scenario_name", ""))


def _changes_html(ds, who, s):
    """What the run changed from its parent scenario, as the run file records it."""
    ch, _ = _first_group("changes", ds.attrs.get("path"))
    parent = str(ds.attrs.get("parent_scenario", ""))
    head = f"<h3>{_e(s('run_heading', who=who, title=_title(ds)))}</h3>"
    if ch is None or ch.empty:
        return head + f"<p>{s('is_baseline') if not parent else s('no_change')}</p>"
    return (head + f"<p>{s('changes_from', parent=_e(parent), n=len(ch))}</p>"
            + _table(ch.drop(columns=[c for c in ("row",) if c in ch.columns])))


def _key_figures_html(ds, ev, evaluation, s):
    """The four big numbers: registered and resident urbanization, settlers and public
    cost to date, in the plan's final target year (else the horizon)."""
    kf, _ = _first_group("key_figures", evaluation)
    if kf is None or kf.empty:
        return ""
    finals = [int(y) for y in ev[ev["view"] == "final"]["year"]] if not ev.empty else []
    years = sorted(set(int(y) for y in kf["year"]))
    year = max(finals) if finals and max(finals) in years else years[-1]
    row = kf[kf["year"] == year].set_index("indicator")["baseline"]
    first = int(ds.period.values[0]) + 1
    cards = [(s("card_registered"), _fmt_unit(row["registered_urbanization_rate"], "1")),
             (s("card_resident"), _fmt_unit(row["resident_urbanization_rate"], "1")),
             (s("card_settlers", first=first, year=year), _fmt_unit(row["settlements_to_date"], "persons")),
             (s("card_cost", first=first, year=year), _fmt_unit(row["public_cost_to_date"], "yuan"))]
    return (f"<h2 id='key'>{s('h_key', year=year)}</h2><div class='cards'>"
            + "".join(f"<div class='card'><div class='big'>{_e(v)}</div><div>{_e(k)}</div></div>" for k, v in cards)
            + "</div>")


def _fmt_unit(v, units):
    """A value by its units, as the command line writes it (sim/output/display.hpp)."""
    if v != v:
        return "n/a"
    if units == "1":
        return f"{float(v):.2%}"
    return f"{float(v):,.0f} {units}"


def _options_html(ds, others, evaluation, s):
    """Every option against this run: the `comparison` table `hukou report` computed
    with `hukou compare`'s rules, and one set of plots."""
    from . import plots
    comp, _ = _first_group("comparison", evaluation)
    if comp is None:
        return "", []
    titles = {str(o.attrs["path"]): _title(o) for o in others}
    comp = comp.drop(columns=[c for c in ("row",) if c in comp.columns])
    comp["option"] = [titles.get(o, o) for o in comp["option"]]
    lvl = lambda r, v: _fmt_unit(v, r["units"])  # noqa: E731
    dif = lambda r, v: (pp(v) if r["units"] == "1" else ("n/a" if v != v else f"{v:+,.0f}"))  # noqa: E731
    fmt = {"baseline": lvl, "what_if": lvl, "difference": dif, "diff_lo": dif, "diff_hi": dif,
           "effect_median": dif, "effect_lo": dif, "effect_hi": dif}
    table = Table("options", comp, meanings={"difference": "mean paired difference, option - baseline"})
    html_ = (f"<h2 id='options'>{s('h_options')}</h2><p>{s('options_intro')}</p>"
             + _img(plots.plot_options(comp), s("alt_options")) + csv_link(table, s("data_csv"))
             + _table(comp, fmt))
    return html_, [table]


_EFFECT_COLUMNS = ["indicator", "year", "baseline", "what_if", "effect_median", "effect_lo", "effect_hi", "units"]


def _difference_html(ds, other, path, other_path, evaluation, s):
    """One what-if against this run: the median and central 90% of the paired effects
    over draws x replicates in every year (the `difference` table `hukou report`
    computed with `hukou compare`'s rules), plotted and tabled per indicator.
    Returns (html, tables per indicator, the download table)."""
    from . import plots
    eff, _ = _first_group("difference", evaluation)
    if eff is None:
        raise ValueError("no `difference` table: run the report through `hukou report`, which computes it")
    eff = eff[_EFFECT_COLUMNS]
    per = [eff[eff["indicator"] == v].reset_index(drop=True) for v in dict.fromkeys(eff["indicator"])]
    def fmt(units):  # each indicator's table has one unit, not shown as a column
        lvl = lambda r, v: _fmt_unit(v, units)  # noqa: E731
        dif = lambda r, v: (pp(v) if units == "1" else ("n/a" if v != v else f"{v:+,.0f}"))  # noqa: E731
        return {"baseline": lvl, "what_if": lvl, "effect_median": dif, "effect_lo": dif, "effect_hi": dif}
    table = Table("difference", eff, meanings={
        "effect_median": "median of the paired differences what-if - baseline over runs (rates: fractions)",
        "effect_lo": "5% quantile of the paired differences", "effect_hi": "95% quantile of the paired differences",
        "baseline": "baseline mean over runs", "what_if": "what-if mean over runs"})
    intro = s("comparison_intro", base=_e(path), whatif=_e(other_path),
              scenario=_e(other.attrs.get("scenario_name", "")),
              runs=_e(_runs(ds, s)), unc=_e(_uncertainty(ds, s)))
    html_ = (f"<h2 id='comparison'>{s('h_comparison')}</h2><p>{intro}</p>"
             + _img(plots.plot_effects(eff, title=f"what-if − baseline ({_runs(ds, s)})"), s("alt_difference"))
             + csv_link(table, s("data_csv"))
             + "".join(_table(df.drop(columns=["units"]), fmt(df["units"].iloc[0])) for df in per)
             + f"<h3>{s('h_whatif_run')}</h3>" + _provenance(other, s))
    return html_, per, table


def _clauses_html(evaluation, tables, s):
    """The scenario's clause coverage table (group `clauses` that `hukou report` reads
    from the run's scenario), appended to `tables`; "" when the scenario has none."""
    cl, _ = _first_group("clauses", evaluation)
    if cl is None or cl.empty:
        return ""
    cl = cl.drop(columns=[c for c in ("row",) if c in cl.columns])
    table = Table("clauses", cl, meanings={"cited_by": "what in the scenario reads the clause",
                                            "keys": "parameters that read it"})
    tables.append(table)
    counts = cl["status"].value_counts()
    summary = ", ".join(f"{int(counts.get(k, 0))} {s('status_' + k)}" for k in ("simulated", "partly", "not_simulated"))
    return (f"<h2 id='clauses'>{s('h_clauses')}</h2><p>{s('clauses_intro', n=len(cl), summary=summary)}</p>"
            + _table(cl) + csv_link(table, s("data_csv")))


def _channel_labels(evaluation):
    """Channel identifier -> its label as tables and legends show it ("四类人员落户
    (four_groups)"), from the `channel_names` group `hukou report` hands over."""
    names, _ = _first_group("channel_names", evaluation)
    if names is None:
        return {}
    return dict(zip(names["channel_code"].astype(str), names["channel_label"].astype(str)))


def build_report(path, compare=None, evaluation=None, lang="en"):
    """The report as an HTML string, in `lang` (strings.LANGUAGES). `evaluation`: the
    file of evaluation tables that `hukou report` computes (needed unless the run
    file stores its own)."""
    from . import plots
    s = strings(lang)
    ds = load_run(path)
    ev = evaluation_table(ds, evaluation)
    name = ds.attrs.get("scenario_name", os.path.basename(path))
    when = f"{datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M}"
    parts = [f"<h1>{_e(s('title', name=_title(ds) or name))}</h1>",
             f"<p>{s('written', path=_e(os.path.abspath(path)), when=when, version=__version__)}</p>"]
    diff_tables, comp_html = [], ""
    data = [urbanization_data(ds)] + settlements_data(ds)  # plot data, offered for download
    tables = [Table("evaluation", ev)]
    compare = [compare] if isinstance(compare, str) else list(compare or [])
    others = [load_run(c) for c in compare]
    for o in others:
        load_comparison(ds, o)  # refuses options that cannot be paired
    parts.append(f"<h2 id='changes'>{s('h_changes')}</h2>" + _changes_html(ds, s("this_run"), s)
                 + "".join(_changes_html(o, s("option_n", n=k + 1), s) for k, o in enumerate(others)))
    parts.append(_key_figures_html(ds, ev, evaluation, s))
    options_html, option_tables = _options_html(ds, others, evaluation, s) if len(others) > 1 else ("", [])
    tables += option_tables
    if len(compare) == 1:
        comp_html, diff_tables, diff = _difference_html(ds, others[0], path, compare[0], evaluation, s)
        tables.append(diff)
    parts.append(f"<h2 id='summary'>{s('h_summary')}</h2><div class='summary'><ul>"
                 + "".join(f"<li>{_e(x)}</li>" for x in summary_lines(ds, ev, diff_tables, s)) + "</ul></div>")
    parts.append(f"<h2 id='provenance'>{s('h_provenance')}</h2>" + _provenance(ds, s))
    parts.append(f"<h2 id='evaluation'>{s('h_evaluation')}</h2>" + _evaluation_html(ds, ev, s)
                 + csv_link(tables[0], s("data_csv")))
    obs_html, obs_table = _observations_html(ds, evaluation, s)
    if obs_table is not None:
        parts.append(obs_html)
        tables.append(obs_table)
    val_html, val_tables = _validation_html(ds, evaluation, s)
    parts.append(val_html)
    tables += val_tables
    parts.append(f"<h2 id='plots'>{s('h_urbanization')}</h2>"
                 + _img(plots.plot_urbanization(ds, evaluation=ev), s("alt_urbanization"))
                 + csv_link(data[0], s("data_csv")))
    parts.append(f"<h2 id='settlements'>{s('h_settlements')}</h2>"
                 + _img(plots.plot_settlements(ds, _channel_labels(evaluation)), s("alt_settlements"))
                 + "".join(csv_link(t, s("table_csv", name=t.name)) for t in data[1:]))
    sc = county_scores(ds, evaluation)
    if sc is not None:
        scores = Table("county_scores", sc)
        tables.append(scores)
        parts.append(f"<h2 id='county_scores'>{s('h_county')}</h2><p>{s('county_intro')}</p>"
                     + _img(plots.plot_county_scores(ds, evaluation), s("alt_county")) + _table(sc)
                     + csv_link(scores, s("data_csv")))
    parts.append(_clauses_html(evaluation, tables, s))
    parts.append(comp_html + options_html)
    provenance = [(k, str(v)) for k, v in _provenance_rows(ds, s)]
    parts.insert(2, f"<p>{s('downloads')}"
                 + workbook_link(tables + data, provenance, f"{name}_report", s("workbook")) + "</p>")
    return (f"<!DOCTYPE html>\n<html lang='{s('html_lang')}'><head><meta charset='utf-8'><title>"
            f"{_e(s('title', name=name))}</title><style>{CSS}</style></head><body>{''.join(parts)}</body></html>\n")


def write_report(path, out, compare=None, evaluation=None, lang="en"):
    """Writes the report to OUT (atomic.write_atomically)."""
    text = build_report(path, compare, evaluation, lang)
    write_atomically(out, text.encode("utf-8"))
    return out


def main(argv=None):
    p = argparse.ArgumentParser(prog="hukou report", description="Write a self-contained HTML report of a run")
    p.add_argument("file", help="run file written by `hukou run`")
    p.add_argument("--compare", metavar="OPTION.h5", action="append", default=[],
                   help="a policy option's run to compare with (same --seed and --replicates; repeatable)")
    p.add_argument("-o", "--output", help="HTML file to write (default: FILE with .html)")
    p.add_argument("--evaluation", metavar="TABLES.h5",
                   help="the evaluation tables computed by `hukou report` (groups evaluation, county_scores, "
                        "observations, channel_names, ...)")
    p.add_argument("--lang", choices=LANGUAGES, default="en", help="language of the report (default en)")
    a = p.parse_args(argv)
    out = a.output or os.path.splitext(a.file)[0] + ".html"
    for f in [a.file] + a.compare:
        if not os.path.isfile(f):
            print(f"hukou report: {f}: no such file", file=sys.stderr)
            return 2
    if out != "-" and not os.path.isdir(os.path.dirname(os.path.abspath(out))):
        print(f"hukou report: directory of {out} does not exist", file=sys.stderr)
        return 2
    try:
        if out == "-":  # the caller writes the file
            sys.stdout.write(build_report(a.file, a.compare, a.evaluation, a.lang))
            return 0
        write_report(a.file, out, a.compare, a.evaluation, a.lang)
    except (ComparisonError, TargetError) as e:
        print(f"hukou report: {e}", file=sys.stderr)
        return 2
    except (ValueError, OSError) as e:
        print(f"hukou report: {e}", file=sys.stderr)
        return 2 if isinstance(e, ValueError) else 1
    except FontError as e:
        print(f"hukou report: {e}", file=sys.stderr)
        return 1
    except Exception as e:  # anything else: one line naming the file, not a traceback
        print(f"hukou report: {a.file}: {type(e).__name__}: {e}", file=sys.stderr)
        return 1
    print(f"Wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
