"""Tables as files people open: CSV that Excel reads correctly (UTF-8 with a
byte-order mark, each column's units in its header) and one .xlsx workbook (a
sheet per table, a sheet of definitions, a sheet of provenance; Debian's
python3-openpyxl). Used by the report, and by `hukou evaluate/compare --export
FILE.xlsx`, which hand over their tables as a bundle directory of such CSV files:

    BUNDLE/1_evaluation.csv, 2_county_scores.csv, ...   one per table, in order
    BUNDLE/definitions.csv    table, column, units, meaning
    BUNDLE/provenance.csv     key, value

`python3 -m hukou_analysis.export BUNDLE OUT.xlsx` makes the workbook (OUT `-`: on
stdout, which is how `hukou` runs it and writes the file itself)."""
import csv
import io
import os
import re
import sys

import pandas as pd

from .atomic import write_atomically

BOM = "\ufeff"
DEFINITIONS = ["table", "column", "units", "meaning"]


def header(column, units):
    return f"{column} ({units})" if units else column


def csv_text(df, units=None):
    """DF as CSV text for spreadsheets: byte-order mark, "name (units)" headers."""
    units = units or {}
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow([header(c, units.get(c, "")) for c in df.columns])
    for row in df.itertuples(index=False):
        w.writerow(["" if isinstance(v, float) and v != v else v for v in row])
    return BOM + out.getvalue()


def workbook_bytes(sheets, definitions, provenance):
    """An .xlsx workbook: SHEETS is [(name, DataFrame whose headers carry units)],
    DEFINITIONS a DataFrame of DEFINITIONS columns, PROVENANCE [(key, value)]."""
    from openpyxl import Workbook
    from openpyxl.styles import Font
    wb = Workbook()
    wb.remove(wb.active)
    named = list(sheets) + [("definitions", definitions[DEFINITIONS]),
                            ("provenance", pd.DataFrame(provenance, columns=["key", "value"]))]
    for name, df in named:
        ws = wb.create_sheet(re.sub(r"[\[\]:*?/\\]", "_", name)[:31])
        ws.append(list(df.columns))
        for row in df.itertuples(index=False):
            ws.append([None if isinstance(v, float) and v != v else (v.item() if hasattr(v, "item") else v)
                       for v in row])
        for cell in ws[1]:
            cell.font = Font(bold=True)
        ws.freeze_panes = "A2"
        for i, col in enumerate(df.columns, start=1):
            width = max([len(str(col))] + [len(str(v)) for v in df.iloc[:, i - 1].head(200)])
            ws.column_dimensions[ws.cell(row=1, column=i).column_letter].width = min(60, width + 2)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def write_workbook(path, sheets, definitions, provenance):
    write_atomically(path, workbook_bytes(sheets, definitions, provenance))
    return path


def read_bundle(directory):
    """The sheets, definitions and provenance of a bundle directory (module doc)."""
    tables = sorted((int(m[1]), m[2], f) for f in os.listdir(directory)
                    if (m := re.fullmatch(r"(\d+)_(.+)\.csv", f)))
    read = lambda f: pd.read_csv(os.path.join(directory, f), encoding="utf-8-sig",  # noqa: E731
                                 keep_default_na=False, na_values=["nan", "NaN"])
    sheets = [(name, read(f)) for _, name, f in tables]
    provenance = [tuple(r) for r in read("provenance.csv").astype(str).itertuples(index=False)]
    return sheets, read("definitions.csv"), provenance


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    if len(argv) != 2:
        print("usage: python3 -m hukou_analysis.export BUNDLE_DIR OUT.xlsx", file=sys.stderr)
        return 2
    try:
        if argv[1] == "-":
            sys.stdout.buffer.write(workbook_bytes(*read_bundle(argv[0])))
            sys.stdout.flush()
        else:
            write_workbook(argv[1], *read_bundle(argv[0]))
    except ImportError as e:
        print(f"hukou export: {e}: install python3-openpyxl (scripts/install-deps)", file=sys.stderr)
        return 1
    except OSError as e:
        print(f"hukou export: {e}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
