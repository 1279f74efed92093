"""The analysis package's one writer (hukou_analysis.atomic) keeps docs/reliability.md's
rules: exclusive temporary file in the target's directory, the replaced file's mode,
only a regular file replaced, nothing left behind on failure."""
import os
import stat

import pytest

from hukou_analysis.atomic import TargetError, write_atomically


def test_writes_and_keeps_the_replaced_mode(tmp_path):
    p = tmp_path / "out.html"
    write_atomically(p, b"one")
    assert p.read_bytes() == b"one"
    assert stat.S_IMODE(p.stat().st_mode) == 0o666 & ~_umask()
    os.chmod(p, 0o640)
    write_atomically(p, b"two")
    assert p.read_bytes() == b"two" and stat.S_IMODE(p.stat().st_mode) == 0o640
    assert sorted(os.listdir(tmp_path)) == ["out.html"]


def _umask():
    m = os.umask(0o022)
    os.umask(m)
    return m


@pytest.mark.parametrize("make", ["symlink", "fifo", "directory"])
def test_refuses_what_is_not_a_regular_file(tmp_path, make):
    victim = tmp_path / "victim"
    victim.write_text("precious")
    target = tmp_path / "out.html"
    if make == "symlink":
        target.symlink_to(victim)
    elif make == "fifo":
        os.mkfifo(target)
    else:
        target.mkdir()
    with pytest.raises(TargetError):
        write_atomically(target, b"x")
    assert victim.read_text() == "precious"
    assert not [f for f in os.listdir(tmp_path) if f.endswith(".tmp")]


def test_a_failed_write_leaves_the_old_file_and_no_temporary(tmp_path):
    p = tmp_path / "out.html"
    p.write_bytes(b"old")
    with pytest.raises(TypeError):
        write_atomically(p, "not bytes")
    assert p.read_bytes() == b"old"
    assert sorted(os.listdir(tmp_path)) == ["out.html"]


def test_one_writer_in_the_package():
    """Every file the package writes goes through atomic.write_atomically."""
    import hukou_analysis
    root = os.path.dirname(hukou_analysis.__file__)
    for name in os.listdir(root):
        if name.endswith(".py") and name != "atomic.py":
            text = open(os.path.join(root, name), encoding="utf-8").read()
            for bad in ("os.replace(", "os.rename(", "tempfile.", "open(path, \"w", ".to_csv(path"):
                assert bad not in text, f"{name} writes a file itself ({bad})"
