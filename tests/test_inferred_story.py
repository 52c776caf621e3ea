"""A folder no story file names is read with the pair its articles are about: the declared
story of that pair when there is one, else a story inferred from the articles (never the
default story's pair for another relationship)."""

from __future__ import annotations

from pathlib import Path

from fixtures.invented_story import DATA
from trustbrief.knowledge.inferred_story import inferred_pair, story_for_folder
from trustbrief.knowledge.world import load_world

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "unseen_pair" / "articles"
SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def test_the_two_countries_named_in_most_articles_are_the_pair():
    world = load_world(DATA)
    texts = ["Tokyo protested to Seoul on Monday. A Chinese official said nothing.",
             "The Japanese foreign minister met South Korea's ambassador in London.",
             "South Korean officials said Japan had not been told."]
    # named in all three: Japan (Tokyo, Japanese, Japan) and South Korea; China in one only;
    # the side named more often is the subject, the other the observer
    assert inferred_pair(texts, world) == ("South Korea", "Japan")
    assert inferred_pair(["Only Japan here."], world) is None


def test_a_side_the_shared_gazetteer_names_keeps_its_id():
    world = load_world(DATA)
    texts = ["Washington said Israel struck.", "The US and Israel spoke; Israeli officials."]
    assert set(inferred_pair(texts, world, ["US", "Israel"])) == {"US", "Israel"}


def test_an_undeclared_folder_of_another_pair_gets_an_inferred_story():
    story, how = story_for_folder(DATA, FIXTURE, load_world(DATA), "jp-kr")
    assert how == "inferred" and set(story.pair) == {"Japan", "South Korea"}
    assert story.articles == FIXTURE.resolve() and story.period == ("", "")
    assert story.actors == () and story.companion("chronology.csv") is None


def test_an_undeclared_folder_of_a_declared_pair_is_read_with_that_story():
    story, how = story_for_folder(DATA, SEEDS, load_world(DATA), "more-seeds")
    assert how == "declared" and set(story.pair) == {"US", "Israel"}
    # the default story of that pair, with its own knowledge (actors, chronology, period)
    assert story.name == "us-israel" and story.articles == SEEDS.resolve()
    assert story.companion("actors.yaml") is not None and story.period[0]


def test_a_set_aside_story_is_never_used_for_its_pair():
    """evaluate --held-out sets aside the story written for a folder: the pair's next story
    stands in, and with none left the story is inferred from the articles."""
    story, how = story_for_folder(DATA, SEEDS, load_world(DATA), "more-seeds",
                                  ignore=frozenset({"us-israel"}))
    assert how == "declared" and story.name != "us-israel" and set(story.pair) == {"US",
                                                                                   "Israel"}
    every_us_israel = frozenset({"us-israel", story.name})
    story, how = story_for_folder(DATA, SEEDS, load_world(DATA), "more-seeds",
                                  ignore=every_us_israel)
    assert how == "inferred" and story.actors == () and story.period == ("", "")
