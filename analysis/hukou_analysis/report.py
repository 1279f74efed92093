"""`hukou report FILE.h5 [--compare OTHER.h5] -o report.html`: one self-contained
HTML file (images embedded as base64 PNG) with the run's provenance, the evaluation
against targets, the plots and a short summary. Opens in a browser without a server.

Run by the `hukou report` subcommand, which computes the evaluation (and county
scores) with the C++ `hukou evaluate` rules, hands them over as --evaluation FILE
(groups `evaluation`, `county_scores`, `clauses`) and runs this module isolated (`python3
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
from .load import (ComparisonError, _first_group, comparison_summary, county_scores, evaluation_table, kind,
                   load_comparison, load_run)
from .export import write_atomically
from .report_data import Table, csv_link, difference_data, settlements_data, urbanization_data, workbook_link

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

_NAMES = {"registered_urbanization_rate": "registered urbanization", "resident_urbanization_rate": "resident urbanization",
          "registered_urbanization_rate_zone": "registered urbanization"}


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


def _provenance_rows(ds):
    a = ds.attrs
    return [("scenario", a.get("scenario_name", "")), ("file", a.get("path", "")),
            ("tool version", a.get("tool_version", "")), ("git commit", a.get("git_commit", "")),
            ("seed", a.get("seed", "")), ("scale", a.get("scale", "")), ("replicates", ds.sizes["replicate"]),
            ("threads", a.get("threads", "")), ("created", a.get("created", "")),
            ("periods", f"{int(ds.period.values[0])}–{int(ds.period.values[-1])}"),
            ("zones", ", ".join(str(z) for z in ds.zone.values))]


def _provenance(ds):
    rows = _provenance_rows(ds)
    out = '<dl class="prov">' + "".join(f"<dt>{_e(k)}</dt><dd>{_e(v)}</dd>" for k, v in rows) + "</dl>"
    text = str(ds.scenario_text.values) if "scenario_text" in ds else ""
    if text:
        out += f"<details><summary>scenario (resolved TOML, {len(text.splitlines())} lines)</summary><pre>{_e(text)}</pre></details>"
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


def _evaluation_html(ds, ev):
    if ev.empty:
        return "<p>The scenario declares no targets.</p>"
    val = lambda r, v: _fmt(ds, r["indicator"], v)  # noqa: E731
    fmt = {c: val for c in ("target_value", "simulated", "lo", "hi")}
    fmt["gap"] = lambda r, v: (f"{v * 100:+.2f} pp" if _is_rate(ds, r["indicator"]) else f"{v:+,.0f}")
    fmt["share_met"] = lambda r, v: f"{v:.0%}"
    src = ("read from the file's <code>evaluation</code> group" if ev.attrs.get("source") == "stored"
           else "computed from the file's targets by <code>hukou report</code> with <code>hukou evaluate</code>'s "
                "rules (the file has no <code>evaluation</code> group and is left unchanged; "
                "<code>hukou evaluate</code> stores the same table)")
    return (f"<p>Per target: final view at the target's year, mid-term view on the straight path from the base year; "
            f"lo–hi: where 90% of replicates lie; share_met: replicates at or above the target. Table {src}.</p>"
            + _table(ev, fmt, lambda r: "met" if r["share_met"] >= 0.5 else "miss"))


def summary_lines(ds, ev, diff_tables=None):
    """Short sentences: where the rates go, and each prefecture-wide final target."""
    lines = []
    y0, y1 = int(ds.period.values[0]), int(ds.period.values[-1])
    for var in ("registered_urbanization_rate", "resident_urbanization_rate"):
        m = ds[var].mean("replicate")
        lines.append(f"{_NAMES[var].capitalize()} goes from {float(m.sel(period=y0)):.2%} in {y0} to "
                     f"{float(m.sel(period=y1)):.2%} in {y1} (mean of {ds.sizes['replicate']} replicates).")
    zone_final = ev[(ev["view"] == "final") & (ev["target_zone"] != "")]
    for _, r in ev[ev["view"] == "final"].iterrows():
        if r["target_zone"] and len(zone_final) > 4:
            continue  # many zone targets: counted below, listed in the table
        name = _NAMES.get(r["indicator"], r["indicator"])
        where = f" in {r['target_zone']}" if r["target_zone"] else ""
        verb = "reaches" if _is_rate(ds, r["indicator"]) else "is"
        lines.append(f"{name.capitalize()}{where} {verb} {_fmt(ds, r['indicator'], r['simulated'])} in {r['year']} "
                     f"against a target of {_fmt(ds, r['indicator'], r['target_value'])}: "
                     f"{'met' if r['gap'] >= 0 else 'missed'} on average, in {r['share_met']:.0%} of replicates.")
    if len(zone_final) > 4:
        met = int((zone_final["gap"] >= 0).sum())
        lines.append(f"Zone targets: {met} of {len(zone_final)} met on average (see the evaluation table).")
    for df in diff_tables or []:
        r = df.iloc[-1]
        d = pp if _is_rate(ds, r["indicator"]) else (lambda v: f"{v:+,.0f}")
        lines.append(f"The what-if changes {_NAMES.get(r['indicator'], r['indicator'])} in {r['year']} by "
                     f"{d(r['difference'])} (90% CI {d(r['diff_lo'])} to {d(r['diff_hi'])}).")
    return lines


def _title(ds):
    return str(ds.attrs.get("title") or ds.attrs.get("scenario_name", ""))


def _changes_html(ds, who):
    """What the run changed from its parent scenario, as the run file records it."""
    ch, _ = _first_group("changes", ds.attrs.get("path"))
    parent = str(ds.attrs.get("parent_scenario", ""))
    head = f"<h3>{_e(who)}: {_e(_title(ds))}</h3>"
    if ch is None or ch.empty:
        return head + ("<p>A baseline: the scenario as written, no <code>--set</code>, no <code>extends</code>.</p>"
                       if not parent else "<p>No setting differs from its parent scenario.</p>")
    return (head + f"<p>Changes from the parent scenario <code>{_e(parent)}</code> ({len(ch)}):</p>"
            + _table(ch.drop(columns=[c for c in ("row",) if c in ch.columns])))


def _key_figures_html(ds, ev, evaluation):
    """The four big numbers: registered and resident urbanization, settlers and public
    cost to date, in the plan's final target year (else the horizon)."""
    kf, _ = _first_group("key_figures", evaluation)
    if kf is None or kf.empty:
        return ""
    finals = [int(y) for y in ev[ev["view"] == "final"]["year"]] if not ev.empty else []
    years = sorted(set(int(y) for y in kf["year"]))
    year = max(finals) if finals and max(finals) in years else years[-1]
    row = kf[kf["year"] == year].set_index("indicator")["baseline"]
    cards = [("registered urbanization", _fmt_unit(row["registered_urbanization_rate"], "1")),
             ("resident urbanization", _fmt_unit(row["resident_urbanization_rate"], "1")),
             (f"settlers {int(ds.period.values[0]) + 1}–{year}", _fmt_unit(row["settlements_to_date"], "persons")),
             (f"public cost {int(ds.period.values[0]) + 1}–{year}", _fmt_unit(row["public_cost_to_date"], "yuan"))]
    return (f"<h2 id='key'>Key figures, {year}</h2><div class='cards'>"
            + "".join(f"<div class='card'><div class='big'>{_e(v)}</div><div>{_e(k)}</div></div>" for k, v in cards)
            + "</div>")


def _fmt_unit(v, units):
    """A value by its units, as the command line writes it (sim/output/display.hpp)."""
    if v != v:
        return "n/a"
    if units == "1":
        return f"{float(v):.2%}"
    return f"{float(v):,.0f} {units}"


def _options_html(ds, others, evaluation):
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
    fmt = {"baseline": lvl, "what_if": lvl, "difference": dif, "diff_lo": dif, "diff_hi": dif}
    table = Table("options", comp, meanings={"difference": "mean paired difference, option - baseline"})
    html_ = ("<h2 id='options'>Options against the baseline</h2><p>Each option's mean paired difference from "
             "this run (same seeds) with its 90% confidence interval, in the plan's target years and the "
             "horizon; rates in percentage points; cost per additional settler: extra public cost to date over "
             "extra settlers to date (yuan per person).</p>"
             + _img(plots.plot_options(comp), "each option minus the baseline") + csv_link(table)
             + _table(comp, fmt))
    return html_, [table]


def _clauses_html(evaluation, tables):
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
    summary = ", ".join(f"{int(counts.get(s, 0))} {s.replace('_', ' ')}" for s in ("simulated", "partly", "not_simulated"))
    return ("<h2 id='clauses'>Clause coverage</h2><p>Every numbered clause of the document that concerns settlement, "
            f"from the scenario's <code>[[clauses]]</code> table ({len(cl)} clauses: {summary}). A clause the model "
            "does not simulate cannot move the figures above.</p>"
            + _table(cl)
            + csv_link(table))


def build_report(path, compare=None, evaluation=None):
    """The report as an HTML string. `evaluation`: the file of evaluation tables that
    `hukou report` computes (needed unless the run file stores its own)."""
    from . import plots
    ds = load_run(path)
    ev = evaluation_table(ds, evaluation)
    name = ds.attrs.get("scenario_name", os.path.basename(path))
    parts = [f"<h1>hukou report: {_e(_title(ds) or name)}</h1>",
             f"<p>Run file <code>{_e(os.path.abspath(path))}</code>; report written "
             f"{datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC by hukou_analysis {__version__}.</p>"]
    diff_tables, comp_html = [], ""
    data = [urbanization_data(ds)] + settlements_data(ds)  # plot data, offered for download
    tables = [Table("evaluation", ev)]
    compare = [compare] if isinstance(compare, str) else list(compare or [])
    others = [load_run(c) for c in compare]
    for o in others:
        load_comparison(ds, o)  # refuses options that cannot be paired
    parts.append("<h2 id='changes'>What changed</h2>" + _changes_html(ds, "This run")
                 + "".join(_changes_html(o, f"Option {k + 1}") for k, o in enumerate(others)))
    parts.append(_key_figures_html(ds, ev, evaluation))
    options_html, option_tables = _options_html(ds, others, evaluation) if len(others) > 1 else ("", [])
    tables += option_tables
    if len(compare) == 1:
        compare = compare[0]
        other = others[0]
        diff = load_comparison(ds, other)
        for var in ("registered_urbanization_rate", "resident_urbanization_rate", "settlements"):
            diff_tables.append(comparison_summary(diff, var, baseline=ds, whatif=other))
        fmt = {c: (lambda r, v: _fmt(ds, r["indicator"], v)) for c in ("baseline", "what_if")}
        for c in ("difference", "diff_lo", "diff_hi"):
            fmt[c] = lambda r, v: (pp(v) if _is_rate(ds, r["indicator"]) else f"{v:+,.0f}")
        diff = difference_data(diff_tables)
        tables.append(diff)
        comp_html = (f"<h2 id='comparison'>What-if comparison</h2><p>Baseline <code>{_e(path)}</code>, what-if "
                     f"<code>{_e(compare)}</code> (scenario {_e(other.attrs.get('scenario_name', ''))}): paired "
                     f"differences per replicate (same seeds), mean and 90% confidence interval (Student's t).</p>"
                     + _img(plots.plot_difference(ds, other), "what-if minus baseline") + csv_link(diff)
                     + "".join(_table(df, fmt) for df in diff_tables)
                     + "<h3>What-if run</h3>" + _provenance(other))
    parts.append("<h2 id='summary'>Summary</h2><div class='summary'><ul>"
                 + "".join(f"<li>{_e(s)}</li>" for s in summary_lines(ds, ev, diff_tables)) + "</ul></div>")
    parts.append("<h2 id='provenance'>Provenance</h2>" + _provenance(ds))
    parts.append("<h2 id='evaluation'>Evaluation against targets</h2>" + _evaluation_html(ds, ev) + csv_link(tables[0]))
    parts.append("<h2 id='plots'>Urbanization</h2>" + _img(plots.plot_urbanization(ds, evaluation=ev),
                                                         "registered and resident urbanization") + csv_link(data[0]))
    parts.append("<h2 id='settlements'>Settlements</h2>" + _img(plots.plot_settlements(ds), "settlements")
                 + "".join(csv_link(t, f"{t.name} (CSV)") for t in data[1:]))
    sc = county_scores(ds, evaluation)
    if sc is not None:
        scores = Table("county_scores", sc)
        tables.append(scores)
        parts.append("<h2 id='county_scores'>County scores</h2><p>Appendix 1's score out of 100 per county "
                     "(docs/evaluation.md), mean over replicates; total_lo–total_hi: 90% of replicates.</p>"
                     + _img(plots.plot_county_scores(ds, evaluation), "county scores") + _table(sc) + csv_link(scores))
    parts.append(_clauses_html(evaluation, tables))
    parts.append(comp_html + options_html)
    provenance = [(k, str(v)) for k, v in _provenance_rows(ds)]
    parts.insert(2, "<p>Downloads: " + workbook_link(tables + data, provenance, f"{name}_report") + "</p>")
    return (f"<!DOCTYPE html>\n<html lang='zh-Hans'><head><meta charset='utf-8'><title>hukou report: {_e(name)}"
            f"</title><style>{CSS}</style></head><body>{''.join(parts)}</body></html>\n")


def write_report(path, out, compare=None, evaluation=None):
    """Writes the report to OUT via a temporary file in the same directory, renamed when complete."""
    text = build_report(path, compare, evaluation)
    write_atomically(out, text.encode("utf-8"))
    return out


def main(argv=None):
    p = argparse.ArgumentParser(prog="hukou report", description="Write a self-contained HTML report of a run")
    p.add_argument("file", help="run file written by `hukou run`")
    p.add_argument("--compare", metavar="OPTION.h5", action="append", default=[],
                   help="a policy option's run to compare with (same --seed and --replicates; repeatable)")
    p.add_argument("-o", "--output", help="HTML file to write (default: FILE with .html)")
    p.add_argument("--evaluation", metavar="TABLES.h5",
                   help="the evaluation tables computed by `hukou report` (groups evaluation, county_scores)")
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
            sys.stdout.write(build_report(a.file, a.compare, a.evaluation))
            return 0
        write_report(a.file, out, a.compare, a.evaluation)
    except ComparisonError as e:
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
