"""The one who receives a warning, briefing or notice (data/syntax.yaml roles.noun.target
recipient-of-*): the subject of a verb of receiving ('got', 'received', 'had') or the passive
subject of a verb of giving is the one told, never the doer.

Short invented sentences about governments the world knowledge knows (no story's actors);
the helpers come from test_extract.
"""

from __future__ import annotations

from test_extract import run


def _of_type(found, event_type: str) -> list[dict]:
    mentions = found["mentions"]
    return mentions[mentions["event_type"] == event_type].to_dict("records")


def test_the_subject_of_a_received_briefing_is_its_recipient(lex):
    found = run(lex, ["France received a briefing from Chad on Monday."])
    [m] = _of_type(found, "notification")
    assert m["agent"] != "France"
    assert "France" in m["targets"]
    assert m["target_rule"] == "recipient-of-light-verb"


def test_the_subject_of_got_no_warning_is_not_the_one_warning(lex):
    found = run(lex, ["Officials said France got no advance warning of the raid."])
    [m] = _of_type(found, "warning")
    assert (m["agent"], m["targets"]) == ("", ["France"])


def test_a_second_clause_of_receiving_keeps_the_first_clause_subject(lex):
    found = run(lex, ["France received a call on Monday but had no prior warning of the "
                      "raids in Chad."])
    [m] = _of_type(found, "warning")
    assert m["agent"] != "France" and "France" in m["targets"]


def test_the_passive_subject_of_giving_is_the_recipient(lex):
    found = run(lex, ["France was given a warning by Chad."])
    [m] = _of_type(found, "warning")
    assert "France" in m["targets"] and m["agent"] != "France"


def test_the_subject_of_giving_still_does_it(lex):
    found = run(lex, ["Chad issued a warning to France on Monday."])
    [m] = _of_type(found, "warning")
    assert m["agent"] == "Chad"


def test_a_passive_warning_naming_no_doer_is_not_given_to_the_actor_around_it(lex):
    """'France said it was not warned in advance about the raids': the word window read
    France (the one not warned) as the warner."""
    found = run(lex, ["France said that it was not warned in advance about the raids in Chad."])
    [m] = _of_type(found, "warning")
    assert m["agent"] != "France"
