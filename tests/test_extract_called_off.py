"""A plan called off in its own sentence did not happen (data/syntax.yaml factuality
plan-called-off): 'X was set to meet Y this week, but Y postponed his trip' tells a
postponement, and the meeting is negated, not planned. A plan the sentence goes on with
('..., but he called Niger's leader instead') stays planned.

Short invented sentences about governments the world knowledge knows (no story's actors);
the helpers come from test_extract.
"""

from __future__ import annotations

import pytest

from test_extract import one_mention, run


@pytest.mark.parametrize("text", [
    "Chad's president was set to meet Niger's president on Monday, but he postponed his trip.",
    "Chad's president was scheduled to meet Niger's president, but the visit was cancelled.",
    "Chad's president had planned to meet Niger's president on Monday, but he called off the "
    "trip.",
])
def test_a_plan_called_off_in_its_sentence_did_not_happen(lex, text):
    meeting = one_mention(run(lex, [text]), "meeting_visit")
    assert meeting["polarity"] == "negated"
    assert meeting["factuality_rule"].startswith("plan-called-off")


def test_a_plan_the_sentence_goes_on_with_stays_planned(lex):
    text = ("Chad's president was set to meet Niger's president on Monday, but he called "
            "Niger's leader first.")
    assert one_mention(run(lex, [text]), "meeting_visit")["polarity"] == "planned"
