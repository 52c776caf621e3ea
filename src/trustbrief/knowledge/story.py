"""Stories: a folder of articles plus a small story file (data/stories/NAME.yaml).

A story names the pair of governments, the period and the briefs; it may list actors the world
knowledge cannot know (people, by name, with their role) and keep companion files in
data/stories/NAME/ (sources.csv, chronology.csv, annotations.yaml, actors.yaml). Everything
else (language, world) is shared by every story and never edited for one. A story's actors,
sidecar, chronology and annotations are read only when that story is extracted, so nothing of
one story leaks into another's brief. The format is described in data/stories/README.md.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from trustbrief.knowledge import DataFileError, load_yaml, require_keys

STORIES = "stories"  # folder under data/
STORY_KEYS = ("title", "articles", "pair")
OPTIONAL_KEYS = ("period", "briefs", "actors", "default", "processed", "addresses")
NAME_RE = re.compile(r"^[a-z0-9][a-z0-9_-]{0,59}$")
# Companion files a story may keep in data/stories/NAME/ (read by the stage loaders).
COMPANIONS = ("briefs.yaml", "sources.csv", "chronology.csv", "annotations.yaml",
              "actors.yaml", "channels.yaml")


@dataclass(frozen=True)
class Story:
    name: str                 # the file's stem: 'azerbaijan-russia-2024-25'
    path: Path                # the story file
    title: str
    articles: Path            # absolute folder of articles
    pair: tuple[str, str]     # (observer, subject): how far the first trusts the second
    period: tuple[str, str]   # ISO days; ('', '') when not given
    briefs: tuple[dict, ...]  # raw brief definitions ('name', 'title', 'start', 'end', ...)
    actors: tuple[dict, ...]  # extra actors, gazetteer entries or {name, side, role}
    default: bool = False     # the story `make report` builds
    processed: Path = field(default=Path())  # where `extract --story` writes its tables
    # a CSV kept beside the articles with each file's web address (columns file, url): what an
    # analyst keeps with a saved page; its other columns are never read
    addresses: Path | None = None

    @property
    def folder(self) -> Path:
        """Companion files: data/stories/NAME/."""
        return self.path.parent / self.name

    @property
    def focus(self) -> str:
        return f"{self.pair[0]}->{self.pair[1]}"

    def companion(self, filename: str) -> Path | None:
        path = self.folder / filename
        return path if path.is_file() else None


def _day(path, where, value) -> str:
    if isinstance(value, dt.date):
        return value.isoformat()
    try:
        return dt.date.fromisoformat(str(value).strip()).isoformat()
    except ValueError:
        raise DataFileError(path, where, f"{value!r} is not a YYYY-MM-DD date") from None


def load_story(path: Path | str, root: Path | str) -> Story:
    """Read one story file; relative paths in it are relative to the checkout root."""
    path, root = Path(path), Path(root)
    raw = load_yaml(path)
    require_keys(path, "top level", raw, STORY_KEYS, OPTIONAL_KEYS)
    name = path.stem
    if not NAME_RE.match(name):
        raise DataFileError(path, None, f"story name {name!r} (the file name) may hold only "
                                        "lower-case letters, digits, '-' and '_'")
    pair = raw["pair"]
    if (not isinstance(pair, list) or len(pair) != 2 or not all(str(p).strip() for p in pair)
            or pair[0] == pair[1]):
        raise DataFileError(path, "pair", "expected two different sides: [OBSERVER, SUBJECT]")
    period = raw.get("period") or []
    if period and (not isinstance(period, list) or len(period) != 2):
        raise DataFileError(path, "period", "expected [FIRST_DAY, LAST_DAY]")
    period = tuple(_day(path, "period", p) for p in period) or ("", "")
    if period[0] and period[1] < period[0]:
        raise DataFileError(path, "period", "the last day is before the first")
    briefs = raw.get("briefs") or []
    actors = raw.get("actors") or []
    for key, value in (("briefs", briefs), ("actors", actors)):
        if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
            raise DataFileError(path, key, "expected a list of mappings")
    default = raw.get("default", False)
    if not isinstance(default, bool):
        raise DataFileError(path, "default", "expected true or false")
    articles = (root / str(raw["articles"])).resolve()
    processed = root / str(raw.get("processed") or f"data/processed/{name}")
    addresses = (root / str(raw["addresses"])).resolve() if raw.get("addresses") else None
    return Story(name, path, str(raw["title"]).strip(), articles,
                 (str(pair[0]).strip(), str(pair[1]).strip()), period,
                 tuple(briefs), tuple(actors), default, processed, addresses)


def load_stories(data_dir: Path | str) -> dict[str, Story]:
    """Every story in data/stories/, by name; brief names must be unique across stories and
    exactly one story may be the default."""
    data_dir = Path(data_dir)
    folder = data_dir / STORIES
    stories = {p.stem: load_story(p, data_dir.resolve().parent)
               for p in sorted(folder.glob("*.yaml"))}
    seen: dict[str, str] = {}
    for story in stories.values():
        companion = story.companion("briefs.yaml")
        extra = (load_yaml(companion) or {}).get("briefs") or [] if companion else []
        for brief in [*story.briefs, *extra]:
            name = str(brief.get("name", "")) if isinstance(brief, dict) else ""
            if name in seen:
                raise DataFileError(story.path, "briefs", f"brief name {name!r} is also used by "
                                    f"story {seen[name]!r}: briefs of stories share reports/")
            seen[name] = story.name
    defaults = [s.name for s in stories.values() if s.default]
    if len(defaults) > 1:
        raise DataFileError(folder, None, f"more than one default story: {', '.join(defaults)}")
    return stories


def find_story(data_dir: Path | str, name: str | None = None) -> Story | None:
    """The story called name, or the default story when name is None (None if there is none)."""
    stories = load_stories(data_dir)
    if name is None:
        return next((s for s in stories.values() if s.default), None)
    if name not in stories:
        known = ", ".join(stories) or "none"
        raise DataFileError(Path(data_dir) / STORIES, None,
                            f"no story named {name!r} (stories: {known})")
    return stories[name]


def story_for_articles(data_dir: Path | str, articles: Path | str) -> Story | None:
    """The story whose articles folder is this one (e.g. a labelled corpus's articles/).

    A story's folder is relative to the checkout (`../shared/corpora/NAME/articles`), so a
    checkout placed where that path leads nowhere (a worktree under /tmp) found no story for
    the corpus and `evaluate` read it as a held-out one: its rows depended on where it ran.
    So when no story's folder is this one, the one story whose folder is missing here and
    ends in the same two names (NAME/articles) is the corpus's; two such: none."""
    target = Path(articles).resolve()
    stories = load_stories(data_dir).values()
    found = next((s for s in stories if s.articles == target), None)
    if found is not None:
        return found
    moved = [s for s in stories
             if not s.articles.exists() and s.articles.parts[-2:] == target.parts[-2:]]
    return moved[0] if len(moved) == 1 else None


# -------------------------------------------------------------- actors for the extractor

def story_actor_entry(path: Path, index: int, item: dict, world) -> dict:
    """A story actor as a gazetteer entry. Short form: {name, side, role} (role ids of
    data/world/roles.yaml): 'John Roe', side A-land, role head_of_state -> a person
    known by his surname too, whose role's titles ('President') point at him in context."""
    where = f"actors[{index}]"
    if "type" in item:
        return dict(item)  # already a full gazetteer entry
    require_keys(path, where, item, ["name", "side", "role"], ["aliases"])
    role = world.roles.get(str(item["role"]))
    if role is None:
        raise DataFileError(path, f"{where}.role", f"unknown role {item['role']!r}; known: "
                            f"{', '.join(sorted(world.roles))}")
    name = str(item["name"]).strip()
    aliases = [str(a) for a in item.get("aliases") or []]
    if " " in name and not aliases:
        aliases = [name.split()[-1]]
    titles = [] if role.id == "government" else [f for f in role.forms if f[:1].isupper()]
    return {"name": name, "type": "person", "side": str(item["side"]),
            "level": "leader" if role.level == "leader" else (
                role.level if role.level in ("minister", "spokesperson", "military") else
                "official"),
            "roles": [role.id.replace("_", " ")], "aliases": aliases, "titles": titles}


def compose_gazetteer(shared: dict, world, story: Story | None) -> dict:
    """The shared gazetteer plus what a story brings: a side for each government of its pair
    (adjectives from the world knowledge, taken away from any other side), the state as an
    actor with its names and metonyms when the shared gazetteer lacks it, and the story's own
    actors (from the story file and data/stories/NAME/actors.yaml)."""
    if story is None:
        return shared
    sides = {str(k): {"adjectives": list((v or {}).get("adjectives") or [])}
             for k, v in shared["sides"].items()}
    actors = [dict(a) for a in shared["actors"]]
    for label in story.pair:
        country = world.country(label)
        if country is None:
            raise DataFileError(story.path, "pair", f"{label!r} is not a country or organisation "
                                "known to data/world/ (give its English name or ISO code)")
        if label not in sides:
            mine = {a.casefold() for a in country.adjectives}
            for spec in sides.values():
                spec["adjectives"] = [a for a in spec["adjectives"] if a.casefold() not in mine]
            sides[label] = {"adjectives": list(country.adjectives)}
        if not any(a.get("side") == label and a.get("type") == "state" for a in actors):
            actors.append(_state_entry(country, label, actors))
            actors += _institution_entries(world, country, label, actors)
    extra = list(story.actors)
    companion = story.companion("actors.yaml")
    if companion is not None:
        raw = load_yaml(companion) or {}
        require_keys(companion, "top level", raw, ["actors"])
        extra += list(raw["actors"] or [])
    by_name = {str(a.get("name")): a for a in actors}
    for i, item in enumerate(extra):
        entry = story_actor_entry(story.path, i, item, world)
        if entry["name"] in by_name:  # the story adds forms to a shared actor
            _extend(by_name[entry["name"]], entry)
        else:
            actors.append(entry)
            by_name[entry["name"]] = entry
    return {**shared, "sides": sides, "actors": actors}


def _extend(actor: dict, more: dict) -> None:
    for key in ("names", "aliases", "titles", "epithets", "roles"):
        if more.get(key):
            actor[key] = [*(actor.get(key) or []), *more[key]]


def role_channels(world, gazetteer: dict, story: Story) -> list[dict]:
    """Channels of data/world/channels.yaml found for the story's pair: for each channel, the
    first person of each side whose role (a story actor's `role`) is one of the channel's.
    Returns {id, name, actors, contact_types} mappings; a channel missing a side is left out."""
    people: dict[tuple[str, str], list[str]] = {}
    for actor in gazetteer["actors"]:
        for role in actor.get("roles") or []:
            role_id = str(role).replace(" ", "_")
            if actor.get("type") == "person" and role_id in world.roles:
                people.setdefault((str(actor["side"]), role_id), []).append(actor["name"])
    found = []
    for channel in world.channels:
        ends = []
        for side in story.pair:
            ends.append(next((p for r in channel.roles for p in people.get((side, r), [])), None))
        if all(ends):
            found.append({"id": channel.id, "name": f"{channel.name} ({ends[0]} – {ends[1]})",
                          "actors": ends, "contact_types": list(world.contact_types)})
    return found


# Institutions a new side gets as actors ('the Chadian Foreign Ministry', "Chad's air
# defences"), from the role forms of data/world/roles.yaml qualified by the country's words.
INSTITUTION_ROLES = ("foreign_ministry", "defence_ministry", "armed_forces",
                     "intelligence_service", "police", "trade_authority")


def _institution_entries(world, country, side: str, actors: list[dict]) -> list[dict]:
    taken = taken_forms(actors)
    qualifiers = [*country.adjectives[:1], country.name, f"{country.name}'s"]
    entries = []
    for role_id in INSTITUTION_ROLES:
        role = world.roles[role_id]
        names = [f"{q} {f}" for f in role.forms for q in qualifiers]
        names += [f"{f} of {country.name}" for f in role.forms if f[:1].isupper()]
        names = [n for n in dict.fromkeys(names) if n.casefold() not in taken]
        if names:
            level = "military" if role.level == "military" else "institution"
            entries.append({"name": names[0], "type": "organization", "side": side,
                            "level": level, "roles": [role_id.replace("_", " ")],
                            "names": names[1:]})
            taken |= {n.casefold() for n in names}
    return entries


def taken_forms(actors: list[dict]) -> set[str]:
    taken = set()
    for actor in actors:
        for key in ("name", "names", "aliases", "titles"):
            value = actor.get(key) or []
            taken |= {str(v).casefold() for v in ([value] if isinstance(value, str) else value)}
    return taken


def _state_entry(country, side: str, actors: list[dict]) -> dict:
    """A country as a gazetteer state: its names, capital and metonyms, minus forms another
    actor already owns (the longest, most specific owner keeps them)."""
    taken = taken_forms(actors)
    names = [n for n in country.names if n != country.name and n.casefold() not in taken]
    aliases = [m for m in country.metonyms if m.casefold() not in taken
               and m.casefold() not in {n.casefold() for n in names}]
    return {"name": country.name, "type": "state", "side": side, "names": names,
            "aliases": aliases}


def story_gazetteer(data_dir: Path | str, story: Story | None = None) -> dict | None:
    """data/gazetteer.yaml composed with a story (default: the default story); None when the
    data folder has no story (its gazetteer.yaml is then used as it is)."""
    from trustbrief.knowledge.world import load_world

    data_dir = Path(data_dir)
    story = story if story is not None else (
        find_story(data_dir) if (data_dir / STORIES).is_dir() else None)
    if story is None:
        return None
    return compose_gazetteer(load_yaml(data_dir / "gazetteer.yaml"), load_world(data_dir), story)
