"""The brief's table of contents: anchors on section headings, links to them."""

from __future__ import annotations

from trustbrief import toc

PAGE = ('<main><h1>Brief</h1><p>x</p>'
        '<div><h2>Key findings</h2></div>'
        '<h2 id="Timeline">Timeline<a class="anchor-link" href="#Timeline">¶</a></h2>'
        '<h2>Key findings</h2><h2>Sources &amp; <em>notes</em></h2></main>')


def test_every_section_gets_an_anchor_and_a_link():
    page = toc.add_table_of_contents(PAGE)
    assert page.index('<nav class="tb-toc" aria-label="Contents">') < page.index("<h2")
    assert '<h2 id="sec-key-findings">Key findings</h2>' in page
    assert '<h2 id="sec-key-findings-2">Key findings</h2>' in page  # unique anchors
    assert '<li><a href="#Timeline">Timeline</a></li>' in page  # nbconvert's id is kept
    assert '<li><a href="#sec-sources-notes">Sources &amp; notes</a></li>' in page
    assert page.count("<li>") == 4


def test_a_short_page_gets_no_contents_list():
    page = toc.add_table_of_contents("<h2>Only</h2><h2>Two</h2>")
    assert "tb-toc" not in page and 'id="sec-only"' in page
