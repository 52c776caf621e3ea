"""Brief tables: a caption, header scopes, and a size that does not grow with the corpus."""

from __future__ import annotations

import pandas as pd

from trustbrief.brief import html


def rows(n):
    return pd.DataFrame({"outlet": [f"Outlet {i}" for i in range(n)], "date": ["2024-10-01"] * n})


def test_a_short_table_is_shown_whole_with_caption_and_scopes():
    markup = html.table(rows(3), {"outlet": "Outlet", "date": "Date"}, caption="Sources").markup
    assert "<caption>Sources</caption>" in markup
    assert markup.count('<th scope="col">') == 2
    assert markup.count("<tr") == 4 and "tb-more" not in markup and "tb-table-bound" not in markup


def test_a_long_table_shows_its_first_rows_and_collapses_a_bounded_rest():
    small, big = html.table(rows(300)).markup, html.table(rows(30_000)).markup
    assert small.count("<tr") == big.count("<tr") == 1 + html.ROWS_SHOWN + 1 + html.ROWS_MORE
    assert '<details class="tb-more"><summary>Show 200 more rows</summary>' in big
    assert "The first 20 of 30,000 rows" in big and "data/processed/" in big
    assert len(big) < 1.01 * len(small)  # the page does not grow with the corpus


def test_a_printed_date_never_breaks_across_lines():
    """Prose binds a date's day, month and year with no-break spaces, still escaped."""
    markup = html.prose("No contact between 1 Jun 2023 and 31 Oct 2023 <b>;</b> 8–9 Oct 2025.")
    text = markup.markup
    assert "31\u00a0Oct\u00a02023" in text and "1\u00a0Jun\u00a02023" in text
    assert "8–9\u00a0Oct\u00a02025" in text
    assert "&lt;b&gt;" in text and "<b>" not in text
    assert "between 1\u00a0Jun" in text  # the words around a date still break
