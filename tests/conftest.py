"""Shared fixtures: the repository root, the real seeds, and a tiny brief notebook."""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_notebook

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
DATA = ROOT / "data"
# The default story's own files (briefs, sidecar, chronology, annotations).
STORY_FILES = DATA / "stories" / "us-israel"


@pytest.fixture(scope="module")
def lex():
    """The compiled lexicons of the repository's data (shared knowledge, no story), once per
    test module: the extraction tests run short invented sentences through them."""
    from trustbrief import extract

    return extract.load_lexicons(DATA)


def tiny_notebook(path: Path, body: str) -> Path:
    """A parameterized notebook like brief.ipynb, with `body` as its only visible cell."""
    params = new_code_cell('title = "t"\nstart = "2024-01-01"\nend = "2024-12-31"\n'
                           'focus = "US->Israel"\nmin_origins = 1\ncrisis_start = ""\n'
                           'crisis_end = ""\nprocessed_dir = ""\nbuild_time = ""\nbrief_name = ""')
    params.metadata["tags"] = ["parameters", "remove_cell"]
    setup = new_code_cell("from trustbrief.brief import offline_charts\noffline_charts.enable()")
    setup.metadata["tags"] = ["remove_cell"]
    nb = new_notebook(cells=[params, setup, new_code_cell(body)],
                      metadata={"kernelspec": {"name": "python3", "display_name": "Python 3",
                                               "language": "python"}})
    nbformat.write(nb, str(path))
    return path


CHART_CELL = '''
import altair as alt, pandas as pd
from IPython.display import HTML, display
display(HTML(f"<h1>{title}</h1><p>Brief body text.</p>"))
frame = pd.DataFrame({"x": ["a", "b", "c"], "y": [3, 1, 2]})
alt.Chart(frame).mark_bar().encode(x="x", y="y", tooltip=["x", "y"])
'''


@pytest.fixture
def chart_notebook(tmp_path: Path) -> Path:
    return tiny_notebook(tmp_path / "brief.ipynb", CHART_CELL)


@pytest.fixture(scope="session")
def real_processed(tmp_path_factory) -> Path:
    """The real seeds through the whole extraction pipeline, written like `make data`."""
    from trustbrief.cli import main

    out = tmp_path_factory.mktemp("processed")
    assert main(["extract", "--seeds", str(SEEDS), "--out", str(out), "--data", str(DATA)]) == 0
    return out


@pytest.fixture(scope="session")
def real_reports(tmp_path_factory, real_processed) -> Path:
    """The default story's briefs, built from the real notebook into a tmp reports/."""
    from trustbrief import render
    from trustbrief.briefs import load_briefs

    tmp = tmp_path_factory.mktemp("site")
    paths = render.Paths(root=ROOT, notebook=ROOT / "notebooks" / "brief.ipynb",
                         processed=real_processed, reports=tmp / "reports", build=tmp / "build")
    assert render.build_all(load_briefs(STORY_FILES / "briefs.yaml"), paths) == 0
    return paths.reports


@pytest.fixture
def keys_seen(monkeypatch):
    """keys_seen(cls, method): the list of the keys that later calls of a cache's
    cls.method(key, ...) are given (the calls pass on to the method)."""
    def watch(cls, method: str) -> list[str]:
        seen: list[str] = []
        original = getattr(cls, method)

        def watched(self, key, *args, **kwargs):
            seen.append(key)
            return original(self, key, *args, **kwargs)

        monkeypatch.setattr(cls, method, watched)
        return seen

    return watch
