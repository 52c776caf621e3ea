"""Writing generated files safely, and one build at a time per checkout.

- Temporary and staged files are created exclusively (O_CREAT|O_EXCL with a random name,
  never through a symlink planted at a predictable name) in the folder of their target,
  then renamed over it, so a reader sees the old file or the new one, never half.
- Everything published or processed is readable by a web server: files 0644, folders 0755
  (mkstemp would make them 0600, whatever the umask).
- A group of files is written all or nothing (`StagedFiles`): every file is staged first,
  and only when all of them are on disk are they renamed into place, so a full disk
  (ENOSPC) or a read-only folder (EACCES) ends with a clean `OutputError`, the old files
  intact, and no temporary file left behind.
- `checkout_lock` makes extraction and publishing exclusive within a checkout: a second
  `make report` waits for the first instead of sharing its files; `make clean` (module
  `checkout`) refuses while a build holds it.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import os
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

FILE_MODE = 0o644
DIR_MODE = 0o755
LOCK_NAME = ".trustbrief.lock"

HINTS = {
    errno.ENOSPC: "the disk is full; free some space and build again",
    errno.EDQUOT: "the disk quota is exhausted; free some space and build again",
    errno.EACCES: "no permission to write there",
    errno.EPERM: "no permission to write there",
    errno.EROFS: "the folder is on a read-only file system",
}


class OutputError(RuntimeError):
    """A generated file could not be written; the message names the file and the reason."""

    def __init__(self, path: Path | str, exc: OSError):
        self.path = str(path)
        self.errno = exc.errno
        reason = exc.strerror or str(exc)
        hint = HINTS.get(exc.errno)
        super().__init__(f"cannot write {path}: {reason}" + (f" ({hint})" if hint else ""))


def make_dirs(folder: Path | str) -> Path:
    """Create `folder` (and missing parents) with mode 0755, whatever the umask."""
    folder = Path(folder)
    missing = []
    probe = folder
    while not probe.exists() and probe != probe.parent:
        missing.append(probe)
        probe = probe.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for created in missing:
            os.chmod(created, DIR_MODE)
    except OSError as exc:
        raise OutputError(folder, exc) from None
    return folder


def _stage(target: Path, data: bytes, durable: bool = True) -> Path:
    """Write `data` to a new exclusive temporary file beside `target`; return its path.
    `durable` waits until the bytes are on disk (a brief, a table); a cache, which a lost
    file only turns into a miss, skips that wait."""
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        os.fchmod(fd, FILE_MODE)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            if durable:
                fh.flush()
                os.fsync(fh.fileno())
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return Path(tmp)


class StagedFiles:
    """Write several files all or nothing.

        with StagedFiles() as staged:
            staged.add(reports / "a.html", page_bytes)
            staged.add(reports / "a.json", manifest_bytes)   # renamed last
        # here every file is in place, in the order added

    An exception before the end (a full disk, a failed step) removes every staged
    file and leaves the targets as they were.
    """

    def __init__(self) -> None:
        self._staged: list[tuple[Path, Path]] = []

    def add(self, target: Path | str, data: bytes | str) -> None:
        target = Path(target)
        make_dirs(target.parent)
        payload = data.encode("utf-8") if isinstance(data, str) else data
        try:
            self._staged.append((_stage(target, payload), target))
        except OSError as exc:
            raise OutputError(target, exc) from None

    def commit(self) -> None:
        try:
            while self._staged:
                tmp, target = self._staged[0]
                os.replace(tmp, target)  # a rename replaces a symlink, never its target
                self._staged.pop(0)
        except OSError as exc:
            raise OutputError(target, exc) from None
        finally:
            self.discard()

    def discard(self) -> None:
        for tmp, _ in self._staged:
            tmp.unlink(missing_ok=True)
        self._staged.clear()

    def __enter__(self) -> StagedFiles:
        return self

    def __exit__(self, kind, value, traceback) -> None:
        if kind is None:
            self.commit()
        else:
            self.discard()


def atomic_write_bytes(path: Path | str, data: bytes, durable: bool = True) -> None:
    """Replace one file atomically (exclusive temporary file, mode 0644): a crash never
    leaves half a file where a reader looks. durable=False skips the fsync (caches)."""
    target = make_dirs(Path(path).parent) / Path(path).name
    try:
        tmp = _stage(target, data, durable)
        os.replace(tmp, target)
    except OSError as exc:
        raise OutputError(target, exc) from None


def atomic_write_text(path: Path | str, text: str) -> None:
    atomic_write_bytes(path, text.encode("utf-8"))


# -- one build at a time per checkout ------------------------------------------------------

class BuildRunning(RuntimeError):
    """The checkout's build lock is held by another process (a build is running)."""

    def __init__(self, lock_path: Path, holder: str):
        self.lock_path, self.holder = lock_path, holder
        super().__init__(f"a build in this checkout holds {lock_path} ({holder})")


_held: dict[str, int] = {}  # lock file -> depth, so a process may nest its own lock


@contextlib.contextmanager
def checkout_lock(build_dir: Path | str, purpose: str = "build", wait: bool = True
                  ) -> Iterator[Path]:
    """Hold the checkout's build lock (build/.trustbrief.lock) for the duration.

    Another process that holds it makes this one wait, saying so once (with `wait=False`:
    raise BuildRunning instead). The lock is the kernel's (flock): it is released when the
    process ends, even when killed, so a crashed build never leaves a stale lock. The lock
    file itself is never removed (a build waiting on it would lock a deleted file while the
    next one creates a new one). Nested use in one process is allowed."""
    lock_path = make_dirs(build_dir) / LOCK_NAME
    key = str(lock_path.resolve())
    if _held.get(key):
        _held[key] += 1
        try:
            yield lock_path
        finally:
            _held[key] -= 1
        return
    try:
        fd = os.open(lock_path, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_CLOEXEC, FILE_MODE)
    except OSError as exc:
        raise OutputError(lock_path, exc) from None
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(fd, 200, 0).decode("utf-8", "replace").strip() or "another process"
            if not wait:
                raise BuildRunning(lock_path, holder) from None
            print(f"waiting: another build in this checkout holds {lock_path} ({holder}) ...",
                  file=sys.stderr, flush=True)
            fcntl.flock(fd, fcntl.LOCK_EX)
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"pid {os.getpid()}, {purpose}\n".encode(), 0)
        _held[key] = 1
        try:
            yield lock_path
        finally:
            _held.pop(key, None)
            os.ftruncate(fd, 0)
    finally:
        os.close(fd)  # closing releases the flock
