"""Checks of scripts/bench-ab: it runs two builds (here one build against itself)
and reports both builds' figures in a table of known rows. Nothing here depends on
how fast the machine is or how loaded: which phases are fast enough to be listed,
and the figures themselves, are never asserted.

Usage: check_bench_ab.py BENCH_AB HUKOU
"""
import math
import os
import re
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from check_bench import PHASES  # noqa: E402  the bench's phases, listed once

ROUNDS, AGENTS = 2, 20000
ALWAYS = ["periods", "population build", "kernel ns/decision"]  # rows bench-ab always prints
MEDIAN = "median period rate / kernel (all runs)"


def cell(v):
    return None if v == "-" else float(v)


def main():
    script, hukou = sys.argv[1], sys.argv[2]
    done = subprocess.run(["/usr/bin/python3", script, "--rounds", str(ROUNDS), "--agents", str(AGENTS), hukou, hukou],
                          capture_output=True, text=True, timeout=550)
    assert done.returncode == 0, (done.returncode, done.stderr)
    # One progress line per run on stderr: every round ran both builds.
    progress = [ln for ln in done.stderr.splitlines() if ln.startswith("round ")]
    assert len(progress) == 2 * ROUNDS, done.stderr
    lines = done.stdout.splitlines()
    head = re.match(rf"{AGENTS} agents, 1 thread\(s\), 3 periods, {ROUNDS} rounds; "
                    r"fast-state runs: old (\d+), new (\d+) ", lines[0])
    assert head, lines[0]
    fast = [int(n) for n in head.groups()]
    # The fastest kernel seen is in the fast state by definition, whatever the load.
    assert all(0 <= n <= ROUNDS for n in fast) and sum(fast) >= 1, lines[0]
    assert lines[1].split()[-3:] == ["old", "new", "change"], lines[1]

    rows = {}
    for line in lines[2:]:
        m = re.match(r"(.+?) {2,}(\S+) +(\S+) +(\S+)$", line)
        assert m, f"a row without two values and a change: {line!r}"
        label = m.group(1).strip()
        assert label not in rows, f"row {label!r} twice"
        rows[label] = [cell(v) for v in m.groups()[1:3]]
    for label in ALWAYS + [MEDIAN]:
        assert label in rows, f"no row {label!r} in:\n{done.stdout}"
    unknown = set(rows) - set(PHASES) - set(ALWAYS) - {MEDIAN}
    assert not unknown, f"rows that are no phase of the bench: {unknown}"
    # Each build's column: its fastest fast-state run, so a figure exactly when the
    # build had one; the median is over all runs, so always a figure.
    for label, values in rows.items():
        for col, v in enumerate(values):
            if label == MEDIAN or fast[col] > 0:
                assert v is not None and math.isfinite(v) and v >= 0, (label, values, done.stdout)
            else:
                assert v is None, (label, values, done.stdout)
    assert all(v > 0 for v in rows[MEDIAN]), done.stdout
    print(f"bench-ab reports both builds' figures in {len(rows)} rows")


if __name__ == "__main__":
    main()
