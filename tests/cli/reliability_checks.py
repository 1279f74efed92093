"""Regression checks of issue 25 (docs/reliability.md): outputs never harm what they
replace, no code runs from the working directory, failures end cleanly, nonsense is
refused. Each check fails on 5041036, before the fixes.

Usage: reliability_checks.py HUKOU WORKDIR SOURCE_DIR CHECK
"""
import concurrent.futures
import glob
import os
import random
import resource
import shutil
import signal
import stat
import subprocess
import sys
import time

import h5py
import numpy as np

HUKOU, WORK, SRC, CHECK = sys.argv[1], os.path.join(sys.argv[2], sys.argv[4]), sys.argv[3], sys.argv[4]
SMALL = ["--set", "scale=200", "--set", "horizon=2020", "-q"]  # Taiyuan, ~7000 agents, 3 periods


def hukou(*args, cwd=None, env=None, timeout=600, preexec=None):
    return subprocess.run([HUKOU, *args], capture_output=True, text=True, cwd=cwd or WORK, env=env,
                          timeout=timeout, preexec_fn=preexec)


def clean_failure(p, code, *words):
    """Exit `code` with one clear line naming what happened: no crash, no traceback."""
    err = p.stderr.strip()
    assert p.returncode == code, f"exit {p.returncode}, expected {code}\n{p.stdout}\n{p.stderr}"
    assert "Traceback" not in err and "Sanitizer" not in err and err, err
    for w in words:
        assert w in err, f"{w!r} not in {err!r}"


def leftovers(d):
    """Temporary or lock files left in a directory."""
    return [f for f in os.listdir(d) if f.endswith(".tmp") or f.endswith(".lock")]


def write(name, text):
    path = os.path.join(WORK, name)
    with open(path, "w") as f:
        f.write(text)
    return path


def small_run(name):
    p = hukou("run", "taiyuan", *SMALL, "-o", name)
    assert p.returncode == 0, p.stderr
    return os.path.join(WORK, name)


MINIMAL = open(os.path.join(SRC, "tests", "scenario", "good", "minimal.toml"), encoding="utf-8").read()


# --- 1. Output never harms what it replaces ------------------------------------------------

def check_symlink_tmp():
    victim = write("victim.txt", "precious\n")
    os.symlink(victim, os.path.join(WORK, "out.h5.tmp"))  # the temporary name 5041036 used
    p = hukou("run", "taiyuan", *SMALL, "-o", "out.h5")
    assert p.returncode == 0, p.stderr
    assert open(victim).read() == "precious\n", "the planted symlink was followed"
    assert os.path.islink(os.path.join(WORK, "out.h5.tmp"))
    # A symlink as the target itself is refused, its target untouched.
    os.symlink(victim, os.path.join(WORK, "link.h5"))
    p = hukou("run", "taiyuan", *SMALL, "-o", "link.h5")
    clean_failure(p, 2, "link.h5", "symbolic link")
    assert open(victim).read() == "precious\n" and os.path.islink(os.path.join(WORK, "link.h5"))
    assert leftovers(WORK) == ["out.h5.tmp"], leftovers(WORK)  # only the planted link


def check_output_special():
    fifo = os.path.join(WORK, "fifo")
    os.mkfifo(fifo)
    p = hukou("run", "taiyuan", *SMALL, "-o", fifo, timeout=120)
    clean_failure(p, 2, "fifo", "FIFO")
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode), "the FIFO was replaced"
    os.mkdir(os.path.join(WORK, "adir.h5"))
    clean_failure(hukou("run", "taiyuan", *SMALL, "-o", "adir.h5"), 2, "directory")
    if os.geteuid() == 0:  # a device node of our own, standing for /dev/null (which must not be risked)
        dev = os.path.join(WORK, "null")
        os.mknod(dev, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
        p = hukou("run", "taiyuan", *SMALL, "-o", dev)
        clean_failure(p, 2, "device")
        assert stat.S_ISCHR(os.lstat(dev).st_mode), "the device was replaced"
    # /dev/null itself: refused before anything is written (the check, not a replacement).
    p = hukou("run", "taiyuan", *SMALL, "-o", "/dev/null")
    clean_failure(p, 2, "/dev/null", "device")
    assert stat.S_ISCHR(os.lstat("/dev/null").st_mode)
    assert leftovers(WORK) == [], leftovers(WORK)


def check_output_onto_input():
    sc = write("my.toml", MINIMAL)
    os.link(sc, os.path.join(WORK, "other_name.toml"))
    for target in ("my.toml", "other_name.toml"):
        p = hukou("run", "my.toml", "-q", "-o", target)
        clean_failure(p, 2, target, "input")
        assert open(sc).read() == MINIMAL
    base = small_run("base.h5")
    before = open(base, "rb").read()
    p = hukou("compare", base, base, "--csv")
    assert p.returncode == 0, p.stderr
    p = hukou("report", base, "-o", base)  # the report over its own input
    clean_failure(p, 2, "input")
    assert open(base, "rb").read() == before


def holds_flock(pid, path):
    """Whether process `pid` holds a flock on the file at `path`, read from /proc/locks.

    Only reading: a probe that took the lock itself, even briefly, would make the
    process it watches fail to lock."""
    try:
        inode = os.stat(path).st_ino
    except FileNotFoundError:
        return False
    with open("/proc/locks") as f:
        for line in f:
            fields = line.split()
            if "FLOCK" in fields and str(pid) in fields and any(
                    x.count(":") == 2 and x.rsplit(":", 1)[1] == str(inode) for x in fields):
                return True
    return False


def start_run(scale, out):
    """A `hukou run` in the background, returned once it holds the lock of `out`.

    The lock file appears (open with O_CREAT) before the process holds its flock;
    waiting for the file alone left a window in which a second writer could take
    the lock first, or a signal find no cleanup registered yet."""
    p = subprocess.Popen([HUKOU, "run", "taiyuan", "--set", f"scale={scale}", "-q", "-o", out], cwd=WORK,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    lock = os.path.join(WORK, "." + out + ".lock")
    deadline = time.time() + 600
    while not holds_flock(p.pid, lock) and p.poll() is None and time.time() < deadline:
        time.sleep(0.02)
    assert p.poll() is None, "the run ended before it could be interrupted: " + p.communicate()[1]
    assert holds_flock(p.pid, lock), "the run did not lock its output within 600 s"
    return p


def check_concurrent_writers():
    first = start_run(20, "same.h5")
    # Stopped while holding the lock, the first run cannot finish (and release it)
    # before the second one tries, however slow the machine.
    first.send_signal(signal.SIGSTOP)
    try:
        second = hukou("run", "taiyuan", *SMALL, "-o", "same.h5")
    finally:
        first.send_signal(signal.SIGCONT)
    clean_failure(second, 1, "same.h5", "another hukou process")
    out, err = first.communicate(timeout=600)
    assert first.returncode == 0, err
    with h5py.File(os.path.join(WORK, "same.h5")) as f:
        assert f.attrs["scale"] == 20  # the first run's file, not the second's
    assert leftovers(WORK) == [], leftovers(WORK)


def check_signal_cleanup():
    p = start_run(5, "sig.h5")
    p.send_signal(signal.SIGTERM)
    _, err = p.communicate(timeout=120)
    assert p.returncode == 1 and "SIGTERM" in err, (p.returncode, err)
    assert os.listdir(WORK) == [], os.listdir(WORK)


# --- 2. No code from the working directory --------------------------------------------------

def check_hostile_python():
    run = small_run("r.h5")
    marker = os.path.join(WORK, "MARKER")
    evil = f"open({marker!r}, 'w').write('imported from the working directory')\n"
    for name in ("xarray.py", "h5py.py", "numpy.py", "matplotlib.py", "sitecustomize.py"):
        write(name, evil)
    os.makedirs(os.path.join(WORK, "hukou_analysis"))
    for name in ("__init__.py", "report.py"):
        write(os.path.join("hukou_analysis", name), evil)
    write("matplotlibrc", "backend: module://xarray\n")
    env = dict(os.environ, PYTHONPATH=WORK, PYTHONSTARTUP=os.path.join(WORK, "xarray.py"))
    p = hukou("report", "r.h5", "-o", "r.html", env=env, timeout=600)
    assert p.returncode == 0, p.stderr
    assert not os.path.exists(marker), "code from the working directory ran"
    assert "<!DOCTYPE html>" in open(os.path.join(WORK, "r.html"), encoding="utf-8").read()
    assert os.path.exists(run)


# --- 3. Fail cleanly, always ----------------------------------------------------------------

def damaged_variants(data, count, seed):
    """Bit flips (in the metadata-heavy first 8 KB and anywhere) and truncations of a run file."""
    rng = random.Random(seed)
    for i in range(count):
        b = bytearray(data)
        kind = i % 4
        if kind == 3:
            b = b[:rng.randrange(0, len(b))]
        else:
            span = 8192 if kind < 2 else len(b)
            for _ in range(rng.choice([1, 2, 8, 32])):
                pos = rng.randrange(0, min(span, len(b)))
                b[pos] ^= 1 << rng.randrange(8)
        yield bytes(b)


def check_damaged_files():
    good = small_run("good.h5")
    data = open(good, "rb").read()
    n = int(os.environ.get("HUKOU_DAMAGED_FILES", "40"))

    def one(i, b):  # each damaged file through evaluate and compare: the exit codes
        path = os.path.join(WORK, f"bad_{i}.h5")
        with open(path, "wb") as f:
            f.write(b)
        codes = []
        for args in (("evaluate", path, "--no-store"), ("compare", good, path)):
            p = hukou(*args, timeout=300)
            codes.append(p.returncode)
            # 1: damaged; 2: readable but refused (no targets, zones that no longer match).
            assert p.returncode in (0, 1, 2), f"{args}: exit {p.returncode}\n{p.stderr[-2000:]}"
            if p.returncode != 0:
                assert "bad_" in p.stderr and "Traceback" not in p.stderr, p.stderr
        os.remove(path)
        return codes

    # A few at a time: each command is short, and mostly waits for the file system and fork.
    with concurrent.futures.ThreadPoolExecutor(4) as pool:
        results = list(pool.map(lambda ib: one(*ib), enumerate(damaged_variants(data, n, 25))))
    codes = {}
    for c in (c for r in results for c in r):
        codes[c] = codes.get(c, 0) + 1
    # Empty and foreign files, and a file whose series has the wrong shape.
    write("empty.h5", "")
    clean_failure(hukou("evaluate", "empty.h5"), 1, "empty.h5")
    with h5py.File(os.path.join(WORK, "foreign.h5"), "w") as f:
        f["x"] = np.arange(3)
    clean_failure(hukou("compare", good, "foreign.h5"), 1, "foreign.h5", "not a hukou run file")
    shutil.copy(good, os.path.join(WORK, "shape.h5"))
    with h5py.File(os.path.join(WORK, "shape.h5"), "a") as f:
        del f["settlements"]
        f["settlements"] = np.zeros((1, 2))
    clean_failure(hukou("evaluate", "shape.h5"), 1, "shape.h5", "settlements")
    print("exit codes over", n, "damaged files x 2 commands:", codes)


def fsize_limit(nbytes):
    def limit():
        resource.setrlimit(resource.RLIMIT_FSIZE, (nbytes, nbytes))
    return limit


def check_disk_full():
    d = os.path.join(WORK, "out")
    os.makedirs(d)
    old = small_run("old.h5")
    shutil.copy(old, os.path.join(d, "r.h5"))
    before = open(old, "rb").read()
    p = hukou("run", "taiyuan", *SMALL, "-o", "out/r.h5", preexec=fsize_limit(20000))
    clean_failure(p, 1, "out/r.h5", "File too large")
    assert open(os.path.join(d, "r.h5"), "rb").read() == before, "the old file was harmed"
    assert sorted(os.listdir(d)) == ["r.h5"], os.listdir(d)
    # evaluate's store rewrites its input: the same.
    p = hukou("evaluate", "out/r.h5", "--store", preexec=fsize_limit(20000))
    clean_failure(p, 1, "r.h5", "File too large")
    assert open(os.path.join(d, "r.h5"), "rb").read() == before and sorted(os.listdir(d)) == ["r.h5"]
    # A sweep: its run files.
    sweep = write("s.toml", 'scenario = "taiyuan"\nset = ["scale=200", "horizon=2020"]\n[design]\nkind = "grid"\n'
                            '[[parameters]]\nkey = "decision.asc_settle"\nvalues = [-3.0, -2.0]\n')
    p = hukou("sweep", sweep, "-o", "sw", "-q", preexec=fsize_limit(20000))
    clean_failure(p, 1, "File too large")
    assert not glob.glob(os.path.join(WORK, "sw", "runs", "*")), os.listdir(os.path.join(WORK, "sw", "runs"))
    # A small tmpfs, where the machine allows mounting one (root in CI): a real full disk.
    tmpfs = os.path.join(WORK, "tmpfs")
    os.makedirs(tmpfs)
    if os.geteuid() == 0 and subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", tmpfs],
                                            capture_output=True).returncode == 0:
        try:
            p = hukou("run", "taiyuan", *SMALL, "-o", os.path.join(tmpfs, "r.h5"))
            clean_failure(p, 1, "No space left on device")
            assert os.listdir(tmpfs) == [], os.listdir(tmpfs)
        finally:
            subprocess.run(["umount", tmpfs])
    else:
        print("tmpfs not mountable here: RLIMIT_FSIZE only")


def sanitized():
    return "sanitizers" in hukou("--version").stdout


def check_out_of_memory():
    # Up front: a run that cannot fit is refused with the numbers (~2.2e9 bytes per 1e7 agents).
    p = hukou("run", "national", "--set", "scale=1", "-o", "big.h5")
    clean_failure(p, 1, "needs about", "GiB", "available")
    assert os.listdir(WORK) == [], os.listdir(WORK)
    # An allocation that fails after the estimate: bad_alloc, reported in one line, no abort.
    # Not under AddressSanitizer: its operator new reports a failed allocation and dies
    # instead of throwing, and it maps its own memory (RLIMIT_AS/RLIMIT_DATA break it).
    if sanitized():
        print("sanitizer build: the bad_alloc half of this check runs in non-sanitized builds only")
        return

    def limit():  # the heap fails while the estimate (which reads RLIMIT_AS) lets the run start
        resource.setrlimit(resource.RLIMIT_DATA, (60 << 20, 60 << 20))
    p = hukou("run", "taiyuan", "--set", "scale=2", "-q", "-o", "m.h5", preexec=limit)
    clean_failure(p, 1, "out of memory")
    assert len(p.stderr.strip().splitlines()) == 1, p.stderr
    assert leftovers(WORK) == [] and not os.path.exists(os.path.join(WORK, "m.h5")), os.listdir(WORK)


# --- 4. Nonsense is refused, not simulated --------------------------------------------------

def check_bounds():
    for args, words in [
        (("--set", "scale=1e-300"), ["scale", "too many agents"]),
        (("--set", "scale=1e6"), ["scale", "too few agents"]),
        (("--seed", "-1"), ["--seed", "-1"]),
        (("--seed", "18446744073709551615"), ["--seed"]),
    ]:
        p = hukou("run", "taiyuan", *args, "-q", "-o", "x.h5")
        clean_failure(p, 2, *words)
    events = MINIMAL.replace('name = "minimal"', 'name = "ev"') + (
        '\n[[channels]]\nname = "work"\nclause = "c"\ncondition = "true"\n'
        '\n[[events]]\nkind = "workplace_registration"\nzone = "小店区"\nyear = 2018\npersons = 1e300\n'
        'channel = "work"\nclause = "c"\n')
    write("ev.toml", events)
    clean_failure(hukou("check", "ev.toml"), 2, "ev.toml:", "events[1].persons", "out of range")
    zero = MINIMAL
    for k in ("rural_hukou_village = 50000", "rural_hukou_town = 80000", "migrants_outside = 120000"):
        zero = zero.replace(k, k.split("=")[0] + "= 0")
    write("zero.toml", zero)
    for cmd in ("check", "run"):
        clean_failure(hukou(cmd, "zero.toml", "-o", "z.h5") if cmd == "run" else hukou(cmd, "zero.toml"),
                      2, "zero.toml", "no agents")
    write("nul.toml", MINIMAL.replace('name = "小店区"', 'name = "小店\\u0000区"'))
    for cmd in (("check", "nul.toml"), ("run", "nul.toml", "-o", "n.h5")):
        clean_failure(hukou(*cmd), 2, "nul.toml:", "zones[1].name", "U+0000")
    assert sorted(os.listdir(WORK)) == ["ev.toml", "nul.toml", "zero.toml"], os.listdir(WORK)


def check_input_special():
    fifo = os.path.join(WORK, "scenario.toml")
    os.mkfifo(fifo)
    for cmd in ("check", "run"):
        clean_failure(hukou(cmd, fifo, timeout=30), 2, "FIFO")
    clean_failure(hukou("check", "/dev/zero", timeout=30), 2, "/dev/zero", "device")
    clean_failure(hukou("sweep", fifo, "-o", "d", timeout=30), 2, "FIFO")
    big = write("big.toml", MINIMAL + "\n# " + "x" * (5 << 20) + "\n")
    clean_failure(hukou("check", big), 2, "big.toml", "larger than the limit")
    clean_failure(hukou("evaluate", fifo, timeout=30), 2, "FIFO")


def check_sweep_limits():
    grid = write("g.toml", 'scenario = "taiyuan"\nset = ["scale=200"]\n[design]\nkind = "grid"\n' + "".join(
        f'[[parameters]]\nkey = "{k}"\nrange = [0.1, 0.9]\nlevels = 1000\n'
        for k in ("jobs.find_rate", "jobs.loss_rate", "housing.buy_rate")))  # 1e9 runs
    p = hukou("sweep", grid, "-o", "d", timeout=60)
    clean_failure(p, 2, "g.toml", "1e+09 runs", "at most")
    assert not os.path.exists(os.path.join(WORK, "d"))


SWEEP = ('scenario = "taiyuan"\nset = ["scale=200", "horizon=2020"]\nseed = 3\n[design]\nkind = "grid"\n'
         '[[parameters]]\nkey = "decision.asc_settle"\nvalues = [-4.0, -3.0, -2.0]\n')


def check_sweep_run_files():
    f = write("s.toml", SWEEP)
    p = hukou("sweep", f, "-o", "d", "-q")
    assert p.returncode == 0, p.stderr
    runs = os.path.join(WORK, "d", "runs")
    r = [os.path.join(runs, f"run_{i:06d}.h5") for i in range(3)]
    shutil.copy(r[0], r[1])                          # another run's file under this run's name
    open(r[2], "r+b").truncate(os.path.getsize(r[2]) // 2)  # truncated
    p = hukou("sweep", "merge", "d")
    clean_failure(p, 1, "run_000001.h5", "holds run 0", "run_000002.h5")
    p = hukou("sweep", f, "-o", "d", "--resume", "-q")
    assert p.returncode == 0 and "2 to run" in p.stdout, p.stdout + p.stderr
    for i, path in enumerate(r):
        with h5py.File(path) as h:
            assert h.attrs["sweep_run"] == str(i), (path, h.attrs["sweep_run"])
    open(r[1], "w").close()                          # empty
    clean_failure(hukou("sweep", "merge", "d"), 1, "run_000001.h5")
    other = write("o.toml", SWEEP.replace("seed = 3", "seed = 4"))
    assert hukou("sweep", other, "-o", "e", "-q").returncode == 0
    shutil.copy(os.path.join(WORK, "e", "runs", "run_000001.h5"), r[1])  # the same run of another sweep
    clean_failure(hukou("sweep", "merge", "d"), 1, "another sweep")


def check_sensitivity_nan():
    f = write("sobol.toml", 'scenario = "taiyuan"\nset = ["scale=200", "horizon=2020"]\n[design]\nkind = "sobol"\n'
                            'samples = 2\n[[parameters]]\nkey = "decision.asc_settle"\nrange = [-4.0, -2.0]\n')
    assert hukou("sweep", f, "-o", "d", "-q").returncode == 0
    assert hukou("sensitivity", "d").returncode == 0
    with h5py.File(os.path.join(WORK, "d", "runs", "run_000003.h5"), "a") as h:
        h["registered_urbanization_rate"][0, -1] = np.nan
    p = hukou("sensitivity", "d")
    clean_failure(p, 1, "run 3", "registered_urbanization_rate")


if __name__ == "__main__":
    shutil.rmtree(WORK, ignore_errors=True)
    os.makedirs(WORK)
    try:
        globals()["check_" + CHECK]()
    except AssertionError as e:
        print(f"FAILED {CHECK}: {e}", file=sys.stderr)
        sys.exit(1)
    print(f"ok {CHECK}")
