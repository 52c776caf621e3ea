"""Deals reached between the parties are agreements, and a state's agents boarding or seizing
the other side's vessels or property are seizures (data/event_types.yaml agreement, seizure),
on invented sentences."""

from __future__ import annotations

import pytest

from test_extract import run


@pytest.mark.parametrize("text, trigger", [
    ("Israel and Iran signed a prisoner exchange agreement in Doha.",
     "signed a prisoner exchange agreement"),
    ('Iran and Israel have reached a "provisional arrangement" on shipping.',
     'reached a "provisional arrangement'),  # triggers end on a word
    ("Israel struck a deal with Iran on Sunday.", "struck a deal"),
])
def test_a_deal_reached_or_signed_is_an_agreement(lex, text, trigger):
    mentions = run(lex, [text])["mentions"]
    deal = mentions[mentions["event_type"] == "agreement"].iloc[0]
    assert deal["trigger"] == trigger
    assert {"Israel", "Iran"} <= set(deal["actors"])


def test_a_deal_only_named_is_no_agreement(lex):
    mentions = run(lex, ["Iran said the July deal with Israel was fragile."])["mentions"]
    assert "agreement" not in set(mentions["event_type"])


@pytest.mark.parametrize("text, trigger", [
    ("Iranian forces boarded two Israeli cargo ships in the Gulf.",
     "boarded two Israeli cargo ships"),
    ("Iran seized an Israeli-linked tanker on Sunday.", "seized"),
])
def test_boarding_or_seizing_the_other_sides_vessels_is_a_seizure(lex, text, trigger):
    mentions = run(lex, [text])["mentions"]
    seized = mentions[mentions["event_type"] == "seizure"].iloc[0]
    assert seized["trigger"] == trigger
    assert seized["agent"] == "Iran" and seized["plover"] == "COERCE"
