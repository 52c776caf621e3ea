"""Arrests are done by the police of the state where they happen (data/event_types.yaml
host_acts): with no doer named, the state named as the place is the doer, and the people a
past participle modifies are the ones it was done to (data/syntax.yaml modified-noun).
Invented sentences about governments the world knowledge knows (no story's actors)."""

from __future__ import annotations

import pytest

from test_extract import run


def _arrests(lex, text: str) -> list[tuple[str, list[str]]]:
    mentions = run(lex, [text])["mentions"]
    arrests = mentions[mentions["event_type"] == "arrest"]
    return [(m["agent"], list(m["targets"])) for m in arrests.to_dict("records")]


@pytest.mark.parametrize(("text", "agent", "targets"), [
    ("Police arrested two Chadians in Niamey.", "Niger", ["Chad"]),
    ("Ethnic Chadians were rounded up by police in a Nigerien town.", "Niger", ["Chad"]),
    ("Relations suffered from a series of arrests of Chadians in Niger.", "Niger", ["Chad"]),
])
def test_the_state_named_as_the_place_of_an_arrest_made_it(lex, text, agent, targets):
    assert _arrests(lex, text) == [(agent, targets)]


def test_two_coordinated_arrests_by_opposite_sides_stay_two_acts(lex):
    """One sentence telling each side's arrests: two mentions, each with its own doer, not
    one act with the first one's doer."""
    found = _arrests(lex, "Ties were hurt by deaths of ethnic Chadians rounded up by police "
                          "in a Nigerien city and a series of arrests of Nigeriens in Chad.")
    assert sorted(found) == [("Chad", ["Niger"]), ("Niger", ["Chad"])]


def test_a_named_doer_wins_over_the_place(lex):
    assert _arrests(lex, "Nigerien police detained two Chadians in Chad.")[0][0] != "Chad"


def test_a_place_names_no_doer_of_other_acts(lex):
    """A strike in a country is not that country's (only host_acts types read the place)."""
    mentions = run(lex, ["Strikes in Chad killed ten people."])["mentions"]
    assert "Chad" not in set(mentions["agent"])


def test_an_arrest_at_a_capital_spot_is_its_state_s(lex):
    """'arrested at <capital> airport': the capital's state; 'at the Nigerien embassy' is no
    place of Niger's police."""
    assert _arrests(lex, "The writer was arrested at N'Djamena airport on Saturday.")[0][0] \
        == "Chad"
    assert _arrests(lex, "The man was arrested at the Nigerien embassy.")[0][0] != "Niger"
