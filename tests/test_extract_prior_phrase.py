"""A phrase naming an earlier act ('following X's attacks', 'two weeks after X fired ...',
'in response to X's attack') is not dated by its sentence's date of another act ('the
ministry said on Sunday'), and, undated, is no news of the article's day (extract/time_scope.py
prior_phrases, '/prior' in the mention's rule: events/records.py gives it no publication
range). A time right after the phrase may still be its own ('its response to X's missile
attack last week'); one doer's acts in a row keep the day ('crashed on Monday after being
struck'); what one is congratulated on was done before. A time that hangs on the trigger in
the parse dates it before a nearer one (extract/windows.py _governing).

Short invented sentences about governments the world knowledge knows (no story's actors);
the helper comes from test_extract_time_scope.
"""

from __future__ import annotations

import pytest

from test_extract_time_scope import dated_mentions


def _mentions(lex, text: str) -> dict[str, dict]:
    """event type -> (time text, rule) of its one mention, with the real time finder."""
    return {m["event_type"]: {"time": m["time"], "rule": m["rule"]}
            for m in dated_mentions(lex, text)}


@pytest.mark.parametrize("text", [
    "Chad will get new air defences following Niger's missile attacks, the ministry said "
    "on Sunday.",
    "France said on Sunday it would send troops to Chad, two weeks after Niger fired some "
    "180 ballistic missiles at Chad.",
    "Niger struck Chad's bases in response to Chad's missile attack, the ministry said on "
    "Sunday.",
    "Niger struck Chad's bases in retaliation for Chad's missile attack, the ministry said on "
    "Sunday.",
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


def test_both_stages_read_one_prior_suffix():
    from trustbrief.events.records import PRIOR_RULE as EVENTS_RULE
    from trustbrief.extract.windows import PRIOR_RULE

    assert PRIOR_RULE == EVENTS_RULE == "/prior"


def test_an_undated_earlier_act_in_the_lede_is_no_news_of_the_day():
    """events/records.py: an asserted act in the lede without a day of its own is dated by the
    publication ('reported'), unless its rule ends '/prior'."""
    from test_events import DATA, EVENT_TYPES, FOCUS, GAZETTEER, docs_frame, found_frames, mention
    from trustbrief import events

    docs = docs_frame([("dA", "Wire One", "2024-10-27", "")])
    types = {**EVENT_TYPES, "statement": {"plover": "OTHER", "lane": "contacts",
                                          "operation": False}}
    for rule, expected in (("statement/claim/x/denial", ("2024-10-26", "2024-10-27", "reported")),
                           ("statement/claim/x/denial/prior", ("", "", "open"))):
        row = mention("dA", 1, "statement", "US", ["Israel"], text="US officials denied it")
        row["rule"] = rule
        built = events.build_events(found_frames([row]), docs, event_types=types,
                                    gazetteer=GAZETTEER, rules=events.load_labels(DATA),
                                    focus=FOCUS)["events"]
        got = built.iloc[0]
        assert (got["date_earliest"], got["date_latest"], got["date_basis"]) == expected, rule


def test_a_time_inside_the_phrase_dates_only_its_act(lex):
    # Friday is the killing's, not the retaliation's
    found = _mentions(lex, "In retaliation for the killing of its envoy on Friday, Niger fired "
                           "missiles at Chad.")
    assert found["targeted_killing"]["time"] == "on Friday"
    assert found["retaliation_plan"]["time"] == ""


def test_what_one_is_congratulated_on_is_not_dated_by_the_congratulating(lex):
    found = _mentions(lex, "The French president congratulated the Chadian president on the "
                           "killing of the rebel commander, the ministry said on Thursday.")
    assert found["targeted_killing"]["time"] == ""
    assert found["targeted_killing"]["rule"].endswith("/prior")


def test_a_time_hanging_on_the_trigger_is_its_day_before_a_nearer_one(lex):
    """A date nearer the trigger but inside a description of its subject ('the architect of
    the October 7, 2023 attack') is not the day of the act the verb tells: its own adverbial
    is."""
    found = _mentions(lex, "The rebel leader, believed to be the architect of the October 7, "
                           "2023 attack on Chad, was killed by Nigerien troops in Agadez on "
                           "Wednesday.")
    assert found["targeted_killing"]["time"] == "on Wednesday"
