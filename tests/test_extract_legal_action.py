"""A case put to a court or to a body that rules (a trade organisation, the UN) is legal
action (data/event_types.yaml legal_action), on invented sentences."""

from __future__ import annotations

import pytest

from test_extract import run


@pytest.mark.parametrize("text, trigger", [
    ("Chad has filed complaints with the World Trade Organization against Niger over its ban "
     "on cattle imports.", "filed complaints"),
    ("Chad filed a complaint against Niger at the World Trade Organization.",
     "filed a complaint"),
    ("Chad lodged a formal petition with the court against Niger.",
     "lodged a formal petition"),
])
def test_a_case_filed_or_lodged_against_a_state_is_legal_action(lex, text, trigger):
    mentions = run(lex, [text])["mentions"]
    case = mentions[mentions["event_type"] == "legal_action"].iloc[0]
    assert case["trigger"] == trigger
    assert case["agent"] == "Chad" and "Niger" in set(case["actors"])


def test_a_complaint_only_voiced_is_no_legal_action(lex):
    mentions = run(lex, ["Chad complained that Niger had closed the border."])["mentions"]
    assert "legal_action" not in set(mentions["event_type"])
