"""Accessibility of what a reader opens: landmarks, captions, header scopes, links."""

from __future__ import annotations

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
