"""An article without any clue gets the story's period as an honest range (dating.stage)."""

from __future__ import annotations

import logging

import pandas as pd

from trustbrief import dating, timex

COLUMNS = ("published", "published_earliest", "published_latest")


def _doc(doc_id: str, file: str, day: str = "", basis: str = "unknown") -> dict:
    return {"doc_id": doc_id, "file": file, "published": day, "published_basis": basis,
            "published_earliest": day, "published_latest": day, "published_evidence": "",
            "published_printed": ""}


def _date(docs: list[dict], period: tuple[str, str],
          text: str = "Officials in both capitals declined to comment.") -> pd.DataFrame:
    sentences = pd.DataFrame([{"doc_id": "dA", "sent_id": "dA-s001", "start": 0, "text": text}])
    found = {"mentions": pd.DataFrame(columns=["doc_id", "sent_id", "event_type", "actors",
                                               "text", "time_id", "polarity"]),
             "time_expressions": timex.extract_time_expressions(sentences)}
    empty = pd.DataFrame(columns=list(dating.CHRONOLOGY_COLUMNS))
    out = dating.infer_publication_dates(pd.DataFrame(docs), found, empty,
                                         sentences=sentences, period=period)
    return out.set_index("doc_id")


def test_an_article_without_clues_gets_the_period_widened_to_the_dated_articles(caplog):
    docs = [_doc("dA", "quiet.txt"), _doc("dB", "later.txt", "2025-04-02", "url")]
    with caplog.at_level(logging.WARNING, logger="trustbrief"):
        out = _date(docs, ("2025-01-01", "2025-03-31"))
    # a dated follow-up after the period's last day widens the range to its day
    assert out.loc["dA", list(COLUMNS)].tolist() == ["", "2025-01-01", "2025-04-02"]
    assert out.loc["dA", "published_basis"] == "inferred"
    assert "story's period" in out.loc["dA", "published_evidence"]
    assert "between 2025-01-01 and 2025-04-02" in caplog.text


def test_an_update_stamp_narrows_the_period():
    docs = [_doc("dA", "quiet.txt"), _doc("dB", "other.txt", "2025-02-10", "url")]
    docs[0]["published_latest"] = "2025-02-15"  # the corpus stage read 'Updated 15 Feb.'
    out = _date(docs, ("2025-01-01", "2025-03-31"))
    assert out.loc["dA", list(COLUMNS)].tolist() == ["", "2025-01-01", "2025-02-15"]


def test_without_a_period_an_article_without_clues_stays_undated():
    docs = [_doc("dA", "quiet.txt"), _doc("dB", "other.txt", "2025-02-10", "url")]
    out = _date(docs, ("", ""))
    assert out.loc["dA", list(COLUMNS)].tolist() == ["", "", ""]
    assert out.loc["dB", "published"] == "2025-02-10"


def test_without_a_period_the_dated_articles_span_is_the_range():
    """A story inferred from a folder declares no period: an article no clue dates gets the
    span of the dated articles widened by the lookaround on each side (background before,
    follow-ups after), once there are two dated articles."""
    docs = [_doc("dA", "quiet.txt"), _doc("dB", "first.txt", "2025-02-10", "url"),
            _doc("dC", "last.txt", "2025-03-02", "url")]
    out = _date(docs, ("", ""))
    assert out.loc["dA", list(COLUMNS)].tolist() == ["", "2024-12-10", "2025-05-03"]
    assert out.loc["dA", "published_basis"] == "inferred"
    assert "dated articles and 62 days either side" in out.loc["dA", "published_evidence"]


PAST_ATTACK = "Missiles struck the base on October 1, 2024, officials said."


def test_the_period_ends_a_range_the_clues_leave_open_above():
    docs = [_doc("dA", "after.txt"), _doc("dB", "other.txt", "2024-10-10", "url")]
    without = _date(docs, ("", ""), PAST_ATTACK)
    # only 'after Oct. 1': open to the last dated article and the lookaround after it
    assert without.loc["dA", "published_latest"] > "2024-12-01"
    out = _date(docs, ("2024-07-01", "2024-11-30"), PAST_ATTACK)
    assert out.loc["dA", list(COLUMNS)].tolist() == ["", "2024-10-01", "2024-11-30"]
    assert "story's period" in out.loc["dA", "published_evidence"]
    assert "October 1, 2024" in out.loc["dA", "published_evidence"]


def test_weekly_clues_choose_among_the_days_of_the_period():
    # 'on Sunday' in the lede: a Sunday after Oct. 1 or the Monday after it; the period
    # ends the Sundays at the last one before its end (24 Nov. 2024, and Monday 25)
    text = "The ministry said on Sunday that missiles struck the base on October 1, 2024."
    docs = [_doc("dA", "sunday.txt"), _doc("dB", "other.txt", "2024-10-10", "url")]
    out = _date(docs, ("2024-07-01", "2024-11-30"), text)
    assert out.loc["dA", list(COLUMNS)].tolist() == ["", "2024-10-06", "2024-11-25"]


def test_the_period_never_pins_a_day_the_clues_leave_open():
    text = "Missiles struck the base on November 29, 2024, officials said."
    docs = [_doc("dA", "late.txt"), _doc("dB", "other.txt", "2024-10-10", "url")]
    out = _date(docs, ("2024-07-01", "2024-11-30"), text)
    assert out.loc["dA", list(COLUMNS)].tolist() == ["", "2024-11-29", "2024-11-30"]


def test_clues_that_place_an_article_outside_the_period_outrank_it():
    # struck before, planned after: between 3 and 10 March 2023, long before the period
    text = "Missiles struck the base on March 3, 2023, and the leaders will meet on March 10, 2023."
    docs = [_doc("dA", "old.txt"), _doc("dB", "other.txt", "2024-10-10", "url")]
    free = _date(docs, ("", ""), text)
    out = _date(docs, ("2024-07-01", "2024-11-30"), text)
    assert free.loc["dA", list(COLUMNS)].tolist() == ["", "2023-03-03", "2023-03-10"]
    assert out.loc["dA", list(COLUMNS)].tolist() == \
        free.loc["dA", list(COLUMNS)].tolist()


def _either(doc_id: str, first: str, last: str) -> dict:
    doc = _doc(doc_id, "numeric.txt")
    doc.update(published_earliest=first, published_latest=last,
               published_printed=f"{first}|{last}", published_evidence="11/05/2024 - 20:41")
    return doc


def test_the_period_tells_which_reading_of_a_numeric_stamp_is_the_pages():
    # '11/05/2024': 11 May lies outside the story's period, 5 November inside it
    docs = [_either("dA", "2024-05-11", "2024-11-05"), _doc("dB", "other.txt", "2024-10-10", "url")]
    out = _date(docs, ("2024-07-01", "2024-11-30"))
    assert out.loc["dA", "published"] == "2024-11-05"
    # both readings inside it: the page's stamp stays a range of its two days
    docs = [_either("dA", "2024-09-10", "2024-10-09"), _doc("dB", "other.txt", "2024-10-10", "url")]
    out = _date(docs, ("2024-07-01", "2024-11-30"))
    assert out.loc["dA", list(COLUMNS)].tolist() == ["", "2024-09-10", "2024-10-09"]
