"""JupyterLab settings for the project's notebooks (`make lab` loads them).

Notebooks are committed without outputs. Lab's save (and autosave) would write every output,
execution count and kernel detail into them, after which `git status` is dirty and the
no-outputs test fails; this pre-save hook strips them (with nbstripout's own function) from
what is written to disk, while the open notebook keeps its outputs on screen.
"""

from __future__ import annotations

from pathlib import Path

CONFIG_DIR = Path(__file__).parent  # holds jupyter_server_config.json (JUPYTER_CONFIG_PATH)

# Per-session details Lab and kernels add; the committed notebooks keep only the kernel's name.
VOLATILE_KEYS = ["metadata.widgets", "metadata.signature", "metadata.toc",
                 "cell.metadata.execution", "cell.metadata.ExecuteTime",
                 "cell.metadata.collapsed", "cell.metadata.scrolled", "cell.metadata.trusted"]


def strip_outputs_before_save(model: dict, path: str = "", contents_manager=None,
                              **kwargs) -> None:
    """Jupyter pre-save hook: remove outputs and run details from a notebook model in place."""
    if model.get("type") != "notebook" or not model.get("content"):
        return
    import nbformat
    from nbstripout import strip_output

    notebook = nbformat.from_dict(model["content"])
    strip_output(notebook, keep_output=False, keep_count=False, keep_id=True,
                 extra_keys=VOLATILE_KEYS)
    language = notebook.metadata.get("language_info")
    if language:  # the kernel's version and lexer details change from machine to machine
        notebook.metadata["language_info"] = {"name": language.get("name", "python")}
    model["content"] = notebook
