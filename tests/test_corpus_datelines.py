"""Datelines, bylines, timestamps, credit lines and URL dates (data/datelines.yaml), and the
publication date, outlet and origin the corpus stage draws from them.

Every text is invented, one per KIND of layout wire services, portals and blogs print."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pandas as pd
import pytest
import yaml

from trustbrief import corpus
from trustbrief.corpus import datelines
from trustbrief.corpus.datelines import PrintedDate
from trustbrief.corpus.origins import canonical_lookup
from trustbrief.knowledge import DataFileError

DATA = Path(__file__).resolve().parents[1] / "data"


@pytest.fixture(scope="module")
def rules():
    return corpus.load_rules(DATA)


@pytest.fixture(scope="module")
def grammar(rules):
    return rules.datelines


def stated(text: str, grammar) -> datelines.Statement:
    return datelines.scan(text, grammar, canonical_lookup(corpus.load_rules(DATA).outlets.names))


BODY = "The minister said the talks would resume next week, officials said.\n"


@pytest.mark.parametrize("first_line, date, origin, place", [
    ("MOSCOW, December 27. /TASS/. " + BODY, "--12-27", "TASS", "MOSCOW"),
    ("BEIRUT (Reuters) - " + BODY, "", "Reuters", "BEIRUT"),
    ("WASHINGTON (AP) — " + BODY, "", "AP", "WASHINGTON"),
    ("ANKARA (AA) – " + BODY, "", "AA", "ANKARA"),
    ("Dec 28 (Reuters) - " + BODY, "--12-28", "Reuters", ""),
    ("Oct. 2 (UPI) -- " + BODY, "--10-02", "UPI", ""),
    ("BEIJING, Oct. 15 (Xinhua) -- " + BODY, "--10-15", "Xinhua", "BEIJING"),
    ("WASHINGTON, Oct. 15 - " + BODY, "--10-15", "", "WASHINGTON"),
    ("MANILA, Philippines (AP) — " + BODY, "", "AP", "MANILA, Philippines"),  # AP: city, country
    ("ARLINGTON, Va. (AP) — " + BODY, "", "AP", "ARLINGTON, Va."),
    ("OTTAWA/NEW DELHI, Oct 19 (Reuters) - " + BODY, "--10-19", "Reuters",
     "OTTAWA/NEW DELHI"),                                      # a wire filed from two cities
    ("WASHINGTON, Oct 14 (Reuters) - " + BODY, "--10-14", "Reuters", "WASHINGTON"),
])
def test_wire_datelines(grammar, first_line, date, origin, place):
    found = stated(f"Talks to resume\n{first_line}", grammar)
    assert (found.date.iso() if found.date else "") == date
    canonical = {"AP": "Associated Press", "AA": "Anadolu", "UPI": "United Press International"}
    assert found.origin == canonical.get(origin, origin)
    assert found.place == place


@pytest.mark.parametrize("first_line, origin, place", [
    ("Tel Aviv (dpa) - " + BODY, "Deutsche Presse-Agentur", "Tel Aviv"),  # in lower case
    ("Jerusalem, Oct 8 (EFE).- " + BODY, "EFE", "Jerusalem"),               # '.' before the dash
    ("Washington DC [US], October 8 (ANI): " + BODY, "Asian News International",
     "Washington DC"),                                                     # country in brackets
    ("Tehran, IRNA -- " + BODY, "IRNA", "Tehran"),                         # no brackets at all
])
def test_more_agency_dateline_layouts(grammar, first_line, origin, place):
    found = stated(f"Talks to resume\n{first_line}", grammar)
    assert (found.origin, found.place) == (origin, place)


@pytest.mark.parametrize("first_line", [
    "Tel Aviv (file) - " + BODY,        # a word in brackets no data file knows as an agency
    "Tehran, Iran -- " + BODY,          # a place after the place
])
def test_unknown_words_in_a_dateline_are_no_agency(grammar, first_line):
    assert stated(f"Talks to resume\n{first_line}", grammar).origin == ""


@pytest.mark.parametrize("byline, origin, author", [
    ("By Jane Doe, Associated Press", "Associated Press", "Jane Doe"),
    ("By Jane Doe | The Associated Press", "Associated Press", "Jane Doe"),
    ("By JANE DOE Associated Press", "Associated Press", "JANE DOE"),
    ("By Jane Doe and John Roe / AFP", "Agence France-Presse", "Jane Doe and John Roe"),
    ("By Jane Doe, Jerusalem", "", "Jane Doe"),   # a place, not an agency
])
def test_a_wire_byline_names_the_origin(grammar, byline, origin, author):
    found = stated(f"Talks to resume\n{byline}\n{BODY}", grammar)
    assert (found.origin, found.author) == (origin, author)


def test_a_staff_byline_still_names_the_outlet_not_a_wire(grammar):
    found = stated("Talks to resume\nBy World Example News Staff\n" + BODY, grammar)
    assert (found.outlet, found.origin) == ("World Example News", "")


def test_the_reporting_and_editing_signoff_is_the_reuters_house_credit(grammar):
    found = stated(f"Talks to resume\n{BODY}(Reporting by Jane Doe in Jerusalem; Editing by "
                   "John Roe)\n", grammar)
    assert found.origin == "Reuters"
    # staff credits without the house layout name nobody
    assert stated(f"Talks\n{BODY}Reporting by Jane Doe.\n", grammar).origin == ""


def test_a_place_in_parentheses_is_not_an_agency(grammar):
    found = stated("Leaders speak\n(TEL AVIV) - " + BODY, grammar)
    assert found.origin == ""


def test_a_place_in_parentheses_with_a_double_dash_is_the_abc_house_dateline(grammar):
    # an affiliate's copy: the layout names the service, the place is only the place
    found = stated("Leaders speak\n(TEL AVIV) -- " + BODY, grammar)
    assert (found.origin, found.place) == ("ABC News", "TEL AVIV")


@pytest.mark.parametrize("line, date, updated", [
    ("by Jane Doe June 29, 2025 10:13 PM 2 min read", "2025-06-29", ""),
    ("By    |   Monday, 14 October 2024 11:01 PM EDT", "2024-10-14", ""),
    ("Jane Doe  | 30.06.2025 - Update : 01.07.2025", "2025-06-30", "2025-07-01"),
    ("Oct. 2, 2024 / 9:27 PM", "2024-10-02", ""),
    ("Wednesday, August 21, 2024", "2024-08-21", ""),
    ("1 July 2025 16:31 (UTC+04:00)", "2025-07-01", ""),
    ("Published: 14/10/2024 10:45:12 GMT", "2024-10-14", ""),
    ("Posted on Oct 2, 2024 by admin", "2024-10-02", ""),
    ("Updated 3:15 PM EDT, Mon October 14, 2024", "", "2024-10-14"),
    ("Last updated: October 14, 2024 at 10:45 PM IST", "", "2024-10-14"),
    ("30 Dec. 13:30 (UTC+3 MSK)", "--12-30", ""),
    ("2024-10-14 10:45:12", "2024-10-14", ""),
    ("Published 2:32 PM EDT, Tue October 1, 2024", "2024-10-01", ""),
    ("Tuesday 1 October 2024 14:32, UK", "2024-10-01", ""),
    # a byline with a credit, 'on', or the time after a bar; an update only bounds the day
    ("By Jane Doe, Staff Writer | Oct 14, 2024", "2024-10-14", ""),
    ("By Jane Doe | October 14, 2024 | 10:45 AM", "2024-10-14", ""),
    ("Written by Jane Doe on 14 October 2024", "2024-10-14", ""),
    ("By Jane Doe and John Roe | Updated October 15, 2024", "", "2024-10-15"),
    ("Jane Doe, Senior Correspondent | October 14, 2024", "2024-10-14", ""),
    # machine stamps, hyphenated month names, both stamps with the time first
    ("2024-10-14T10:45:00Z", "2024-10-14", ""),
    ("Published: 2024-10-14T23:45:00+03:00", "2024-10-14", ""),
    ("14-Oct-2024", "2024-10-14", ""),
    ("PUBLISHED: 10:45 EDT, 14 October 2024 | UPDATED: 12:00 EDT, 15 October 2024",
     "2024-10-14", "2024-10-15"),
    ("Updated on: Oct 15, 2024 | 10:45 am IST", "", "2024-10-15"),
    # the section's name with the date above the headline
    ("News | 14 October 2024", "2024-10-14", ""),
    ("World Politics - October 14, 2024", "2024-10-14", ""),
    # a stamp's own word is no section name: an update stays an update
    ("ANI | Updated: Oct 14, 2024 10:45 IST", "", "2024-10-14"),
    ("Updated - October 14, 2024 at 10:45 am IST", "", "2024-10-14"),
    ("Published - October 14, 2024 10:45 am IST", "2024-10-14", ""),
])
def test_timestamp_and_byline_lines(grammar, line, date, updated):
    found = stated(f"Talks to resume\n{line}\n{BODY}", grammar)
    assert (found.date.iso() if found.date else "") == date
    assert (found.updated.iso() if found.updated else "") == updated


def test_a_byline_credit_is_an_origin_only_when_it_is_a_known_agency(grammar):
    wire = stated(f"Talks to resume\nBy Jane Doe, Reuters | Oct 14, 2024\n{BODY}", grammar)
    assert (wire.origin, wire.author, wire.date) == ("Reuters", "Jane Doe",
                                                     PrintedDate(2024, 10, 14))
    desk = stated(f"Talks to resume\nBy Jane Doe, Staff Writer | Oct 14, 2024\n{BODY}", grammar)
    assert (desk.origin, desk.author) == ("", "Jane Doe")


def test_a_place_and_a_dash_before_the_full_date_is_a_dateline(grammar):
    found = stated(f"Talks to resume\nWASHINGTON — Tuesday, October 1, 2024: {BODY}", grammar)
    assert (found.date, found.place) == (PrintedDate(2024, 10, 1), "WASHINGTON")


@pytest.mark.parametrize("last_line, date, updated", [
    ("This article was originally published on October 14, 2024.", "2024-10-14", ""),
    ("This story was first published on 14 October 2024.", "2024-10-14", ""),
    ("This article was updated on October 15, 2024 to correct a name.", "", "2024-10-15"),
    ("Editor's note: this story has been updated on Oct. 15, 2024.", "", "2024-10-15"),
])
def test_a_note_at_the_bottom_dates_the_article_itself(grammar, last_line, date, updated):
    found = stated(f"Talks to resume\n{BODY * 12}{last_line}\n", grammar)
    assert (found.date.iso() if found.date else "") == date
    assert (found.updated.iso() if found.updated else "") == updated
    assert (found.origin, found.relays) == ("", "")  # a day is no outlet it relays


def test_a_copy_of_another_outlets_story_relays_it_without_its_day(grammar):
    found = stated(f"Talks to resume\n{BODY * 12}This article originally appeared on Example "
                   "News on October 14, 2024.\n", grammar)
    assert (found.origin, found.date) == ("Example News", None)


def test_a_headline_with_a_date_is_no_section_line(grammar):
    # a line of more words than a section's name tells what happened on that day
    found = stated(f"Leaders to meet in Geneva - October 14, 2024\n{BODY}", grammar)
    assert found.date is None


def test_a_date_split_over_two_short_lines_is_read_joined(grammar):
    found = stated("09 Oct\n2025\n22° c CITY\nHeadline of the day\n" + BODY, grammar)
    assert found.date == PrintedDate(2025, 10, 9)


def test_a_caption_holding_a_date_is_not_a_timestamp(grammar):
    found = stated("Talks\nThe destroyer fires during an exercise on Tuesday, Oct. 1, 2024. "
                   "(U.S. Navy)\n" + BODY, grammar)
    assert found.date is None


@pytest.mark.parametrize("last_line, origin", [
    ("XINHUA/ portal - AB_07", "Xinhua"),
    ("Copyright 2024 The Associated Press. All rights reserved.", "Associated Press"),
    ("Copyright © 2024 The Associated Press. All rights reserved.", "Associated Press"),
    ("(With inputs from Reuters)", "Reuters"),
])
def test_credit_lines_name_the_origin(grammar, last_line, origin):
    found = stated(f"Talks to resume\n{BODY}{BODY}{last_line}\n", grammar)
    assert found.origin == origin


@pytest.mark.parametrize("footer, outlet", [
    ("Follow Middle East Eye on X for the latest news.", "Middle East Eye"),
    ("Subscribe to the Jerusalem Post on YouTube", "The Jerusalem Post"),
    ("Follow Jane Doe on X", ""),   # a reporter's account, not an outlet's
])
def test_a_footer_inviting_readers_to_its_accounts_names_the_outlet(grammar, footer, outlet):
    assert stated(f"Talks to resume\n{BODY}{BODY}{footer}\n", grammar).outlet == outlet


def test_a_source_line_names_the_origin_but_an_address_does_not(grammar):
    found = stated("Talks to resume\nThe minister said so.\nSource: Minval, a local news site, "
                   "as reported by another\n" + BODY, grammar)
    assert found.origin == "Minval"
    assert stated("Talks\nSource: https://example.com/a\n" + BODY, grammar).origin == ""


def test_a_lede_crediting_a_wire_names_the_origin(grammar):
    found = stated("The minister admitted the error on Thursday, reports Associated Press.\n"
                   + BODY, grammar)
    assert found.origin == "Associated Press"


@pytest.mark.parametrize("url, expected", [
    ("https://example.com/news/2024/10/14/talks-resume/", PrintedDate(2024, 10, 14)),
    ("https://example.com/20240804/talks-resume-1119633674.html", PrintedDate(2024, 8, 4)),
    ("https://example.com/report/talks-resume/20251009.htm", PrintedDate(2025, 10, 9)),
    ("https://example.com/middle_east/2024-10-01/talks-15371733.html", PrintedDate(2024, 10, 1)),
    ("https://example.com/2024/10/talks-resume/", PrintedDate(2024, 10, None)),
    ("https://example.gov/eng/202310/t20231019_11164095.html", PrintedDate(2023, 10, 19)),
    # an id that opens with a digit after the month is no day
    ("https://example.com/news/2024/10/3c1a2b9e-talks-resume.html", PrintedDate(2024, 10, None)),
    ("https://example.com/news/2024/10/14a-talks-resume.html", PrintedDate(2024, 10, None)),
    ("https://example.com/news/talks-resume-11731440215288.html", None),
    # a month's name in the folders, a timestamp, a day-month-year folder
    ("https://example.com/world/2024/oct/14/talks-resume", PrintedDate(2024, 10, 14)),
    ("https://example.com/world/2024/september/3/talks-resume", PrintedDate(2024, 9, 3)),
    ("https://example.com/world/2024/sept/31/talks-resume", None),
    ("https://example.com/news/20241014123456.html", PrintedDate(2024, 10, 14)),
    ("https://example.com/news/14-10-2024/talks-resume", PrintedDate(2024, 10, 14)),
    ("https://example.com/news/10.14.2024/talks-resume", PrintedDate(2024, 10, 14)),
    ("https://example.com/news/01-02-2024/talks-resume", None),  # either could be the month
    # a date in a slug's words is what the article reports, not when
    ("https://example.com/news/one-year-since-october-7-2023/", None),
])
def test_dates_in_addresses(grammar, url, expected):
    assert datelines.url_date(url, grammar)[0] == expected


@pytest.mark.parametrize("text, order, expected", [
    ("30.06.2025", "dmy", PrintedDate(2025, 6, 30)),
    ("01/02/2024", "dmy", PrintedDate(2024, 2, 1)),
    ("01/02/2024", "mdy", PrintedDate(2024, 1, 2)),
    ("10/14/2024", "dmy", PrintedDate(2024, 10, 14)),  # 14 cannot be a month
    ("Sept. 28", "dmy", PrintedDate(None, 9, 28)),
    ("31 February 2024", "dmy", None),
    ("June 29, 202510:13 PM", "dmy", PrintedDate(2025, 6, 29)),  # run-together year and time
])
def test_read_date(grammar, text, order, expected):
    assert datelines.read_date(text, grammar, order) == expected


def test_bad_grammar_names_file_and_shape(tmp_path):
    for name in ("boilerplate.yaml", "outlets.yaml", "time_expressions.yaml", "datelines.yaml"):
        shutil.copy(DATA / name, tmp_path / name)
    path = tmp_path / "datelines.yaml"
    path.write_text(path.read_text().replace("captures: [place, date, origin]",
                                             "captures: [place, date, agency]", 1))
    with pytest.raises(DataFileError, match="datelines.yaml.*slash_agency_dateline.*agency"):
        datelines.load_grammar(tmp_path)


# ------------------------------------------------------------------ documents


def one(rules, text: str, side: dict | None = None) -> pd.Series:
    raw = pd.DataFrame([{"file": "a.txt", "sha256": "0" * 64, "text": text,
                         "encoding": "utf-8", "n_bytes": len(text), "meta": {}}])
    sidecar = None
    if side is not None:
        sidecar = pd.DataFrame([{c: side.get(c, "") for c in corpus.SIDECAR_COLUMNS}])
    docs, _ = corpus.build_corpus(raw, rules, sidecar)
    return docs.iloc[0]


def test_yearless_dateline_takes_the_year_of_its_address(rules):
    doc = one(rules, "MOSCOW, July 31. /TASS/. " + BODY,
              {"file": "a.txt", "url": "https://news.example.com/2024/07/31/talks/"})
    assert (doc["published"], doc["published_basis"]) == ("2024-07-31", "stated")
    assert doc["published_printed"] == "2024-07-31"


def test_yearless_dateline_alone_is_left_for_dating(rules):
    doc = one(rules, "MOSCOW, July 31. /TASS/. " + BODY)
    assert (doc["published"], doc["published_printed"]) == ("", "--07-31")
    assert doc["published_basis"] == "unknown"
    assert (doc["outlet"], doc["origin"]) == ("TASS", "TASS")


def test_sidecar_address_dates_and_names_the_article(rules):
    doc = one(rules, "Talks to resume\n" + BODY,
              {"file": "a.txt", "url": "https://www.unknownpaper.example/2024/10/14/talks/"})
    assert (doc["published"], doc["published_basis"]) == ("2024-10-14", "url")
    # a site the data does not know is named by its own label
    assert (doc["outlet"], doc["outlet_basis"]) == ("Unknownpaper", "domain")


def test_a_month_in_the_address_bounds_the_day(rules):
    doc = one(rules, "Talks to resume\n" + BODY,
              {"file": "a.txt", "url": "https://example.org/2024/10/talks/"})
    assert doc["published"] == ""
    assert (doc["published_earliest"], doc["published_latest"]) == ("2024-10-01", "2024-10-31")


def test_unknown_domain_is_named_as_the_text_prints_it(rules):
    doc = one(rules, "Talks to resume\nBy Daily Example Staff\n" + BODY,
              {"file": "a.txt", "url": "https://dailyexample.com/talks-resume"})
    assert (doc["outlet"], doc["outlet_basis"]) == ("Daily Example", "domain")


@pytest.mark.parametrize("url, name", [
    ("https://www.harbournews.example/a", "Harbour News"),
    ("https://en.valleytoday.example/news/1", "Valley Today"),
    ("https://thebeacon.example/x", "The Beacon"),
    ("https://kxyz.example/post/?p=1", "KXYZ"),
    ("https://qrtnews.example/1", "QRT News"),
    ("https://foxnews.example/1", "Fox News"),
    ("https://river-journal.example/1", "River-Journal"),
    # a site hosted under another's domain is named by its own subdomain
    ("https://gospelhour.parishservices.org/news/x", "Gospelhour"),
])
def test_an_unknown_site_is_named_from_its_address_like_a_reader_would(rules, url, name):
    doc = one(rules, "Talks to resume\n" + BODY, {"file": "a.txt", "url": url})
    assert (doc["outlet"], doc["outlet_basis"]) == (name, "domain")


def test_sidecar_warnings_and_evidence_name_the_story_sidecar(rules, caplog):
    text = "Talks to resume\n" + BODY
    raw = pd.DataFrame([{"file": "a.txt", "sha256": "0" * 64, "text": text,
                         "encoding": "utf-8", "n_bytes": len(text), "meta": {}}])
    rows = [{c: "" for c in corpus.SIDECAR_COLUMNS} for _ in range(2)]
    rows[0].update(file="a.txt", outlet="Example Daily")
    rows[1].update(file="gone.txt")
    with caplog.at_level("WARNING", logger="trustbrief"):
        docs, _ = corpus.build_corpus(raw, rules, pd.DataFrame(rows),
                                      "data/stories/pair/sources.csv")
    assert docs.iloc[0]["outlet_evidence"] == "data/stories/pair/sources.csv"
    assert "gone.txt: listed in data/stories/pair/sources.csv but not in" in caplog.text


@pytest.mark.parametrize("text, outlet", [
    ("Talks to resume\nBy Harbour Daily Staff\n" + BODY, "Harbour Daily"),
    ("Talks to resume\nJane Roe is The Harbour Daily's diplomatic correspondent\n" + BODY,
     "The Harbour Daily"),
    ("Talks to resume\n" + BODY * 3 + "Jane Roe is a Newsmax writer covering politics.\n",
     "Newsmax"),
    ("Talks to resume\n" + BODY * 3 + "Harbour.Az\n", "Harbour.Az"),
    ("The talks resume, Harbour Daily reports citing the ministry.\n" + BODY, "Harbour Daily"),
    # an agency's dateline without a place, on a page that names nobody else
    ("Talks to resume\nOct. 2, 2024 / 9:27 PM\nOct. 2 (UPI) -- " + BODY,
     "United Press International"),
])
def test_the_text_names_its_own_outlet_without_an_address(rules, text, outlet):
    doc = one(rules, text)
    assert doc["outlet"] == outlet and doc["outlet_basis"] in ("text", "dateline")


def test_a_beat_is_not_an_outlet_and_a_source_line_relays(rules):
    assert one(rules, "Talks to resume\n" + BODY * 3
               + "Jane Roe is a Pentagon correspondent.\n")["outlet"] == "unknown"
    doc = one(rules, "Talks to resume\nSource: Harbour Wire, a local site\n" + BODY)
    assert (doc["outlet"], doc["origin"]) == ("unknown", "Harbour Wire")


def test_an_agency_credited_only_at_the_bottom_is_no_dateline_outlet(rules):
    # a place dateline and 'AGENCY/ portal' at the bottom: a portal's copy of the agency's
    # story, not the agency's own page
    doc = one(rules, "Talks to resume\nWASHINGTON, Oct. 15 - " + BODY + "XINHUA/ Portal\n")
    assert (doc["outlet"], doc["origin"]) == ("unknown", "Xinhua")
    # the carrying site's own handle after the slash names it ('XINHUA/ gnews'), written as
    # a name; a capitalised word there may be a photographer's and names no outlet
    doc = one(rules, "Talks to resume\nWASHINGTON, Oct. 15 - " + BODY
              + "XINHUA/ harbournews - AB_07\n")
    assert (doc["outlet"], doc["outlet_basis"], doc["origin"]) == (
        "Harbour News", "text", "Xinhua")
    # the agency in the dateline itself is its own copy
    doc = one(rules, "Talks to resume\nWASHINGTON, Oct. 15 (Xinhua) -- " + BODY)
    assert (doc["outlet"], doc["outlet_basis"]) == ("Xinhua", "dateline")


def test_sidecar_outlet_outranks_the_address(rules):
    doc = one(rules, "Talks to resume\n" + BODY,
              {"file": "a.txt", "outlet": "Reuters", "url": "https://news.yahoo.com/x"})
    assert (doc["outlet"], doc["outlet_basis"]) == ("Reuters", "sidecar")


def test_wire_copy_on_a_portal_keeps_the_wire_as_origin(rules):
    doc = one(rules, "Talks to resume\nBEIRUT (Reuters) - " + BODY,
              {"file": "a.txt", "url": "https://news.yahoo.com/talks-resume-123.html"})
    assert (doc["outlet"], doc["outlet_basis"]) == ("Yahoo News", "url")
    assert (doc["origin"], doc["origin_basis"]) == ("Reuters", "credit")


@pytest.mark.parametrize("byline", ["By AFP", "By Afp", "By Reuters"])
def test_a_wire_named_as_the_byline_on_a_portal_is_its_origin(rules, byline):
    doc = one(rules, f"Talks to resume\n{byline}\n" + BODY,
              {"file": "a.txt", "url": "https://www.dailymail.co.uk/news/article-1/x.html"})
    assert (doc["outlet"], doc["outlet_basis"]) == ("Daily Mail", "url")
    assert doc["origin_basis"] == "credit"
    assert doc["origin"] in ("Agence France-Presse", "Reuters")


def test_cited_outlet_is_the_origin_never_the_outlet(rules):
    doc = one(rules, "Talks to resume\nUS officials tell Axios that trust is very low. "
                     "The talks will resume.\n",
              {"file": "a.txt", "url": "https://blog.example.net/trust-low"})
    assert doc["outlet"] == "Example"
    assert (doc["origin"], doc["origin_basis"]) == ("Axios", "lede")
    assert "Axios" in doc["cited_outlets"] or doc["origin"] == "Axios"


def test_an_agency_folder_in_the_address_names_the_origin(rules):
    doc = one(rules, "Talks to resume\n" + BODY,
              {"file": "a.txt", "url": "https://www.portal.example/wires/afp/article-1/x.html"})
    assert (doc["outlet"], doc["outlet_basis"]) == ("Portal", "domain")
    assert (doc["origin"], doc["origin_basis"]) == ("Agence France-Presse", "credit")
    # a folder that names no known agency credits nobody
    doc = one(rules, "Talks to resume\n" + BODY,
              {"file": "a.txt", "url": "https://www.portal.example/wires/sport/x.html"})
    assert (doc["origin"], doc["origin_basis"]) == ("Portal", "self")


def test_a_rewrite_that_links_the_original_credits_the_outlet_it_cites(rules):
    # the cited outlet comes after the first sentences; the closing link says it is a rewrite
    text = ("Trust is very low\nA verse opens the post.\nAnother line of scripture.\n"
            "Important takeaways:\n  • US officials tell Axios that trust is low.\n"
            "  • The officials note the risk.\nRead the original article by clicking here.\n")
    doc = one(rules, text, {"file": "a.txt", "url": "https://ministry.example.org/news/x"})
    assert (doc["origin"], doc["origin_basis"]) == ("Axios", "lede")
    # without the closing line, a citation that far down names no origin
    doc = one(rules, text.replace("Read the original article by clicking here.\n", ""),
              {"file": "a.txt", "url": "https://ministry.example.org/news/x"})
    assert doc["origin_basis"] == "self"


def test_a_report_the_outlet_compiled_itself_is_its_own_origin(rules):
    # a staff report that cites another outlet's scoop in its lede and used a wire's material
    text = ("Talks to resume\nThe minister will resume talks next week, The Washington Post "
            "reported on Monday, citing two officials.\n" + BODY + BODY +
            "Information from Reuters was used to compile this report.\nJane Doe\n")
    doc = one(rules, text, {"file": "a.txt", "url": "https://ministry.example.org/news/x"})
    assert (doc["origin"], doc["origin_basis"]) == ("Ministry", "self")
    assert doc["origin_evidence"] == "Information from Reuters was used to compile this report."
    # without the line, the lede's scoop is the origin
    doc = one(rules, text.replace("Information from Reuters was used to compile this report.\n",
                                  ""), {"file": "a.txt", "url": "https://ministry.example.org/news/x"})
    assert (doc["origin"], doc["origin_basis"]) == ("The Washington Post", "lede")


@pytest.mark.parametrize("last_line", [
    "This article originally appeared on Example Wire News.",
    "The post Talks resume appeared first on Example Wire News.",
    "Republished with permission from Example Wire News",
])
def test_an_originally_published_line_names_the_origin(grammar, last_line):
    found = stated(f"Talks to resume\n{BODY}{BODY}{last_line}\n", grammar)
    assert (found.origin, bool(found.relays)) == ("Example Wire News", True)


def test_update_stamp_only_bounds_the_day_from_above(rules):
    doc = one(rules, "Talks to resume\nLast updated: October 14, 2024 at 10:45 PM IST\n" + BODY)
    assert (doc["published"], doc["published_latest"]) == ("", "2024-10-14")


def test_page_metadata_read_by_htmldate(tmp_path, rules):
    page = ("<html><head><title>Talks to resume</title>"
            '<meta property="article:published_time" content="2024-10-14T09:30:00+03:00">'
            '<meta property="og:site_name" content="The Daily Example"></head><body><article>'
            "<h1>Talks to resume</h1><p>The minister said on Monday that talks would resume "
            "next week, officials in the capital said.</p><p>A second paragraph adds more "
            "about what the talks mean for the region.</p></article></body></html>")
    (tmp_path / "page.html").write_text(page, encoding="utf-8")
    raw = corpus.read_seeds(tmp_path, rules)
    assert raw.loc[0, "meta"]["published"] == "htmldate: 2024-10-14"
    docs, _ = corpus.build_corpus(raw, rules, None)
    doc = docs.iloc[0]
    assert (doc["published"], doc["published_basis"]) == ("2024-10-14", "html_meta")
    assert (doc["outlet"], doc["outlet_basis"]) == ("The Daily Example", "html_meta")
    assert doc["title"] == "Talks to resume"
    assert dt.date.fromisoformat(doc["published"])


@pytest.mark.parametrize("stamp, expected", [
    # a US time zone on the line: the month comes first
    ("Published 10/01/2024 2:32 PM EDT", PrintedDate(2024, 10, 1)),
    ("Published: 03/04/2025 9:15 am ET", PrintedDate(2025, 3, 4)),
    # any other zone, or none: the day comes first (the world's default)
    ("Published: 10/01/2024 10:45:12 GMT", PrintedDate(2024, 1, 10)),
    ("Published: 03/04/2025 09:15", PrintedDate(2025, 4, 3)),
])
def test_numeric_stamp_order_follows_the_lines_time_zone(grammar, stamp, expected):
    found = datelines.scan(f"{stamp}\nThe two ministers spoke by phone.\n", grammar)
    assert found.date == expected


def test_month_first_zones_must_be_names(tmp_path):
    data = yaml.safe_load((DATA / "datelines.yaml").read_text())
    data["month_first_zones"] = [7]
    (tmp_path / "datelines.yaml").write_text(yaml.safe_dump(data))
    shutil.copy(DATA / "time_expressions.yaml", tmp_path / "time_expressions.yaml")
    with pytest.raises(DataFileError, match="month_first_zones"):
        datelines.load_grammar(tmp_path)


@pytest.mark.parametrize("stamp, iso", [
    ("SEPTEMBER 29, 2024", "2024-09-29"),
    ("Sat, 9 Oct. 2024", "2024-10-09"),
    ("2024-10-14", "2024-10-14"),
    ("October 2024", ""),  # no day: not a publication day
    ("Oct. 2", ""),  # no year
    ("May 5, 1985", ""),  # before the grammar's min_year: no publication year
])
def test_a_boilerplate_stamp_is_read_as_every_printed_date(grammar, stamp, iso):
    """metadata.parse_date (a captured 'Published: ...' stamp) is printed_dates.read_printed,
    the reader of the datelines: one reading of a printed date."""
    assert corpus.parse_date(stamp, grammar.months, grammar.limits["min_year"]) == iso


def test_a_briefings_transcript_is_dated_by_its_title(rules):
    doc = one(rules, "Spokesperson Jane Roe's Regular Press Conference on October 19, 2023\n\n"
              "Q: Can you confirm the report?\n\nA: " + BODY)
    assert (doc["published"], doc["published_basis"]) == ("2023-10-19", "stated")
