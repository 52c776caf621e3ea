"""Generalization: a pair of governments no corpus, seed or shared knowledge file was written
for (Japan and South Korea), in five invented wire-style articles (tests/fixtures/unseen_pair:
datelines, bylines, titles such as 'the Japanese foreign minister', "Japan's ambassador in
London", capitals as metonyms). Its story file names only the pair and the period; the shared
knowledge is used as it is. What an analyst needs must come out: the sides, their
institutions, and the events with the right acting and receiving side and the right day."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from fixtures.invented_story import DATA
from trustbrief import pipeline
from trustbrief.brief.views.cells import as_list
from trustbrief.knowledge.story import find_story

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "unseen_pair"
PAIR = {"Japan", "South Korea"}


@pytest.fixture(scope="module")
def tables(tmp_path_factory):
    root = tmp_path_factory.mktemp("unseen")
    data = root / "data"
    shutil.copytree(DATA, data, ignore=shutil.ignore_patterns("processed"))
    shutil.copy(FIXTURE / "story.yaml", data / "stories" / "jp-kr.yaml")
    shutil.copytree(FIXTURE / "articles", root / "corpora" / "jp-kr" / "articles")
    story = find_story(data, "jp-kr")
    return pipeline.run(story.articles, data, knowledge=pipeline.Knowledge(data, story))


def test_every_article_is_dated_by_its_dateline(tables):
    docs = tables["documents"].set_index("file")
    assert docs["published"].astype(str).to_dict() == {
        "01-tokyo-protest.txt": "2026-03-03", "02-seoul-call.txt": "2026-03-04",
        "03-visit-cancelled.txt": "2026-03-06", "04-london-summit.txt": "2026-03-10",
        "05-leaders-meet.txt": "2026-03-12"}


def test_the_pair_its_institutions_and_capitals_resolve_with_no_story_actor(tables):
    actors = tables["actor_mentions"]
    by_surface = dict(zip(actors["surface"], actors["side"], strict=False))
    assert {"Tokyo": "Japan", "Seoul": "South Korea"}.items() <= by_surface.items()
    assert by_surface["Japan's Foreign Ministry"] == "Japan"
    assert by_surface["South Korean defence ministry"] == "South Korea"
    # no side of another story leaks in; London is only ever the place ('ambassador in London')
    assert set(actors["side"]) <= PAIR | {"United Kingdom"}
    assert set(actors[actors["side"] == "United Kingdom"]["surface"]) == {"London"}


def _event(tables, event_type: str, day: str) -> dict:
    events = tables["events"]
    rows = events[(events["event_type"] == event_type) & (events["date_earliest"] == day)
                  & (events["date_latest"] == day)]
    assert len(rows) == 1, f"one {event_type} on {day}: {events[['event_type', 'date', 'label']]}"
    return rows.iloc[0].to_dict()


@pytest.mark.parametrize("event_type, day, agent_side, target", [
    ("summons", "2026-03-03", "Japan", "South Korea"),        # Japan's protest and summons
    ("summons", "2026-03-04", "South Korea", "Japan"),        # Seoul summons the attache
    ("criticism", "2026-03-05", "South Korea", "Japan"),      # 'on Thursday' in a Friday article
    ("visit_blocked", "2026-03-06", "Japan", "South Korea"),  # the defence chief's visit
])
def test_acts_have_the_acting_and_the_receiving_side_and_their_day(tables, event_type, day,
                                                                   agent_side, target):
    event = _event(tables, event_type, day)
    assert event["agent_side"] == agent_side
    assert target in as_list(event["targets"])


def _sides(tables) -> dict[str, str]:
    actors = tables["actor_mentions"]
    return dict(zip(actors["actor"], actors["side"], strict=False))


@pytest.mark.parametrize("event_type, day, people", [
    ("phone_call", "2026-03-04", {"Park Min-jae", "Kenji Morita"}),
    ("meeting_visit", "2026-03-12", {"Haruto Ishikawa", "Kim Dae-sung"})])
def test_contacts_between_officials_no_list_names_are_between_the_two_sides(tables, event_type,
                                                                            day, people):
    """'South Korean Foreign Minister Park Min-jae spoke by phone with his Japanese
    counterpart Kenji Morita', 'Japanese Prime Minister X and South Korean President Y met':
    the people are in no list; their qualified titles make them actors of their side."""
    event = _event(tables, event_type, day)
    participants = {event["agent"], *as_list(event["targets"])}
    assert participants == people
    assert {_sides(tables)[p] for p in participants} == PAIR
    assert event["status"] == "asserted"


def test_a_titled_persons_later_surname_is_that_person_of_that_side(tables):
    """'the Japanese foreign minister, Kenji Morita,' in one article; 'Park told Morita' in
    another: the bare surname is Morita, of Japan (a name with no qualified title,
    'Defence Minister Hiroshi Sato', stays nobody: no side is guessed)."""
    actors = tables["actor_mentions"]
    morita = actors[actors["surface"] == "Morita"]
    assert not morita.empty
    assert set(zip(morita["actor"], morita["side"], strict=True)) == {("Kenji Morita", "Japan")}
    assert "Hiroshi Sato" not in set(actors["actor"])


def test_contacts_between_titled_people_fill_the_channel_cadence(tables):
    cadence = tables["cadence"].set_index("channel")
    assert {"foreign", "leaders"} <= set(cadence.index)
    assert str(cadence.loc["foreign", "last_contact"]) == "2026-03-04"


def test_labels_print_hyphenated_names_whole(tables):
    labels = " | ".join(tables["events"]["label"])
    assert "Kim Dae-sung" in labels and "Dae sung" not in labels


def test_a_side_not_told_in_advance_is_a_notice_signal_of_that_side_about_the_other(tables):
    """'Japan had not been informed in advance of a South Korean naval exercise' (the
    negation before 'been', not after 'was'): Japan's notice from South Korea was none."""
    signals = tables["trust_signals"]
    told = signals[signals["cue"].str.contains("not been informed in advance")]
    assert list(zip(told["direction"], told["notice"], strict=True)) == [
        ("Japan->South Korea", "none")]
