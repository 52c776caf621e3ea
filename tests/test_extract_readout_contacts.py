"""A contact told as a readout tells it ('X spoke today with Y'): a time word between the verb
and 'with' (data/event_types.yaml phone_call). Invented sentences; helpers from test_extract."""

from __future__ import annotations

import pytest

from test_extract import one_mention, run


@pytest.mark.parametrize("text", [
    "Chad's president spoke today with the Nigerien president about the border.",
    "Chad's president spoke on Thursday with the Nigerien president.",
])
def test_a_time_word_between_spoke_and_with_still_tells_a_contact(lex, text):
    call = one_mention(run(lex, [text]), "phone_call")
    assert {call["agent"], *call["targets"]} == {"Chad", "Niger"}


def test_speaking_about_something_with_reporters_is_no_contact(lex):
    found = run(lex, ["The minister spoke about the war with reporters."])["mentions"]
    assert "phone_call" not in set(found["event_type"])
