"""Provenance: what a table or a brief was built from (inputs, parameters, versions, git)."""

from __future__ import annotations

import datetime as dt
import hashlib
import importlib.metadata
import os
import platform
import subprocess
from pathlib import Path

KEY_PACKAGES = (
    "pandas", "altair", "vl-convert-python", "papermill", "nbconvert", "weasyprint",
    "jupyterlab", "pyyaml",
)


def sha256_file(path: Path | str) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 16), b""):
            digest.update(block)
    return digest.hexdigest()


def package_versions(names=KEY_PACKAGES) -> dict[str, str]:
    versions = {"python": platform.python_version()}
    for name in names:
        try:
            versions[name] = importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            versions[name] = "not installed"
    return versions


def git_revision(repo: Path | str = ".") -> str:
    """Short commit hash, with '+dirty' when tracked files changed; 'unknown' outside git."""
    try:
        rev = subprocess.run(["git", "rev-parse", "--short=12", "HEAD"], cwd=repo,
                             capture_output=True, text=True, check=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"],
                               cwd=repo, capture_output=True, text=True, check=True).stdout
        return rev + ("+dirty" if dirty.strip() else "")
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def build_time() -> str:
    """UTC build time; SOURCE_DATE_EPOCH pins it for reproducible builds."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    moment = (dt.datetime.fromtimestamp(int(epoch), dt.UTC) if epoch
              else dt.datetime.now(dt.UTC))
    return moment.replace(microsecond=0).isoformat().replace("+00:00", "Z")


def input_hashes(paths, base: Path | str | None = None) -> list[dict[str, str]]:
    """File (relative to base when under it, else its name) and SHA-256 of each path."""
    def label(path: Path) -> str:
        if base is not None and path.resolve().is_relative_to(Path(base).resolve()):
            return path.resolve().relative_to(Path(base).resolve()).as_posix()
        return path.name

    return [{"file": label(Path(p)), "sha256": sha256_file(p)} for p in sorted(paths)]
