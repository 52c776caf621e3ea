"""timex: a date printed without its year, in an article dated only to a range of days.

Its year is the one every anchor of the range reads it in; the two ends of the range give
every reading there is, and a weekday printed with the day chooses between two. Expressions
relative to the article's day ('on Wednesday', 'last month') need the day: unresolved.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from trustbrief import timex

D = dt.date.fromisoformat
OCT_16_TO_22 = (D("2024-10-16"), D("2024-10-22"))
# 'January 5' is January 2024 at one end, January 2025 at the other
HALF_A_YEAR = (D("2024-06-01"), D("2024-12-31"))


@pytest.mark.parametrize(("spec", "weekday", "window", "day", "latest"), [
    ("md:10-16", None, OCT_16_TO_22, "2024-10-16", "2024-10-16"),
    ("md:10-16", "WED", OCT_16_TO_22, "2024-10-16", "2024-10-16"),  # the weekday agrees
    ("md:10-16", "THU", OCT_16_TO_22, None, None),  # it does not: no day
    ("m:07", None, OCT_16_TO_22, "2024-07-16", "2024-07-31"),  # 'in July': this July, a month
    ("md:01-05", None, HALF_A_YEAR, None, None),  # two years possible
    ("md:01-05", "FRI", HALF_A_YEAR, "2024-01-05", "2024-01-05"),  # 5 Jan 2024 was a Friday
    ("md:01-05", "SUN", HALF_A_YEAR, "2025-01-05", "2025-01-05"),  # 5 Jan 2025 a Sunday
    ("weekday:past:WED", None, OCT_16_TO_22, None, None),  # relative: needs the day
    ("relm:-1", None, OCT_16_TO_22, None, None),
    ("m:07:last", None, OCT_16_TO_22, None, None),  # 'last July' is relative too
])
def test_a_yearless_date_in_an_article_dated_to_a_range(spec, weekday, window, day, latest):
    r = timex.resolve_with_range(spec, None, *window, weekday=weekday)
    assert (r.date.isoformat() if r.date else None) == day
    assert (r.latest.isoformat() if r.latest else None) == latest
    if day:
        assert r.basis == "explicit"


def test_the_table_reads_the_weekday_printed_with_the_date():
    text = ("Soldiers killed the commander on Wednesday, October 16, and again on Thursday, "
            "October 16.")
    sents = pd.DataFrame({"doc_id": ["dR"], "sent_id": ["dR-s001"], "text": [text]})
    docs = pd.DataFrame({"doc_id": ["dR"], "published": [""],
                         "published_earliest": ["2024-10-16"],
                         "published_latest": ["2024-10-22"], "published_basis": ["inferred"]})
    out = timex.resolve_time_expressions(timex.extract_time_expressions(sents), docs)
    assert out[["text", "date", "basis"]].values.tolist() == [
        ["Wednesday, October 16", "2024-10-16", "explicit"],
        ["Thursday, October 16", "", "unresolved"]]  # 16 Oct 2024 was a Wednesday


def _resolved(texts: list[str], earliest: str, latest: str) -> list[list[str]]:
    sents = pd.DataFrame({"doc_id": ["dY"] * len(texts),
                          "sent_id": [f"dY-s{n:03d}" for n in range(1, len(texts) + 1)],
                          "text": texts})
    docs = pd.DataFrame({"doc_id": ["dY"], "published": [""], "published_earliest": [earliest],
                         "published_latest": [latest], "published_basis": ["inferred"]})
    out = timex.resolve_time_expressions(timex.extract_time_expressions(sents), docs)
    return out[["text", "date"]].values.tolist()


def test_a_yearless_date_takes_the_year_the_article_prints_in_its_full_dates():
    # a range of most of a year reads 'March 14' as 2024 at its start and 2025 at its end;
    # the article's own full date names the year it leaves out
    texts = ["The agency closed its office on March 14.",
             "The ministry sent a note on March 2, 2024, about the office."]
    assert _resolved(texts, "2024-03-02", "2024-12-20") == [
        ["March 14", "2024-03-14"], ["March 2, 2024", "2024-03-02"]]


def test_without_a_full_date_or_with_both_years_printed_the_yearless_date_stays_open():
    assert _resolved(["The agency closed its office on March 14."],
                     "2024-03-02", "2024-12-20") == [["March 14", ""]]
    both = ["The agency closed its office on March 14.",
            "Notes followed on March 2, 2024, and on January 9, 2025."]
    assert _resolved(both, "2024-03-02", "2025-01-20")[0] == ["March 14", ""]


def test_a_yearless_past_day_after_the_range_start_may_be_a_year_older():
    # an article of July to November: in July, 'the Oct. 7 attack' is last October's
    texts = ["Warships were sent shortly after the Oct. 7 attack on the border towns."]
    assert _resolved(texts, "2024-07-01", "2024-11-30") == [["Oct. 7", ""]]
    # the year the article prints in a full date chooses
    dated = [*texts, "The attack began on October 7, 2023, at dawn."]
    assert _resolved(dated, "2024-07-01", "2024-11-30")[0] == ["Oct. 7", "2023-10-07"]
    # a range that starts on or after the day: every anchor reads this year's
    assert _resolved(texts, "2024-10-07", "2024-11-30") == [["Oct. 7", "2024-10-07"]]
