"""Every command shown in README.md and docs/*.md runs as shown.

Usage: check_commands.py HUKOU SOURCE_DIR WORKDIR DOC   (DOC: README or a docs/ page stem)

The code blocks of DOC run in order in one work directory (so a block can use the
files an earlier one wrote), with `hukou` on PATH: `sh` blocks by bash -e, `python`
blocks by /usr/bin/python3 (PYTHONPATH=analysis/), `r` blocks by Rscript; blocks
without a language (pictures, synopses) are text. Exceptions are marked in the docs
source, by a comment on the lines before the block's fence (doc_blocks.py):
  <!-- docs-check: skip REASON -->   not run, for the reason given
  <!-- docs-check: file NAME -->     the block is written to NAME (a toml example)
  <!-- docs-check: before CMD -->    CMD (shell) runs first, e.g. to link the sources' scenarios/
  <!-- docs-check: scale N -->       every `hukou run` gets --set scale=N (a full-size run is too long)
  <!-- docs-check: help -->          too long to run: each command is checked to exist, `hukou CMD`
                                     by `hukou CMD --help`, a script or tool by being executable
  <!-- docs-check: slurm NAME -->    run by check_slurm.py under fake sbatch instead
"""
import os
import re
import shlex
import shutil
import subprocess
import sys

from doc_blocks import blocks

HUKOU, SRC, WORK, DOC = sys.argv[1:5]
TIMEOUT = 1500


def commands(text):
    """The shell commands of a block: continuation lines joined, comments dropped."""
    joined = re.sub(r"\\\n\s*", " ", text)
    out = []
    for line in joined.splitlines():
        line = line.split(" #", 1)[0].strip()
        if line and not line.startswith("#"):
            out += [c.strip() for c in line.split("&&")]
    return out


def check_exists(cmd, env):
    words = shlex.split(cmd)
    prog = words[0]
    if prog == "hukou" or prog.endswith("/hukou"):
        sub = [w for w in words[1:3] if not w.startswith("-")][:1]
        if sub and sub[0] == "sweep" and len(words) > 2 and words[2] == "merge":
            sub.append("merge")
        p = subprocess.run([HUKOU, *sub, "--help"], capture_output=True, text=True, env=env)
        assert p.returncode == 0, f"`{cmd}`: `hukou {' '.join(sub)} --help` exited {p.returncode}: {p.stderr}"
    elif not shutil.which(prog, path=env["PATH"]):
        path = os.path.join(SRC, prog)
        assert os.access(path, os.X_OK), f"`{cmd}`: {prog} is neither installed nor an executable of the sources"


def run_block(lang, text, mk, where, cwd, env):
    modes = {m.split(None, 1)[0]: (m.split(None, 1) + [""])[1] for m in mk}
    unknown = set(modes) - {"skip", "file", "before", "scale", "help", "slurm"}
    assert not unknown, f"{where}: unknown docs-check mark {sorted(unknown)} (check_commands.py lists them)"
    if "skip" in modes or "slurm" in modes:
        assert modes.get("skip", modes.get("slurm")), f"{where}: a skip mark must give its reason"
        return
    if "file" in modes:
        with open(os.path.join(cwd, modes["file"]), "w", encoding="utf-8") as f:
            f.write(text)
        return
    if "before" in modes:
        p = subprocess.run(["bash", "-ec", modes["before"]], cwd=cwd, env=env, capture_output=True, text=True)
        assert p.returncode == 0, f"{where}: before: {p.stdout}{p.stderr}"
    if "help" in modes:
        for cmd in commands(text):
            check_exists(cmd, env)
        return
    if lang == "sh":
        prelude = ""
        if "scale" in modes:
            prelude = ('hukou() { if [ "$1" = run ]; then command hukou "$@" --set scale=%s; '
                       'else command hukou "$@"; fi; }\n' % int(modes["scale"]))
        argv = ["bash", "-e", "-c", prelude + text]
    elif lang == "python":
        argv = ["/usr/bin/python3", "-c", text]
    elif lang == "r":
        argv = ["Rscript", "-e", text]
    else:
        assert lang in ("", "text", "toml"), f"{where}: a ```{lang} block: run it, or mark it (check_commands.py)"
        return
    p = subprocess.run(argv, cwd=cwd, env=env, capture_output=True, text=True, timeout=TIMEOUT)
    assert p.returncode == 0, f"{where}: exited {p.returncode}\n--- stdout\n{p.stdout[-3000:]}\n--- stderr\n{p.stderr[-3000:]}"


def main():
    path = os.path.join(SRC, "README.md") if DOC == "README" else os.path.join(SRC, "docs", DOC + ".md")
    cwd = os.path.join(WORK, DOC)
    shutil.rmtree(cwd, ignore_errors=True)
    os.makedirs(cwd)
    bindir = os.path.join(cwd, ".bin")  # per page: the pages' tests run in parallel
    os.makedirs(bindir)
    os.symlink(os.path.abspath(HUKOU), os.path.join(bindir, "hukou"))
    env = {k: v for k, v in os.environ.items() if not k.startswith("SLURM_") and k != "SCRATCH"}
    env.update(PATH=f"{bindir}:{env['PATH']}", HUKOU_SOURCE_DIR=SRC,
               PYTHONPATH=os.path.join(SRC, "analysis"), MPLBACKEND="Agg")
    ran = 0
    for lang, text, mk, line in blocks(path):
        where = f"{os.path.relpath(path, SRC)}:{line}"
        run_block(lang, text, mk, where, cwd, env)
        ran += 1
    print(f"ok: {ran} blocks of {os.path.relpath(path, SRC)}")


main()
