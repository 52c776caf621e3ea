"""extract.depmatch matches the dependency patterns of data/syntax.yaml exactly as
syntax._match does (the same bindings, in the same order), on lists instead of spaCy tokens."""

from __future__ import annotations

from pathlib import Path

import pytest

from trustbrief.extract import depmatch, nlp, syntax

DATA = Path(__file__).resolve().parents[1] / "data"

SENTENCES = [
    "Israel did not inform Washington before the strike on Beirut.",
    "If Iran retaliates, the US could strike its oil facilities, officials said.",
    "Netanyahu will travel to Washington next week to meet Biden.",
    "The defense minister was to meet his counterpart, but the visit was cancelled.",
    "The US has repeatedly urged Israel to avoid strikes on civilians.",
    "Officials want Israel to halt the offensive and are ready to resume talks.",
    "The planned visit was scheduled for Tuesday, a spokesman said.",
    "There were no talks without preconditions, and the two sides never agreed.",
]


@pytest.fixture(scope="module")
def parsed():
    return list(nlp.load_pipeline().pipe(SENTENCES))


def _reference(pattern, token) -> list[tuple[int, ...]]:
    return [tuple(t.i for t in bound) for bound in syntax._match(pattern, token)]


def test_every_factuality_pattern_binds_as_the_reference_matcher(parsed):
    patterns = [p for _, _, p in syntax.load_syntax(DATA).factuality]
    compiled = [depmatch.compile_pattern(p) for p in patterns]
    found = 0
    for doc in parsed:
        table = depmatch.TokenTable(doc)
        for token in doc:
            for pattern, fast in zip(patterns, compiled, strict=True):
                want = _reference(pattern, token)
                assert depmatch.match(fast, table, token.i) == want, (doc.text, token.text)
                found += bool(want)
    assert found >= len(SENTENCES)  # the sentences do exercise the patterns


def test_in_not_in_equality_and_both_operators(parsed):
    doc = parsed[0]  # 'Israel did not inform Washington ...'
    pattern = [{"RIGHT_ID": "trigger", "RIGHT_ATTRS": {"POS": "VERB"}},
               {"LEFT_ID": "trigger", "REL_OP": ">", "RIGHT_ID": "neg",
                "RIGHT_ATTRS": {"DEP": "neg", "LOWER": {"IN": ["not", "never"]}}},
               {"LEFT_ID": "trigger", "REL_OP": ">", "RIGHT_ID": "subject",
                "RIGHT_ATTRS": {"DEP": {"NOT_IN": ["dobj"]}, "ORTH": "Israel"}}]
    table = depmatch.TokenTable(doc)
    inform = next(t for t in doc if t.lower_ == "inform")
    assert depmatch.match(depmatch.compile_pattern(pattern), table, inform.i) == \
        _reference(pattern, inform) == [(inform.i, inform.i - 1, 0)]
    up = [{"RIGHT_ID": "trigger", "RIGHT_ATTRS": {}},
          {"LEFT_ID": "trigger", "REL_OP": "<", "RIGHT_ID": "head",
           "RIGHT_ATTRS": {"LEMMA": "inform"}}]
    assert depmatch.match(depmatch.compile_pattern(up), table, 0) == [(0, inform.i)]
    with pytest.raises(ValueError, match="operator"):
        depmatch.compile_pattern([up[0], {**up[1], "REL_OP": ">>"}])


def test_first_nodes_lists_the_patterns_whose_first_node_fits_each_token(parsed):
    """The memo (keyed by the token's values of the attributes node 0 checks) gives the
    same patterns, in list order, as checking every pattern, on a miss and on a hit."""
    loaded = syntax.load_syntax(DATA)
    for entries in (loaded.factuality, loaded.triggers):
        compiled = [depmatch.compile_pattern(p) for _, _, p in entries]
        starts = depmatch.FirstNodes(compiled)
        for _ in range(2):  # the second round is answered from the memo
            for doc in parsed:
                table = depmatch.TokenTable(doc)
                for i in range(len(doc)):
                    want = tuple(n for n, p in enumerate(compiled)
                                 if depmatch._fits(table, i, p[1]))
                    assert starts.fitting(table, i) == want, (doc.text, doc[i].text)


def test_dependency_triggers_find_what_the_reference_matcher_finds(parsed):
    loaded = syntax.load_syntax(DATA)
    reader = syntax.Reader(loaded)
    docs = [*parsed, *nlp.load_pipeline().pipe(
        ["Biden and Netanyahu spoke by phone on Thursday.",
         "Putin and Aliyev called each other, and Aliyev told Putin about the crash."])]
    found = 0
    for doc in docs:
        want = []
        for token in doc:
            rule = next(((r, t) for r, t, p in loaded.triggers if syntax._match(p, token)),
                        None)
            if rule is not None:
                want.append((token.i, *rule))
        got = [(token.i, rule_id, type_id)
               for token, rule_id, type_id in reader.dependency_triggers(doc)]
        assert got == want, doc.text
        found += len(got)
    assert found >= 2  # the sentences do exercise the patterns


def test_a_sentence_table_is_shared_until_another_sentence_comes(parsed):
    first = depmatch.table_of(parsed[0])
    assert depmatch.table_of(parsed[0]) is first
    second = depmatch.table_of(parsed[1])
    assert second is not first and second.tokens[0].doc is parsed[1]
