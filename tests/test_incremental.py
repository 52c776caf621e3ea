"""A run through the caches gives every table a cold run gives (pipeline.run end to end: the
corpus, extraction and titled-people caches, then dating, events and metrics on what they
return), for an article added to a cached corpus large enough that the run splices the
snapshots (over REWRITE_SHARE articles), for a run with nothing changed, and for a copy of an
article added (the events stage then reuses its last tables)."""

from __future__ import annotations

import shutil

import pandas as pd
import pytest

from conftest import DATA, SEEDS
from trustbrief import bench, parallel, pipeline
from trustbrief.corpus import recordsnapshot
from trustbrief.events import reuse
from trustbrief.extract import ahead, rowsnapshot

ARTICLES = max(rowsnapshot.REWRITE_SHARE, recordsnapshot.REWRITE_SHARE) + 4


def _tables(corpus, cache=None, extracted: list | None = None) -> dict[str, pd.DataFrame]:
    """Every table of the run; `extracted` gets the number of documents it extracted."""
    folders = pipeline.cache_folders(cache) if cache is not None else {}
    tables = pipeline.run(corpus, DATA, **folders)
    if extracted is not None:
        parse = tables["_parse"].iloc[0]
        extracted.append(len(tables["documents"]) - int(parse["cached"]))
    return {name: frame for name, frame in tables.items() if not name.startswith("_")}


def _same(cached: dict, cold: dict) -> None:
    assert cached.keys() == cold.keys()
    for name, frame in cold.items():
        pd.testing.assert_frame_equal(cached[name], frame, check_exact=True, obj=name)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """ARTICLES synthetic articles recombined from the seeds (bench.make_corpus); the one
    whose name sorts in the middle is set aside, to be added later."""
    folder = tmp_path_factory.mktemp("incremental") / "corpus"
    bench.make_corpus(ARTICLES, folder, seeds_dir=SEEDS, data_dir=DATA)
    middle = sorted(folder.iterdir())[ARTICLES // 2]
    aside = folder.parent / middle.name
    shutil.move(middle, aside)
    return folder, aside


@pytest.fixture
def helped(monkeypatch) -> list:
    """Runs may use the extraction helper (extract.ahead); the list gets, per helper
    started, whether it extracted documents."""
    started: list = []
    start, extract = ahead.ExtractionHelper.start, ahead.ExtractionHelper.extract

    def spied_start(self, articles=1):
        start(self, articles)
        if self.running and not any(s is self for s, _ in started):
            started.append((self, []))

    def spied_extract(self, *job):
        done = extract(self, *job)
        next(jobs for s, jobs in started if s is self).append(done is not None)
        return done

    monkeypatch.setattr(ahead.ExtractionHelper, "start", spied_start)
    monkeypatch.setattr(ahead.ExtractionHelper, "extract", spied_extract)
    return started


def test_an_article_added_to_a_cached_corpus_gives_the_cold_tables(corpus, tmp_path, helped,
                                                                   monkeypatch):
    folder, aside = corpus
    cache = tmp_path / "cache"
    monkeypatch.setenv(parallel.WORKERS_ENV, "1")
    _tables(folder, cache)  # the caches and their snapshots, without the article
    shutil.copy(aside, folder / aside.name)
    extracted: list[int] = []
    try:
        monkeypatch.setenv(parallel.WORKERS_ENV, "2")  # a helper may be started
        cached = _tables(folder, cache, extracted)  # the new article: by the helper
        again = _tables(folder, cache, extracted)  # nothing changed since: no helper
        monkeypatch.setenv(parallel.WORKERS_ENV, "1")
        cold = _tables(folder)
    finally:
        (folder / aside.name).unlink()
    assert extracted == [1, 0]  # the added article, then none
    assert [jobs for _, jobs in helped] == [[True]]
    assert len(cold["documents"]) == ARTICLES and len(cold["events"])
    _same(cached, cold)
    _same(again, cold)


def test_a_copy_added_reuses_the_events_tables(corpus, tmp_path, monkeypatch):
    """A copy of an article (the bench's 'one added') joins no event: the events stage
    reuses its last tables (events/reuse.py), which are the cold run's."""
    folder, _ = corpus
    cache = tmp_path / "cache"
    monkeypatch.setenv(parallel.WORKERS_ENV, "1")
    _tables(folder, cache)
    hits: list[bool] = []
    read = reuse.reused
    monkeypatch.setattr(reuse, "reused", lambda *a, **k: hits.append(read(*a, **k)) or
                        hits[-1])
    first = sorted(folder.iterdir())[0].read_text(encoding="utf-8")
    copy = folder / "zz-copy.txt"
    copy.write_text(first.replace("Published on", "Updated; published on", 1) +
                    "\nOne more line.\n", encoding="utf-8")
    try:
        cached = _tables(folder, cache)
        cold = _tables(folder)
    finally:
        copy.unlink()
    assert [found is not None for found in hits] == [True]
    docs = cold["documents"]
    assert (docs.loc[docs["file"] == copy.name, "duplicate_of"] != "").all()
    _same(cached, cold)
