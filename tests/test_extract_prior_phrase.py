"""A phrase naming an earlier act ('following X's attacks', 'two weeks after X fired ...',
'in response to X's attack') is not dated by its sentence's date of another act ('the
ministry said on Sunday'), and, undated, is no news of the article's day (extract/time_scope.py
prior_phrases, '/prior' in the mention's rule: events/records.py gives it no publication
range). A time right after the phrase may still be its own ('its response to X's missile
attack last week'); one doer's acts in a row keep the day ('crashed on Monday after being
struck').

Short invented sentences about governments the world knowledge knows (no story's actors);
the helpers come from test_extract.
"""

from __future__ import annotations

import pandas as pd
import pytest

from trustbrief import extract, timex


def _mentions(lex, text: str) -> dict[str, dict]:
    """event type -> (time text, rule) of its one mention, with the real time finder."""
    sents = pd.DataFrame({"doc_id": ["dT"], "sent_id": ["dT-s001"], "start": [0],
                          "end": [len(text)], "text": [text]})
    times = timex.extract_time_expressions(sents)
    mentions = extract.extract(sents, pd.DataFrame({"doc_id": ["dT"]}), lex,
                               time_expressions=times)["mentions"]
    surface = dict(zip(times["time_id"], times["text"], strict=True))
    return {m["event_type"]: {"time": surface.get(m["time_id"], ""), "rule": m["rule"]}
            for m in mentions.to_dict("records")}


@pytest.mark.parametrize("text", [
    "Chad will get new air defences following Niger's missile attacks, the ministry said "
    "on Sunday.",
    "France said on Sunday it would send troops to Chad, two weeks after Niger fired some "
    "180 ballistic missiles at Chad.",
])
def test_an_earlier_act_is_not_dated_by_the_sentence(lex, text):
    attack = _mentions(lex, text)["missile_attack"]
    assert attack["time"] == ""
    assert attack["rule"].endswith("/prior")


def test_a_time_right_after_the_phrase_may_date_its_act(lex):
    found = _mentions(lex, "The Chadian cabinet must first approve its response to Niger's "
                           "missile attack last week.")
    assert found["missile_attack"]["time"] == "last week"


def test_an_act_told_without_a_phrase_of_an_earlier_act_has_no_prior_mark(lex):
    found = _mentions(lex, "Niger fired some 180 ballistic missiles at Chad.")
    assert not found["missile_attack"]["rule"].endswith("/prior")


@pytest.mark.parametrize("text", [
    "France and Chad reaffirmed their ties on Thursday while remaining at odds over Chad's "
    "ban on French beef.",
    "The row over Chad's ban on French beef deepened on Monday.",
])
def test_what_two_sides_are_at_odds_over_is_an_earlier_act(lex, text):
    ban = _mentions(lex, text)["restriction"]
    assert ban["time"] == "" and ban["rule"].endswith("/prior")
