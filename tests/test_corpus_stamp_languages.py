"""Stamps of English pages in layouts the grammar learned late: a date in brackets alone under
a statement's title, a blog platform's author and reading time before the day, bylines and
updates as Asian portals print them, and month and weekday names of other languages
(bilingual state portals; names from dateparser's locale data, data/datelines.yaml
`stamp_languages`). Every text is invented, one per kind of layout."""

from __future__ import annotations

import pytest

from conftest import DATA
from test_corpus_datelines import stated
from test_corpus_datelines_layouts import BODY, iso
from trustbrief import corpus
from trustbrief.corpus.stamp_languages import stamp_names
from trustbrief.knowledge import DataFileError


@pytest.fixture(scope="module")
def grammar():
    return corpus.load_rules(DATA).datelines


@pytest.mark.parametrize("line, date", [
    ("(October 14, 2024)", "2024-10-14"),
    ("(14 October 2024).", "2024-10-14"),
    ("Jane Doe · 5 min read · Oct 14, 2024", "2024-10-14"),
    ("Jane Doe · Follow · 5 min read · Oct 14, 2024", "2024-10-14"),
    ("mardi 15 octobre 2024 16:20", "2024-10-15"),
    ("04 octobre 2024 | 10:45", "2024-10-04"),
    ("14 de octubre de 2024", "2024-10-14"),
    ("Published: 14 de outubro de 2024 - 18:40", "2024-10-14"),
    ("26 октября 2024, 18:40", "2024-10-26"),
    ("26 октября 2024 г.", "2024-10-26"),
    ("4 août 2024", "2024-08-04"),
    # an update in brackets after the stamp, or one counted back from today
    ("2 Oct 2024 11:31AM (Updated: 2 Oct 2024 02:02PM)", "2024-10-02"),
    ("Published October 2, 2024 Updated a day ago", "2024-10-02"),
    # a byline with the writer's role, the paper, then the time before the date
    ("By: Jane Doe - Reporter / Example Daily Star / 11:31 AM October 02, 2024", "2024-10-02"),
    # the writer's place after 'in'; a section or place with a round bullet
    ("Jane Doe in Portville | October 2, 2024", "2024-10-02"),
    ("Portville ● Wed, October 2, 2024", "2024-10-02"),
])
def test_more_stamp_layouts_date_the_page(grammar, line, date):
    assert iso(stated(f"Talks to resume\n{line}\n{BODY}", grammar).date) == date


@pytest.mark.parametrize("line", [
    # a cited date in a sentence, or a date in brackets inside one
    "The talks (October 14, 2024) ended without a deal.",
    # English words that are other languages' month abbreviations never read as months
    "Set 5 2024 goals for the ministry",
    "Out 3 2024",
])
def test_dates_in_sentences_and_english_words_give_nothing(grammar, line):
    assert stated(f"Talks to resume\n{line}\n{BODY}", grammar).date is None


def test_short_foreign_forms_that_are_english_words_are_left_out():
    months, weekdays = stamp_names(DATA / "datelines.yaml", {"stamp_languages": ["es", "pt"]})
    assert {"set", "ago", "out", "dic"}.isdisjoint(months)
    assert months["octubre"] == months["outubro"] == 10 and months["maio"] == 5
    assert "martes" in weekdays


def test_an_unknown_language_is_named_in_the_error():
    with pytest.raises(DataFileError, match="stamp_languages.*'xx'"):
        stamp_names(DATA / "datelines.yaml", {"stamp_languages": ["xx"]})
