"""Bounded cost: alias-bombed YAML and catastrophic analyst patterns refused at validation,
a time limit that stops a runaway step, and no sentence long enough to make per-sentence
work grow faster than the text."""

from __future__ import annotations

import logging
import re
import sys
from hashlib import sha256

import pytest

from conftest import DATA
from trustbrief import corpus, limits
from trustbrief.knowledge import DataFileError, compile_pattern, load_yaml

BILLION_LAUGHS = """\
a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]
b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]
c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]
"""


def test_yaml_anchors_and_aliases_are_refused(tmp_path):
    path = tmp_path / "bomb.yaml"
    path.write_text(BILLION_LAUGHS, encoding="utf-8")
    with pytest.raises(DataFileError, match="aliases") as error:
        load_yaml(path)
    assert error.value.where == 1  # the line of the first anchor
    merge = tmp_path / "merge.yaml"
    merge.write_text("base: &base {x: 1}\nother:\n  <<: *base\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="aliases"):
        load_yaml(merge)


@pytest.mark.parametrize("pattern", [r"(a+)+$", r"(\w+\s?)+$", r"^(\d+)*x", r"(x+x+)+y"])
def test_catastrophic_patterns_are_refused_at_validation(pattern):
    with pytest.raises(DataFileError, match="too slow"):
        compile_pattern("data/boilerplate.yaml", "rules[1]", pattern)


@pytest.mark.parametrize("pattern", [r"\b(?:said|told)\b", r"^By [A-Z][a-z]+(?: [A-Z][a-z]+)*$",
                                     r"(?:[A-Z][a-z]+ )+(?:Minister|President)"])
def test_ordinary_patterns_pass(pattern):
    assert compile_pattern("data/x.yaml", "k", pattern).pattern == pattern


def test_time_limit_stops_a_runaway_match_and_restores_the_alarm():
    import signal

    before = signal.getsignal(signal.SIGALRM)
    with pytest.raises(limits.TimeLimitExceeded, match="probe"):
        with limits.time_limit(0.05, "probe"):
            re.match(r"(a+)+$", "a" * 64 + "!")
    assert signal.getsignal(signal.SIGALRM) is before
    with limits.time_limit(5, "quick"):
        assert sum(range(10)) == 45


def test_a_cpu_budget_ignores_waiting_but_stops_a_runaway_match():
    """A pattern's budget is CPU time: waiting for the CPU (a loaded machine, here a sleep)
    never counts against it, so a cheap pattern is never refused for another process's load."""
    import signal
    import time

    before = signal.getsignal(signal.SIGVTALRM)
    with limits.time_limit(0.05, "waiting", clock="cpu"):
        time.sleep(0.2)
    with pytest.raises(limits.TimeLimitExceeded, match="probe"):
        with limits.time_limit(0.05, "probe", clock="cpu"):
            re.match(r"(a+)+$", "a" * 64 + "!")
    assert signal.getsignal(signal.SIGVTALRM) is before


def test_bounded_spans_cut_at_spaces_and_keep_offsets():
    text = "x" * 10 + " " + ("word " * 900)
    spans = limits.bounded_spans(text, 0, len(text), max_chars=400)
    assert spans[0][0] == 0 and spans[-1][1] == len(text)
    assert all(b == c for (_, b), (c, _) in zip(spans, spans[1:], strict=False))
    assert all(0 < e - s <= 400 for s, e in spans)
    assert all(text[e - 1] == " " for _, e in spans[:-1]), "cut after a space"
    assert limits.bounded_spans("a" * 1000, 0, 1000, 300) == [(0, 300), (300, 600),
                                                              (600, 900), (900, 1000)]


def article_with_one_long_sentence(words: int) -> str:
    vocabulary = ("the defense secretary said officials met the foreign minister in the "
                  "capital and agreed on a plan but warned that the army would strike").split()
    body = " ".join(vocabulary[i % len(vocabulary)] for i in range(words))
    return f"Officials meet\n\nOctober 1, 2024\n\nWASHINGTON - {body.capitalize()}.\n"


def corpus_of(tmp_path, words: int):
    import pandas as pd

    text = article_with_one_long_sentence(words)
    raw = pd.DataFrame([{"file": f"long{words}.txt", "sha256": sha256(text.encode()).hexdigest(),
                         "text": text, "encoding": "utf-8", "n_bytes": len(text), "meta": {}}])
    return text, corpus.build_corpus(raw, corpus.load_rules(DATA))


def test_a_very_long_sentence_is_split_with_a_warning(tmp_path, caplog):
    with caplog.at_level(logging.WARNING, logger="trustbrief"):
        text, (documents, sentences) = corpus_of(tmp_path, 3_000)
    assert len(text) > 5 * limits.MAX_SENTENCE_CHARS
    assert (sentences["end"] - sentences["start"]).max() <= limits.MAX_SENTENCE_CHARS
    for row in sentences.itertuples():
        assert row.text == text[row.start:row.end]
    assert "was split into pieces" in caplog.text


def calls_made(func, *args) -> int:
    """Python and C function calls made by func(*args): a deterministic measure of work."""
    count = 0

    def profiler(frame, event, arg):
        nonlocal count
        if event in ("call", "c_call"):
            count += 1

    sys.setprofile(profiler)
    try:
        func(*args)
    finally:
        sys.setprofile(None)
    return count


def test_work_on_one_long_sentence_grows_linearly(tmp_path, monkeypatch):
    """The pattern for every per-sentence stage: measure the work (calls made, not seconds)
    on an input and on one twice as long; linear cost doubles, quadratic quadruples."""
    from trustbrief import extract

    monkeypatch.setenv("TRUSTBRIEF_WORKERS", "1")
    lexicons = extract.load_lexicons(DATA)

    def corpus_and_extraction(words: int) -> None:
        _, (documents, sentences) = corpus_of(tmp_path, words)
        extract.extract(sentences, documents, lexicons)

    corpus_and_extraction(300)  # warm caches and lazy imports before measuring
    small = calls_made(corpus_and_extraction, 4_000)
    large = calls_made(corpus_and_extraction, 8_000)
    assert large / small < 2.6, f"work grew {large / small:.1f}x for 2x the text"


def test_one_pathological_document_is_skipped_with_a_warning_and_the_rest_extracted(
        monkeypatch, caplog):
    """A document whose extraction outruns limits.DOCUMENT_SECONDS (here: a step that spins
    on one invented hostile text) is skipped with a warning naming its file; the other
    documents of the corpus are extracted as usual."""
    import time

    import pandas as pd

    from trustbrief import extract
    from trustbrief.extract import stage

    monkeypatch.setenv("TRUSTBRIEF_WORKERS", "1")
    lexicons = extract.load_lexicons(DATA)
    texts = {"d1": "French and German ministers met in Paris on Monday.",
             "d2": "PATHOLOGICAL French and German ministers met in Berlin on Monday.",
             "d3": "German and French ministers met in Berlin on Tuesday."}
    sentences = pd.DataFrame([{"doc_id": d, "sent_id": f"{d}-s001", "start": 0,
                               "end": len(t), "text": t} for d, t in texts.items()])
    documents = pd.DataFrame({"doc_id": list(texts), "file": [f"{d}.txt" for d in texts],
                              "sha256": [sha256(t.encode()).hexdigest() for t in texts.values()]})
    real_hits = stage.document_hits

    def spins_on_hostile_text(sentence_texts, lex):
        if any("PATHOLOGICAL" in t for t in sentence_texts):
            deadline = time.monotonic() + 3  # stands for a super-linear step
            while time.monotonic() < deadline:
                pass
        return real_hits(sentence_texts, lex)

    monkeypatch.setattr(stage, "document_hits", spins_on_hostile_text)
    monkeypatch.setattr(limits, "DOCUMENT_SECONDS", 0.3)
    with caplog.at_level(logging.WARNING, logger="trustbrief"):
        found = extract.extract(sentences, documents, lexicons)
    assert "d2.txt: skipped" in caplog.text
    assert "d1.txt" not in caplog.text and "d3.txt" not in caplog.text
    for table in ("actor_mentions", "time_expressions"):
        assert set(found[table]["doc_id"]) == {"d1", "d3"}, table
