"""extract.attribute_index finds the same attribute-ruler matches as spaCy's Matcher, so the
trained pipeline annotates every token exactly as it would without it."""

from __future__ import annotations

import spacy
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc

from trustbrief.extract import nlp
from trustbrief.extract.attribute_index import IndexedAttributeRuler

SENTENCES = [
    "Israel did not inform Washington before the strike on Beirut, officials said.",
    "I'm gonna go, let's see: there is   a thing we gotta do.",
    "There were three of them, and nothin' y'all can't say changes it.",
    "The defence minister got the call; he gets another one on Tuesday.",
    "  ",
]

# one rule of each shape the index reads, and overlapping ones: a later rule must win
RULES = [
    {"patterns": [[{"TAG": "NN"}]], "attrs": {"POS": "NOUN", "MORPH": "Number=Sing"}},
    {"patterns": [[{"TAG": "NN", "LOWER": "call"}]], "attrs": {"LEMMA": "call-noun"}},
    {"patterns": [[{"LOWER": {"IN": ["is", "are"]}, "DEP": "ROOT"}]], "attrs": {"POS": "AUX"}},
    {"patterns": [[{"LOWER": {"REGEX": "^n'?t$"}}]], "attrs": {"LEMMA": "not"}},
    {"patterns": [[{"DEP": {"NOT_IN": ["ROOT", "punct"]}, "TAG": "VBD"}]],
     "attrs": {"MORPH": "Tense=Past"}},
    {"patterns": [[{"LOWER": "gon"}, {"LOWER": "na"}]], "attrs": {"LEMMA": "to"}, "index": 1},
    {"patterns": [[{"DEP": "expl"}, {"LOWER": {"IN": ["is", "were"]}}]],
     "attrs": {"POS": "VERB"}, "index": 1},
    {"patterns": [[{"IS_SPACE": True}]], "attrs": {"TAG": "_SP", "POS": "SPACE"}},
    {"patterns": [[{"TAG": "NN"}]], "attrs": {"MORPH": "Number=Sing|Later=Yes"}},
]


def _tokens(doc) -> list[tuple]:
    return [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_) for t in doc]


def _annotated(rulers_class, patterns, words, tags, deps, heads):
    vocab = spacy.blank("en").vocab
    ruler = rulers_class(vocab)
    ruler.add_patterns(patterns)
    doc = Doc(vocab, words=words, tags=tags, deps=deps, heads=heads)
    return ruler, ruler(doc)


def test_rules_of_every_shape_annotate_as_spacys_matcher():
    words = ["there", "is", "n't", "a", "call", "gon", "na", "come", " ", "he", "got"]
    tags = ["EX", "VBZ", "RB", "DT", "NN", "VBG", "TO", "VB", "_SP", "PRP", "VBD"]
    deps = ["expl", "ROOT", "neg", "det", "attr", "conj", "aux", "xcomp", "dep", "nsubj",
            "conj"]
    heads = [1, 1, 1, 4, 1, 1, 7, 5, 7, 10, 1]
    plain, expected = _annotated(AttributeRuler, RULES, words, tags, deps, heads)
    indexed, got = _annotated(IndexedAttributeRuler, RULES, words, tags, deps, heads)
    assert indexed._index not in (None, False)  # the index, not the fallback, was used
    assert _tokens(got) == _tokens(expected)
    assert got[4].lemma_ == "call-noun" and str(got[4].morph) == "Later=Yes|Number=Sing"
    assert got[6].lemma_ == "to" and got[1].pos_ == "VERB" and got[2].lemma_ == "not"


def test_a_rule_the_index_cannot_read_falls_back_to_spacys_matcher():
    rules = [*RULES, {"patterns": [[{"LOWER": "call", "OP": "+"}]], "attrs": {"LEMMA": "x"}}]
    words, tags = ["a", "call"], ["DT", "NN"]
    _, expected = _annotated(AttributeRuler, rules, words, tags, ["det", "ROOT"], [1, 1])
    indexed, got = _annotated(IndexedAttributeRuler, rules, words, tags, ["det", "ROOT"],
                              [1, 1])
    assert indexed._index is False
    assert _tokens(got) == _tokens(expected) and got[1].lemma_ == "x"


def test_the_loaded_pipeline_indexes_its_rules_and_annotates_as_the_plain_one():
    fast = nlp.load_pipeline()
    plain = spacy.load(nlp.pipeline_name())
    assert isinstance(fast.get_pipe("attribute_ruler"), IndexedAttributeRuler)
    assert fast.pipe_names == plain.pipe_names
    assert fast.get_pipe("attribute_ruler").patterns == plain.get_pipe("attribute_ruler").patterns

    def annotations(pipeline):
        return [[(*tok, t.dep_, t.head.i, t.ent_type_) for tok, t in zip(_tokens(d), d,
                                                                          strict=True)]
                for d in pipeline.pipe(SENTENCES)]

    assert annotations(fast) == annotations(plain)
