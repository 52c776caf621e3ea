"""The extraction snapshot (extract.rowsnapshot, trustbrief.columnar): a run that splices
the snapshot's rows with new documents' rows gives the tables a run without any cache gives,
and reads no per-document file of a document the snapshot holds."""

from __future__ import annotations

import itertools

import numpy as np
import pandas as pd
import pytest

from trustbrief import columnar, extract
from trustbrief.extract import rowcache, rowsnapshot

DOCS = [
    ["Israeli warplanes struck Dahiyeh overnight on Friday, the Israeli military said.",
     "US officials said the relationship was frosty after the strike."],
    ["Antony Blinken spoke by phone with Benjamin Netanyahu on Tuesday, the State "
     "Department said."],
    ["Israel struck Beirut on Monday, officials said."],
    ["The US urged Israel to show restraint, a spokesman said on 3 March 2024."],
]
ADDED = ["Iran condemned the strike on Sunday, its foreign ministry said.",
         "Two officials said talks would resume next week."]


def _sentences(docs: dict[int, list[str]]) -> tuple[pd.DataFrame, pd.DataFrame]:
    rows = [{"doc_id": f"dsnap{d:03d}", "sent_id": f"dsnap{d:03d}-s{s:03d}", "start": 0,
             "end": len(text), "text": text}
            for d, texts in docs.items() for s, text in enumerate(texts, start=1)]
    sentences = pd.DataFrame(rows)
    return sentences, pd.DataFrame({"doc_id": sorted(sentences["doc_id"].unique())})


def _run(lex, docs: dict[int, list[str]], cache=None, stats=None) -> dict:
    sentences, documents = _sentences(docs)
    return extract.extract(sentences, documents, lex, row_cache=cache, stats=stats)


def _same(a: dict, b: dict) -> None:
    assert a.keys() == b.keys()
    for name in a:
        pd.testing.assert_frame_equal(a[name], b[name], obj=name)


def _snapshot_files(cache) -> list:
    return list(cache.glob(f"*/{rowsnapshot.SNAPSHOT_FILE}"))


def test_a_document_added_between_snapshot_documents_splices_to_the_cold_tables(
        lex, tmp_path, keys_seen):
    base = {2 * n: texts for n, texts in enumerate(DOCS)}
    _run(lex, base, tmp_path)
    assert len(_snapshot_files(tmp_path)) == 1
    added = {**base, 3: ADDED}  # between the snapshot's second and third documents
    cold = _run(lex, added)
    read = keys_seen(rowcache.RowCache, "read")
    stats: dict = {}
    spliced = _run(lex, added, tmp_path, stats)
    _same(spliced, cold)
    assert stats["cached"] == len(base) and stats["parsed"] > 0
    assert len(read) == 1  # the added document's file (a miss): the others are the snapshot's
    assert {"dsnap003", "dsnap004"} <= set(spliced["mentions"]["doc_id"])


def test_a_run_with_nothing_changed_reads_the_snapshot_alone(lex, tmp_path, keys_seen):
    docs = dict(enumerate(DOCS))
    first = _run(lex, docs, tmp_path)
    (snapshot,) = _snapshot_files(tmp_path)
    written = snapshot.stat().st_mtime_ns
    read = keys_seen(rowcache.RowCache, "read")
    again = _run(lex, docs, tmp_path)
    _same(again, first)
    assert read == []
    assert snapshot.stat().st_mtime_ns == written  # not rewritten


def test_a_removed_document_is_left_out(lex, tmp_path):
    _run(lex, dict(enumerate(DOCS)), tmp_path)
    fewer = {n: texts for n, texts in enumerate(DOCS) if n != 1}
    _same(_run(lex, fewer, tmp_path), _run(lex, fewer))


def test_a_damaged_snapshot_is_a_miss(lex, tmp_path):
    docs = dict(enumerate(DOCS))
    first = _run(lex, docs, tmp_path)
    (snapshot,) = _snapshot_files(tmp_path)
    snapshot.write_bytes(snapshot.read_bytes()[:1000])
    assert rowsnapshot.read(snapshot.parent) is None
    _same(_run(lex, docs, tmp_path), first)
    assert rowsnapshot.read(snapshot.parent) is not None  # written again


def test_parts_that_do_not_splice_are_read_from_the_files(lex, tmp_path, monkeypatch):
    docs = dict(enumerate(DOCS))
    _run(lex, docs, tmp_path)
    added = {**docs, 9: ADDED}

    def refuse(parts):
        raise rowsnapshot.NotSpliceable("test")

    monkeypatch.setattr(columnar, "joined", refuse)
    _same(_run(lex, added, tmp_path), _run(lex, added))


VALUES = {"int": [1, 7], "float": [0.5, float("nan")], "none": [None, None],
          "str": ["a", "b"], "bool": [True, False], "list": [["x"], []]}


@pytest.mark.parametrize("first,second", list(itertools.product(VALUES, repeat=2)))
def test_joined_types_a_column_as_pandas_types_all_its_rows(first, second):
    rows = [[{"c": v} for v in VALUES[first]], [{"c": v} for v in VALUES[second]]]
    whole = columnar.raw_frame(rows[0] + rows[1], ["c"])["c"]
    parts = [columnar.raw_frame(r, ["c"])["c"] for r in rows]
    try:
        spliced = columnar.joined(parts)
    except columnar.NotSpliceable:
        assert {first, second} not in ({"int", "float"}, {"int", "none"},
                                       {"float", "none"}, {"str", "none"})
        assert first != second
        return
    pd.testing.assert_series_equal(spliced, whole, check_names=False)


def test_columnar_reads_back_what_it_wrote():
    frame = pd.DataFrame([{"t": "a", "n": 1, "x": 0.5, "b": True, "l": ["x", "y"]},
                          {"t": None, "n": 2, "x": float("nan"), "b": False, "l": []},
                          {"t": "a", "n": 3, "x": 2.0, "b": True, "l": ["x", "y"]}])
    empty = columnar.raw_frame([], ["t", "n"])
    kept = np.arange(5, dtype=np.uint64)
    frames, meta, extra = columnar.decode(columnar.encode({"f": frame, "e": empty}, {"k": [1]},
                                                          {"a": kept}))
    assert meta == {"k": [1]} and extra["a"].tolist() == kept.tolist()
    assert extra["a"].dtype == np.uint64
    pd.testing.assert_frame_equal(frames["f"], frame)
    pd.testing.assert_frame_equal(frames["e"], empty)
    frames["f"]["l"][0].append("z")  # each row has its own list
    assert frames["f"]["l"][2] == ["x", "y"]


def test_columnar_keeps_no_other_kind():
    assert columnar.encode({"f": pd.DataFrame({"c": [{"a": 1}]})}, {}) is None
    assert columnar.encode({"f": pd.DataFrame({"c": [1, "a"]})}, {}) is None
    with pytest.raises(columnar.Unreadable):
        columnar.decode(b"PK\x03\x04 not an archive")
    assert rowsnapshot.stale(None, ["k"])


def test_snapshot_offsets_follow_the_counts():
    snapshot = rowsnapshot.Snapshot(("a", "b"), np.array([[1, 0, 2, 0, 1], [3, 1, 0, 0, 2]]),
                                    {})
    assert snapshot.offsets[:, 0].tolist() == [0, 1, 4]
    assert snapshot.offsets[-1].tolist() == [4, 1, 2, 0, 3]
