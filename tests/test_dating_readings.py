"""The sentence readings memo (trustbrief.dating.readings): each document's lede depths and
incident words are read once and come back on the next run as one reading of every sentence
gives them (same values, same order); a document whose sentences or time expressions change
is read again."""

from __future__ import annotations

import pandas as pd
import pytest

from conftest import DATA
from trustbrief import timex
from trustbrief.dating import readings
from trustbrief.dating.incidents import incident_words, load_incident_words
from trustbrief.dating.lede import lede_depths

DOCS = {
    "a": ["Lakeair jet crash probe opens", "A Lakeair passenger jet crashed on March 12, 2025, "
          "near Portview, Norland officials said.", "Rescuers reached the site on Thursday."],
    "b": ["Flights to Portview were halted until the Norland inquiry into Wednesday's crash "
          "is complete.", "(AP Photo/Someone)", "Officials met again on Friday to talk."],
    "c": ["Nothing about any incident is said in this short plain sentence."],
}


@pytest.fixture(scope="module")
def words():
    return load_incident_words(DATA)


def _tables(docs: dict[str, list[str]]):
    rows = [{"doc_id": d, "sent_id": f"{d}-s{n:03d}", "start": 100 * n, "text": text}
            for d, texts in docs.items() for n, text in enumerate(texts, 1)]
    sentences = pd.DataFrame(rows)
    return sentences, timex.extract_time_expressions(sentences)


def _cold(sentences, times, words):
    texts = dict(zip(zip(sentences["doc_id"], sentences["sent_id"], strict=True),
                     sentences["text"], strict=True))
    return lede_depths(sentences), texts, incident_words(texts, times, words)


def _same(got, expected):
    assert list(got[0].items()) == list(expected[0].items())  # the depths' order too
    assert got[1] == expected[1]
    assert got[2] == expected[2]


def _counting(monkeypatch) -> list:
    """The documents each call of lede_depths reads, in `read`."""
    read: list = []
    real = readings.lede_depths
    monkeypatch.setattr(readings, "lede_depths",
                        lambda s: read.append(sorted(set(s["doc_id"]))) or real(s))
    return read


def test_documents_are_read_once_and_come_back_as_one_reading(words, tmp_path, monkeypatch):
    sentences, times = _tables(DOCS)
    expected = _cold(sentences, times, words)
    assert expected[2]  # the fixture holds incident words
    _same(readings.sentence_readings(sentences, times, words, tmp_path), expected)
    read = _counting(monkeypatch)
    _same(readings.sentence_readings(sentences, times, words, tmp_path), expected)
    assert read == []
    more = {**DOCS, "d": ["Two days after the crash, Lakeair grounded its jets on Friday."]}
    sentences, times = _tables(more)
    _same(readings.sentence_readings(sentences, times, words, tmp_path),
          _cold(sentences, times, words))
    assert read == [["d"]]


def test_a_changed_sentence_or_time_expression_is_read_again(words, tmp_path):
    sentences, times = _tables(DOCS)
    readings.sentence_readings(sentences, times, words, tmp_path)
    # the same time expressions; no incident word, and a caption now a body sentence
    edited = {**DOCS, "b": ["Flights to Portview were halted until the Norland inquiry into "
                            "Wednesday's meeting is complete.",
                            "The photo was taken by a reporter.", DOCS["b"][2]]}
    sentences, times = _tables(edited)
    _same(readings.sentence_readings(sentences, times, words, tmp_path),
          _cold(sentences, times, words))
    # same sentences, another expression found in them: read again, not remembered
    moved = times.copy()
    moved.loc[moved["doc_id"] == "b", "spec"] = "weekday:mon:-1"
    _same(readings.sentence_readings(sentences, moved, words, tmp_path),
          _cold(sentences, moved, words))


def test_a_damaged_memo_is_a_miss(words, tmp_path):
    sentences, times = _tables(DOCS)
    readings.sentence_readings(sentences, times, words, tmp_path)
    (memo,) = tmp_path.glob("*/documents.json.gz")
    memo.write_bytes(b"not gzip")
    _same(readings.sentence_readings(sentences, times, words, tmp_path),
          _cold(sentences, times, words))


def test_interleaved_documents_are_read_whole(words, tmp_path):
    sentences, times = _tables(DOCS)
    mixed = sentences.iloc[[0, 3, 1, 2, 4, 5, 6]].reset_index(drop=True)
    _same(readings.sentence_readings(mixed, times, words, tmp_path),
          _cold(mixed, times, words))
    assert not list(tmp_path.iterdir())  # nothing remembered
