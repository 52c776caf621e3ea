"""Stories as data: a story file names the pair, the period and the briefs; nothing of one
story reaches another (no ../shared needed: every story here is invented in tmp_path)."""

import pytest

from fixtures.invented_story import invented_story, knowledge_with_story
from trustbrief.briefs import story_briefs
from trustbrief.knowledge import DataFileError, load_yaml
from trustbrief.knowledge.story import (
    compose_gazetteer,
    find_story,
    load_stories,
    load_story,
    story_for_articles,
)
from trustbrief.knowledge.world import load_world

STORY = invented_story("{name: Ana Ruiz Prieto, side: Mexico, role: foreign_minister}")


@pytest.fixture
def data(tmp_path):
    """A copy of the shared knowledge with its real stories plus one invented story."""
    target = knowledge_with_story(tmp_path / "data", STORY)
    (tmp_path / "corpora" / "mx-ca" / "articles").mkdir(parents=True)
    return target


def test_story_file_gives_pair_period_articles_and_briefs(data):
    story = find_story(data, "mx-ca")
    assert story.pair == ("Mexico", "Canada") and story.focus == "Mexico->Canada"
    assert story.period == ("2025-03-01", "2025-03-31")
    assert story.articles == (data.parent / "corpora" / "mx-ca" / "articles").resolve()
    assert story.processed == data.parent / "data" / "processed" / "mx-ca"
    [brief] = story_briefs(story)
    assert brief.name == "mx-ca-march" and brief.params["focus"] == "Mexico->Canada"
    assert story_for_articles(data, story.articles).name == "mx-ca"


def test_a_corpus_is_its_story_s_wherever_the_checkout_stands(data, tmp_path):
    """A checkout where the story's relative folder leads nowhere still reads the corpus with
    its story (evaluate's rows must not depend on where it runs); a story whose folder does
    exist is never matched by name alone."""
    elsewhere = tmp_path / "elsewhere" / "corpora" / "mx-ca" / "articles"
    elsewhere.mkdir(parents=True)
    assert story_for_articles(data, elsewhere) is None  # mx-ca's own folder exists
    (tmp_path / "corpora" / "mx-ca" / "articles").rmdir()
    assert story_for_articles(data, elsewhere).name == "mx-ca"
    other = tmp_path / "elsewhere" / "corpora" / "other" / "articles"
    other.mkdir(parents=True)
    assert story_for_articles(data, other) is None


def test_the_default_story_is_the_one_marked_default(data):
    default = find_story(data)
    assert default.default and default.name != "mx-ca"
    assert all(b.params["focus"] == default.focus for b in story_briefs(default))


@pytest.mark.parametrize(("old", "new", "reason"), [
    ("pair: [Mexico, Canada]", "pair: [Mexico]", "two different sides"),
    ("period: [2025-03-01, 2025-03-31]", "period: [2025-03-31, 2025-03-01]", "before the first"),
    ("title: Two", "titel: Two", "missing key"),
    ("name: mx-ca-march", "name: us-israel-trust-2024", "also used by story"),
])
def test_story_errors_name_the_file_and_the_reason(data, old, new, reason):
    path = data / "stories" / "mx-ca.yaml"
    path.write_text(STORY.replace(old, new), encoding="utf-8")
    with pytest.raises(DataFileError, match=reason) as info:
        load_stories(data)
    assert "mx-ca.yaml" in str(info.value) or "stories" in str(info.value)


def test_a_pair_outside_the_world_knowledge_is_an_error(data, tmp_path):
    path = data / "stories" / "mx-ca.yaml"
    path.write_text(STORY.replace("[Mexico, Canada]", "[Mexico, Atlantis]"), encoding="utf-8")
    story = load_story(path, tmp_path)
    with pytest.raises(DataFileError, match="'Atlantis' is not a country"):
        compose_gazetteer(load_yaml(data / "gazetteer.yaml"), load_world(data), story)


def test_the_pair_becomes_sides_from_world_knowledge(data):
    shared = load_yaml(data / "gazetteer.yaml")
    composed = compose_gazetteer(shared, load_world(data), find_story(data, "mx-ca"))
    assert composed["sides"]["Mexico"]["adjectives"] == ["Mexican", "Mexicans"]
    assert "Canadian" in composed["sides"]["Canada"]["adjectives"]
    assert not any("Canadian" in spec["adjectives"] for side, spec in composed["sides"].items()
                   if side != "Canada")
    states = {a["name"]: a for a in composed["actors"] if a.get("type") == "state"}
    assert "Mexico City" in states["Mexico"]["aliases"] and states["Canada"]["side"] == "Canada"
    ministry = next(a for a in composed["actors"] if a["name"] == "Mexican Foreign Ministry")
    assert ministry["side"] == "Mexico" and "Mexico's Ministry of Foreign Affairs" in ministry[
        "names"] and "Foreign Ministry of Mexico" in ministry["names"]
    person = next(a for a in composed["actors"] if a["name"] == "Ana Ruiz Prieto")
    assert person["aliases"] == ["Prieto"] and "Foreign Minister" in person["titles"]
    assert shared["sides"] == load_yaml(data / "gazetteer.yaml")["sides"]  # input untouched


def test_one_storys_files_stay_out_of_another(data):
    from trustbrief.pipeline import Knowledge

    default = Knowledge(data)
    invented = Knowledge(data, find_story(data, "mx-ca"))
    assert len(default.chronology) > 0 and len(invented.chronology) == 0
    assert invented.focus == ("Mexico", "Canada")
    assert "Ana Ruiz Prieto" in invented.lexicons.actors
    assert "Ana Ruiz Prieto" not in default.lexicons.actors


def test_a_storys_people_never_reach_another_story(data):
    from trustbrief.pipeline import Knowledge

    default = Knowledge(data).lexicons.actors
    invented = Knowledge(data, find_story(data, "mx-ca")).lexicons.actors
    people = {name for name, actor in default.items() if actor.type == "person"}
    assert people, "the default story lists its people"
    assert not people & {n for n, a in invented.items() if a.type == "person"} - {
        "Ana Ruiz Prieto"}


def test_channels_are_found_by_role_for_a_new_pair(data):
    from trustbrief.pipeline import Knowledge

    path = data / "stories" / "mx-ca.yaml"
    path.write_text(STORY + "  - {name: Luis Vega, side: Canada, role: foreign_minister}\n",
                    encoding="utf-8")
    channels = Knowledge(data, find_story(data, "mx-ca")).channels.channels
    assert [(c.id, c.actors) for c in channels] == [("foreign", ("Ana Ruiz Prieto", "Luis Vega"))]
    # a briefing one minister gives the other is their contact too ('X briefed Y on the raids')
    assert set(channels[0].contact_types) >= {"phone_call", "meeting_visit", "notification"}
    assert Knowledge(data).channels.channels[0].actors  # the default story keeps its own list


def test_a_new_pair_runs_through_the_whole_pipeline(data):
    from trustbrief import pipeline

    story = find_story(data, "mx-ca")
    (story.articles / "a.txt").write_text(
        "Mexico summons Canada's ambassador\n\n"
        "MEXICO CITY, March 4, 2025 - Mexico's Foreign Ministry summoned Canada's ambassador "
        "on Monday, Foreign Minister Ana Ruiz Prieto said. Ruiz Prieto spoke by phone with her "
        "Canadian counterpart on Tuesday, as Ottawa denied the report.\n", encoding="utf-8")
    tables = pipeline.run(story.articles, data, knowledge=pipeline.Knowledge(data, story))
    sides = set(tables["actor_mentions"]["side"])
    assert {"Mexico", "Canada"} <= sides
    assert {"Ana Ruiz Prieto", "Mexican Foreign Ministry"} <= set(tables["actor_mentions"]["actor"])
    assert not {"US", "Israel"} & sides


def test_extract_reads_a_storys_folder_with_that_story(data, tmp_path):
    from trustbrief.cli import main

    story = find_story(data, "mx-ca")
    (story.articles / "a.txt").write_text(
        "Mexico recalls its ambassador\n\nMEXICO CITY, March 4, 2025 - Mexico's Foreign "
        "Ministry said on Monday that Canada had not been told in advance.\n", encoding="utf-8")
    out = tmp_path / "out"
    assert main(["extract", "--seeds", str(story.articles), "--out", str(out),
                 "--data", str(data)]) == 0
    provenance = (out / "provenance.json").read_text(encoding="utf-8")
    assert '"story": "mx-ca"' in provenance


def test_extract_reads_a_folder_no_story_names_with_its_articles_pair(data, tmp_path, capsys):
    """A folder of articles about two governments no story declares is read as their pair
    (an inferred story), not as the default story's US and Israel."""
    from trustbrief.cli import main

    folder = tmp_path / "new" / "articles"
    folder.mkdir(parents=True)
    (folder / "a.txt").write_text(
        "India expels Canadian diplomats\n\nNEW DELHI, Oct 14, 2024 - India said on Monday "
        "it was expelling six Canadian diplomats. Canada's foreign minister said Ottawa had "
        "given India notice.\n", encoding="utf-8")
    out = tmp_path / "out"
    assert main(["extract", "--seeds", str(folder), "--out", str(out),
                 "--data", str(data)]) == 0
    note = capsys.readouterr().err
    assert "about India and Canada" in note and "inferred" in note
    sides = set(_csv(out / "actor_mentions.csv", "side"))
    assert {"India", "Canada"} <= sides and not {"US", "Israel"} & sides


def _csv(path, column):
    import csv

    with open(path, encoding="utf-8") as fh:
        return [row[column] for row in csv.DictReader(fh)]


def test_a_storys_addresses_give_each_file_its_url_and_nothing_else(data, tmp_path):
    """`addresses`: a list kept beside the articles (a labelled corpus's documents.csv). Its
    url names the outlet; an outlet or date in another column is never read."""
    from trustbrief import pipeline

    path = data / "stories" / "mx-ca.yaml"
    path.write_text(path.read_text(encoding="utf-8")
                    + "addresses: corpora/mx-ca/documents.csv\n", encoding="utf-8")
    story = find_story(data, "mx-ca")
    (story.articles / "a.txt").write_text(
        "Mexico recalls its ambassador\n\nMexico's Foreign Ministry said it had not been told "
        "in advance.\n", encoding="utf-8")
    (story.articles.parent / "documents.csv").write_text(
        "file,url,outlet,published\n"
        "a.txt,https://www.reuters.com/world/mexico-recalls-envoy,Wrong Outlet,1999-01-01\n",
        encoding="utf-8")
    tables = pipeline.run(story.articles, data, knowledge=pipeline.Knowledge(data, story))
    doc = tables["documents"].iloc[0]
    assert doc["outlet"] == "Reuters" and doc["published"] != "1999-01-01"


def test_a_missing_addresses_file_is_a_warning_not_a_stop(data, caplog):
    """The list lives beside the articles: a clone without them still validates and builds
    the other stories; the story itself is read without addresses, and the log says so."""
    from trustbrief import pipeline

    path = data / "stories" / "mx-ca.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "addresses: corpora/none.csv\n",
                    encoding="utf-8")
    knowledge = pipeline.Knowledge(data, find_story(data, "mx-ca"))
    assert knowledge.sidecar.empty
    assert "addresses file does not exist" in caplog.text


def test_a_customs_body_named_general_is_no_general(data):
    # "Mexico's General Administration of Customs": the longest form wins over 'general'
    composed = compose_gazetteer(load_yaml(data / "gazetteer.yaml"), load_world(data),
                                 find_story(data, "mx-ca"))
    customs = next(a for a in composed["actors"] if a["name"] == "Mexican customs")
    assert customs["side"] == "Mexico" and customs["level"] == "institution"
    assert "Mexico's General Administration of Customs" in customs["names"]
