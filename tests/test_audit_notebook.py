"""The published notebook shows a static image of every chart where scripts do not run."""

from __future__ import annotations

import json

import altair as alt
import nbformat
import pandas as pd

from trustbrief import audit_notebook
from trustbrief.brief import offline_charts


def published(tmp_path, n_charts=2):
    chart = alt.Chart(pd.DataFrame({"x": ["a", "b"], "y": [1, 2]})).mark_bar().encode(
        x="x", y="y").properties(description="b is twice a")
    outputs = [nbformat.v4.new_output("display_data", data=offline_charts.render_mimebundle(
        chart.to_dict(), embed_bundle=False)) for _ in range(n_charts)]
    cell = nbformat.v4.new_code_cell("brief.timeline()", outputs=outputs)
    path = tmp_path / "brief.ipynb"
    nbformat.write(nbformat.v4.new_notebook(cells=[cell]), str(path))
    return path


def test_each_chart_becomes_an_image_with_alt_text_and_stays_interactive(tmp_path):
    path = published(tmp_path)
    assert audit_notebook.make_readable_everywhere(path) == 2
    nb = nbformat.read(str(path), as_version=4)
    nbformat.validate(nb)
    first, second = (o["data"]["text/html"] for o in nb.cells[0].outputs)
    for markup in (first, second):
        assert "<svg" not in markup.split('type="application/json"')[0].split("</script>")[-1]
        assert audit_notebook.image_alt_texts(markup) == ["b is twice a"]
        assert "data:image/svg+xml;base64," in markup and "vegaEmbed" in markup
    assert first.startswith("<script>") and not second.startswith("<script>")  # bundle once
    assert nb.cells[0].outputs[0]["data"]["image/svg+xml"].startswith("<svg")


def test_a_notebook_without_charts_is_left_as_it_was(tmp_path):
    path = tmp_path / "plain.ipynb"
    nbformat.write(nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("1")]), str(path))
    before = json.loads(path.read_text(encoding="utf-8"))
    assert audit_notebook.make_readable_everywhere(path) == 0
    assert json.loads(path.read_text(encoding="utf-8")) == before
