"""Exploration notebooks run top to bottom, offline, on the real processed tables."""

from __future__ import annotations

import json
import os

import papermill
import pytest

from conftest import ROOT
from trustbrief import render

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("name", ["corpus_explorer.ipynb", "evidence_explorer.ipynb"])
def test_explorer_runs(name, real_processed, tmp_path):
    out = tmp_path / name
    papermill.execute_notebook(
        str(ROOT / "notebooks" / name), str(out), kernel_name=render.project_kernel(),
        parameters={"processed_dir": os.path.relpath(real_processed, ROOT / "notebooks")},
        cwd=str(ROOT / "notebooks"), progress_bar=False)
    nb = json.loads(out.read_text(encoding="utf-8"))
    outputs = [o for c in nb["cells"] for o in c.get("outputs", [])]
    assert not [o for o in outputs if o.get("output_type") == "error"]
    charts = [o for o in outputs if "tb-chart" in "".join(o.get("data", {}).get("text/html", ""))]
    assert charts, "an explorer must show at least one chart"
    # The first chart of a session carries the vega bundle: interactive in JupyterLab offline.
    assert "vegaEmbed" in "".join(charts[0]["data"]["text/html"])
