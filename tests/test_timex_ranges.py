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
