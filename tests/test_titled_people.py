"""Titled people (knowledge.titled_people): a full name tied to a title qualified by a side's
adjective or name becomes a story actor; nothing is guessed without such a title."""

from __future__ import annotations

from pathlib import Path

from trustbrief.knowledge.titled_people import titled_people
from trustbrief.knowledge.world import load_world

DATA = Path(__file__).resolve().parents[1] / "data"
PAIR = ("Japan", "South Korea")


def _found(*texts, known=frozenset()):
    return titled_people(texts, load_world(DATA), PAIR, set(known))


def test_title_before_the_name_and_apposition_give_side_and_role():
    assert _found("Japanese Foreign Minister Kenji Morita said the talks would go on.",
                  "Lee Min-ho, the South Korean defence minister, said nothing.") == [
        {"name": "Kenji Morita", "side": "Japan", "role": "foreign_minister"},
        {"name": "Lee Min-ho", "side": "South Korea", "role": "defence_minister"}]


def test_no_side_no_person_and_known_names_and_dates_are_left_alone():
    assert _found("Defence Minister Hiroshi Sato told reporters.",  # no side in the title
                  "On Tuesday, the Japanese foreign minister said so.",  # no name
                  "Japanese Prime Minister Haruto Ishikawa spoke.",  # known to the gazetteer
                  known={"haruto ishikawa"}) == []


def test_a_name_titled_for_two_sides_is_not_guessed():
    assert _found("Japanese Foreign Minister Kim Ho said.",
                  "South Korean Foreign Minister Kim Ho said.") == []


def test_a_role_the_gazetteer_fills_keeps_its_listed_holder():
    """'Japanese Prime Minister Haruto Ishikawa' when the story lists Japan's prime minister
    (under another spelling, say): no second head of government."""
    assert titled_people(["Japanese Prime Minister Haruto Ishikawa spoke."], load_world(DATA),
                         PAIR, set(), frozenset({("Japan", "head_of_government")})) == []
