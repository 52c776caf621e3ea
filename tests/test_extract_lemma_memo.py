"""extract.lemma_memo: the pipeline's lemmatizer remembers each lemma by (word, POS,
morphology) and gives exactly spaCy's lemmas."""

from __future__ import annotations

import pytest
import spacy

from trustbrief.extract import lemma_memo, nlp
from trustbrief.extract.attribute_index import index_attribute_rulers

TEXTS = [
    "Israel did not inform Washington before the strikes on Beirut, officials said.",
    "The ministers were meeting; they'd met twice and are meeting again.",
    "Leaders said the talks went better than expected, and the better offer stood.",
    "I'm gonna go, let's see. There is   a\tthing;  gotta  go!",
    "He's been told that she's leaving: 'We're done', they said.",
    "  ",
]


@pytest.fixture(scope="module")
def pipelines():
    plain = spacy.load(nlp.pipeline_name())
    index_attribute_rulers(plain)
    return plain, nlp.load_pipeline()


def _lemmas(docs) -> list:
    return [[(t.text, t.pos_, str(t.morph), t.lemma_) for t in doc] for doc in docs]


def test_the_loaded_pipeline_remembers_lemmas_and_gives_spacys(pipelines):
    plain, fast = pipelines
    assert type(fast.get_pipe("lemmatizer")).__name__.startswith("Remembering")
    assert type(plain.get_pipe("lemmatizer")).__name__ == "EnglishLemmatizer"
    for _ in range(2):  # the second round is answered from the memo
        want, got = list(plain.pipe(TEXTS)), list(fast.pipe(TEXTS))
        assert _lemmas(got) == _lemmas(want)
        assert [d.to_bytes() for d in got] == [d.to_bytes() for d in want]


def test_a_word_seen_before_is_not_lemmatized_again(pipelines, monkeypatch):
    _, fast = pipelines
    lemmatizer = fast.get_pipe("lemmatizer")
    calls = []
    original = lemmatizer.lemmatize
    monkeypatch.setattr(lemmatizer, "lemmatize",
                        lambda token: calls.append(token.text) or original(token))
    with fast.select_pipes(enable=["tok2vec", "tagger", "parser", "attribute_ruler"]):
        doc = fast("Envoys protested the raids; envoys protested the raids.")
    lemmatizer(doc)
    assert calls.count("raids") <= 1 and calls.count("protested") <= 1
    assert [t.lemma_ for t in doc][1:4] == ["protest", "the", "raid"]
    assert [t.lemma_ for t in doc][6:9] == ["protest", "the", "raid"]


def test_a_lemmatizer_of_another_kind_or_mode_is_left_alone():
    """Only spaCy's own (and the English) lemmatizer in rule or lookup mode is known to
    lemmatize from (word, POS, morphology) alone."""
    class Other(spacy.pipeline.Lemmatizer):
        pass

    blank = spacy.blank("en")
    blank.add_pipe("lemmatizer", name="known", config={"mode": "lookup"})
    blank.add_pipe("lemmatizer", name="by_pos", config={"mode": "lookup"})
    blank.get_pipe("by_pos")._mode = "pos_lookup"  # a language's own mode (e.g. Dutch)
    other = Other(blank.vocab, None, mode="lookup")
    fake = type("Pipeline", (), {"pipeline": [*blank.pipeline, ("other", other)]})()
    lemma_memo.remember_lemmas(fake)
    assert type(blank.get_pipe("known")).__name__ == "RememberingEnglishLemmatizer"
    assert type(blank.get_pipe("by_pos")).__name__ == "EnglishLemmatizer"
    assert type(other) is Other
