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


def test_a_country_name_used_as_an_adjective_qualifies_a_title():
    """Headline English qualifies a title with the country's name or abbreviation ('US
    President', 'U.S. Secretary of State', 'Japan Prime Minister'); a comma ends the
    qualifier ('In Japan, Prime Minister ...' names no side)."""
    found = titled_people(["US President Mark Ellison spoke with the Japanese premier.",
                           "U.S. Secretary of State Ana Ruiz flew to Tokyo.",
                           "Japan Prime Minister Haruto Ishikawa answered.",
                           "In Japan, Prime Minister Daiki Mori was silent."],
                          load_world(DATA), ("US", "Japan"), set())
    assert found == [{"name": "Mark Ellison", "side": "US", "role": "head_of_state"},
                     {"name": "Ana Ruiz", "side": "US", "role": "foreign_minister"},
                     {"name": "Haruto Ishikawa", "side": "Japan",
                      "role": "head_of_government"}]


def test_an_institution_qualifies_a_title_a_capital_does_not_and_a_rank_is_no_name():
    """'White House National Security Adviser' is the US adviser (the national security
    adviser is a channel, so a person); 'in Tokyo Prime Minister X' names no side (a capital
    stands for a whole government, and is where things happen); a name runs to the end of
    its capitalised words, so a rank before it is no first name."""
    found = titled_people(["White House National Security Adviser Dan Ortiz spoke.",
                           "Talks in Tokyo Prime Minister Ken Sato said went well.",
                           "US Defense Secretary General Lee Brandt Jones arrived."],
                          load_world(DATA), ("US", "Japan"), set())
    assert found == [{"name": "Dan Ortiz", "side": "US", "role": "national_security_adviser"}]


def test_one_person_spelt_two_ways_is_one_person_under_the_usual_spelling():
    """Transliterations differ between outlets ('Ishikawa', 'Ishikava'): one side's one role
    held by alike names is one person, known by both spellings; alike names of two roles
    stay two people."""
    found = _found("Japanese Prime Minister Haruto Ishikava spoke.",
                   "Japanese Prime Minister Haruto Ishikawa spoke.",
                   "Japanese Prime Minister Haruto Ishikawa answered.",
                   "Japanese Foreign Minister Kenji Morita said.",
                   "Japanese Defence Minister Kenji Morito said.")
    assert found == [
        {"name": "Haruto Ishikawa", "side": "Japan", "role": "head_of_government",
         "aliases": ["Ishikawa", "Haruto Ishikava", "Ishikava"]},
        {"name": "Kenji Morita", "side": "Japan", "role": "foreign_minister"},
        {"name": "Kenji Morito", "side": "Japan", "role": "defence_minister"}]


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


def test_a_surname_someone_else_already_has_is_no_alias():
    """'Halevi' of a listed person, or 'Sato' of two titled ministers, would name two people:
    the new person is then known by the full name only (and the story's gazetteer composes)."""
    found = _found("Japanese Foreign Minister Kenji Sato said.",
                   "Japanese Defence Minister Hiroshi Sato said.",
                   "South Korean Prime Minister Jun Halevi said.",
                   "South Korean Foreign Minister Park Min-jae said.", known={"halevi"})
    assert {p["name"]: p.get("aliases") for p in found} == {
        "Kenji Sato": ["Kenji Sato"], "Hiroshi Sato": ["Hiroshi Sato"],
        "Jun Halevi": ["Jun Halevi"], "Park Min-jae": None}



def test_a_titled_person_sharing_a_listed_persons_surname_composes(tmp_path):
    """End to end through the story's knowledge: a story lists 'Taro Morita' (known as
    'Morita'); the articles title 'Kenji Morita' as foreign minister. Composing the story's
    gazetteer used to refuse the shared alias 'Morita' and stop the run."""
    import shutil

    from trustbrief import pipeline
    from trustbrief.knowledge.story import find_story

    data = tmp_path / "data"
    shutil.copytree(DATA, data, ignore=shutil.ignore_patterns("processed"))
    (data / "stories" / "jp-kr.yaml").write_text(
        "title: invented\narticles: corpora/jp-kr\npair: [Japan, South Korea]\n"
        "period: [2026-03-01, 2026-03-31]\n"
        "actors:\n  - {name: Taro Morita, side: Japan, role: head_of_government}\n",
        encoding="utf-8")
    kb = pipeline.Knowledge(data, find_story(data, "jp-kr"))
    kb.learn_titled_people(["Japanese Foreign Minister Kenji Morita met the press."])
    assert kb.titled == ({"name": "Kenji Morita", "side": "Japan", "role": "foreign_minister",
                          "aliases": ["Kenji Morita"]},)
    assert "Kenji Morita" in kb.lexicons.actors


def test_the_cheap_lowered_test_misses_no_case_blind_match():
    """titled_people skips a text whose lowered form holds no qualified title; re.IGNORECASE
    reads a few letters as ASCII letters that str.lower() leaves alone ('ſ' as 's'): exactly
    the ones ODD_CASE lets through, and such a text still finds its person."""
    import re
    import string

    from trustbrief.knowledge.titled_people import ODD_CASE

    ascii_letter = re.compile("(?i)[a-z]")
    unlowered = {c for c in map(chr, range(0x80, 0x110000))
                 if ascii_letter.fullmatch(c) and c.lower() not in string.ascii_lowercase}
    assert unlowered == set(ODD_CASE.pattern.strip("[]"))
    assert _found("Japane\u017fe Foreign Minister Kenji Morita said.") == [
        {"name": "Kenji Morita", "side": "Japan", "role": "foreign_minister"}]
    assert _found("JAPANESE FOREIGN MINISTER Kenji Morita said.") == [
        {"name": "Kenji Morita", "side": "Japan", "role": "foreign_minister"}]


def test_a_deputy_named_with_a_qualified_title_is_a_person_of_that_side():
    """data/world/roles.yaml deputy is a `person` role: 'Japanese Deputy Prime Minister X Y'
    and "South Korea's deputy foreign minister X Y" are people of their sides, known by the
    surname too; a deputy's title names no holder of the office its last words name."""
    assert _found("Japanese Deputy Prime Minister Taro Kanda was to visit Seoul.",
                  "South Korea's deputy foreign minister Park Ji-hoon said so.") == [
        {"name": "Taro Kanda", "side": "Japan", "role": "deputy"},
        {"name": "Park Ji-hoon", "side": "South Korea", "role": "deputy"}]
