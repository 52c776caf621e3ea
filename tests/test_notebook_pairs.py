"""Every notebook is paired with a jupytext percent-format .py file that holds the same cells.

The .py file is the readable source (reviewed in diffs, linted by ruff); after editing either
one, `jupytext --sync notebooks/*.ipynb` brings the other up to date.
"""

from __future__ import annotations

import jupytext
import pytest

from conftest import ROOT

NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))


def cells(path):
    nb = jupytext.read(path)
    return [(c.cell_type, c.source.strip(), dict(c.metadata)) for c in nb.cells]


def test_there_are_notebooks():
    assert {p.name for p in NOTEBOOKS} >= {"brief.ipynb"}


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_and_its_py_pair_hold_the_same_cells(path):
    pair = path.with_suffix(".py")
    assert pair.exists(), f"{path.name} has no jupytext pair: run jupytext --sync {path}"
    assert cells(path) == cells(pair), (
        f"{path.name} and {pair.name} differ: edit the .py, then `jupytext --sync {path}`")


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_py_pair_is_what_jupytext_writes(path):
    """The pair is jupytext's own rendering, so --sync never rewrites a committed file."""
    expected = jupytext.writes(jupytext.read(path), fmt="py:percent")
    assert path.with_suffix(".py").read_text(encoding="utf-8") == expected


def test_pairing_is_the_project_default():
    """JupyterLab (with jupytext) and the CLI pair every notebook from pyproject.toml."""
    config = jupytext.config.find_jupytext_configuration_file(str(ROOT / "notebooks"))
    assert config and config.endswith("pyproject.toml")
    formats = jupytext.config.load_jupytext_configuration_file(config).formats
    assert "py:percent" in str(formats)
