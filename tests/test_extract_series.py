"""Acts told as the next of a series (data/syntax.yaml roles.series, extract/series.py).

Short invented sentences about governments the world knowledge knows (no story's actors);
the helpers come from test_extract.
"""

from __future__ import annotations

from test_extract import one_mention, only, run


def test_subsequent_attacks_have_the_doer_of_the_operation_before(lex):
    """The agentless 'subsequent attacks targeting radios' is the next act of the series the
    document told before: France's."""
    found = run(lex, ["Thousands of pagers linked to Chadian militants detonated on Tuesday in "
                      "an operation attributed to France.",
                      "Egypt had no prior warning of subsequent attacks targeting radios on "
                      "Wednesday."])
    m = one_mention(found, "attack", sent=2)
    assert (m["agent"], m["agent_rule"]) == ("France", "series:next-in-series")


def test_a_second_wave_of_explosions_continues_the_series(lex):
    found = run(lex, ["France bombed Chadian depots on Monday.",
                      "A second wave of explosions shook the region on Tuesday."])
    m = one_mention(found, "sabotage_detonation", sent=2)
    assert (m["agent"], m["agent_rule"]) == ("France", "series:next-wave-of")


def test_an_attack_with_no_place_in_a_series_takes_no_doer(lex):
    """'attacks targeting radios' with nothing saying it continues a series stays agentless."""
    found = run(lex, ["France bombed Chadian depots on Monday.",
                      "Egypt had no warning of attacks targeting radios on Wednesday."])
    m = one_mention(found, "attack", sent=2)
    assert m["agent"] == ""


def test_a_series_needs_an_operation_told_before(lex):
    found = run(lex, ["Egypt had no prior warning of subsequent attacks targeting radios on "
                      "Wednesday."])
    assert one_mention(found, "attack")["agent"] == ""


def test_a_generic_attack_still_needs_a_party(lex):
    """object_after 'targeting' keeps 'attacks targeting X'; a bare 'attack' stays dropped."""
    found = run(lex, ["Officials discussed what an attack would mean."])
    assert only(found["mentions"], event_type="attack").empty
