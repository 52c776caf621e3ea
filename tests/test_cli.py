"""The command line lists its commands and fails clearly."""

from __future__ import annotations

import subprocess
import sys

from conftest import ROOT


def run(*args):
    return subprocess.run([sys.executable, "-m", "trustbrief", *args], capture_output=True,
                          text=True, cwd=ROOT)


def test_help_lists_commands():
    result = run("--help")
    assert result.returncode == 0
    for command in ("extract", "brief", "index", "validate"):
        assert command in result.stdout
    for command in ("extract", "brief", "index", "validate"):
        assert run(command, "--help").returncode == 0


def test_missing_seeds_folder_is_a_clear_error(tmp_path):
    result = run("extract", "--seeds", str(tmp_path / "nope"), "--out", str(tmp_path / "o"))
    assert result.returncode == 2 and "does not exist" in result.stderr


def test_unknown_brief_parameter_is_rejected(tmp_path):
    result = run("brief", "--title", "x", "--start", "2024-10-01", "--end", "2024-10-31",
                 "--param", "colour=red", "--check")
    assert result.returncode == 2 and "unknown parameter" in result.stderr
    ok = run("brief", "--title", "x", "--start", "2024-10-01", "--end", "2024-10-31", "--check")
    assert ok.returncode == 0, ok.stderr


def test_validate_data_files():
    result = run("validate")
    assert result.returncode == 0, result.stderr


def test_warnings_go_to_the_stderr_of_the_moment_not_a_closed_one(monkeypatch):
    import io
    import logging

    from trustbrief import cli

    log = logging.getLogger("trustbrief")
    monkeypatch.setattr(log, "handlers", list(log.handlers))  # restored after the test
    monkeypatch.setattr(log, "propagate", log.propagate)
    monkeypatch.setattr(log, "level", log.level)
    first, second = io.StringIO(), io.StringIO()
    monkeypatch.setattr("sys.stderr", first)
    cli._setup_logging(verbose=False)
    first.close()  # whoever owned the first stream is gone
    monkeypatch.setattr("sys.stderr", second)
    logging.getLogger("trustbrief").warning("%s: a warning after the swap", "file.txt")
    assert "file.txt: a warning after the swap" in second.getvalue()
