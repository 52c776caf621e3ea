"""Accessibility of what a reader opens: landmarks, captions, header scopes, links."""

from __future__ import annotations

import pytest

from test_browser import CHROMIUM, assert_interactive, open_page
from trustbrief import render, site

MANIFEST = {"name": "b", "title": "A <brief>", "start": "2024-07-01", "end": "2024-10-31",
            "built": "2024-11-01T10:00:00Z", "git": "abc1234",
            "files": {"html": "b.html", "pdf": "b.pdf", "ipynb": "b.ipynb"}}


def test_index_has_a_main_landmark_a_caption_and_header_scopes():
    page = render.index_html([MANIFEST])
    assert page.count("<main>") == 1 and "</main>" in page
    assert "<caption>" in page
    assert page.count('<th scope="col">') == 4
    assert '<th scope="row" class="t">A &lt;brief&gt;</th>' in page


def test_index_links_are_underlined_not_told_by_colour_alone():
    assert "text-decoration:underline" in site.INDEX_CSS


def test_the_pdf_is_tagged(tmp_path):
    from pypdf import PdfReader

    page = ('<!DOCTYPE html><html lang="en"><head><title>T</title></head><body><main>'
            "<h1>A brief</h1><p>Text.</p><table><caption>Counts</caption><thead><tr>"
            '<th scope="col">Outlet</th><th scope="col">Articles</th></tr></thead>'
            "<tbody><tr><td>A</td><td>2</td></tr></tbody></table></main></body></html>")
    render.html_to_pdf(page, tmp_path / "t.pdf", tmp_path)
    catalog = PdfReader(str(tmp_path / "t.pdf")).trailer["/Root"]
    assert "/StructTreeRoot" in catalog
    assert catalog["/MarkInfo"]["/Marked"]
    tags = str(catalog["/StructTreeRoot"].get_object())
    assert "/K" in tags


# -- in a real browser (Debian's Chromium, network blocked), on the real briefs -------------

def axe_violations(page, minimum=("serious", "critical")):
    """axe-core's violations of the given impact; the axe script ships inside the package,
    so this runs offline."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    return [f"{v['id']} ({v['impact']}, {len(v['nodes'])}x): {v['help']} "
            f"{[n['target'] for n in v['nodes'][:3]]}"
            for v in results.response["violations"] if v["impact"] in minimum]


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        instance = pw.chromium.launch(executable_path=CHROMIUM,
                                      args=["--no-sandbox", "--disable-gpu", "--no-first-run"])
        yield instance
        instance.close()


def real_pages(real_reports):
    briefs = sorted(p for p in real_reports.glob("*.html") if p.name != "index.html")
    assert briefs
    return [*briefs, real_reports / "index.html"]


@pytest.mark.slow
@pytest.mark.parametrize("width", [1100, 390], ids=["desktop", "phone"])
def test_axe_finds_no_serious_or_critical_violation(browser, real_reports, width):
    for path in real_pages(real_reports):
        page, errors = open_page(browser, path)
        page.set_viewport_size({"width": width, "height": 900})
        if path.name != "index.html":
            assert_interactive(page)
        assert axe_violations(page) == [], path.name
        assert not errors, errors
        page.close()


@pytest.mark.slow
def test_every_chart_has_a_csv_link_an_export_menu_and_survives_a_reload(browser, real_reports):
    for path in real_pages(real_reports)[:-1]:
        page, errors = open_page(browser, path)
        count = assert_interactive(page)
        # one CSV link per figure, whether it has one chart or a wide and a phone variant
        figures = page.locator("figure.tb-figure:has(.tb-chart)").count()
        links = page.locator("figure.tb-figure:has(.tb-chart) .tb-chart-data "
                             "a.tb-csv[download$='.csv']")
        assert figures >= 4 and links.count() == figures
        assert page.locator(".tb-narrow .tb-chart-data").count() == 0  # never hidden on a phone
        href = links.first.get_attribute("href")
        assert href.startswith("data:text/csv;charset=utf-8;base64,")
        assert page.locator(".tb-chart-live.vega-embed > details").count() == count
        page.reload()
        page.wait_for_load_state("load")
        assert assert_interactive(page) == count
        assert not errors, errors
        page.close()


def test_tables_become_focusable_but_scripts_are_untouched():
    page = ('<table class="x"><tr><td>1</td></tr></table><table tabindex="-1"></table>'
            '<script>var s = "<table>";</script>')
    out = render.focusable_tables(page)
    assert out.startswith('<table tabindex="0" class="x">')
    assert '<table tabindex="-1">' in out and '<script>var s = "<table>";</script>' in out
