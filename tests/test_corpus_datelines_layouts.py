"""More kinds of printed-date layout (data/datelines.yaml): reading-time furniture before the
date, the time before the date, credit lines '<AGENCY>, <date>', an agency page's header,
desk paths, place-and-country datelines, a space before the year's comma.

Every text is invented, one per KIND of layout; none is an outlet's or a file's."""

from __future__ import annotations

import pytest

from conftest import DATA
from test_corpus_datelines import stated as stated_by
from trustbrief import corpus

BODY = ("The minister said the talks would resume next week, officials said.\n"
        "He added that both sides had agreed on an agenda.\n"
        "A spokesman declined to comment further on the matter.\n"
        "The next round is expected in the capital.\n")


@pytest.fixture(scope="module")
def rules():
    return corpus.load_rules(DATA)


def stated(text: str, rules):
    return stated_by(text, rules.datelines)


def iso(date) -> str:
    return date.iso() if date else ""


@pytest.mark.parametrize("line, date, updated", [
    # reading-time furniture before the date
    ("5 min read · Aug 3, 2024", "2024-08-03", ""),
    ("3 min read | 03 August 2024 10:45", "2024-08-03", ""),
    # a space before the year's comma, a colon before the time
    ("Published: 03 August ,2024: 10:45 AM GST", "2024-08-03", ""),
    # the time before the date
    ("13:45, 03.08.2024", "2024-08-03", ""),
    ("10:45 AM | August 3, 2024", "2024-08-03", ""),
    # desk and site names joined by slashes, then the stamp (an update bounds from above)
    ("Example Desk / EXAMPLE.COM / Updated: Aug 3, 2024, 10:45 IST", "", "2024-08-03"),
    # other words for the publication stamp
    ("Publication date: 3 August 2024", "2024-08-03", ""),
    ("Date of publication: 03.08.2024", "2024-08-03", ""),
    ("Created on 3 Aug 2024", "2024-08-03", ""),
    # a section or place, the date, then the time after a bullet
    ("Portville • 3 August 2024 • 13:45", "2024-08-03", ""),
])
def test_more_timestamp_layouts(rules, line, date, updated):
    found = stated(f"Talks to resume\n{line}\n{BODY}", rules)
    assert (iso(found.date), iso(found.updated)) == (date, updated)


@pytest.mark.parametrize("line, origin", [
    ("AFP, Aug 3, 2024", "Agence France-Presse"),
    ("Reuters, 3 August 2024 10:45", "Reuters"),
])
def test_an_agency_credit_line_with_a_date_dates_and_credits_the_copy(rules, line, origin):
    for text in (f"Talks to resume\n{line}\n{BODY}", f"Talks to resume\n{BODY}— {line}\n"):
        found = stated(text, rules)
        assert (iso(found.date), found.origin) == ("2024-08-03", origin)


def test_a_caption_of_place_and_date_is_no_credit_line(rules):
    lines = BODY + "The talks were held in the capital.\nBoth delegations left early.\n"
    found = stated(f"Talks to resume\n{lines}Portville, October 28, 2023\n", rules)
    assert found.date is None


def test_an_agency_page_header_names_source_and_stamp(rules):
    found = stated("Talks to resume\nSource: Xinhua| 2024-08-03 10:45:12|Editor: desk\n"
                   + BODY, rules)
    assert (iso(found.date), found.origin) == ("2024-08-03", "Xinhua")


def test_a_dateline_with_place_and_country(rules):
    found = stated("Talks to resume\nPORTVILLE, Examplestan, August 3. By Jane Doe – "
                   "Agency:\n" + BODY, rules)
    assert (iso(found.date), found.place) == ("--08-03", "PORTVILLE")


def test_a_place_and_date_dateline_ending_with_a_known_agency(rules):
    found = stated("Talks to resume\nPortville, August 3, AZERTAC\n" + BODY, rules)
    assert iso(found.date) == "--08-03"
    assert found.origin


def test_a_known_agency_in_brackets_before_the_text_without_a_dash(rules):
    found = stated("Talks to resume\nPORTVILLE, Aug 3 (PTI) The minister said more.\n" + BODY,
                   rules)
    assert iso(found.date) == "--08-03"
    assert found.origin == "Press Trust of India"
    unknown = stated("Talks to resume\nPORTVILLE, Aug 3 (Somebody) The minister said.\n"
                     + BODY, rules)
    assert unknown.date is None


@pytest.mark.parametrize("first_line, date", [
    ("PORTVILLE, AUGUST 3, ARMENPRESS. The minister said more.", "--08-03"),
    ("PORTVILLE, August 3. KAZINFORM - The minister said more.", "--08-03"),
    ("PORTVILLE. KAZINFORM - The minister said more.", ""),
])
def test_a_national_agency_in_capitals_after_place_and_date(rules, first_line, date):
    found = stated(f"Talks to resume\n{first_line}\n{BODY}", rules)
    assert (iso(found.date), found.place) == (date, "PORTVILLE")
    assert found.origin in ("Armenpress", "Kazinform")


def test_an_unknown_name_in_capitals_after_a_place_is_no_agency(rules):
    found = stated("Talks to resume\nPORTVILLE, August 3, NOBODY. The minister said.\n" + BODY,
                   rules)
    assert found.origin == ""


@pytest.mark.parametrize("line", ["Portville, 3 August 2024, 13:45",
                                  "Portville, 3 August 2024, 13:45 (APA)",
                                  "In: World · August 3, 2024"])
def test_a_place_or_section_with_a_stamp(rules, line):
    found = stated(f"Talks to resume\n{line}\n{BODY}", rules)
    assert iso(found.date) == "2024-08-03"


LONG_BODY = "".join(f"Sentence {i} of the body tells more about the talks.\n" for i in range(15))


@pytest.mark.parametrize("last_line, date, updated", [
    ("Published August 3, 2024", "2024-08-03", ""),
    ("Posted on 03/08/2024 by Jane Doe", "2024-08-03", ""),
    ("First published on Sat 3 Aug 2024 10.45 BST", "2024-08-03", ""),
    ("Last updated: August 4, 2024", "", "2024-08-04"),
    # a bare date may be a related article's; a republished copy's original day is not its own
    ("August 3, 2024", "", ""),
    ("Originally published on August 3, 2024", "", ""),
])
def test_a_labelled_stamp_under_the_text(rules, last_line, date, updated):
    found = stated(f"Talks to resume\n{LONG_BODY}{last_line}\n", rules)
    assert (iso(found.date), iso(found.updated)) == (date, updated)
