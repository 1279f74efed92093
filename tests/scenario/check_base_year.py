"""Base-year inputs cite data up to the base year only (issue 23, item 1).

Usage: check_base_year.py SOURCE_DIR SCENARIO   (SCENARIO: a stem of scenarios/*.toml, or "format")

A data citation names a row of scenarios/data/statistics.csv or ../shared/data/statistics.csv
(docs/scenarios.md, "Data citations"):

    Place,YEARS[,indicator ...]

Place is the `place` column (an ASCII name, optionally `-County`: `Taiyuan`, `Shaoxing-Shengzhou`,
`Qiannan-Weng_an`); YEARS is one year (`2017`), several joined by `|` or `/` (`2010|2020`: one row
each) or a span `2016-2020` (a row whose `year` column is that span). No space around the commas.

For SCENARIO, every citation in the base-year block (from the line `# --- Base year` to the first
table header or the next `# ---` rule) and in the comments of the [population] table must name only
years at or before the scenario's `base_year`, and each place and year must occur in one of the two
statistics files (when ../shared is here). A year after the base year written in the prose of those
comments (`46.0% in 2021`, `between the 2010 and 2020 censuses`, `2023 统计公报`) is an input from
later data in words rather than a citation, and fails the same way. A line that says `Check:` is
exempt from both rules: it compares the base year with later data and feeds no input.
Prints one line per offending citation (file:line: citation: reason) and exits 1 if there is any.

"format" checks the parser itself on made-up lines (it must find what it should and no more), so
a regular expression that silently matches nothing cannot pass the scenario checks.
"""
import csv
import os
import re
import sys

YEAR = r"(?:19|20)\d\d"
# A place: capitalised ASCII words joined by `-` (a county), `_` inside a word; then the year(s).
CITATION = re.compile(r"(?<![A-Za-z0-9_.-])([A-Z][A-Za-z_]*(?:-[A-Z][A-Za-z_]*)?),"
                      rf"({YEAR}(?:-{YEAR})?(?:[|/]{YEAR}(?:-{YEAR})?)*)(?![0-9])")
PROSE_YEAR = re.compile(rf"(?<![0-9])({YEAR})(?![0-9])")
CHECK_ONLY = "Check:"
BASE_YEAR = re.compile(r"^base_year\s*=\s*(\d{4})")
TABLE = re.compile(r"^\s*\[")


def citations(line):
    """(text, place, [year strings as in the statistics files]) for each citation on one line."""
    found = []
    for m in CITATION.finditer(line):
        place, years = m.group(1), re.split(r"[|/]", m.group(2))
        found.append((m.group(0), place, years))
    return found


def last_year(year):
    """The latest calendar year a `year` column value covers (`2016-2020` -> 2020)."""
    return max(int(y) for y in year.split("-"))


def known_rows(source):
    """{(place, year column)} of both statistics files, or None when the shared one is not here.

    The shared file lies outside the repository (../shared, or $HUKOU_SHARED_DATA): without it a
    citation of one of its rows cannot be told from a typo, so rows are then not checked."""
    shared = os.environ.get("HUKOU_SHARED_DATA") or os.path.join(source, "..", "shared", "data", "statistics.csv")
    if not os.path.exists(shared):
        print(f"note: {shared} not found: places and years are not checked against the rows")
        return None
    rows = set()
    for path in (os.path.join(source, "scenarios", "data", "statistics.csv"), shared):
        with open(path, newline="", encoding="utf-8") as f:
            rows |= {(r["place"], r["year"]) for r in csv.DictReader(f)}
    return rows


def checked_lines(lines):
    """(line number, comment text) of the base-year block and of [population]'s comments."""
    out, where = [], None
    for n, line in enumerate(lines, 1):
        stripped = line.strip()
        if stripped.startswith("# --- Base year"):
            where = "base"
        elif stripped.startswith("# ---") and where == "base":
            where = None
        elif TABLE.match(line):
            where = "population" if stripped.startswith("[population]") else None
        if where is None:
            continue
        if where == "base" or "#" in line:
            text = line[line.index("#"):] if "#" in line else ""
            if text:
                out.append((n, text))
    return out


def check_scenario(source, stem, rows):
    path = os.path.join(source, "scenarios", stem + ".toml")
    with open(path, encoding="utf-8") as f:
        lines = f.read().splitlines()
    base = next((int(m.group(1)) for m in map(BASE_YEAR.match, lines) if m), None)
    if base is None:
        return [f"{path}: no base_year"]
    scope = checked_lines(lines)
    if not any(text.lstrip("# ").startswith("--- Base year") for _, text in scope):
        return [f"{path}: no '# --- Base year' block"]
    bad = []
    for n, text in scope:
        if CHECK_ONLY in text:
            continue
        for cited, place, years in citations(text):
            late = [y for y in years if last_year(y) > base]
            if late:
                bad.append(f"{path}:{n}: {cited}: {', '.join(late)} is after base_year {base}")
            missing = [y for y in years if rows is not None and (place, y) not in rows]
            if missing:
                bad.append(f"{path}:{n}: {cited}: no row {place},{' '.join(missing)} in the statistics files")
        late = [y for y in PROSE_YEAR.findall(CITATION.sub("", text)) if int(y) > base]
        if late:
            bad.append(f"{path}:{n}: {', '.join(late)} after base_year {base}, in words: {text.strip()[:70]}")
    return bad


def check_format():
    """The parser finds what docs/scenarios.md says a citation is, and nothing else."""
    cases = {
        "# 437.97万 (Taiyuan,2017,常住人口 derived).": [("Taiyuan", ["2017"])],
        "# (Dandong,2010|2020,性别比) and Shaoxing-Shengzhou,2020.": [("Dandong", ["2010", "2020"]),
                                                                    ("Shaoxing-Shengzhou", ["2020"])],
        "# (China,2016-2020 target row); Qiannan-Weng_an,2020; Dandong,2010/2020 rows": [
            ("China", ["2016-2020"]), ("Qiannan-Weng_an", ["2020"]), ("Dandong", ["2010", "2020"])],
        "# no citation: 2021 statistics, in 2020, Taiyuan, 2017, 1,2017, x.Taiyuan,2017": [],
    }
    bad = []
    for line, want in cases.items():
        got = [(p, y) for _, p, y in citations(line)]
        if got != want:
            bad.append(f"format: {line!r}: found {got}, expected {want}")
    toml = ["base_year = 2017", "# --- Base year 2017", "# Taiyuan,2018,x", "# --- Targets", "# 2018", "[demography]",
            "# Taiyuan,2019,y (outside the checked blocks)", "[population]", "a = 1  # Taiyuan,2020,z"]
    if [n for n, _ in checked_lines(toml)] != [2, 3, 9]:
        bad.append(f"format: checked lines {[n for n, _ in checked_lines(toml)]}, expected [2, 3, 9]")
    return bad


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    source, what = sys.argv[1], sys.argv[2]
    bad = check_format() if what == "format" else check_scenario(source, what, known_rows(source))
    for line in bad:
        print(line)
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
