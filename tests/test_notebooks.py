"""Notebooks in git: no outputs, one commented parameters cell matching the brief parameters."""

from __future__ import annotations

import ast
import json

import pytest

from conftest import ROOT
from trustbrief.briefs import PARAMETERS, RUNTIME_PARAMETERS

NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_is_stored_without_outputs(path):
    nb = json.loads(path.read_text(encoding="utf-8"))
    for cell in nb["cells"]:
        if cell["cell_type"] == "code":
            assert cell["outputs"] == [], f"{path.name}: a cell has outputs"
            assert cell["execution_count"] is None, f"{path.name}: a cell has a count"


def parameters_cell(path):
    nb = json.loads(path.read_text(encoding="utf-8"))
    cells = [c for c in nb["cells"] if "parameters" in c.get("metadata", {}).get("tags", [])]
    assert len(cells) == 1, f"{path.name} needs exactly one parameters cell"
    return "".join(cells[0]["source"])


def test_brief_parameters_match_the_validator():
    source = parameters_cell(ROOT / "notebooks" / "brief.ipynb")
    names = [node.targets[0].id for node in ast.parse(source).body]
    assert set(names) == set(PARAMETERS) | set(RUNTIME_PARAMETERS)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_every_parameter_line_has_a_comment(path):
    for line in parameters_cell(path).splitlines():
        if line.strip():
            assert "  # " in line, f"{path.name}: parameter line without a comment: {line}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_papermill_reads_every_parameter(path):
    """A comment papermill cannot parse (a quote in it) hides its parameter: every build then
    warns 'Passed unknown parameter' about a parameter the notebook does declare."""
    import papermill

    source = parameters_cell(path)
    declared = [node.targets[0].id for node in ast.parse(source).body]
    assert list(papermill.inspect_notebook(str(path))) == declared


def test_the_brief_notebook_carries_no_story_of_its_own():
    """Its title, period, pair and crisis window default to '': the story file and its brief
    definitions give them (briefs.fill_from_story), so a second story needs no notebook edit."""
    source = parameters_cell(ROOT / "notebooks" / "brief.ipynb")
    values = {node.targets[0].id: ast.literal_eval(node.value) for node in ast.parse(source).body}
    for name in ("title", "start", "end", "focus", "crisis_start", "crisis_end"):
        assert values[name] == "", name
