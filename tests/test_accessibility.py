"""Accessibility of what a reader opens: landmarks, captions, header scopes, links."""

from __future__ import annotations

from trustbrief import render

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
    assert "text-decoration:underline" in render.INDEX_CSS
