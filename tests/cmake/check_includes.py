#!/usr/bin/python3
"""Parts use each other's public headers only. Reads the allow-list that
sim/CMakeLists.txt writes (one line per part: "part: header header ...") and every
#include "..." of sim/<part>/; fails on an include of another part's header that is
not listed, on a part with no line, and on a listed header that does not exist.

Usage: check_includes.py SIM_DIR PUBLIC_HEADERS_TXT"""
import os
import re
import sys

INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"', re.M)
SOURCES = (".cpp", ".hpp", ".h", ".def", ".in")


def main(sim, listing):
    public = {}
    for line in open(listing, encoding="utf-8"):
        if line.strip():
            part, _, names = line.partition(":")
            public[part.strip()] = set(names.split())
    parts = sorted(d for d in os.listdir(sim) if os.path.isdir(os.path.join(sim, d)))
    problems = [f"sim/{p}/ has no line in sim/CMakeLists.txt's HUKOU_PUBLIC_HEADERS" for p in parts if p not in public]
    for part, names in public.items():
        problems += [f"{part}: listed public header {n} does not exist" for n in sorted(names)
                     if not os.path.isfile(os.path.join(sim, part, n))]
    for part in parts:
        for root, _, files in os.walk(os.path.join(sim, part)):
            for name in sorted(f for f in files if f.endswith(SOURCES)):
                path = os.path.join(root, name)
                text = open(path, encoding="utf-8").read()
                for inc in INCLUDE.findall(text):
                    local = os.path.normpath(os.path.join(root, inc))
                    target = local if os.path.exists(local) else os.path.normpath(os.path.join(sim, inc))
                    rel = os.path.relpath(target, sim).split(os.sep)
                    if len(rel) < 2 or rel[0] == ".." or rel[0] == part:
                        continue  # outside sim/ (generated, system) or the part's own
                    header = "/".join(rel[1:])
                    if header not in public.get(rel[0], set()):
                        where = os.path.relpath(path, os.path.dirname(sim))
                        problems.append(f"{where} includes {inc}, which is not a public header of {rel[0]}")
    for p in problems:
        print("check_includes: " + p, file=sys.stderr)
    print(f"check_includes: {len(parts)} parts, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
