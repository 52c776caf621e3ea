"""Exclusive builds: two builds at once in one checkout, a brief published only when complete,
and 'up to date' only when the published files are still the ones built."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import CHART_CELL, tiny_notebook
from trustbrief import provenance, render
from trustbrief.briefs import Brief, validate_params

pytestmark = pytest.mark.slow

SRC = Path(render.__file__).resolve().parents[1]  # the trustbrief being tested


def checkout(tmp_path: Path, body: str = CHART_CELL) -> Path:
    """A minimal checkout: notebooks/brief.ipynb and data/processed/documents.csv."""
    (tmp_path / "notebooks").mkdir()
    tiny_notebook(tmp_path / "notebooks" / "brief.ipynb", body)
    (tmp_path / "data" / "processed").mkdir(parents=True)
    (tmp_path / "data" / "processed" / "documents.csv").write_text("doc_id,file\n")
    return tmp_path


def brief_command(root: Path) -> list[str]:
    return [sys.executable, "-m", "trustbrief", "brief", "--root", str(root), "--title",
            "Two at once", "--start", "2024-07-01", "--end", "2024-10-31", "--name", "alpha",
            "--param", "focus=US->Israel"]


def assert_published_whole(reports: Path, name: str) -> None:
    meta = json.loads((reports / f"{name}.json").read_text(encoding="utf-8"))
    for kind, digest in meta["sha256"].items():
        assert provenance.sha256_file(reports / meta["files"][kind]) == digest, kind
    assert (reports / f"{name}.html").read_text(encoding="utf-8").rstrip().endswith("</html>")
    assert not [p.name for p in reports.iterdir() if p.name.startswith(".")], "litter"


def test_two_builds_at_once_publish_one_whole_brief(tmp_path):
    root = checkout(tmp_path)
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    runs = [subprocess.Popen(brief_command(root), cwd=root, env=env, text=True,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE) for _ in range(2)]
    results = [(run.wait(timeout=600), run.stderr.read()) for run in runs]
    for code, err in results:
        assert code == 0, err
    said = [err for _, err in results]
    assert sum("alpha: published" in err for err in said) == 1, said
    assert sum("alpha: up to date" in err for err in said) == 1, said
    assert_published_whole(root / "reports", "alpha")
    assert [p.name for p in (root / "build").iterdir()] == [".trustbrief.lock"]


def a_brief(name: str = "alpha") -> Brief:
    return Brief(name, validate_params({"title": "A brief", "start": "2024-07-01",
                                        "end": "2024-10-31", "focus": "US->Israel"}))


def test_up_to_date_checks_the_published_files(tmp_path):
    paths = render.Paths.from_root(checkout(tmp_path))
    assert render.build_all([a_brief()], paths) == 0
    html = paths.reports / "alpha.html"
    html.write_text(html.read_text(encoding="utf-8")[:500], encoding="utf-8")  # truncated
    assert render.build_brief(a_brief(), paths) == "built"
    assert_published_whole(paths.reports, "alpha")
    assert render.build_brief(a_brief(), paths) == "up to date"


def test_a_kernel_that_dies_publishes_nothing(tmp_path, capsys):
    root = checkout(tmp_path, "import os\nos._exit(1)")
    paths = render.Paths.from_root(root)
    assert render.build_all([a_brief()], paths) == 1
    assert "did not finish" in capsys.readouterr().err
    assert not (paths.reports / "alpha.html").exists()
    assert not (paths.reports / "alpha.json").exists()
