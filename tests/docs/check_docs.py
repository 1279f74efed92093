"""Checks that the docs stay reference: short, linked, and true to the build.

Usage: check_docs.py SOURCE_DIR CHECK

performance: docs/performance.md has at most 300 lines and no measurement diary
    ("ninth session").
decisions: every record docs/decisions/NNNN-*.md is linked from docs/performance.md,
    has 10-40 lines, a title "# NNNN ..." and the sections Context, Decision,
    Invariant and Consequences.
links: every relative link in README.md, CHANGELOG.md, docs/*.md and
    docs/decisions/*.md names an existing file or directory, and its #anchor a
    heading of that file; a quoted section of docs/performance.md named in those
    files or in scripts/ ('docs/performance.md, "Reproduce"') is one of its headings.
architecture: docs/architecture.md's picture and table of parts name every
    directory of sim/ with a CMakeLists.txt, and each part's dependencies, in the
    picture ("X uses a, b") and in the table ("depends on"; "none" for a part that
    links nothing), are the target_link_libraries of its CMakeLists.txt.
"""
import os
import re
import sys

PERFORMANCE_MAX_LINES = 300
RECORD_LINES = (10, 40)
RECORD_SECTIONS = ["Context", "Decision", "Invariant", "Consequences"]
DIARY = re.compile(r"\b(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(st|nd|rd|th)) session\b",
                   re.IGNORECASE)
LINK = re.compile(r"\[[^\]]*\]\(([^)\s]+)\)")
# How docs/architecture.md names what a part links to (CMake name -> doc name).
EXTERNAL = {"Eigen3::Eigen": "Eigen", "TBB::tbb": "oneTBB", "hdf5::hdf5": "HDF5", "hdf5::hdf5_hl": "HDF5",
            "tomlplusplus::tomlplusplus": "toml++", "CLI11::CLI11": "CLI11", "MPI::MPI_CXX": "MPI"}


def read(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


def prose(text):
    """The text without fenced code blocks and inline code, where links are not links."""
    text = re.sub(r"^```.*?^```", "", text, flags=re.DOTALL | re.MULTILINE)
    return re.sub(r"`[^`\n]*`", "", text)


def slug(heading):
    """GitHub's anchor for a heading."""
    s = re.sub(r"[^\w\- ]", "", heading.strip().lower())
    return s.replace(" ", "-")


def anchors(path):
    found, seen = set(), {}
    for line in prose(read(path)).splitlines():
        m = re.match(r"#{1,6}\s+(.*)", line)
        if m:
            s = slug(m.group(1))
            n = seen.get(s, 0)
            seen[s] = n + 1
            found.add(s if n == 0 else f"{s}-{n}")
    return found


def headings(path):
    return {re.sub(r"^#+\s+", "", line).strip() for line in read(path).splitlines() if line.startswith("#")}


def doc_files(src):
    files = [os.path.join(src, "README.md"), os.path.join(src, "CHANGELOG.md")]
    for d in ("docs", os.path.join("docs", "decisions")):
        full = os.path.join(src, d)
        files += sorted(os.path.join(full, f) for f in os.listdir(full) if f.endswith(".md"))
    return files


def records(src):
    d = os.path.join(src, "docs", "decisions")
    return sorted(f for f in os.listdir(d) if re.match(r"\d{4}-.*\.md$", f))


def check_performance(src):
    text = read(os.path.join(src, "docs", "performance.md"))
    n = len(text.splitlines())
    assert n <= PERFORMANCE_MAX_LINES, f"docs/performance.md has {n} lines, more than {PERFORMANCE_MAX_LINES}"
    m = DIARY.search(text)
    assert not m, f"docs/performance.md tells which session did what: {m.group(0)!r}"


def check_decisions(src):
    recs = records(src)
    assert recs, "no decision records in docs/decisions"
    perf = os.path.join(src, "docs", "performance.md")
    linked = {os.path.normpath(os.path.join(os.path.dirname(perf), t.split("#")[0]))
              for t in LINK.findall(prose(read(perf)))}
    numbers = set()
    for name in recs:
        path = os.path.join(src, "docs", "decisions", name)
        assert os.path.normpath(path) in linked, f"docs/decisions/{name} is not linked from docs/performance.md"
        text = read(path)
        n = len(text.splitlines())
        assert RECORD_LINES[0] <= n <= RECORD_LINES[1], f"docs/decisions/{name} has {n} lines, not {RECORD_LINES}"
        number = name[:4]
        assert number not in numbers, f"two decision records numbered {number}"
        numbers.add(number)
        assert text.startswith(f"# {number} "), f"docs/decisions/{name}: the title must start with '# {number} '"
        sections = [line[3:].strip() for line in text.splitlines() if line.startswith("## ")]
        assert sections == RECORD_SECTIONS, f"docs/decisions/{name}: sections {sections}, expected {RECORD_SECTIONS}"


def check_links(src):
    problems = []
    for path in doc_files(src):
        rel = os.path.relpath(path, src)
        for target in LINK.findall(prose(read(path))):
            if re.match(r"[a-z][a-z0-9+.-]*:", target):  # http:, https:, mailto:
                continue
            file, _, anchor = target.partition("#")
            dest = os.path.normpath(os.path.join(os.path.dirname(path), file)) if file else path
            if not os.path.exists(dest):
                problems.append(f"{rel}: link to {target}: no such file")
            elif anchor and (not dest.endswith(".md") or anchor not in anchors(dest)):
                problems.append(f"{rel}: link to {target}: no such heading")
    # Sections of docs/performance.md named by their title, in prose and in scripts.
    perf_headings = headings(os.path.join(src, "docs", "performance.md"))
    sources = doc_files(src) + [os.path.join(src, "scripts", f) for f in sorted(os.listdir(os.path.join(src, "scripts")))]
    for path in sources:
        text = re.sub(r"\s*\n\s*#?\s*", " ", read(path))  # titles may wrap, in comments too
        for title in re.findall(r'performance\.md\)?,? \(?(?:section )?"([^"]+)"', text):
            if title not in perf_headings:
                problems.append(f'{os.path.relpath(path, src)}: docs/performance.md has no section "{title}"')
    assert not problems, "\n".join(problems)


def cmake_dependencies(src):
    """{directory name: set of what its targets link to, as the docs name it}."""
    parts = {}
    sim = os.path.join(src, "sim")
    for d in sorted(os.listdir(sim)):
        lists = os.path.join(sim, d, "CMakeLists.txt")
        if not os.path.isfile(lists):
            continue
        text = re.sub(r"#[^\n]*", "", read(lists))
        own = set(re.findall(r"add_(?:library|executable)\(\s*(\S+)", text))
        deps = set()
        for args in re.findall(r"target_link_libraries\(([^)]*)\)", text):
            for item in args.split()[1:]:
                if item in ("PUBLIC", "PRIVATE", "INTERFACE") or item in own:
                    continue
                if item.startswith("hukou_"):
                    deps.add(item[len("hukou_"):])
                else:
                    assert item in EXTERNAL, f"sim/{d}/CMakeLists.txt links {item}: add its name to EXTERNAL"
                    deps.add(EXTERNAL[item])
        parts[d] = deps
    return parts


def check_architecture(src):
    text = read(os.path.join(src, "docs", "architecture.md"))
    parts = cmake_dependencies(src)
    internal = set(parts)
    # The picture: the first fenced block.
    picture = re.search(r"^```\n(.*?)^```", text, flags=re.DOTALL | re.MULTILINE).group(1)
    drawn = set(re.findall(r"^\s*sim/(\w+)\s", picture, flags=re.MULTILINE))
    assert drawn == internal, f"the picture shows {sorted(drawn)}, sim/ has {sorted(internal)}"
    uses = {}
    for part, names in re.findall(r"\b(\w+) uses ([\w, ]+)$", picture, flags=re.MULTILINE):
        assert part not in uses, f"the picture says twice what {part} uses"
        uses[part] = {n.strip() for n in names.split(",")}
    # The table: one row per directory.
    rows = {}
    for line in text.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 4 and cells[1].startswith("`sim/"):
            d = cells[1].strip("`")[len("sim/"):]
            rows[d] = {re.sub(r"\s*\(.*\)", "", n).strip() for n in cells[2].split(",")} - {"none"}
            targets = set(re.findall(r"`(\w+)`", cells[0]))
            lists = read(os.path.join(src, "sim", d, "CMakeLists.txt"))
            built = set(re.findall(r"add_(?:library|executable)\(\s*(\w+)", lists))
            assert targets == built, f"the table names {sorted(targets)} for sim/{d}, its CMakeLists.txt {sorted(built)}"
    assert set(rows) == internal, f"the table lists {sorted(rows)}, sim/ has {sorted(internal)}"
    for d, deps in parts.items():
        assert rows[d] == deps, f"the table says sim/{d} depends on {sorted(rows[d])}; CMake: {sorted(deps)}"
        want = deps & internal
        assert uses.get(d, set()) == want, f"the picture says {d} uses {sorted(uses.get(d, set()))}; CMake: {sorted(want)}"


CHECKS = {"performance": check_performance, "decisions": check_decisions, "links": check_links,
          "architecture": check_architecture}

if __name__ == "__main__":
    if len(sys.argv) != 3 or sys.argv[2] not in CHECKS:
        sys.exit(f"usage: check_docs.py SOURCE_DIR {{{','.join(CHECKS)}}}")
    CHECKS[sys.argv[2]](sys.argv[1])
    print(f"docs {sys.argv[2]}: ok")
