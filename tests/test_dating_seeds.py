"""Quality on the real seeds: the four undated articles get dated from what they report, to
the day where the evidence pins it, else to an honest range that holds the true day.

Runs the real pipeline pieces (corpus -> extract -> dating) with the sidecar's dates removed,
so every date below comes from the text and data/chronology.csv.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import pytest

from trustbrief import corpus, dating, extract, timex

ROOT = Path(__file__).resolve().parents[1]
STORY_FILES = ROOT / "data" / "stories" / "us-israel"  # the default story's own files
DATA, SEEDS = ROOT / "data", ROOT / "seeds"

TRUE_DATES = {  # checked by hand against the outlets' pages
    "001_945787e7182174c9.txt": "2024-10-09",
    "002_3ff40789084e2591.txt": "2024-10-09",
}
# Rewrites of a scoop with no day of their own ('recent weeks', 'during a recent call'): the
# scoop is a lower bound, nothing pins the day, so they get a range.
RANGED = {
    "003_2a4bb49dc1370732.txt": "2024-10-08",
    "004_320937d7b167a5be.txt": "2024-10-08",
}
STATED = {"000_c7532784168d415d.txt": "2024-09-29"}


@pytest.fixture(scope="module")
def corpus_without_sidecar_dates():
    rules = corpus.load_rules(DATA)
    sidecar = corpus.load_sidecar(STORY_FILES).assign(published="")
    return corpus.build_corpus(corpus.read_seeds(SEEDS, rules), rules, sidecar)


@pytest.fixture(scope="module")
def dated(corpus_without_sidecar_dates):
    documents, sentences = corpus_without_sidecar_dates
    found = extract.extract(sentences, documents, extract.load_lexicons(DATA))
    out = dating.infer_publication_dates(documents, found, dating.load_chronology(STORY_FILES))
    return out.set_index("file")


@pytest.mark.parametrize("file, true_date", sorted(TRUE_DATES.items()))
def test_undated_seed_is_dated_within_a_day(dated, file, true_date):
    row = dated.loc[file]
    assert row["published_basis"] == "inferred"
    got = dt.date.fromisoformat(row["published"])
    assert abs((got - dt.date.fromisoformat(true_date)).days) <= 1, row["published_evidence"]
    assert row["published_earliest"] <= row["published"] <= row["published_latest"]
    assert row["published_evidence"]


@pytest.mark.parametrize("file, true_date", sorted(RANGED.items()))
def test_unpinned_seed_gets_an_honest_range(dated, file, true_date):
    row = dated.loc[file]
    assert row["published"] == "" and row["published_basis"] == "inferred"
    assert row["published_earliest"] <= true_date <= row["published_latest"]
    assert row["published_evidence"]


def test_stated_seed_keeps_its_date(dated):
    for file, date in STATED.items():
        assert dated.loc[file, ["published", "published_basis"]].tolist() == [date, "stated"]


def test_seed_time_expressions_resolve_against_inferred_dates(dated, corpus_without_sidecar_dates):
    documents, sentences = corpus_without_sidecar_dates
    times = timex.resolve_time_expressions(timex.extract_time_expressions(sentences),
                                           dated.reset_index())
    inferred = times[times["doc_id"].isin(dated.loc[list(TRUE_DATES), "doc_id"])]
    relative = inferred[inferred["kind"].isin(["weekday", "relative"])]
    assert not relative.empty
    assert (relative["basis"] == "relative-inferred").all()
    assert (relative["date"] != "").all()
    measures = times[times["kind"].isin(timex.MEASURE_KINDS)]
    assert (measures["date"] == "").all() and (measures["basis"] == "unresolved").all()
    assert "nearly 50 days" in set(measures["text"])



def test_inference_is_deterministic(corpus_without_sidecar_dates, dated):
    documents, sentences = corpus_without_sidecar_dates
    found = extract.extract(sentences, documents, extract.load_lexicons(DATA))
    again = dating.infer_publication_dates(documents, found, dating.load_chronology(STORY_FILES))
    pd.testing.assert_frame_equal(again.set_index("file"), dated)
