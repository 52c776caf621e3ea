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


def _date(docs: list[dict], period: tuple[str, str]) -> pd.DataFrame:
    sentences = pd.DataFrame([{"doc_id": "dA", "sent_id": "dA-s001", "start": 0,
                               "text": "Officials in both capitals declined to comment."}])
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
