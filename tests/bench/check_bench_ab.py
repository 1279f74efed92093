"""Checks of scripts/bench-ab: it runs two builds (here one build against itself)
and reports a row per phase that ran, the periods, the kernel and the goal ratio,
consistently (never how fast).

Usage: check_bench_ab.py BENCH_AB HUKOU
"""
import re
import subprocess
import sys

PHASES = ["demography", "moves+jobs+permits", "housing+eligibility", "decision", "accounting"]


def main():
    script, hukou = sys.argv[1], sys.argv[2]
    out = subprocess.run(["/usr/bin/python3", script, "--rounds", "2", "--agents", "20000", hukou, hukou],
                         capture_output=True, text=True, check=True).stdout
    rows = {}
    for line in out.splitlines()[2:]:
        m = re.match(r"(.+?) {2,}(\S+) +(\S+) +(\S+)$", line)
        assert m, f"a row without two values and a change: {line!r}"
        rows[m.group(1).strip()] = [None if v == "-" else float(v) for v in m.groups()[1:3]]
    head = out.splitlines()[0]
    m = re.search(r"fast-state runs: old (\d+), new (\d+)", head)
    assert m, head
    old, new = (int(n) for n in m.groups())
    assert 0 <= old <= 2 and 0 <= new <= 2 and old + new >= 1, head  # the fastest run is in the fast state
    for key in PHASES + ["periods", "population build", "kernel ns/decision", "median period rate / kernel (all runs)"]:
        assert key in rows, f"no row {key!r} in:\n{out}"
    # The periods' time is the sum of the phases' (the bench times each sweep inside
    # each period): within 50 %, so a row counted in other units shows.
    for col in (0, 1):
        if rows["periods"][col] is None:
            continue
        phases = sum(rows[k][col] for k in PHASES)
        assert 0.9 * phases <= rows["periods"][col] <= 1.5 * phases + 1e-3, (rows["periods"][col], phases, out)
    assert all(0.0 < v < 10.0 for v in rows["median period rate / kernel (all runs)"]), out
    print("bench-ab reports every row, consistently")


if __name__ == "__main__":
    main()
