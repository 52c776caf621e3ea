"""Relations cut back as a protest are restrictions by the side that cuts them
(data/event_types.yaml restriction), on invented sentences."""

from __future__ import annotations

import pytest

from test_extract import run


@pytest.mark.parametrize("text, trigger", [
    ("Iran recalled its ambassador to Israel for consultations.", "recalled its ambassador"),
    ("Israel severed diplomatic ties with Iran.", "severed diplomatic ties"),
    ("Iran broke off relations with Israel.", "broke off relations"),
    ("Israel declared the Iranian consul persona non grata.",
     "declared the Iranian consul persona non grata"),
])
def test_relations_cut_back_are_a_restriction_by_the_side_cutting_them(lex, text, trigger):
    mentions = run(lex, [text])["mentions"]
    cut = mentions[mentions["event_type"] == "restriction"].iloc[0]
    assert cut["trigger"] == trigger
    assert cut["agent"] == text.split()[0] and cut["polarity"] == "asserted"


def test_people_deported_are_the_side_of_their_nationality(lex):
    mentions = run(lex, ["Iran deported dozens of Israeli citizens."])["mentions"]
    sent_home = mentions[mentions["event_type"] == "restriction"].iloc[0]
    assert (sent_home["agent"], list(sent_home["targets"])) == ("Iran", ["Israel"])


def test_several_ties_is_no_severing(lex):
    mentions = run(lex, ["Israel struck several ties of Hezbollah in Beirut."])["mentions"]
    assert not mentions["trigger"].str.startswith("sever").any()
    assert "restriction" not in set(mentions["event_type"])
