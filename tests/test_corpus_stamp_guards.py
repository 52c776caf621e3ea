"""A date near the top that is not this article's stamp must never become its day: a stamp
split over two lines ('Updated' / its date, then 'Published' / its date), and the dates of
related articles listed under a 'Related coverage' or 'Read more' heading.

Every text is invented, one per KIND of layout; none is an outlet's or a file's."""

from __future__ import annotations

import pytest

from conftest import DATA
from test_corpus_credit_lines import page_document
from test_corpus_datelines import stated
from test_corpus_datelines_layouts import BODY, LONG_BODY, iso
from trustbrief import corpus


@pytest.fixture(scope="module")
def grammar():
    return corpus.load_rules(DATA).datelines


@pytest.mark.parametrize("head, date, updated", [
    # the update's label and date on two lines above the first publication's
    ("Updated\nOct 19, 2024, 09:10 AM\nPublished\nOct 18, 2024, 06:42 AM", "2024-10-18",
     "2024-10-19"),
    ("Published\nOct 18, 2024\nUpdated\nOct 19, 2024", "2024-10-18", "2024-10-19"),
    # an update alone: an upper bound, never the day
    ("Last updated\n19 Oct 2024, 09:10", "", "2024-10-19"),
])
def test_a_stamp_split_over_two_lines_is_read_once(grammar, head, date, updated):
    found = stated(f"Talks to resume\n{head}\n{BODY}", grammar)
    assert (iso(found.date), iso(found.updated)) == (date, updated)


@pytest.mark.parametrize("heading", ["Related coverage", "Read more", "READ MORE:", "See also",
                                     "Further reading", "Related", "More on this story"])
def test_a_related_articles_date_is_not_the_stamp(grammar, heading):
    text = (f"Talks to resume\nby Jane Doe\nThe minister said the talks would resume.\n"
            f"{heading}\nNovember 4, 2024\nTalks stall over the agenda\n{BODY}")
    assert stated(text, grammar).date is None


def test_the_own_stamp_above_a_related_list_is_kept(grammar):
    text = ("Talks to resume\nNovember 5, 2024\nRelated coverage\nNovember 4, 2024\n"
            f"Talks stall over the agenda\n{BODY}")
    assert iso(stated(text, grammar).date) == "2024-11-05"


def test_a_related_articles_stamp_under_the_text_is_not_the_stamp(grammar):
    text = f"Talks to resume\n{LONG_BODY}Read more\nPublished August 3, 2024\nTalks stall again\n"
    assert stated(text, grammar).date is None


@pytest.mark.parametrize("heading", ["Read more", "See also", "Related coverage"])
def test_a_related_articles_date_is_not_the_documents_day(heading):
    from test_corpus import cached_rules, one

    text = (f"Talks to resume\nby Jane Doe\nThe minister said on Tuesday the talks would "
            f"resume.\n{heading}\nNovember 4, 2024\nTalks stall over the agenda\n{BODY}")
    doc, _ = one(cached_rules(), text)
    assert (doc["published"], doc["published_basis"]) == ("", "unknown")


def test_a_related_list_closing_the_page_is_links_to_its_end(grammar):
    text = (f"Talks to resume\n{LONG_BODY}Read more\nTalks stall again\nBy Jane Doe\n"
            "Published August 1, 2024\nTalks open in the capital\nPublished July 30, 2024\n")
    assert stated(text, grammar).date is None


def _page(text: str, url: str):
    doc = page_document(text, url)
    return doc["published"], doc["published_earliest"], doc["published_latest"]


def test_a_numeric_date_is_read_the_way_the_address_dates_it():
    # '10/03/2024' with no time zone reads day first (10 March); the address says 3 October
    assert _page(f"Talks to resume\nPosted: 10/03/2024 10:45\n{BODY}",
                 "https://example.org/2024/10/03/talks/") == ("2024-10-03",) * 3
    assert _page(f"Talks to resume\nPosted: 10/03/2024 10:45\n{BODY}",
                 "https://example.org/2024/03/10/talks/") == ("2024-03-10",) * 3


@pytest.mark.parametrize("stamp, url, expected", [
    # the address's day two weeks before the printed one: one of them is not the page's
    ("October 14, 2024", "https://example.org/2024/10/01/talks/",
     ("", "2024-10-01", "2024-10-14")),
    # an update stamp before the publication stamp
    ("Published: 18/10/2024 | Updated: 12/10/2024", "https://example.org/world/talks",
     ("", "2024-10-12", "2024-10-18")),
    # a day apart: a time zone explains it
    ("October 2, 2024", "https://example.org/2024/10/01/talks/", ("2024-10-02",) * 3),
])
def test_stamps_of_one_page_that_disagree_give_a_range(stamp, url, expected):
    assert _page(f"Talks to resume\n{stamp}\n{BODY}", url) == expected


@pytest.mark.parametrize("line", [
    "October 7, 2023, was the deadliest day in the country's history.",  # a sentence
    "Oct. 1, 2024 - Missiles are fired at the capital.",                 # a timeline entry
    "September 27, 2024: A strike hits the headquarters",
    "Portville Heights, October 28, 2023",                               # a caption's place
])
def test_a_line_that_opens_with_a_date_is_no_stamp(grammar, line):
    assert stated(f"Talks to resume\n{line}\n{BODY}", grammar).date is None


@pytest.mark.parametrize("line, date", [
    ("Jane Doe | October 28, 2024", "2024-10-28"),                       # a byline's bar
    ("09 Oct\n2025", "2025-10-09"),                                      # a split stamp
])
def test_bylines_and_split_stamps_still_give_the_day(grammar, line, date):
    assert iso(stated(f"Talks to resume\n{line}\n{BODY}", grammar).date) == date


@pytest.mark.parametrize("heading", ["3 Comments", "Leave a Reply", "Comments (2)"])
def test_a_readers_comment_stamp_is_not_the_stamp(grammar, heading):
    text = (f"Talks to resume\n{LONG_BODY}{heading}\nA reader\nPosted on Nov 30, 2024 by reader12\n"
            "The talks will fail again.\n")
    assert stated(text, grammar).date is None


def test_a_comment_count_in_the_head_hides_no_stamp(grammar):
    text = f"Talks to resume\nBy Jane Doe\n3 Comments\nOctober 3, 2024\n{LONG_BODY}"
    assert iso(stated(text, grammar).date) == "2024-10-03"
