"""hukou_analysis: load hukou run files into xarray / pandas, plot them, write a report.

For Debian's /usr/bin/python3 (h5py, xarray, pandas, matplotlib, scipy from apt). See
docs/analysis.md. One call each:

    from hukou_analysis import load_run, load_comparison, evaluation_table
    ds = load_run("taiyuan.h5")                       # xarray.Dataset
    diff = load_comparison("base.h5", "whatif.h5")    # paired differences per replicate
    evaluation_table(ds)                              # pandas.DataFrame of targets
"""
from .load import (  # noqa: F401
    ComparisonError,
    comparison_summary,
    compute_evaluation,
    county_scores,
    evaluation_table,
    indicator,
    load_comparison,
    load_run,
    load_sensitivity,
    load_sweep,
    swept_parameters,
    run_frame,
)

__version__ = "0.1.0"
