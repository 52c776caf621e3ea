"""`make clean`: delete a checkout's generated files, never those of a running build.

Cleaning takes the checkout's build lock without waiting (safe_files.checkout_lock): while
a build holds it, nothing is deleted and the command says which process holds it, so a
clean can neither pull the tables or the briefs from under a build nor delete the lock
file that keeps a second build out. The lock file itself stays (see checkout_lock).

Standard library only, so `make clean` works before the venv exists:
`python -m trustbrief.checkout clean PATH...` (paths relative to the current folder).
"""

from __future__ import annotations

import shutil
import sys
from collections.abc import Iterable
from pathlib import Path

from trustbrief.safe_files import LOCK_NAME, BuildRunning, checkout_lock

KEEP = {".gitkeep", LOCK_NAME}  # a folder's placeholder, and the build lock


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    else:
        path.unlink(missing_ok=True)


def clean(root: Path | str, paths: Iterable[str], build: str = "build") -> list[Path]:
    """Delete the generated `paths` under `root` (a folder's contents, keeping KEEP files,
    when it holds one; else the whole folder) while holding the build lock of
    `root/build`. Raises BuildRunning, deleting nothing, when a build holds the lock."""
    with checkout_lock(Path(root) / build, "clean", wait=False):
        return _clean_paths(Path(root), paths)


def _clean_paths(root: Path, paths: Iterable[str]) -> list[Path]:
    removed = []
    for name in paths:
        path = root / name
        if not path.exists() and not path.is_symlink():
            continue
        if path.is_dir() and not path.is_symlink() and any(
                (path / keep).exists() for keep in KEEP):
            for child in sorted(path.iterdir()):
                if child.name not in KEEP:
                    _remove(child)
        else:
            _remove(path)
        removed.append(path)
    return removed


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if not args or args[0] != "clean":
        print("usage: python -m trustbrief.checkout clean PATH...", file=sys.stderr)
        return 2
    try:
        removed = clean(Path.cwd(), args[1:])
    except BuildRunning as exc:
        print(f"error: not cleaning: {exc}; wait for it to finish (or stop it), then run "
              "make clean again", file=sys.stderr)
        return 1
    print("removed " + (", ".join(str(p) for p in removed) or "nothing"), file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
