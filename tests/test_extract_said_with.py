"""A statement whose speaker's words ask another side to act is a demand (data/event_types.yaml
`said_with`; extract/statements.py): 'Brazil's president emphasized, "Argentina must
apologize"' asks it of Argentina. Never when the one who must act is the speaker's own side or
no party, nor after a verb that concedes rather than asks.

Short invented sentences about governments the world knowledge knows (no story's actors);
the helpers come from test_extract.
"""

from __future__ import annotations

import pytest

from test_extract import one_mention, only, run


@pytest.mark.parametrize("text", [
    'Brazil\'s foreign ministry emphasized, "Argentina must apologize to Brazil."',
    "Brazil's foreign ministry said on Monday that Argentina should pay compensation.",
])
def test_words_that_put_an_obligation_on_another_side_are_a_demand(lex, text):
    m = one_mention(run(lex, [text]), "demand")
    assert (m["agent"], m["targets"]) == ("Brazil", ["Argentina"])
    assert m["rule"].startswith("demand/claim/") and "/said-with-modal" in m["rule"]
    assert only(run(lex, [text])["mentions"], event_type="statement").empty


@pytest.mark.parametrize("text", [
    # conceding, not asking
    "Brazil's foreign ministry acknowledged that Argentina must respond to the crisis.",
    # the obligation is the speaker's own side's
    'Brazil\'s foreign ministry said, "Brazil must stay calm," adding that Argentina caused '
    "the crisis.",
    # no party must act
    "Brazil's foreign ministry said that an all-out war with Argentina should be avoided.",
])
def test_other_words_with_a_modal_stay_a_statement_or_none(lex, text):
    assert only(run(lex, [text])["mentions"], event_type="demand").empty
