"""JupyterLab's save leaves the committed notebooks clean (outputs stripped by the pre-save hook).

The save is simulated as Lab performs it: the project's Lab config (the file `make lab` adds to
JUPYTER_CONFIG_PATH) configures jupytext's contents manager (JupyterLab's, with the pairing),
which receives a notebook model carrying outputs, counts and kernel details.
"""

from __future__ import annotations

import json
import shutil

import nbformat
import pytest
from jupyter_server.services.contents.filemanager import FileContentsManager
from jupytext import build_sync_jupytext_contents_manager_class
from traitlets.config.loader import JSONFileConfigLoader

from conftest import ROOT
from trustbrief import lab

NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))


def lab_contents_manager(root):
    config = JSONFileConfigLoader("jupyter_server_config.json", str(lab.CONFIG_DIR)).load_config()
    manager_class = build_sync_jupytext_contents_manager_class(FileContentsManager)
    return manager_class(root_dir=str(root), config=config)


def as_after_a_run(notebook):
    """What Lab holds after running every cell: outputs, counts, timings, kernel details."""
    for count, cell in enumerate(notebook.cells, start=1):
        if cell.cell_type == "code":
            cell.execution_count = count
            cell.outputs = [nbformat.v4.new_output(
                "display_data", data={"text/html": "<div class='tb-chart'>chart</div>",
                                      "image/svg+xml": "<svg></svg>"}),
                nbformat.v4.new_output("stream", name="stderr", text="a warning\n")]
            cell.metadata["execution"] = {"iopub.status.busy": "2026-01-01T00:00:00Z"}
    notebook.metadata["language_info"] = {
        "name": "python", "version": "3.11.7", "mimetype": "text/x-python",
        "codemirror_mode": {"name": "ipython", "version": 3}, "file_extension": ".py"}
    return notebook


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_a_lab_save_leaves_the_committed_notebook_unchanged(path, tmp_path):
    shutil.copy(path, tmp_path / path.name)
    shutil.copy(path.with_suffix(".py"), tmp_path / path.with_suffix(".py").name)
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")  # the pairing config
    manager = lab_contents_manager(tmp_path)
    model = manager.get(path.name)
    run = as_after_a_run(nbformat.from_dict(model["content"]))
    manager.save({"type": "notebook", "format": "json", "content": run}, path.name)

    saved = json.loads((tmp_path / path.name).read_text(encoding="utf-8"))
    code = [c for c in saved["cells"] if c["cell_type"] == "code"]
    assert code and all(c["outputs"] == [] and c["execution_count"] is None for c in code)
    assert not any("execution" in c["metadata"] for c in code)
    assert saved == json.loads(path.read_text(encoding="utf-8")), "git status would be dirty"
    # The .py pair is saved alongside and stays identical too.
    assert (tmp_path / path.with_suffix(".py").name).read_text(encoding="utf-8") == \
        path.with_suffix(".py").read_text(encoding="utf-8")


def test_the_hook_ignores_other_files():
    model = {"type": "file", "format": "text", "content": "x = 1\n"}
    lab.strip_outputs_before_save(model, path="notebooks/brief.py")
    assert model["content"] == "x = 1\n"


def test_makefile_lab_uses_the_project_config():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "JUPYTER_CONFIG_PATH=\"$(CURDIR)/src/trustbrief/lab" in makefile
    assert lab.CONFIG_DIR == ROOT / "src" / "trustbrief" / "lab"
