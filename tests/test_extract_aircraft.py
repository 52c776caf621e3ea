"""An aircraft struck in the air is shot down, not bombed (data/syntax.yaml triggers
`aircraft-struck`, `aircraft-crashed-after-being-struck`, which retype an airstrike word).

Short invented sentences about governments the world knowledge knows (no story's actors);
the helpers come from test_extract.
"""

from __future__ import annotations

from test_extract import one_mention, only, run


def test_a_plane_struck_by_a_state_is_shot_down(lex):
    found = run(lex, ["The plane was struck by a French missile over the desert, Chad said."])
    m = one_mention(found, "shootdown")
    assert (m["agent"], m["rule"]) == ("France", "shootdown/verb/dep:aircraft-struck")
    assert only(found["mentions"], event_type="airstrike").empty


def test_a_jet_hit_by_fire_is_shot_down(lex):
    found = run(lex, ["Officials said the jet was hit accidentally by Chadian fire."])
    assert one_mention(found, "shootdown")["agent"] == "Chad"
    assert only(found["mentions"], event_type="airstrike").empty


def test_an_airliner_that_crashed_after_being_struck_was_shot_down(lex):
    found = run(lex, ["The Chadian passenger jet crashed on Monday after being struck "
                      "while on a flight to Paris."])
    m = one_mention(found, "shootdown")
    assert m["rule"] == "shootdown/verb/dep:aircraft-crashed-after-being-struck"
    assert m["time_text"] == "on Monday"


def test_a_town_struck_by_warplanes_stays_an_airstrike(lex):
    found = run(lex, ["The town was struck by French warplanes on Monday."])
    assert one_mention(found, "airstrike")["agent_side"] == "France"
    assert only(found["mentions"], event_type="shootdown").empty


def test_a_convoy_that_stopped_after_being_hit_stays_an_airstrike(lex):
    found = run(lex, ["The convoy stopped after being hit by French jets on Monday."])
    assert not only(found["mentions"], event_type="airstrike").empty
    assert only(found["mentions"], event_type="shootdown").empty
