"""A participle that is itself a speech act, after a clause a verb of saying reports, is the
reporter's act (data/syntax.yaml speaker-of-reported-clause): 'Chad said France was to blame,
accusing Paris of lying' - Chad accuses. An act's participle stays with the clause's doer
('said French jets struck the base, killing ten'), and 'X was to blame' blames nobody.

Short invented sentences about states the world knowledge knows; helpers from test_extract.
"""

from __future__ import annotations

import pytest

from test_extract import run


def _mentions(lex, text: str):
    return run(lex, [text])["mentions"]


@pytest.mark.parametrize("text", [
    "Chad said France was responsible for the raid, accusing Paris of lying.",
    "Chad has said France was to blame for the clash, accusing Paris of provocations.",
])
def test_a_speech_participle_after_a_reported_clause_is_the_reporters(lex, text):
    mentions = _mentions(lex, text)
    accusation = mentions[mentions["event_type"] == "accusation"]
    assert len(accusation) == 1
    row = accusation.iloc[0]
    assert (row["agent"], list(row["targets"]), row["agent_rule"]) == (
        "Chad", ["France"], "speaker-of-reported-clause")


def test_an_acts_participle_stays_with_the_reported_clause(lex):
    mentions = _mentions(lex, "The Chadian ministry said French jets struck the base, "
                              "killing ten people.")
    killing = mentions[mentions["event_type"] == "targeted_killing"].iloc[0]
    assert killing["agent"] == "France"


def test_to_be_to_blame_blames_nobody(lex):
    mentions = _mentions(lex, "Chad said France was to blame for the clash.")
    assert "accusation" not in set(mentions["event_type"])
    assert "accusation" in set(_mentions(lex, "Chad decided to blame France for the clash.")[
        "event_type"])
