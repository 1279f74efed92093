"""A stand-in for Slurm's sbatch and srun, enough to run docs/cluster.md's scripts
on one machine: jobs run at once, one after the other, and a dependent job runs
only if its dependency's every task exited 0. State and logs go to
$FAKE_SLURM_DIR: jobs.txt (one line per task: job id, task id or -, exit code).
Installed as `sbatch` and `srun` by symlinks; the name says which it is."""
import os
import re
import subprocess
import sys

STATE = os.environ["FAKE_SLURM_DIR"]


def expand(spec):
    spec = spec.split("%")[0]  # a concurrency limit does not change the tasks
    ids = []
    for part in spec.split(","):
        m = re.fullmatch(r"(\d+)(?:-(\d+)(?::(\d+))?)?", part)
        if not m:
            sys.exit(f"sbatch: error: invalid --array '{spec}'")
        lo, hi, step = int(m[1]), int(m[2] or m[1]), int(m[3] or 1)
        ids += range(lo, hi + 1, step)
    return sorted(set(ids))


def options(argv):
    opts, rest = {}, list(argv)
    while rest and rest[0].startswith("-"):
        a = rest.pop(0)
        key, eq, value = a.partition("=")
        if key in ("--parsable",):
            opts[key] = True
        elif eq:
            opts[key] = value
        else:
            opts[key] = rest.pop(0)
    return opts, rest


def script_options(path):
    found = {}
    for line in open(path, encoding="utf-8"):
        if line.startswith("#SBATCH"):
            key, _, value = line.split("#", 2)[1].split(None, 1)[1].strip().partition("=")
            found[key] = value.split()[0] if value else True
    return found


def mebibytes(text):
    m = re.fullmatch(r"(\d+)([KMGT]?)", text)
    return int(m[1]) * {"K": 1 / 1024, "": 1, "M": 1, "G": 1024, "T": 1024 ** 2}[m[2]]


def record(job, task, code):
    with open(os.path.join(STATE, "jobs.txt"), "a") as f:
        f.write(f"{job} {task} {code}\n")


def finished_ok(job):
    rows = [l.split() for l in open(os.path.join(STATE, "jobs.txt"))] if os.path.exists(
        os.path.join(STATE, "jobs.txt")) else []
    codes = [r[2] for r in rows if r[0] == job]
    return bool(codes) and all(c == "0" for c in codes)


def sbatch(argv):
    opts, rest = options(argv)
    if rest:
        opts = {**script_options(rest[0]), **opts}
    counter = os.path.join(STATE, "next_id")
    job = str(int(open(counter).read()) if os.path.exists(counter) else 1000)
    open(counter, "w").write(str(int(job) + 1))
    dep = opts.get("--dependency")
    if dep:
        kind, _, ids = dep.partition(":")
        assert kind == "afterok", dep
        if not all(finished_ok(i) for i in ids.split(":")):
            record(job, "-", "DependencyNeverSatisfied")
            print(job if opts.get("--parsable") else f"Submitted batch job {job}")
            return
    env = dict(os.environ, SLURM_JOB_ID=job)
    if "--cpus-per-task" in opts:
        env["SLURM_CPUS_PER_TASK"] = str(opts["--cpus-per-task"])
    if "--mem" in opts:
        env["SLURM_MEM_PER_NODE"] = str(int(mebibytes(opts["--mem"])))
    if "--wrap" in opts:
        cmd = ["sh", "-c", opts["--wrap"]]
        tasks = [None]
    else:
        cmd = ["bash", rest[0]]
        tasks = expand(opts["--array"]) if "--array" in opts else [None]
    for t in tasks:
        e = dict(env)
        if t is not None:
            e.update(SLURM_ARRAY_JOB_ID=job, SLURM_ARRAY_TASK_ID=str(t), SLURM_ARRAY_TASK_COUNT=str(len(tasks)),
                     SLURM_ARRAY_TASK_MIN=str(tasks[0]), SLURM_ARRAY_TASK_MAX=str(tasks[-1]))
        log = os.path.join(STATE, f"slurm-{job}_{'-' if t is None else t}.out")
        with open(log, "w") as out:
            code = subprocess.run(cmd, env=e, stdout=out, stderr=subprocess.STDOUT).returncode
        record(job, "-" if t is None else t, code)
    # Real sbatch --parsable prints "id" or "id;cluster": the docs must cope with both.
    print(f"{job};fake" if opts.get("--parsable") else f"Submitted batch job {job}")


if __name__ == "__main__":
    if os.path.basename(sys.argv[0]) == "srun":
        _, rest = options(sys.argv[1:])
        os.execvp(rest[0], rest)
    sbatch(sys.argv[1:])
