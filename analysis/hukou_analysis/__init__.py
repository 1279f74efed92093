"""hukou_analysis: load hukou run files into xarray / pandas, plot them, write a report.

For Debian's /usr/bin/python3 (h5py, xarray, pandas, matplotlib, scipy from apt). See
docs/analysis.md. One call each:

    from hukou_analysis import load_run, load_comparison, evaluation_table
    ds = load_run("taiyuan.h5")                       # xarray.Dataset
    diff = load_comparison("base.h5", "whatif.h5")    # paired differences per replicate
    evaluation_table(ds)                              # the stored `hukou evaluate` table
"""
from .load import (  # noqa: F401
    ComparisonError,
    NotEvaluatedError,
    comparison_summary,
    county_scores,
    evaluation_table,
    indicator,
    kind,
    load_comparison,
    load_run,
    load_sensitivity,
    load_sweep,
    swept_parameters,
    targets,
    run_frame,
)

__version__ = "0.1.0"
