"""A deployment told by 'send ... troops' (data/event_types.yaml deployment): the words between
the verb and the forces may be abbreviations with dots ('send U.S. troops', 'sent U.K.
jets'), which are words too. Invented sentences; helpers from test_extract."""

from __future__ import annotations

import pytest

from test_extract import one_mention, run


@pytest.mark.parametrize("text", [
    "France said on Sunday it will send French troops to Chad.",
    "The U.S. said on Sunday it will send U.S. troops to Chad.",
])
def test_send_troops_is_a_deployment_with_its_parties(lex, text):
    deployment = one_mention(run(lex, [text]), "deployment")
    assert "Chad" in deployment["actors"]
    assert deployment["polarity"] == "planned"


def test_a_diplomat_of_a_dotted_state_declared_persona_non_grata(lex):
    text = "Chad declared a U.S. diplomat persona non grata on Monday."
    mention = one_mention(run(lex, [text]), "restriction")
    assert "Chad" in mention["actors"]


@pytest.mark.parametrize("text", [
    "Chad said on Monday that Niger had moved troops toward the disputed border.",
    "Niger is massing tanks near its border with Chad, officials said on Monday.",
])
def test_troops_moved_or_massed_toward_a_border_are_a_deployment(lex, text):
    deployment = one_mention(run(lex, [text]), "deployment")
    assert deployment["agent"] == "Niger"
