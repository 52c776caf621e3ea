"""corpus.recordcache: a cached corpus run gives the same documents, sentences and warnings as
a cold one, without cleaning an unchanged article again; changed rules compute everything
again."""

from __future__ import annotations

import dataclasses
import logging
import os
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from trustbrief import columnar, corpus
from trustbrief.corpus import build, recordcache, recordsnapshot

DATA = Path(__file__).resolve().parents[1] / "data"
ARTICLES = {
    "a.txt": "Israel and the US spoke on Tuesday\n\nPublished on October 3, 2024\n\n"
             "Washington said on Tuesday that it had not been told of the strike. "
             "Officials in Jerusalem declined to comment.\n",
    "b.txt": "Talks resume in Cairo\n\nNegotiators met in Cairo on Monday. "
             "A second round is planned for next week, two diplomats said.\n",
    # one sentence longer than limits.MAX_SENTENCE_CHARS: split with a warning
    "c.txt": "A long one\n\n" + " ".join(["word"] * 700) + ".\n",
}


@pytest.fixture(scope="module")
def rules() -> corpus.CorpusRules:
    return corpus.load_rules(DATA)


@pytest.fixture
def raw(tmp_path, rules):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for name, text in ARTICLES.items():
        (seeds / name).write_text(text, encoding="utf-8")
    return corpus.read_seeds(seeds, rules)


def _built(raw, rules, cache, caplog, sidecar=None, sidecar_file="data/sources.csv"):
    caplog.clear()
    with caplog.at_level(logging.WARNING, logger="trustbrief"):
        docs, sents = corpus.build_corpus(raw, rules, sidecar, sidecar_file, cache=cache)
    return docs, sents, [r.getMessage() for r in caplog.records]


# a.txt: the outlet from the sidecar (evidence: its name), a title that disagrees with the
# headline (a warning naming it); b.txt: the day from the sidecar (evidence: its name)
SIDECAR = pd.DataFrame([
    {"file": "a.txt", "outlet": "Politico", "url": "", "published": "", "author": "",
     "title": "Another title", "notes": ""},
    {"file": "b.txt", "outlet": "", "url": "", "published": "2024-10-05", "author": "",
     "title": "", "notes": ""},
], columns=corpus.SIDECAR_COLUMNS)


def test_the_same_corpus_run_from_another_folder_uses_every_record(raw, rules, tmp_path,
                                                                   caplog, monkeypatch):
    """The sidecar is named as the run shows it (relative to the working folder): a record
    is keyed by the article and its sidecar values, and names the sidecar of the run."""
    here, there = "data/stories/x/sources.csv", "/srv/corpora/x/sources.csv"
    _built(raw, rules, tmp_path / "records", caplog, SIDECAR, here)
    plain = _built(raw, rules, None, caplog, SIDECAR, there)
    a, b = plain[0].iloc[0], plain[0].iloc[1]
    assert (a["outlet_basis"], a["outlet_evidence"]) == ("sidecar", there)
    assert (b["published_basis"], b["published_evidence"]) == ("sidecar", there)
    assert sum(there in m for m in plain[2]) == 1 and not any(here in m for m in plain[2])
    monkeypatch.setattr(build, "_document_record", _never)
    warm = _built(raw, rules, tmp_path / "records", caplog, SIDECAR, there)
    assert warm[0].equals(plain[0]) and warm[1].equals(plain[1]) and warm[2] == plain[2]


def test_a_changed_sidecar_row_cleans_its_article_again(raw, rules, tmp_path, caplog,
                                                        monkeypatch):
    _built(raw, rules, tmp_path / "records", caplog, SIDECAR)
    cleaned = []
    original = build._document_record
    monkeypatch.setattr(build, "_document_record",
                        lambda row, *args: cleaned.append(row["file"]) or original(row, *args))
    changed = SIDECAR.assign(outlet=["Reuters", ""])
    docs = _built(raw, rules, tmp_path / "records", caplog, changed)[0]
    assert cleaned == ["a.txt"] and docs.iloc[0]["outlet"] == "Reuters"


def test_an_article_holding_the_mark_is_not_cached(raw, rules, tmp_path, caplog):
    marked = raw.copy()
    marked.loc[1, "text"] += recordcache.SIDECAR_MARK.upper() + "\n"
    plain = _built(marked, rules, None, caplog, SIDECAR, "s.csv")
    cold = _built(marked, rules, tmp_path / "records", caplog, SIDECAR, "s.csv")
    assert cold[0].equals(plain[0]) and cold[2] == plain[2]
    records = [p for p in (tmp_path / "records").glob("*/*.json.gz")
               if p.name != f"{recordcache.MATCHES_KEY}.json.gz"]
    assert len(records) == 2  # a.txt and c.txt


def test_a_cached_run_gives_the_same_tables_and_warnings_without_cleaning_again(
        raw, rules, tmp_path, caplog, monkeypatch):
    plain = _built(raw, rules, None, caplog)
    assert any("was split into pieces" in m for m in plain[2])  # c.txt warned
    cold = _built(raw, rules, tmp_path / "records", caplog)
    monkeypatch.setattr(build, "_document_record", _never)
    warm = _built(raw, rules, tmp_path / "records", caplog)
    for run in (cold, warm):
        assert run[0].equals(plain[0]) and run[1].equals(plain[1])
        assert run[0].dtypes.equals(plain[0].dtypes)
        assert run[2] == plain[2]  # the cached article warns again


def test_a_new_article_alone_is_cleaned(raw, rules, tmp_path, caplog, monkeypatch):
    _built(raw.iloc[:2], rules, tmp_path / "records", caplog)
    cleaned = []
    original = build._document_record
    monkeypatch.setattr(build, "_document_record",
                        lambda row, *args: cleaned.append(row["file"]) or original(row, *args))
    docs = _built(raw, rules, tmp_path / "records", caplog)[0]
    assert cleaned == ["c.txt"] and len(docs) == 3


def test_near_duplicate_matches_are_kept_for_the_next_run(raw, rules, tmp_path, caplog,
                                                          monkeypatch):
    copied = pd.concat([raw, raw.iloc[[1]].assign(file="d.txt")], ignore_index=True)
    _built(copied.iloc[:3], rules, tmp_path / "records", caplog)
    store = recordcache.RecordCache(tmp_path / "records", rules)
    keys, matches = store.earlier_matches(rules.limits)
    assert len(keys) == 3 and matches == [None, None, None]
    assert store.earlier_matches({**rules.limits, "shingle_words": 9}) is None
    given = []
    original = build.match_duplicates
    monkeypatch.setattr(build, "match_duplicates",
                        lambda prints, limits, earlier: given.append(earlier) or original(
                            prints, limits, earlier))
    docs = _built(copied, rules, tmp_path / "records", caplog)[0]
    plain = _built(copied, rules, None, caplog)[0]
    assert given[0] == (keys, matches) and docs.equals(plain)
    assert docs["duplicate_of"].tolist() == ["", "", "", docs["doc_id"][1]]
    assert store.earlier_matches(rules.limits)[1] == [None, None, None, 1]


def test_changed_rules_clean_everything_again_and_drop_the_old_records(raw, rules, tmp_path,
                                                                       caplog):
    _built(raw, rules, tmp_path / "records", caplog)
    old = {p.name for p in (tmp_path / "records").iterdir()}
    changed = dataclasses.replace(rules, limits={**rules.limits, "shingle_words": 4})
    assert recordcache.fingerprint(changed) != recordcache.fingerprint(rules)
    _built(raw, changed, tmp_path / "records", caplog)
    assert {p.name for p in (tmp_path / "records").iterdir()} == {
        recordcache.fingerprint(changed)} != old


def test_a_record_made_while_warnings_were_silenced_is_not_used_when_they_are_logged(
        raw, rules, tmp_path, caplog):
    logger = logging.getLogger("trustbrief")
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        corpus.build_corpus(raw, rules, cache=tmp_path / "records")
    finally:
        logger.setLevel(level)
    assert any("was split into pieces" in m for m in _built(raw, rules, tmp_path / "records",
                                                            caplog)[2])


def test_the_fingerprint_is_the_same_in_every_process():
    """Rules built from sets (outlet name forms, word lists) must compile to the same
    patterns whatever the hash seed, or every run would clean every article again."""
    code = ("from trustbrief import corpus; from trustbrief.corpus import recordcache;"
            f"print(recordcache.fingerprint(corpus.load_rules({str(DATA)!r})))")
    prints = set()
    for seed in ("1", "2", "3"):
        env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(DATA.parent / "src")
               + os.pathsep + os.environ.get("PYTHONPATH", "")}
        prints.add(subprocess.run([sys.executable, "-c", code], capture_output=True,
                                  text=True, env=env, check=True).stdout.strip())
    assert len(prints) == 1


def _never(*args, **kwargs):
    raise AssertionError("an unchanged article was cleaned again")


def test_work_for_meanwhile_is_handed_to_the_workers_map(raw, rules, tmp_path, monkeypatch):
    """pipeline.run loads spaCy while worker processes clean articles (parallel.map_in_order
    calls `meanwhile` once it has forked them); with every record cached, no map, no call."""
    maps, calls = [], []
    original = build.parallel.map_in_order

    def recorded(func, items, *args, meanwhile=None, **kwargs):
        maps.append(len(items))
        if items:  # as if forked: the real map forks only for work
            meanwhile()
        return original(func, items, *args, **kwargs)

    monkeypatch.setattr(build.parallel, "map_in_order", recorded)
    for cache in (None, tmp_path / "records", tmp_path / "records"):
        corpus.build_corpus(raw, rules, cache=cache, meanwhile=lambda: calls.append(1))
    assert maps == [3, 3, 0] and calls == [1, 1]


# -- the corpus snapshot (corpus.recordsnapshot): the records of the last run in one file


def _snapshot(tmp_path) -> Path:
    (found,) = (tmp_path / "records").glob(f"*/{recordsnapshot.SNAPSHOT_FILE}")
    return found


def test_an_article_added_between_snapshot_articles_splices_to_the_cold_tables(
        raw, rules, tmp_path, caplog, keys_seen):
    without_b = raw[raw["file"] != "b.txt"]
    _built(without_b, rules, tmp_path / "records", caplog, SIDECAR)
    assert recordsnapshot.read(_snapshot(tmp_path).parent).keys  # written
    plain = _built(raw, rules, None, caplog, SIDECAR)
    read = keys_seen(recordcache.RecordCache, "read")
    warm = _built(raw, rules, tmp_path / "records", caplog, SIDECAR)
    assert warm[0].equals(plain[0]) and warm[1].equals(plain[1]) and warm[2] == plain[2]
    assert warm[0].dtypes.equals(plain[0].dtypes) and warm[1].dtypes.equals(plain[1].dtypes)
    assert len(read) == 1  # b.txt's file (a miss): a.txt and c.txt are the snapshot's
    assert any("was split into pieces" in m for m in warm[2])  # c.txt warned again


def test_a_damaged_corpus_snapshot_is_a_miss(raw, rules, tmp_path, caplog):
    plain = _built(raw, rules, None, caplog, SIDECAR)
    _built(raw, rules, tmp_path / "records", caplog, SIDECAR)
    _snapshot(tmp_path).write_bytes(b"PK\x03\x04 damaged")
    warm = _built(raw, rules, tmp_path / "records", caplog, SIDECAR)
    assert warm[0].equals(plain[0]) and warm[1].equals(plain[1]) and warm[2] == plain[2]
    assert recordsnapshot.read(_snapshot(tmp_path).parent) is not None  # written again


def test_records_that_do_not_splice_are_read_from_their_files_warning_once(
        raw, rules, tmp_path, caplog, monkeypatch):
    without_b = raw[raw["file"] != "b.txt"]
    _built(without_b, rules, tmp_path / "records", caplog, SIDECAR)
    plain = _built(raw, rules, None, caplog, SIDECAR)

    def refuse(parts):
        raise columnar.NotSpliceable("test")

    monkeypatch.setattr(columnar, "joined", refuse)
    warm = _built(raw, rules, tmp_path / "records", caplog, SIDECAR)
    assert warm[0].equals(plain[0]) and warm[1].equals(plain[1]) and warm[2] == plain[2]


def test_snapshot_documents_name_the_sidecar_of_the_run():
    mark = recordcache.SIDECAR_MARK
    docs = pd.DataFrame([{"a": f"from {mark}", "b": "x", "l": [mark, "y"]},
                         {"a": "z", "b": "w", "l": []}])
    named = recordsnapshot.named_documents(docs, "s.csv")
    assert named["a"].tolist() == ["from s.csv", "z"] and named["b"].tolist() == ["x", "w"]
    assert named["l"].tolist() == [["s.csv", "y"], []]
    assert docs["a"][0] == f"from {mark}"  # not changed


def test_a_run_with_nothing_changed_opens_no_article_file(raw, rules, tmp_path, caplog,
                                                          keys_seen):
    first = _built(raw, rules, tmp_path / "records", caplog, SIDECAR)
    written = _snapshot(tmp_path).stat().st_mtime_ns
    opened = keys_seen(recordcache.RecordCache, "load")
    again = _built(raw, rules, tmp_path / "records", caplog, SIDECAR)
    assert again[0].equals(first[0]) and again[1].equals(first[1]) and again[2] == first[2]
    assert opened == [recordcache.MATCHES_KEY]
    assert _snapshot(tmp_path).stat().st_mtime_ns == written
