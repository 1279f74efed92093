"""The one way the analysis package writes a file, following docs/reliability.md as
the C++ writer (sim/fileio/atomic_file.hpp) does: the bytes go to a temporary file
`.NAME.<16 random hex>.tmp` in the target's directory, created exclusively
(O_CREAT | O_EXCL | O_NOFOLLOW, mode 0600), fsynced, given the final mode (the
replaced file's, else 0666 less the umask) and renamed over the target, then the
directory is fsynced. The target must be absent or a regular file (a symlink,
device, FIFO, socket or directory is refused), checked before and again just before
the rename, on the directory opened once. On any error the temporary file is
removed and the target is untouched.

Run by `hukou`, the package prints what it makes and the C++ side writes it; this is
for the package run by hand (`python3 -m hukou_analysis.report ... -o FILE`)."""
import os
import secrets
import stat


class TargetError(OSError):
    """The target may not be replaced (not a regular file)."""


def _check_target(dirfd, name, shown):
    try:
        st = os.lstat(name, dir_fd=dirfd)
    except FileNotFoundError:
        return None
    if not stat.S_ISREG(st.st_mode):
        kind = ("a symbolic link" if stat.S_ISLNK(st.st_mode) else "a directory" if stat.S_ISDIR(st.st_mode)
                else "a FIFO" if stat.S_ISFIFO(st.st_mode) else "a socket" if stat.S_ISSOCK(st.st_mode)
                else "a device")
        raise TargetError(f"cannot write {shown}: it is {kind}, not a regular file (refused: only a regular file "
                          "is replaced)")
    return st


def _umask():
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def write_atomically(path, data):
    """DATA (bytes) to PATH as the module doc says; raises OSError (TargetError)."""
    path = os.fspath(path)
    directory, name = os.path.split(os.path.abspath(path))
    dirfd = os.open(directory, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
    tmp = None
    try:
        old = _check_target(dirfd, name, path)
        tmp = f".{name}.{secrets.token_hex(8)}.tmp"
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC, 0o600, dir_fd=dirfd)
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
            os.fchmod(f.fileno(), stat.S_IMODE(old.st_mode) if old else 0o666 & ~_umask())
        _check_target(dirfd, name, path)
        os.rename(tmp, name, src_dir_fd=dirfd, dst_dir_fd=dirfd)
        tmp = None
        os.fsync(dirfd)
    finally:
        if tmp is not None:
            try:
                os.unlink(tmp, dir_fd=dirfd)
            except FileNotFoundError:
                pass
        os.close(dirfd)
