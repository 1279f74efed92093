"""Plots of a run, a comparison and county scores. Each function returns a
matplotlib Figure; save_figure() writes it as PNG and SVG.

Zone names are Chinese: the CJK font is selected first (fonts.use_cjk_font), and a
FontError says what to install if there is none."""
import os

import numpy as np

from . import fonts
from .load import NotEvaluatedError, _as_run, comparison_summary, county_scores, evaluation_table, kind, targets

fonts.matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.ticker import FuncFormatter, PercentFormatter  # noqa: E402

BAND = (0.05, 0.95)
INNER_BAND = (0.25, 0.75)
_LABELS = {
    "registered_urbanization_rate": "registered (户籍) urbanization",
    "resident_urbanization_rate": "resident (常住) urbanization",
    "settlements": "settlements (落户)",
}


def _setup():
    fonts.use_cjk_font()
    plt.rcParams.update({"figure.dpi": 100, "axes.grid": True, "grid.alpha": 0.3, "axes.spines.top": False,
                         "axes.spines.right": False})


def _title(ds):
    return ds.attrs.get("scenario_name", "")


def _persons(ax, axis="y"):
    fmt = FuncFormatter(lambda x, _: f"{x:,.0f}")
    (ax.yaxis if axis == "y" else ax.xaxis).set_major_formatter(fmt)


def _evaluation_or_targets(ds):
    """The stored evaluation, else the file's targets as final views only."""
    try:
        return evaluation_table(ds)
    except NotEvaluatedError:
        t = targets(ds)
        return t.assign(view="final").rename(columns={"value": "target_value", "zone": "target_zone"})


def plot_urbanization(run, band=BAND, evaluation=None, inner=INNER_BAND):
    """Registered and resident urbanization rates: mean over runs with the bands
    where `inner` (default 25-75%) and `band` (default 5-95%) of them lie, runs being
    replicates, or a posterior run's draws x replicates (the legend says which
    uncertainty the bands include), and the plan's prefecture-wide rate
    targets (filled star: final year; open diamond: mid-term straight-path value).
    The targets come from `evaluation` (an evaluation_table() DataFrame), by default
    the file's stored evaluation, else the file's targets (final years only)."""
    _setup()
    ds = _as_run(run)
    fig, ax = plt.subplots(figsize=(9, 5.2))
    years = ds.period.values
    for var, colour in (("registered_urbanization_rate", "tab:blue"), ("resident_urbanization_rate", "tab:orange")):
        da = ds[var]
        q = da.quantile(list(band), dim="replicate").values
        ax.fill_between(years, q[0], q[1], color=colour, alpha=0.18, linewidth=0,
                        label=f"{_LABELS[var].split(' ')[0]}: {band[0]:.0%}–{band[1]:.0%} of runs")
        qi = da.quantile(list(inner), dim="replicate").values
        ax.fill_between(years, qi[0], qi[1], color=colour, alpha=0.35, linewidth=0,
                        label=f"{_LABELS[var].split(' ')[0]}: {inner[0]:.0%}–{inner[1]:.0%} of runs")
        ax.plot(years, da.mean("replicate").values, color=colour, marker="o", ms=3.5, label=_LABELS[var] + ", mean")
    ev = evaluation if evaluation is not None else _evaluation_or_targets(ds)
    shown = set()
    for _, r in ev[(ev.target_zone == "") & ev.indicator.isin(list(_LABELS)[:2])].iterrows():
        colour = "tab:blue" if r.indicator.startswith("registered") else "tab:orange"
        final = r["view"] == "final"
        lab = ("target (final year)" if final else "on track to target (mid-term)")
        ax.scatter([r.year], [r.target_value], marker="*" if final else "D", s=160 if final else 60, zorder=5,
                   facecolor=colour if final else "white", edgecolor="black" if final else colour, linewidth=1.3,
                   label=None if (lab, colour) in shown else f"{lab}: {_LABELS[r.indicator].split(' ')[0]}")
        shown.add((lab, colour))
        if final:
            ax.annotate(f"{r.target_value:.1%}", (r.year, r.target_value), textcoords="offset points", xytext=(8, 6), fontsize=9)
    ax.yaxis.set_major_formatter(PercentFormatter(1.0, decimals=0))
    ax.set_xticks(years)
    ax.set_xlabel("year (end of year)")
    ax.set_ylabel("urbanization rate (% of population)")
    runs = (f"{ds.attrs['draws']} draws x {ds.sizes['replicate'] // ds.attrs['draws']} replicates"
            if ds.attrs.get("draws", 0) else f"{ds.sizes['replicate']} replicates")
    ax.set_title(f"{_title(ds)}: registered vs resident urbanization ({runs}; uncertainty: "
                 f"{ds.attrs.get('uncertainty', 'seeds only')})")
    ax.legend(fontsize=8, loc="best")
    fig.tight_layout()
    return fig


def _stacked_bars(ax, years, table, labels, cmap):
    bottom = np.zeros(len(years))
    colours = plt.get_cmap(cmap)(np.linspace(0, 1, max(len(labels), 2))) if cmap != "tab10" else \
        plt.get_cmap(cmap)(np.arange(len(labels)) % 10)
    for i, lab in enumerate(labels):
        ax.bar(years, table[i], bottom=bottom, color=colours[i], label=lab, width=0.75)
        bottom += table[i]


def plot_settlements(run, channel_labels=None):
    """Persons settled each year (mean over replicates), stacked by channel (left)
    and by zone (right). `channel_labels` maps a channel's identifier to its label
    (its document's name beside the identifier: the report's `channel_names`)."""
    _setup()
    ds = _as_run(run)
    s = ds.settlements.mean("replicate")
    years = ds.period.values
    fig, (a, b) = plt.subplots(1, 2, figsize=(14, 5.2), sharey=True)
    by_channel = s.sum("zone").transpose("channel", "period").values
    labels = channel_labels or {}
    _stacked_bars(a, years, by_channel, [labels.get(str(c), str(c)) for c in ds.channel.values], "tab10")
    a.set_title("by channel")
    by_zone = s.sum("channel").transpose("zone", "period").values
    _stacked_bars(b, years, by_zone, [str(z) for z in ds.zone.values], "tab20" if ds.sizes["zone"] > 10 else "tab10")
    b.set_title("by zone")
    for ax in (a, b):
        ax.set_xticks(years)
        ax.set_xlabel("year")
        _persons(ax)
        h, lab = ax.get_legend_handles_labels()
        ax.legend(h[::-1], lab[::-1], fontsize=8, ncol=1, loc="upper left", bbox_to_anchor=(1.0, 1.0),
                  title="channel" if ax is a else "zone", title_fontsize=8)
    a.set_ylabel("persons settled in the year (mean of replicates)")
    b.tick_params(labelleft=True)
    fig.suptitle(f"{_title(ds)}: settlements (落户) by channel and by zone")
    fig.tight_layout()
    return fig


def _difference_panel(ax, years, mid, lo, hi, units, title, labels):
    """One panel of what-if − baseline per year: `mid` with the band lo..hi (rates,
    units "1", in percentage points); `labels` = (band, line) legend texts."""
    rate = units == "1"
    k = 100.0 if rate else 1.0
    ax.fill_between(years, lo * k, hi * k, color="tab:green", alpha=0.3, linewidth=0, label=labels[0])
    ax.plot(years, mid * k, color="tab:green", marker="o", ms=3.5, label=labels[1])
    ax.axhline(0, color="black", linewidth=0.8)
    ax.set_xticks(years)
    ax.tick_params(axis="x", labelrotation=45)
    ax.set_xlabel("year")
    ax.set_ylabel("difference (percentage points)" if rate else f"difference ({units})")
    if not rate:
        _persons(ax)
    ax.set_title(title, fontsize=10)
    ax.legend(fontsize=8)


def plot_difference(baseline, whatif, indicators=None, level=0.90):
    """What-if − baseline: mean paired difference per year with its `level`
    confidence interval, one panel per indicator (default: registered and resident
    urbanization rates, settlements)."""
    from .load import load_comparison
    _setup()
    b, w = _as_run(baseline), _as_run(whatif)
    diff = load_comparison(b, w)
    indicators = indicators or ["registered_urbanization_rate", "resident_urbanization_rate", "settlements"]
    fig, axes = plt.subplots(1, len(indicators), figsize=(4.6 * len(indicators), 4.6), squeeze=False)
    for ax, ind in zip(axes[0], indicators):
        var, _, zone = ind.partition(":")
        df = comparison_summary(diff, var, zone or None, level)
        units = "1" if kind(b, var) == "rate" else b[var].attrs.get("units", "")
        _difference_panel(ax, df.year, df.difference, df.diff_lo, df.diff_hi, units,
                          _LABELS.get(var, var) + (f" ({zone})" if zone else ""),
                          (f"{level:.0%} confidence interval", "mean paired difference"))
    fig.suptitle(f"what-if − baseline ({os.path.basename(w.attrs['path'])} − {os.path.basename(b.attrs['path'])}, "
                 f"{b.sizes['replicate']} paired replicates)")
    fig.tight_layout()
    return fig


def plot_effects(table, title="what-if − baseline"):
    """A what-if's paired effects per year: the median and central 90% of the paired
    differences over runs (draws x replicates for posterior runs), one panel per
    indicator. `table`: `hukou compare --all-years` for one option (columns indicator,
    year, effect_median, effect_lo, effect_hi, units), as the report's `difference`."""
    _setup()
    inds = list(dict.fromkeys(table["indicator"]))
    fig, axes = plt.subplots(1, len(inds), figsize=(4.6 * len(inds), 4.6), squeeze=False)
    for ax, ind in zip(axes[0], inds):
        df = table[table["indicator"] == ind]
        _difference_panel(ax, df.year, df.effect_median, df.effect_lo, df.effect_hi, df["units"].iloc[0],
                          _LABELS.get(ind, ind), ("central 90% of paired effects", "median paired effect"))
    fig.suptitle(title)
    fig.tight_layout()
    return fig


def plot_options(comparison, titles=None):
    """Every option against the baseline (the `comparison` table of `hukou report`,
    as `hukou compare` computes it): one panel per indicator (registered urbanization
    in percentage points, settlers to date, public cost per additional settler),
    grouped bars per year, one colour per option. `titles` maps option to legend label."""
    _setup()
    panels = [("registered_urbanization_rate", "registered urbanization (pp)", 100.0),
              ("settlements_to_date", "additional settlers to date (persons)", 1.0),
              ("cost_per_additional_settler", "public cost per additional settler (yuan)", 1.0)]
    options = list(dict.fromkeys(comparison["option"]))
    fig, axes = plt.subplots(1, 3, figsize=(13, 4.2 + 0.25 * len(options)))
    fig.subplots_adjust(bottom=0.12 + 0.06 * len(options), wspace=0.35)
    width = 0.8 / max(len(options), 1)
    for ax, (ind, label, scale) in zip(axes, panels):
        rows = comparison[comparison["indicator"] == ind]
        years = sorted(set(int(y) for y in rows["year"]))
        for k, opt in enumerate(options):
            r = rows[rows["option"] == opt].set_index("year")
            vals = [float(r.loc[y, "difference"]) * scale if y in r.index else np.nan for y in years]
            ax.bar(np.arange(len(years)) + k * width, np.nan_to_num(vals), width,
                   label=(titles or {}).get(opt, opt) if ax is axes[0] else None)
        ax.set_xticks(np.arange(len(years)) + width * (len(options) - 1) / 2, [str(y) for y in years])
        ax.axhline(0, color="k", lw=0.8)
        ax.set_title(label, fontsize=10)
        if scale == 1.0:
            _persons(ax)
    fig.legend(loc="lower center", ncol=1, fontsize=8, bbox_to_anchor=(0.5, 0.0))
    fig.suptitle("each option − baseline (mean paired difference)")
    return fig


def plot_county_scores(run, evaluation=None):
    """Qiannan appendix 1: each county's score out of 100 (registered-rate rise 40,
    settlement 30, relocation settlement 30), stacked, with the 90% range of the
    total over replicates. None if neither the file nor `evaluation` (the file
    `hukou report` hands over) has a `county_scores` group."""
    df = county_scores(run, evaluation)
    if df is None:
        return None
    _setup()
    ds = run if not isinstance(run, str) else None
    df = df.iloc[::-1]
    fig, ax = plt.subplots(figsize=(9, 0.42 * len(df) + 1.8))
    left = np.zeros(len(df))
    parts = [("score_rate", "registered-rate rise (max 40)", "tab:blue"),
             ("score_settlement", "settlement (max 30)", "tab:orange"),
             ("score_relocation", "relocation settlement (max 30)", "tab:green")]
    for col, lab, colour in parts:
        ax.barh(df.county, df[col], left=left, color=colour, label=lab, height=0.7)
        left += df[col].values
    err = np.vstack([df.total - df.total_lo, df.total_hi - df.total]).clip(min=0)
    ax.errorbar(df.total, df.county, xerr=err, fmt="none", ecolor="black", capsize=3, label="total: 90% of replicates")
    for y, t, hi in zip(df.county, df.total, df.total_hi):
        ax.text(max(t, hi) + 1.5, y, f"{t:.1f}", va="center", fontsize=8)
    ax.set_xlim(0, 112)
    ax.set_xlabel("score (points out of 100)")
    ax.set_ylabel("county (zone)")
    name = ds.attrs.get("scenario_name", "") if ds is not None else ""
    ax.set_title(f"{name} county evaluation (appendix 1): scores out of 100".strip())
    ax.legend(fontsize=8, loc="lower right")
    fig.tight_layout()
    return fig


def plot_sweep_response(sweep, output="registered_urbanization_rate", year=None):
    """One panel per swept parameter: the output (mean over replicates, in `year`,
    default the last) of every run against the parameter's value."""
    from .load import swept_parameters
    _setup()
    params = swept_parameters(sweep)
    if not params:
        raise ValueError("the sweep names no swept parameters")
    da = sweep[output]
    y = da.sel(period=year if year is not None else int(da.period[-1])).mean("replicate")
    for dim in [d for d in y.dims if d != "run"]:  # counts per zone/channel: the total
        y = y.sum(dim)
    rate = kind(sweep, output) == "rate"
    fig, axes = plt.subplots(1, len(params), figsize=(4.2 * len(params) + 0.6, 3.8), squeeze=False)
    for ax, key in zip(axes[0], params):
        ax.scatter(sweep[key].values, 100 * y.values if rate else y.values, s=14, alpha=0.75)
        ax.set_xlabel(key)
        if rate:
            ax.yaxis.set_major_formatter(PercentFormatter())
        else:
            _persons(ax)
    when = year if year is not None else int(da.period[-1])
    axes[0][0].set_ylabel(f"{_LABELS.get(output, output)}, {when}" + (" (%)" if rate else ""))
    fig.suptitle(f"{sweep.attrs.get('sweep_design', '')} sweep: response of {output} in {when} "
                 f"({sweep.sizes['run']} runs, mean over {sweep.sizes['replicate']} replicates)")
    fig.tight_layout()
    return fig


def plot_sensitivity(table):
    """A ranked bar chart of a sweep's sensitivity (load_sensitivity): first-order and
    total Sobol indices with their bootstrap intervals, or Morris mu* with sigma."""
    _setup()
    sobol = "S1" in table.columns
    key = "ST" if sobol else "mu_star"
    t = table.sort_values(key)
    fig, ax = plt.subplots(figsize=(8, 0.55 * len(t) + 1.8))
    pos = np.arange(len(t))
    if sobol:
        for off, col, lab in ((-0.18, "S1", "first order S1"), (0.18, "ST", "total ST")):
            err = np.vstack([t[col] - t[col + "_lo"], t[col + "_hi"] - t[col]]).clip(min=0)
            ax.barh(pos + off, t[col], height=0.34, xerr=err, capsize=3, label=lab)
        ax.set_xlabel("Sobol index (share of output variance), 95% bootstrap interval")
    else:
        ax.barh(pos - 0.18, t["mu_star"], height=0.34, label="mu* (mean |elementary effect|)")
        ax.barh(pos + 0.18, t["sigma"], height=0.34, label="sigma (interactions, non-linearity)")
        ax.set_xlabel("elementary effect per unit of the parameter's range")
    ax.set_yticks(pos, t.index)
    ax.set_ylabel("swept parameter")
    what = f"{table.attrs.get('output', '')} {table.attrs.get('year', '')}".strip()
    ax.set_title(f"Sensitivity of {what}: parameters ranked" if what else "Sensitivity: parameters ranked")
    ax.legend(fontsize=8, loc="lower right")
    fig.tight_layout()
    return fig


def save_figure(fig, stem, formats=("png", "svg")):
    """Writes STEM.png and STEM.svg (through atomic.write_atomically); returns the paths."""
    import io
    from .atomic import write_atomically
    paths = []
    for fmt in formats:
        p = f"{stem}.{fmt}"
        buf = io.BytesIO()
        fig.savefig(buf, format=fmt, dpi=110 if fmt == "png" else None)
        write_atomically(p, buf.getvalue())
        paths.append(p)
    return paths
