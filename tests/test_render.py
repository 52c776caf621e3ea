"""Render mechanics: papermill + nbconvert + WeasyPrint, atomic publishing, the index."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import tiny_notebook
from trustbrief import render
from trustbrief.briefs import Brief, validate_params

pytestmark = pytest.mark.slow


def make_paths(tmp_path: Path, notebook: Path) -> render.Paths:
    processed = tmp_path / "processed"
    processed.mkdir(exist_ok=True)
    (processed / "documents.csv").write_text("doc_id,file\n", encoding="utf-8")
    return render.Paths(root=tmp_path, notebook=notebook, processed=processed,
                        reports=tmp_path / "reports", build=tmp_path / "build")


def a_brief(name="alpha", title="Alpha <script>window.pwned=1</script> brief"):
    return Brief(name, validate_params({"title": title, "start": "2024-07-01",
                                        "end": "2024-10-31", "focus": "A->B"}))


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """One real build of a tiny brief (shared: it takes a few seconds)."""
    from conftest import CHART_CELL

    tmp = tmp_path_factory.mktemp("render")
    paths = make_paths(tmp, tiny_notebook(tmp / "brief.ipynb", CHART_CELL))
    brief = a_brief()
    assert render.build_brief(brief, paths) == "built"
    render.write_index(paths.reports)
    return paths, brief


EXTERNAL = re.compile(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", re.I)


def test_html_is_self_contained(built):
    paths, brief = built
    page = (paths.reports / f"{brief.name}.html").read_text(encoding="utf-8")
    assert not EXTERNAL.findall(page), "the brief references something on the network"
    assert "@import url(" not in page and "url(http" not in page
    assert "require.min.js" not in page and "MathJax.js" not in page
    assert page.count("vegaEmbed=") + page.count("vegaEmbed =") >= 0
    assert page.count('class="tb-chart"') == 1
    assert "<svg" in page, "every chart needs a static SVG fallback"


def test_title_markup_is_escaped(built):
    paths, brief = built
    page = (paths.reports / f"{brief.name}.html").read_text(encoding="utf-8")
    assert "<script>window.pwned=1</script>" not in page.split("</head>", 1)[1] or \
        "&lt;script&gt;window.pwned" in page


def test_pdf_has_pages_and_title(built):
    from pypdf import PdfReader

    paths, brief = built
    reader = PdfReader(str(paths.reports / f"{brief.name}.pdf"))
    assert len(reader.pages) >= 1
    text = "".join(page.extract_text() for page in reader.pages)
    assert "Brief body text." in text
    box = reader.pages[0].mediabox
    assert abs(float(box.width) - 595.3) < 2 and abs(float(box.height) - 841.9) < 2, "not A4"


def test_executed_notebook_and_manifest_published(built):
    paths, brief = built
    nb = json.loads((paths.reports / f"{brief.name}.ipynb").read_text(encoding="utf-8"))
    assert any(c.get("outputs") for c in nb["cells"]), "the audit notebook must hold outputs"
    meta = json.loads((paths.reports / f"{brief.name}.json").read_text(encoding="utf-8"))
    assert meta["title"] == brief.title and meta["start"] == "2024-07-01"
    assert not list(paths.reports.glob(".*staged")), "no staging files may remain"


def test_index_lists_briefs_escaped(built):
    paths, brief = built
    index = (paths.reports / "index.html").read_text(encoding="utf-8")
    assert f'href="{brief.name}.html"' in index and f'href="{brief.name}.pdf"' in index
    assert "<script>window.pwned" not in index and "&lt;script&gt;" in index
    assert "2024-07-01" in index


def test_second_build_is_skipped(built):
    paths, brief = built
    assert render.build_brief(brief, paths) == "up to date"


def test_failing_notebook_leaves_published_briefs_untouched(built, tmp_path, capsys):
    paths, brief = built
    before = {p.name: p.read_bytes() for p in paths.reports.iterdir()}
    broken = tiny_notebook(tmp_path / "broken.ipynb", "raise RuntimeError('boom in cell')")
    bad_paths = render.Paths(root=paths.root, notebook=broken, processed=paths.processed,
                             reports=paths.reports, build=paths.build)
    failures = render.build_all([brief], bad_paths, force=True)
    assert failures == 1
    err = capsys.readouterr().err
    assert "RuntimeError: boom in cell" in err
    partial = re.search(r"partial executed notebook: (\S+)", err).group(1)
    assert Path(partial).exists()
    after = {p.name: p.read_bytes() for p in paths.reports.iterdir()}
    assert after == before


def test_builds_differ_only_in_build_time(built, tmp_path):
    paths, brief = built
    first = {s: (paths.reports / f"{brief.name}{s}").read_text(encoding="utf-8")
             for s in (".html", ".ipynb")}
    first_time = json.loads((paths.reports / f"{brief.name}.json").read_text())["built"]
    render.build_brief(brief, paths, force=True)
    second_time = json.loads((paths.reports / f"{brief.name}.json").read_text())["built"]
    for suffix, text in first.items():
        again = (paths.reports / f"{brief.name}{suffix}").read_text(encoding="utf-8")
        assert text == again.replace(second_time, first_time), \
            f"{suffix} differs beyond the build time"


def test_cli_rejects_bad_parameters_before_any_kernel(tmp_path):
    cmd = [sys.executable, "-m", "trustbrief", "brief",
           "--title", "x", "--start", "2024-10-31", "--end", "2024-10-01", "--root", str(tmp_path)]
    result = subprocess.run(cmd, capture_output=True, text=True)
    assert result.returncode == 2
    assert "before start" in result.stderr
    assert not (tmp_path / "build").exists()
