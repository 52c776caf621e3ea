"""Brief building blocks: escaping, clipping, citations, period filters."""

from __future__ import annotations

import pandas as pd

from trustbrief.brief import html, tables

DOCS = pd.DataFrame({
    "doc_id": ["d1", "d2"], "file": ["a.txt", "b <x>.txt"],
    "outlet": ["The Jerusalem Post", "unknown"], "published": ["2024-09-29", "2024-10-08"],
    "published_basis": ["stated", "inferred"], "url": ["https://example.org/a", ""],
    "title": ["A <script>", "B"], "duplicate_of": ["", ""]})


def test_tables_escape_markup_and_clip_long_cells():
    frame = pd.DataFrame({"text": ["<img src=x onerror=alert(1)>", "word " * 100]})
    markup = html.table(frame).markup
    assert "<img" not in markup and "&lt;img" in markup
    assert "word word" in markup and markup.count("word") < 60 and "…" in markup


def test_doc_labels_mark_inferred_dates_and_unknown_outlets():
    first, second = (html.doc_label(row) for _, row in DOCS.iterrows())
    assert first == "The Jerusalem Post, 2024-09-29"
    assert second == "unknown outlet (b <x>.txt), 2024-10-08 (inferred)"


def test_citations_link_to_the_sources_list():
    cites = html.cite_docs(["d2", "d1", "d2", "missing"], DOCS)
    assert cites.count("<a ") == 2 and "&lt;x&gt;" in cites and "<x>" not in cites
    sources = html.sources_list(DOCS).markup
    for anchor in ("src-d1", "src-d2"):
        assert f'href="#{anchor}"' in cites and f'id="{anchor}"' in sources
    assert "&lt;script&gt;" in sources and 'href="https://example.org/a"' in sources


def test_in_period_keeps_overlapping_ranges_and_undated_rows():
    events = pd.DataFrame({"date": ["2024-09-10", "2024-10-05", "", "2024-11-02"],
                           "date_earliest": ["2024-09-01", "2024-10-05", "", "2024-11-02"],
                           "date_latest": ["2024-10-02", "2024-10-05", "", "2024-11-02"]})
    kept = tables.in_period(events, "2024-10-01", "2024-10-31")
    assert list(kept.index) == [0, 1, 2]


def test_dates_do_not_wrap_in_tables():
    markup = html.table(pd.DataFrame({"date": ["2024-10-01"]})).markup
    assert '<td class="tb-date">2024-10-01</td>' in markup
