"""The numbers behind the report's plots and tables, offered for download inside
the self-contained HTML: each as CSV (export.csv_text: byte-order mark, units in
the headers) and all together as one .xlsx workbook, as data: links."""
import base64
import html

import pandas as pd

from .export import csv_text, workbook_bytes

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class Table:
    """A named table with units and meanings per column (for headers and definitions)."""

    def __init__(self, name, df, units=None, meanings=None):
        self.name, self.df, self.units, self.meanings = name, df.reset_index(drop=True), units or {}, meanings or {}

    def definitions(self):
        return [(self.name, c, self.units.get(c, ""), self.meanings.get(c, "")) for c in self.df.columns]

    def with_unit_headers(self):
        return self.df.rename(columns={c: f"{c} ({u})" for c, u in self.units.items() if u})


def urbanization_data(ds, band=(0.05, 0.95), inner=(0.25, 0.75)):
    cols, units, meanings = {"period": ds.period.values}, {}, {"period": "calendar year"}
    over = f"over runs (uncertainty: {ds.attrs.get('uncertainty', 'seeds only')})"
    for var, short in (("registered_urbanization_rate", "registered"), ("resident_urbanization_rate", "resident")):
        q = ds[var].quantile(list(band), dim="replicate").values
        qi = ds[var].quantile(list(inner), dim="replicate").values
        for name, v, what in ((f"{short}_mean", ds[var].mean("replicate").values, f"mean {over}"),
                              (f"{short}_lo", q[0], f"{band[0]:.0%} quantile {over}"),
                              (f"{short}_hi", q[1], f"{band[1]:.0%} quantile {over}"),
                              (f"{short}_q25", qi[0], f"{inner[0]:.0%} quantile {over}"),
                              (f"{short}_q75", qi[1], f"{inner[1]:.0%} quantile {over}")):
            cols[name], units[name], meanings[name] = v, "1", f"{short} urbanization rate, {what}"
    return Table("urbanization", pd.DataFrame(cols), units, meanings)


def settlements_data(ds):
    s = ds.settlements.mean("replicate")
    out = []
    for dim, other in (("channel", "zone"), ("zone", "channel")):
        df = s.sum(other).to_dataframe(name="persons").reset_index()[["period", dim, "persons"]]
        out.append(Table(f"settlements_by_{dim}", df, {"persons": "persons"},
                         {"persons": f"persons settled in the year by {dim}, mean over replicates"}))
    return out


def csv_link(table, label="data (CSV)"):
    data = base64.b64encode(csv_text(table.df, table.units).encode("utf-8")).decode("ascii")
    return (f'<a class="dl" download="{html.escape(table.name)}.csv" '
            f'href="data:text/csv;charset=utf-8;base64,{data}">{html.escape(label)}</a>')


def workbook_link(tables, provenance, stem,
                  label="all tables and plot data (.xlsx: a sheet per table, definitions, provenance)"):
    defs = pd.DataFrame([d for t in tables for d in t.definitions()], columns=["table", "column", "units", "meaning"])
    data = base64.b64encode(workbook_bytes([(t.name, t.with_unit_headers()) for t in tables], defs,
                                           provenance)).decode("ascii")
    return f'<a class="dl" download="{html.escape(stem)}.xlsx" href="data:{XLSX};base64,{data}">{html.escape(label)}</a>'
