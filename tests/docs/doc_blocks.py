"""The code blocks of README.md and docs/*.md, with the marks that say how a test
treats them: HTML comments `<!-- docs-check: WORDS -->` on the lines just before a
block's opening fence (visible in the docs source, not in the rendered page)."""
import os
import re

FENCE = re.compile(r"^```(\w*)\s*$")
MARK = re.compile(r"^<!--\s*docs-check:\s*(.*?)\s*-->\s*$")


def doc_files(src):
    docs = os.path.join(src, "docs")
    return [os.path.join(src, "README.md")] + sorted(
        os.path.join(docs, f) for f in os.listdir(docs) if f.endswith(".md"))


def blocks(path):
    """[(language, text, marks, line number of the fence)] of one Markdown file; each
    mark is the text after "docs-check:", in order."""
    out, lines = [], open(path, encoding="utf-8").read().splitlines()
    i = 0
    while i < len(lines):
        m = FENCE.match(lines[i])
        if not m:
            i += 1
            continue
        marks, j = [], i - 1
        while j >= 0 and (mark := MARK.match(lines[j])):
            marks.insert(0, mark[1])
            j -= 1
        start, i = i, i + 1
        body = []
        while i < len(lines) and not lines[i].startswith("```"):
            body.append(lines[i])
            i += 1
        out.append((m[1], "\n".join(body) + "\n", marks, start + 1))
        i += 1
    return out
