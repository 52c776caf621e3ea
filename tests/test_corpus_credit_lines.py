"""Credit lines on pages of outlets the data does not know: whose copy a page carries is
credited only when the credit names a known agency or outlet ('by: Jane Doe, The Hill',
'Example Monde with AFP', '(With inputs from Reuters)'); a parent company's copyright or
'(With inputs from agencies)' names nobody.

Every text is invented, one per KIND of layout; none is an outlet's or a file's."""

from __future__ import annotations

import pytest

from conftest import DATA
from test_corpus_datelines import stated
from test_corpus_datelines_layouts import BODY, LONG_BODY
from trustbrief import corpus


@pytest.fixture(scope="module")
def grammar():
    return corpus.load_rules(DATA).datelines


@pytest.mark.parametrize("line, origin", [
    ("by: Jane Doe, The Hill", "The Hill"),
    ("By Jane Doe, The Associated Press", "Associated Press"),
    ("Example Monde with AFP", "Agence France-Presse"),
    ("Jane Doe with Reuters and AFP", "Reuters"),
    # a Title Case headline writes 'With'; an unknown name is no agency
    ("Netanyahu Interview With Reuters", ""),
    ("Example Monde with Friends", ""),
])
def test_a_byline_credit_at_the_top(grammar, line, origin):
    assert stated(f"Talks to resume\n{line}\n{BODY}", grammar).origin == origin


@pytest.mark.parametrize("line, origin", [
    ("(With inputs from Reuters)", "Reuters"),
    ("(With inputs from agencies)", ""),
    ("With agency inputs", ""),
    ("Copyright 2024 The Associated Press. All rights reserved.", "Associated Press"),
    ("©2024 Example Television Stations", ""),
    ("Copyright 2024 Example Media Inc. All rights reserved. This material may not be "
     "published, broadcast, rewritten, or redistributed.", ""),
])
def test_a_credit_line_under_the_text(grammar, line, origin):
    assert stated(f"Talks to resume\n{LONG_BODY}{line}\n", grammar).origin == origin


def page_document(text: str, url: str) -> dict:
    """The document row of an invented page `text` saved from the address `url`."""
    from test_corpus import cached_rules, one

    doc, _ = one(cached_rules(), f"{text}\nContent retrieved from: {url}\n")
    return doc


@pytest.mark.parametrize("top, bottom, origin", [
    ("AFP\nOctober 3, 2024", "", "Agence France-Presse"),     # an agency where the byline goes
    ("The Hill\nStory by Jane Doe", "", "The Hill"),          # an aggregator's provider line
    ("October 3, 2024", "REUTERS", "Reuters"),                # an agency's name as the last line
    ("October 3, 2024", "", "Example Tribune"),               # nobody else's copy
])
def test_a_known_name_on_another_sites_page_is_whose_copy_it_carries(top, bottom, origin):
    doc = page_document(f"Talks to resume\n{top}\n{LONG_BODY}{bottom}",
                        "https://www.exampletribune.com/world/talks-to-resume")
    assert doc["origin"] == origin


def test_the_sites_own_name_atop_its_page_credits_nobody_else():
    doc = page_document(f"Talks to resume\nReuters\n{LONG_BODY}",
                        "https://www.reuters.com/world/x/")
    assert (doc["outlet"], doc["origin"]) == ("Reuters", "Reuters")


def test_a_print_edition_line_gives_the_sites_name_in_full():
    doc = page_document(f"Talks to resume\nAFP\n{LONG_BODY}Published in The Example "
                        "Tribune, October 3rd, 2024.",
                        "https://tribune.example.pk/story/123/talks-to-resume")
    assert (doc["outlet"], doc["origin"]) == ("The Example Tribune", "Agence France-Presse")
    # its date is the paper's, not the page's
    assert doc["published"] == ""


@pytest.mark.parametrize("line, date, updated, origin", [
    ("By AFP - Nov 05,2024 - Last updated at Nov 05,2024", "2024-11-05", "2024-11-05",
     "Agence France-Presse"),
    ("By Reuters | Oct 14, 2024", "2024-10-14", "", "Reuters"),
    ("World News | Press Trust of India | Updated: October 03, 2024 8:41 am IST", "",
     "2024-10-03", "Press Trust of India"),
    ("Saturday, 26 October 2024, 10:13 by Reuters", "2024-10-26", "", "Reuters"),
    ("Posted on Oct 2, 2024 by admin", "2024-10-02", "", ""),
    ("Washington / AFP", "", "", "Agence France-Presse"),
    # a caption-like 'place / name' with an unknown name states nothing
    ("Portville / Jane", "", "", ""),
])
def test_an_agency_named_with_the_stamp_or_the_place(grammar, line, date, updated, origin):
    found = stated(f"Talks to resume\n{line}\n{BODY}", grammar)
    assert (found.date.iso() if found.date else "", found.updated.iso() if found.updated
            else "", found.origin) == (date, updated, origin)


def test_a_syndicated_feed_note_says_the_page_relays():
    found = stated(f"Talks to resume\n{LONG_BODY}(Except for the headline, this story has not "
                   "been edited by Example staff and is published from a syndicated feed.)\n",
                   corpus.load_rules(DATA).datelines)
    assert found.relays


@pytest.mark.parametrize("line, outlet", [("Example18.com", "Example18.com"),
                                          ("U.S. officials", "")])
def test_the_sites_address_under_the_headline_names_it(grammar, line, outlet):
    assert stated(f"Talks to resume\nBy Jane Doe\n{line}\n{BODY}", grammar).outlet == outlet
