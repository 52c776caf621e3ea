"""A story for a folder of articles that no story file names, inferred from the articles.

An analyst declares a story in data/stories/NAME.yaml. A folder no story names (a labelled
corpus given to `make evaluate` before its story file is written) would otherwise be read with
the default story: another relationship's pair, actors and chronology. The inferred story holds
only what the articles themselves show:
  pair     the two countries named in the most articles (world knowledge: a country's names,
           adjectives, capital and institutions standing for its government; organisations are
           no side), ties broken by how often each is named. The more often named is the
           subject, the other the observer: coverage of a strained relationship names the
           government whose acts are in question most.
  period   none: the pipeline dates the articles itself.
  briefs, actors  none; titled people are learned from the articles, as for any story.
A story file always wins: this only stands in when there is none. And when a declared story
is about the same pair (the default story first), the folder is read with that story instead:
its actors, chronology and period are knowledge of this relationship.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from pathlib import Path

from trustbrief.knowledge import load_yaml
from trustbrief.knowledge.story import STORIES, Story, load_stories
from trustbrief.knowledge.world import World

ARTICLE_SUFFIXES = (".txt", ".html", ".htm", ".md")


def country_counts(texts, world: World) -> tuple[Counter, Counter]:
    """(articles naming each country, times each is named), by country code."""
    articles, mentions = Counter(), Counter()
    for text in texts:
        codes = [form.country for _, _, form in world.find(text)
                 if form.country and not form.sector]  # a country, not an organisation
        mentions.update(codes)
        articles.update(set(codes))
    return articles, mentions


def inferred_pair(texts, world: World, sides=()) -> tuple[str, str] | None:
    """(observer, subject) by the rule in the module docstring; None with fewer than two.
    sides: the shared gazetteer's side ids ('US'): a country that is one is named by it."""
    articles, mentions = country_counts(texts, world)
    ranked = sorted(articles, key=lambda code: (-articles[code], -mentions[code], code))
    if len(ranked) < 2:
        return None
    subject, observer = ranked[0], ranked[1]
    if mentions[observer] > mentions[subject]:
        subject, observer = observer, subject
    side_of = {}
    for side in sides:
        country = world.country(str(side))
        if country is not None:
            side_of.setdefault(country.code, str(side))
    return tuple(side_of.get(code, world.countries[code].name) for code in (observer, subject))


def _texts(folder: Path):
    for path in sorted(folder.iterdir()):
        if path.is_file() and path.suffix.lower() in ARTICLE_SUFFIXES:
            yield path.read_text(encoding="utf-8", errors="replace")


def inferred_story(data_dir: Path | str, articles: Path | str, world: World,
                   name: str = "") -> Story | None:
    """The story of a folder no story file names (None when its articles name fewer than two
    countries). name: the story's name (default: the folder's, or its parent's for an
    'articles' folder)."""
    folder = Path(articles).resolve()
    shared = load_yaml(Path(data_dir) / "gazetteer.yaml") or {}
    pair = inferred_pair(_texts(folder), world, (shared.get("sides") or {}).keys())
    if pair is None:
        return None
    name = name or (folder.parent.name if folder.name == "articles" else folder.name)
    path = Path(data_dir).resolve() / STORIES / f"{name}.yaml"  # no file: no companions
    return Story(name, path, f"{pair[0]} and {pair[1]} (story inferred from the articles)",
                 folder, pair, ("", ""), (), ())


def story_for_folder(data_dir: Path | str, articles: Path | str, world: World,
                     name: str = "", ignore: frozenset[str] = frozenset()
                     ) -> tuple[Story | None, str]:
    """(story, how): for a folder no story file names, the declared story of the pair its
    articles are about, read on this folder ('declared'), else the inferred story
    ('inferred'); (None, '') when the articles name fewer than two countries. `ignore`:
    names of stories not to use (evaluate --held-out: the one written for this folder)."""
    inferred = inferred_story(data_dir, articles, world, name)
    if inferred is None:
        return None, ""
    stories = sorted((s for s in load_stories(data_dir).values() if s.name not in ignore),
                     key=lambda s: (not s.default, s.name))
    wanted = {world.country(side).code for side in inferred.pair}
    for story in stories:
        countries = [world.country(side) for side in story.pair]
        if all(countries) and {c.code for c in countries} == wanted:
            return dataclasses.replace(story, articles=inferred.articles), "declared"
    return inferred, "inferred"
