import os
import warnings

import matplotlib
import pytest

from hukou_analysis import fonts, plots


def _check_saved(fig, stem):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        paths = plots.save_figure(fig, str(stem))
    missing = [str(w.message) for w in caught if "missing from" in str(w.message)]
    assert not missing, missing  # every glyph (Chinese zone names too) is in the font
    assert [os.path.splitext(p)[1] for p in paths] == [".png", ".svg"]
    for p in paths:
        assert os.path.getsize(p) > 5000, p
    img = matplotlib.image.imread(paths[0])
    assert img.shape[0] > 300 and img.shape[1] > 500
    assert img.std() > 0.05  # not blank


def _texts(fig):
    out = []
    for ax in fig.axes:
        out += [ax.get_title(), ax.get_xlabel(), ax.get_ylabel()]
        out += [t.get_text() for t in ax.get_yticklabels()]
        if ax.get_legend():
            out += [t.get_text() for t in ax.get_legend().get_texts()]
    if fig._suptitle:
        out.append(fig._suptitle.get_text())
    return " | ".join(out)


def test_cjk_font_found():
    path = fonts.find_cjk_font()
    assert os.path.isfile(path)
    family = fonts.use_cjk_font()
    from matplotlib import font_manager
    f = font_manager.FontProperties(family=family)
    assert font_manager.findfont(f, fallback_to_default=False) == path


def test_cjk_font_missing_is_clear(monkeypatch, tmp_path):
    monkeypatch.setenv("HUKOU_CJK_FONT", str(tmp_path / "none.ttc"))
    with pytest.raises(fonts.FontError, match="HUKOU_CJK_FONT"):
        fonts.find_cjk_font()
    monkeypatch.delenv("HUKOU_CJK_FONT")
    monkeypatch.setenv("PATH", str(tmp_path))  # no fc-list
    with pytest.raises(fonts.FontError, match="fonts-noto-cjk"):
        fonts.find_cjk_font()


def test_plot_urbanization(runs, tmp_path):
    fig = plots.plot_urbanization(runs["base"])
    t = _texts(fig)
    assert "registered" in t and "resident" in t and "%" in t and "target (final year)" in t and "5%–95%" in t
    _check_saved(fig, tmp_path / "urbanization")


def test_plot_settlements(runs, tmp_path):
    fig = plots.plot_settlements(runs["qiannan"])
    t = _texts(fig)
    assert "by channel" in t and "by zone" in t and "都匀市" in t and "relocation" in t and "persons" in t
    _check_saved(fig, tmp_path / "settlements")


def test_plot_difference(runs, tmp_path):
    fig = plots.plot_difference(runs["base"], runs["whatif"])
    t = _texts(fig)
    assert "percentage points" in t and "confidence interval" in t and "what-if − baseline" in t
    _check_saved(fig, tmp_path / "difference")


def test_plot_effects(runs, tmp_path):
    import io
    import numpy as np
    import pandas as pd
    from conftest import hukou
    table = pd.read_csv(io.StringIO(hukou("compare", runs["base"], runs["whatif"], "--csv", "--all-years",
                                          "--indicator", "registered_urbanization_rate",
                                          "--indicator", "settlements").stdout))
    fig = plots.plot_effects(table)
    t = _texts(fig)
    assert "median paired effect" in t and "central 90% of paired effects" in t and "percentage points" in t
    assert len(fig.axes) == 2
    # The line is the median effect, in percentage points for the rate.
    line = fig.axes[0].get_lines()[0]
    rate = table[table.indicator == "registered_urbanization_rate"]
    assert list(line.get_xdata()) == list(rate.year) and np.allclose(line.get_ydata(), rate.effect_median * 100)
    _check_saved(fig, tmp_path / "effects")


def test_plot_county_scores(runs, tmp_path):
    fig = plots.plot_county_scores(runs["qiannan"])
    t = _texts(fig)
    assert "out of 100" in t and "三都县" in t
    _check_saved(fig, tmp_path / "county")
    assert plots.plot_county_scores(runs["base"]) is None


def test_plot_sweep_response(sweep, tmp_path):
    from hukou_analysis import load_sweep
    fig = plots.plot_sweep_response(load_sweep(sweep))
    assert len([a for a in fig.axes if a.collections]) == 2  # one panel per swept parameter
    assert "zones.小店区.wage" in _texts(fig)
    _check_saved(fig, tmp_path / "sweep_response")


def test_plot_sensitivity(sweep, tmp_path):
    from hukou_analysis import load_sensitivity
    fig = plots.plot_sensitivity(load_sensitivity(sweep))
    texts = _texts(fig)
    assert "first order S1" in texts and "total ST" in texts and "decision.asc_settle" in texts
    _check_saved(fig, tmp_path / "sensitivity")