"""Brief building blocks: escaping, clipping, citations, period filters."""

from __future__ import annotations

import pandas as pd

from trustbrief.brief import citations, html, tables

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


def test_sources_name_unknown_outlets_by_title_and_show_date_certainty():
    docs = DOCS.assign(published_earliest=["", ""], published_latest=["", ""])
    sources = citations.Sources(docs)
    assert sources.entry("d1") == "The Jerusalem Post, “A <script>”, 29 Sep 2024."
    assert sources.entry("d2") == "“B”, c. 8 Oct 2024 (inferred)."  # the list says once
    relayed = citations.Sources(docs.assign(origin=["The Jerusalem Post", "Reuters"]))
    assert relayed.entry("d1") == "The Jerusalem Post, “A <script>”, 29 Sep 2024."
    assert relayed.entry("d2") == "“B”, c. 8 Oct 2024 (inferred). Origin: Reuters."
    listing = relayed.listing()
    assert listing.count("names no outlet") == 1 and "Outlet unknown" not in listing
    assert "1 of the 2 articles below names no outlet in its text and comes without a web " \
        "address: it is listed by title" in listing
    ranged = docs.assign(published=["", ""], published_earliest=["2024-10-08", ""],
                         published_latest=["2024-10-10", ""])
    assert citations.Sources(ranged).entry("d1").endswith("8–10 Oct 2024 (range).")
    assert citations.Sources(ranged).entry("d2").endswith("date unknown.")
    # a range too wide to date the article says it is undated, and only bounds it
    wide = ranged.assign(published_earliest=["2024-07-01", "2023-10-07"],
                         published_latest=["2024-11-30", "2025-01-13"])
    assert citations.Sources(wide).entry("d1").endswith(
        "undated: between 1 Jul and 30 Nov 2024.")
    assert citations.Sources(wide).entry("d2").endswith(
        "undated: between 7 Oct 2023 and 13 Jan 2025.")
    open_ended = ranged.assign(published_earliest=["2024-07-01", ""],
                               published_latest=["", "2024-11-30"])
    assert citations.Sources(open_ended).entry("d1").endswith("undated: not before 1 Jul 2024.")
    assert citations.Sources(open_ended).entry("d2").endswith("undated: not after 30 Nov 2024.")


def test_a_source_entry_gives_the_title_whole_with_its_own_quotes_made_single():
    long = "Officials said " + "the talks went on " * 12 + "until late"
    docs = DOCS.assign(title=['"Our trust is very low," an official says', long],
                       published_earliest=["", ""], published_latest=["", ""])
    sources = citations.Sources(docs)
    assert sources.entry("d1").startswith("The Jerusalem Post, “‘Our trust is very low,’ an ")
    entry = sources.entry("d2")  # unknown outlet: the title whole, far past the notes' cut
    assert entry.startswith("“Officials said the talks went on the talks")
    assert len(entry) > 120 and "…”" in entry and "“”" not in entry
    quoted_whole = DOCS.assign(title=["“A headline in quotes”", "B"])
    assert citations.Sources(quoted_whole).entry("d1").startswith(
        "The Jerusalem Post, “A headline in quotes”,")


def test_citations_are_numbered_notes_linking_to_the_sources_list():
    sources = citations.Sources(DOCS)
    cites = sources.cite(["d2", "d1", "d2", "missing"])
    assert cites.count("<a ") == 2 and sources.cite_text(["d2", "d1"]) == "[1, 2]"
    listing = sources.listing()
    for n in (1, 2):
        assert f'href="#source-{n}"' in cites and f'id="source-{n}"' in listing
    assert "&lt;script&gt;" in listing and 'href="https://example.org/a"' in listing
    assert "a.txt" not in listing and "b &lt;x&gt;.txt" not in listing  # files: annex only


def test_in_period_keeps_overlapping_ranges_and_undated_rows():
    events = pd.DataFrame({"date": ["2024-09-10", "2024-10-05", "", "2024-11-02"],
                           "date_earliest": ["2024-09-01", "2024-10-05", "", "2024-11-02"],
                           "date_latest": ["2024-10-02", "2024-10-05", "", "2024-11-02"]})
    kept = tables.in_period(events, "2024-10-01", "2024-10-31")
    assert list(kept.index) == [0, 1, 2]


def test_dates_do_not_wrap_in_tables():
    markup = html.table(pd.DataFrame({"date": ["2024-10-01"]})).markup
    assert '<td class="tb-date">2024-10-01</td>' in markup


def test_the_annex_article_list_gives_an_undated_articles_bounds():
    """An auditor sees what bounds an undated article ('2024-07-01 – 2024-11-30 (range)'),
    not a bare 'unknown'; an article nothing bounds stays 'unknown'."""
    from trustbrief.brief.annex import corpus_table
    docs = DOCS.assign(published=["", ""], published_basis=["range", "unknown"],
                       published_earliest=["2024-07-01", ""],
                       published_latest=["2024-11-30", ""], n_sentences=[3, 4])
    markup = corpus_table({"documents": docs}).markup
    assert "2024-07-01 – 2024-11-30 (range)" in markup and "unknown (unknown)" in markup


def test_the_index_does_not_say_every_brief_comes_from_the_seeds():
    """The index lists the briefs of every story built (a corpus story's too): its lead says
    each brief comes from its own story's articles."""
    from trustbrief import site

    page = site.index_html([])
    assert "built from the articles in seeds/" not in page
    assert "each built from its story's articles" in page
