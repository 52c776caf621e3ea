"""Web archives' copies, numeric stamps the page does not settle, state agencies' and
ministries' layouts (numbered releases, another calendar beside the Gregorian one), a
translation's credit, and the site's own logo atop its page.

Every text is invented, one per KIND of layout; none is an outlet's or a file's."""

from __future__ import annotations

import datetime as dt

import pytest

from test_corpus_datelines import DATA, one
from test_corpus_datelines import stated as stated_by
from trustbrief import corpus
from trustbrief.corpus.archives import original_address
from trustbrief.dating.clues import printed_clue

BODY = ("The minister said the talks would resume next week, officials said.\n"
        "He added that both sides had agreed on an agenda.\n"
        "A spokesman declined to comment further on the matter.\n")


@pytest.fixture(scope="module")
def rules():
    return corpus.load_rules(DATA)


def stated(text: str):
    return stated_by(text, corpus.load_rules(DATA).datelines)


def iso(date) -> str:
    return date.iso() if date else ""


@pytest.mark.parametrize("url, original", [
    ("https://web.archive.org/web/20241120093012/https://portviewnews.example/2024/10/15/talks",
     "https://portviewnews.example/2024/10/15/talks"),
    ("http://web.archive.org/web/20241120093012id_/portviewnews.example/talks",
     "https://portviewnews.example/talks"),
    ("https://archive.ph/2024.12.02-101530/https://portviewnews.example/talks",
     "https://portviewnews.example/talks"),
    ("https://webcache.googleusercontent.com/search?q=cache:AbC12-x:portviewnews.example/talks"
     "&hl=en", "https://portviewnews.example/talks"),
    ("https://www.webcitation.org/6abc123?url=https://portviewnews.example/talks",
     "https://portviewnews.example/talks"),
    ("https://portviewnews.example/2024/10/15/talks",
     "https://portviewnews.example/2024/10/15/talks"),
])
def test_an_archive_copy_is_read_by_the_archived_pages_address(rules, url, original):
    assert original_address(url, rules.datelines) == original


def test_an_archive_copy_is_dated_and_named_by_the_page_it_keeps(rules):
    capture = ("https://web.archive.org/web/20241120093012/"
               "https://portviewnews.example/2024/10/15/talks-resume")
    doc = one(rules, "Talks to resume\n" + BODY, {"file": "a.txt", "url": capture})
    assert (doc["published"], doc["outlet"]) == ("2024-10-15", "Portview News")
    assert doc["url"] == capture  # the analyst's address is kept as given
    # the archive's toolbar, as text extraction keeps it, gives the address too
    text = (f"The Wayback Machine - {capture}\n38 captures\n15 Oct 2024 - 02 Dec 2024\n"
            "Talks to resume\n" + BODY)
    doc = one(rules, text)
    assert (doc["published"], doc["outlet"]) == ("2024-10-15", "Portview News")


def test_a_source_url_line_gives_the_address(rules):
    """'Source URL: https://...' under the text (boilerplate.yaml source_url) is the page's
    address: it dates and names the page, and is no sentence."""
    doc = one(rules, f"Talks to resume\n{BODY}"
                     "Source URL: https://portviewnews.example/2024/10/15/talks\n")
    assert (doc["url"], doc["published"], doc["outlet"]) == (
        "https://portviewnews.example/2024/10/15/talks", "2024-10-15", "Portview News")


@pytest.mark.parametrize("stamp, published, span", [
    # nothing settles which number is the month: no day, both readings
    ("Published on 10-09-2024 21:15", "", ("2024-09-10", "2024-10-09")),
    ("11/05/2024 - 20:41 | Modified: 11/06/2024 - 08:10", "", ("2024-05-11", "2024-11-05")),
    # dots are day first wherever printed; a weekday beside it; a month-first time zone
    ("Published on 10.09.2024 21:15", "2024-09-10", None),
    ("Wed 02-10-2024 14:22", "2024-10-02", None),
    ("Published 10/09/2024 9:15 PM EDT", "2024-10-09", None),
    # a day over 12 can be read one way only
    ("Published on 10/19/2024 21:15", "2024-10-19", None),
])
def test_a_numeric_stamp_is_a_day_only_when_the_page_settles_its_order(rules, stamp,
                                                                       published, span):
    doc = one(rules, f"Talks to resume\n{stamp}\n{BODY}")
    assert doc["published"] == published
    if span:
        assert (doc["published_earliest"], doc["published_latest"]) == span
        assert doc["published_printed"] == "|".join(span)


def test_a_stamp_with_the_month_named_settles_a_numeric_one(rules):
    text = ("Talks to resume\n02/10/2024\n"
            "PORTVILLE, Rabi'I 29, 1446, October 02, 2024, SPA -- The minister said more.\n"
            + BODY)
    assert one(rules, text)["published"] == "2024-10-02"


def test_the_address_settles_a_numeric_stamp(rules):
    doc = one(rules, f"Talks to resume\nPublished on 10-09-2024 21:15\n{BODY}",
              {"file": "a.txt", "url": "https://portviewnews.example/2024/10/09/talks"})
    assert doc["published"] == "2024-10-09"


def test_either_reading_is_a_clue_dating_weighs():
    clue = printed_clue({"doc_id": "d1", "published_printed": "2024-09-10|2024-10-09"})
    assert [clue.holds(dt.date(2024, m, d)) for m, d in ((9, 10), (10, 9), (10, 1))] == \
        [True, True, False]


@pytest.mark.parametrize("line, date, origin", [
    ("No: 245, 26 October 2024, Press Release Regarding the Talks", "2024-10-26", ""),
    ("No. 412/24 - 12.10.2024", "2024-10-12", ""),
    ("Publish date 17.10.2024", "2024-10-17", ""),
    # another calendar's date first, the Gregorian one beside it
    ("PORTVILLE, Rabi'I 29, 1446, October 02, 2024, SPA -- The minister said more.",
     "2024-10-02", "Saudi Press Agency"),
    ("Portville, 5 Aban 1403, October 26, 2024 (IRNA) - The minister said more.",
     "2024-10-26", "IRNA"),
    # a national agency's credit with its date, a space before the comma
    ("MENA , Monday 30 Sep 2024", "2024-09-30", "Middle East News Agency"),
    # a slash between day and year; an agency of two words in brackets, no dash after it
    ("Portville, October 5/2024 (ENA) The minister said more.", "2024-10-05",
     "Ethiopian News Agency"),
    ("Portville, Oct 1, 2024 (Prensa Latina) The minister said more.", "2024-10-01",
     "Prensa Latina"),
])
def test_state_agency_and_ministry_stamps(line, date, origin):
    found = stated(f"Talks to resume\n{line}\n{BODY}")
    assert (iso(found.date), found.origin) == (date, origin)


def test_another_calendars_date_alone_is_no_date():
    found = stated(f"Talks to resume\nSaturday, 5 Aban 1403 - 10:12\n15 Tishrei 5785\n{BODY}")
    assert found.date is None


def test_a_translation_credits_its_original_but_not_its_day():
    found = stated(f"Talks to resume\n03.10.2024\nTranslated by Jane Doe\n"
                   f"Original: RIA Novosti, 02.10.2024\n{BODY}")
    assert (iso(found.date), found.origin) == ("2024-10-03", "RIA Novosti")
    assert found.relays


def test_editors_initials_joined_by_slashes_are_no_agency():
    found = stated(f"Talks to resume\n{BODY}\n*****\nABCD/EF\n")
    assert found.origin == ""


def test_a_site_named_by_its_initials_prints_its_full_name(rules):
    text = f"Ministry of Foreign Affairs\nPress Release\nTalks to resume\n{BODY}"
    doc = one(rules, text, {"file": "a.txt", "url": "https://www.mfa.example.gov/release-1"})
    assert doc["outlet"] == "Ministry of Foreign Affairs"


def test_a_known_name_atop_the_page_is_its_logo_and_a_wire_below_it_the_origin(rules):
    text = f"JAPAN TODAY\nTalks to resume\nKYODO\nOct. 27 06:45 am JST\n{BODY}"
    doc = one(rules, text)
    assert (doc["outlet"], doc["origin"]) == ("Japan Today", "Kyodo")
    doc = one(rules, text, {"file": "a.txt", "url": "https://japantoday.com/category/world/x"})
    assert (doc["outlet"], doc["origin"]) == ("Japan Today", "Kyodo")


def test_a_masthead_line_naming_the_state_first_is_named_in_full(rules):
    text = f"Republic of Examplestan Ministry of Foreign Affairs\nPress Releases\n{BODY}"
    doc = one(rules, text, {"file": "a.txt", "url": "https://www.mfa.example.gov/release-1"})
    assert doc["outlet"] == "Republic of Examplestan Ministry of Foreign Affairs"


def test_a_masthead_line_naming_the_state_last_is_named_in_full(rules):
    text = f"Ministry of Foreign Affairs of Examplestan\nPress Releases\n{BODY}"
    doc = one(rules, text, {"file": "a.txt", "url": "https://www.mofa.example.gov/release-1"})
    assert doc["outlet"] == "Ministry of Foreign Affairs of Examplestan"


def test_a_portal_bar_names_the_wire_the_site_and_the_stamp():
    found = stated(f"Talks to resume\nBy Xinhua | chinadaily.com.cn | Updated: 2024-10-03 09:41\n"
                   f"{BODY}")
    assert (found.origin, found.outlet, iso(found.updated)) == ("Xinhua", "China Daily",
                                                                 "2024-10-03")


def test_one_author_and_a_syndicate_of_several_words():
    found = stated(f"Talks to resume\nby: Jane Doe, Nexstar Media Wire\n{BODY}")
    assert (found.author, found.origin) == ("Jane Doe", "Nexstar Media Wire")


@pytest.mark.parametrize("masthead", ["Ministry of Foreign Affairs", "Prime Minister's Office",
                                      "Republic of Examplestan Ministry of Defence",
                                      "Examplestani Foreign Ministry",
                                      "The White House",
                                      # the state after the body's name
                                      "Ministry of Foreign Affairs of the Republic of Examplestan",
                                      "Embassy of the Republic of Examplestan in Portville",
                                      "Ministry of Foreign Affairs, Republic of Examplestan"])
def test_a_state_bodys_name_atop_its_page_is_the_publisher(rules, masthead):
    text = f"Skip to content\n{masthead}\nPress Release\nTalks to resume\n{BODY}"
    assert one(rules, text)["outlet"] == masthead


def test_a_government_portal_is_named_by_the_office_its_page_names(rules):
    text = f"GOV.EX\nPrime Minister's Office\nSpokesperson's announcement\n{BODY}"
    doc = one(rules, text, {"file": "a.txt", "url": "https://www.gov.ex/en/news/talks"})
    assert doc["outlet"] == "Prime Minister's Office"


def test_a_ministry_named_in_a_sentence_is_no_masthead(rules):
    text = f"Talks to resume\nThe Ministry of Foreign Affairs said the talks would resume.\n{BODY}"
    assert one(rules, text)["outlet"] == "unknown"


@pytest.mark.parametrize("line", ["Oval Office", "State Department", "Press Office"])
def test_a_tag_or_caption_naming_an_office_is_no_masthead(rules, line):
    assert one(rules, f"Talks to resume\n{line}\n{BODY}")["outlet"] == "unknown"


@pytest.mark.parametrize("line, date", [
    ("Press release No. 412/24 12 October 2024", "2024-10-12"),
    ("26.10.2024, 10:15 | Politics", "2024-10-26"),
])
def test_a_release_number_or_a_section_beside_the_stamp(line, date):
    assert iso(stated(f"Talks to resume\n{line}\n{BODY}").date) == date


def test_a_timeline_entry_opening_with_a_date_is_no_stamp():
    found = stated(f"Talks to resume\nOct. 1, 2024 | Missiles were fired at the base\n{BODY}")
    assert found.date is None
