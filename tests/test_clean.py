"""`make clean` never deletes the files, or the lock, of a running build (issue 17)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

from conftest import ROOT
from trustbrief import checkout
from trustbrief.safe_files import LOCK_NAME, checkout_lock

SRC = ROOT / "src"


def generated_files(root):
    """A checkout with the files a build leaves: tables, a brief, build and stamp files."""
    for name in ("data/processed/events.csv", "reports/a.html", "reports/.gitkeep",
                 "build/brief-x/a.ipynb", ".make/seeds.sig", ".pytest_cache/v"):
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text("x", encoding="utf-8")
    shutil.copy(ROOT / "Makefile", root / "Makefile")
    return root


def make_clean(root) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    return subprocess.run(["make", "-s", "clean", f"PY={sys.executable}"], cwd=root, env=env,
                          text=True, capture_output=True, timeout=120)


def test_make_clean_refuses_while_a_build_holds_the_lock(tmp_path):
    root = generated_files(tmp_path)
    with checkout_lock(root / "build", "brief"):  # a build is running
        before = sorted(p.relative_to(root) for p in root.rglob("*"))
        done = make_clean(root)
        assert done.returncode != 0
        assert "not cleaning" in done.stderr and "pid " in done.stderr, done.stderr
        assert (root / "build" / LOCK_NAME).exists()
        assert sorted(p.relative_to(root) for p in root.rglob("*")) == before


def test_make_clean_removes_generated_files_but_keeps_the_lock_file(tmp_path):
    root = generated_files(tmp_path)
    with checkout_lock(root / "build", "brief"):
        pass  # a build ran and ended: its lock file stays behind, free
    done = make_clean(root)
    assert done.returncode == 0, done.stderr
    left = sorted(str(p.relative_to(root)) for p in root.rglob("*"))
    assert left == ["Makefile", "build", f"build/{LOCK_NAME}", "data", "reports",
                    "reports/.gitkeep"]


def test_clean_leaves_a_symlinked_folder_target_alone(tmp_path):
    outside = tmp_path / "outside"
    (outside / "keep.txt").parent.mkdir()
    (outside / "keep.txt").write_text("x", encoding="utf-8")
    root = tmp_path / "checkout"
    root.mkdir()
    (root / ".make").symlink_to(outside, target_is_directory=True)
    checkout.clean(root, [".make"])
    assert not (root / ".make").exists() and (outside / "keep.txt").exists()
