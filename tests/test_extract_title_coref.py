"""A bare title ('the defence secretary also warned') means the person the article last named
with these words, not the holder of the post on the side its context names most
(extract/actors.py). An invented story with two defence ministers (invented people)."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def two_defence_ministers(tmp_path_factory):
    from fixtures.invented_story import story_lexicons

    return story_lexicons(tmp_path_factory.mktemp("k"),
                          "{name: Ana Ruiz Prieto, side: Mexico, role: defence_minister}",
                          "{name: Luis Vega, side: Canada, role: defence_minister}")


def _title_actors(sentences: list[str], lex) -> list[list[str]]:
    from trustbrief.extract.actors import document_hits

    return [[h.actor for h in hits if h.kind == "title"]
            for hits in document_hits(sentences, lex)]


def test_a_bare_title_is_the_person_last_named_with_it(two_defence_ministers):
    """The second sentence names only Mexico: its context alone would give Mexico's minister."""
    text = ["Canadian Defence Secretary Luis Vega said on Friday he had no warning of the raid.",
            "The defence secretary also warned that a war would be devastating for Mexico."]
    assert _title_actors(text, two_defence_ministers) == [["Luis Vega"], ["Luis Vega"]]


def test_a_bare_title_never_named_before_still_reads_its_context(two_defence_ministers):
    text = ["Mexico said on Friday that the raid had ended.",
            "The defence secretary also warned that a war would be devastating for Mexico."]
    assert _title_actors(text, two_defence_ministers)[1] == ["Ana Ruiz Prieto"]


@pytest.fixture(scope="module")
def two_presidents(tmp_path_factory):
    from fixtures.invented_story import story_lexicons

    return story_lexicons(tmp_path_factory.mktemp("p"),
                          "{name: Ana Ruiz Prieto, side: Mexico, role: head_of_state}",
                          "{name: Luis Vega, side: Canada, role: head_of_government}")


@pytest.mark.parametrize("sentence", [
    "Vice President Marta Solis told Mexico's envoy the raid must stop.",
    "Mexico's Vice President said the raid on Canada must stop.",
    "The Mexican Deputy Prime Minister met Canada's envoy.",
    "Former President Jorge Ortiz said Mexico and Canada must talk.",
    "President Erdogan said Mexico and Canada must talk.",
    "He arrived for the inauguration of Mexico's president-elect, Jorge Ortiz, on Monday.",
    "Mexico's President-elect said the raid on Canada must stop.",
])
def test_a_title_of_another_office_or_holder_is_not_the_story_person(two_presidents, sentence):
    """'Vice President', 'Deputy Prime Minister', 'former President' (data/world/roles.yaml
    another_office), a title joined to another word ('president-elect') and a title before a
    name no actor holds are not Mexico's president or
    Canada's prime minister, whatever side the sentence names."""
    assert _title_actors([sentence], two_presidents) == [[]]


@pytest.mark.parametrize(("sentence", "person"), [
    ("President Ana Ruiz Prieto said the raid on Canada must stop.", "Ana Ruiz Prieto"),
    ("The Mexican President said on Monday the raid on Canada must stop.", "Ana Ruiz Prieto"),
    ("Prime Minister Luis Vega said Mexico must talk.", "Luis Vega"),
])
def test_the_holder_keeps_his_title(two_presidents, sentence, person):
    assert _title_actors([sentence], two_presidents) == [[person]]
