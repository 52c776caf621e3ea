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
from trustbrief.text_digests import document_digests

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


def test_each_input_of_a_document_is_in_its_key(words):
    """A document's key holds its id, texts, sentence ids and starts and every field of its
    time expressions: a change to any of them is a new key for that document alone."""
    sentences, times = _tables(DOCS)
    order = readings._document_order(sentences["doc_id"].tolist())
    base = readings._keys(sentences, times, order)
    assert set(base) == set(DOCS) and len(set(base.values())) == len(DOCS)
    in_b, timed_b = sentences["doc_id"] == "b", times["doc_id"] == "b"
    assert timed_b.any()
    changed = []
    for column, value in (("doc_id", "e"), ("sent_id", "b-s009"), ("start", 7),
                          ("text", "Another text.")):
        edited = sentences.copy()
        edited.loc[edited.index[in_b][0], column] = value
        changed.append((edited, times))
    for column in readings.TIME_FIELDS:
        edited = times.copy()
        first = edited.index[timed_b][0]
        edited.loc[first, column] = "e" if column == "doc_id" else (
            edited.loc[first, column] + 1 if column in ("start", "end")
            else f"{edited.loc[first, column]}x")
        changed.append((sentences, edited))
    for edited_sentences, edited_times in changed:
        keys = readings._keys(edited_sentences, edited_times,
                              readings._document_order(edited_sentences["doc_id"].tolist()))
        assert keys.get("b") != base["b"]
        assert {doc: keys[doc] for doc in ("a", "c")} == {doc: base[doc] for doc in ("a", "c")}
    # a document without time expressions, renamed whole: its id alone tells it apart
    assert not (times["doc_id"] == "c").any()
    renamed = sentences.replace({"doc_id": {"c": "e"}})
    keys = readings._keys(renamed, times, readings._document_order(renamed["doc_id"].tolist()))
    assert keys["e"] != base["c"] and keys["b"] == base["b"]


def test_the_digests_given_are_the_ones_made_here(words, tmp_path, monkeypatch):
    """The pipeline hashes the texts once (text_digests) and gives the digests: the same
    keys, so the memo the readings made is read back whole."""
    sentences, times = _tables(DOCS)
    digests = document_digests(sentences["doc_id"], sentences["text"])
    order = readings._document_order(sentences["doc_id"].tolist())
    assert readings._keys(sentences, times, order, digests) == \
        readings._keys(sentences, times, order)
    readings.sentence_readings(sentences, times, words, tmp_path)
    read = _counting(monkeypatch)
    _same(readings.sentence_readings(sentences, times, words, tmp_path, digests),
          _cold(sentences, times, words))
    assert read == []


def test_text_digests_are_per_document_and_order():
    ids, texts = ["a", "a", "b"], ["One.", "Two.", "Three."]
    digests = document_digests(ids, texts)
    assert set(digests) == {"a", "b"}
    assert document_digests(ids, ["Two.", "One.", "Three."])["a"] != digests["a"]
    assert document_digests(ids, ["One.", "Two.", "Three!"]) == {
        "a": digests["a"], "b": document_digests(["b"], ["Three!"])["b"]}
    assert document_digests(["a", "b", "a"], ["One.", "Three.", "Two."]) is None
