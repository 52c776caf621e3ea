"""Publishing safely: no write through a planted symlink, readable modes, all or nothing on
a full disk or a read-only folder, and clean errors instead of tracebacks."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import pandas as pd

from trustbrief import pipeline, render

SRC = Path(render.__file__).resolve().parents[1]  # the trustbrief being tested


def finished_build(tmp_path: Path, name: str = "alpha", size: int = 1000) -> Path:
    """A private build folder holding a finished brief's four files."""
    work = tmp_path / "work"
    work.mkdir(parents=True)
    for suffix, body in ((".html", "<html><body>" + "x" * size + "</body></html>"),
                         (".pdf", "%PDF-1.7\n%%EOF\n"), (".ipynb", "{}"),
                         (".json", json.dumps({"name": name, "title": "A", "files": {}}))):
        (work / f"{name}{suffix}").write_text(body, encoding="utf-8")
    return work


def test_publishing_never_writes_through_a_planted_symlink(tmp_path):
    reports = tmp_path / "reports"
    reports.mkdir()
    victim = tmp_path / "victim.txt"
    victim.write_text("precious", encoding="utf-8")
    for suffix in render.BRIEF_SUFFIXES:  # every name the old code staged at
        (reports / f".alpha{suffix}.staged").symlink_to(victim)
        (reports / f".alpha{suffix}.tmp").symlink_to(victim)
    render.publish(finished_build(tmp_path), reports, "alpha")
    assert victim.read_text(encoding="utf-8") == "precious"
    published = reports / "alpha.html"
    assert published.is_file() and not published.is_symlink()
    assert "xxxx" in published.read_text(encoding="utf-8")


def test_published_and_processed_files_are_readable_by_a_web_server(tmp_path):
    old_umask = os.umask(0o077)  # a strict umask must not make the site unreadable
    try:
        render.publish(finished_build(tmp_path), tmp_path / "reports", "alpha")
        tables = {name: pd.DataFrame({"a": ["1"]}) for _, name in pipeline.OUTPUT_TABLES}
        pipeline.write_outputs(tables, tmp_path / "data" / "processed", {"seeds": []})
    finally:
        os.umask(old_umask)
    files = [*(tmp_path / "reports").iterdir(), *(tmp_path / "data" / "processed").iterdir()]
    assert any(f.name == "index.html" for f in files)
    for path in files:
        assert stat.S_IMODE(path.stat().st_mode) == 0o644, path.name
    for folder in (tmp_path / "reports", tmp_path / "data", tmp_path / "data" / "processed"):
        assert stat.S_IMODE(folder.stat().st_mode) == 0o755, folder


FULL_DISK = textwrap.dedent("""
    import resource, signal, sys
    from pathlib import Path
    from trustbrief import render
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)   # a failed write, not a killed process
    resource.setrlimit(resource.RLIMIT_FSIZE, (20_000, 20_000))
    try:
        render.publish(Path(sys.argv[1]), Path(sys.argv[2]), "alpha")
    except Exception as exc:
        print(f"{type(exc).__name__}: {exc}")
""")


def test_a_write_failure_while_publishing_is_clean_and_leaves_no_litter(tmp_path):
    """A file-size limit makes the writes fail part-way, as a full disk does."""
    reports = tmp_path / "reports"
    render.publish(finished_build(tmp_path), reports, "alpha")
    before = {p.name: p.read_bytes() for p in reports.iterdir()}
    bigger = finished_build(tmp_path / "second", size=50_000)
    result = subprocess.run([sys.executable, "-c", FULL_DISK, str(bigger), str(reports)],
                            capture_output=True, text=True, env={**os.environ,
                                                                 "PYTHONPATH": str(SRC)})
    assert "Traceback" not in result.stderr
    assert "cannot write" in result.stdout and "alpha.html" in result.stdout
    after = {p.name: p.read_bytes() for p in reports.iterdir()}
    assert after == before, "a failed publish must leave the old brief and nothing else"


def test_a_read_only_reports_folder_is_a_clean_error(tmp_path, monkeypatch, capsys):
    """EACCES as a read-only folder gives it (tests may run as root, who may write anywhere)."""
    import errno
    import tempfile

    from trustbrief.cli import main

    reports = tmp_path / "reports"
    reports.mkdir()
    (reports / "old.txt").write_text("kept", encoding="utf-8")

    def refused(*args, dir=None, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied", str(dir))

    monkeypatch.setattr(tempfile, "mkstemp", refused)
    assert main(["index", "--reports", str(reports)]) == 1
    err = capsys.readouterr().err
    assert "cannot write" in err and "index.html" in err and "Permission denied" in err
    assert sorted(p.name for p in reports.iterdir()) == ["old.txt"]
