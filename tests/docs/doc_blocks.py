"""The code blocks of README.md and docs/*.md, with the marks that say how a test
treats them: an HTML comment `<!-- docs-check: WORDS -->` on the line before a
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
    """[(language, text, mark words, line number of the fence)] of one Markdown file."""
    out, lines = [], open(path, encoding="utf-8").read().splitlines()
    i = 0
    while i < len(lines):
        m = FENCE.match(lines[i])
        if not m:
            i += 1
            continue
        mark = MARK.match(lines[i - 1]) if i > 0 else None
        start, i = i, i + 1
        body = []
        while i < len(lines) and not lines[i].startswith("```"):
            body.append(lines[i])
            i += 1
        out.append((m[1], "\n".join(body) + "\n", mark[1].split() if mark else [], start + 1))
        i += 1
    return out
