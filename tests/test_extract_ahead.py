"""The extraction helper (extract.ahead): a process that loads the trained pipeline while the
run reads its caches, then extracts the few new documents: the rows it gives back are the
rows this process makes; when it cannot help, the run extracts them itself. Invented
sentences of the invented story of test_claims_speakers."""

from __future__ import annotations

import logging
import pickle

import pytest

from fixtures.invented_story import invented_story, knowledge_with_story
from trustbrief import parallel
from trustbrief.extract import ahead, nlp, stage
from trustbrief.knowledge.story import find_story
from trustbrief.pipeline import Knowledge

STORY = invented_story("{name: Ana Ruiz Prieto, side: Mexico, role: head_of_state}",
                       "{name: Marta Diaz Soto, side: Canada, role: foreign_minister}")
SENTENCES = (
    "Mexican President Ana Ruiz Prieto said on Monday that Canada had not been told of the "
    "sanctions.",
    "Diaz Soto spoke with Ruiz Prieto by phone on Tuesday, a spokesperson said.",
    "The two leaders agreed to meet in Ottawa next week, she added.",
)


@pytest.fixture(scope="module")
def lex(tmp_path_factory):
    data = knowledge_with_story(tmp_path_factory.mktemp("ahead") / "data", STORY)
    return Knowledge(data, find_story(data, "mx-ca")).lexicons


def _docs() -> list[list[dict]]:
    return [[{"doc_id": "d1", "sent_id": f"d1-s{n}", "text": text}
             for n, text in enumerate(SENTENCES)]]


@pytest.fixture
def helper(tmp_path):
    from conftest import DATA

    started = ahead.ExtractionHelper(DATA)
    started.start()
    yield started
    started.close()


def test_the_helper_extracts_what_this_process_extracts(helper, lex, tmp_path):
    job = (_docs(), lex, None, None)
    here = stage.extract_documents(*job, nlp.Parser(nlp.load_pipeline(
        lex.syntax.pipeline or None), tmp_path / "here"))
    there = helper.extract(*job, tmp_path / "there", {"d1": ""}, {"d1": "d1.txt"}, None)
    assert there is not None and helper.running
    assert repr(there[0]) == repr(here[0])  # every table's rows, in order (NaN as NaN)
    assert there[1][0] == here[1][0] == 3  # the sentences parsed (no parse cache yet)


def test_a_failed_job_is_extracted_here(helper, tmp_path):
    assert helper.extract(_docs(), None, None, None, tmp_path, {}, {}, None) is None
    assert not helper.running  # the run extracts the documents itself from then on


def test_a_lost_helper_is_extracted_here(helper, lex, tmp_path):
    helper._process.kill()
    helper._process.join()
    assert helper.extract(_docs(), lex, None, None, tmp_path, {}, {}, None) is None
    assert not helper.running


def test_not_started_for_many_articles_nor_in_one_process(helper, monkeypatch, tmp_path):
    many = ahead.ExtractionHelper(tmp_path)
    many.start(ahead.MAX_ARTICLES + 1)
    assert not many.running and many.extract(_docs(), None, None, None, None, {}, {},
                                             None) is None
    helper.start(ahead.MAX_ARTICLES + 1)  # started on a hint (expect), too many for it
    assert not helper.running
    monkeypatch.setenv(parallel.WORKERS_ENV, "1")
    with ahead.extraction_helper(tmp_path) as none:
        assert none is None
    monkeypatch.setenv(parallel.WORKERS_ENV, "2")
    with ahead.extraction_helper(tmp_path) as one:
        assert one is not None and not one.running  # started by the corpus, if new articles


def test_other_articles_than_the_last_runs_start_the_helper_at_once(tmp_path):
    runs = []
    for files, shas in ((["a.txt"], ["1"]), (["a.txt"], ["1"]), (["a.txt", "b.txt"], ["1", "2"]),
                        (["a.txt", "b.txt"], ["1", "3"]), (["a.txt"], ["1"])):
        helper = ahead.ExtractionHelper(tmp_path)
        helper.start = lambda articles=1, h=helper: setattr(h, "started", True)
        helper.expect(files, shas, tmp_path / "records")
        runs.append(getattr(helper, "started", False))
    # the first run has nothing to compare with (a cold cache: the corpus says what is new);
    # then: the same articles, one added, one edited, one removed (the corpus confirms)
    assert runs == [False, False, True, True, True]


def test_the_helpers_log_records_come_back_plain():
    kept = ahead._KeptRecords()
    logger = logging.getLogger("trustbrief.test-ahead")
    logger.addHandler(kept)
    try:
        try:
            raise ValueError("x")
        except ValueError:
            logger.warning("%s: skipped (%d s)", "d1.txt", 10, exc_info=True)
    finally:
        logger.removeHandler(kept)
    record = pickle.loads(pickle.dumps(kept.records[0]))
    assert (record.getMessage(), record.levelno, record.exc_info) == (
        "d1.txt: skipped (10 s)", logging.WARNING, None)
