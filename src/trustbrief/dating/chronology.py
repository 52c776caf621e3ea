"""The analyst's chronology (data/stories/NAME/chronology.csv) and pinned events: events whose
date is known independently of the article being dated."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from trustbrief.knowledge import (
    DataFileError,
    compile_pattern,
    load_csv,
    parse_iso_date,
)

CHRONOLOGY_FILE = "chronology.csv"
CHRONOLOGY_REQUIRED = ("key", "date", "event_type", "label", "source")
CHRONOLOGY_OPTIONAL = ("date_latest", "actors", "keywords")
CHRONOLOGY_COLUMNS = ("key", "date", "date_latest", "event_type", "actors", "keywords", "label",
                      "source")
KEY_PATTERN = re.compile(r"^[A-Za-z0-9_]+$")
MIN_SHARED_ACTORS = 2  # a pinned event with two or more actors matches only a mention of two


def load_chronology(data_dir: Path | str) -> pd.DataFrame:
    """data/chronology.csv -> key, date, date_latest, event_type, actors (list), keywords,
    label, source; validated (dates, keys, regexes) with file and line in every error."""
    path = Path(data_dir) / CHRONOLOGY_FILE
    rows, seen = [], {}
    for row in load_csv(path, CHRONOLOGY_REQUIRED, CHRONOLOGY_OPTIONAL):
        line = row["_line"]
        key = row["key"]
        if not key:
            raise DataFileError(path, line, "empty key")
        if not KEY_PATTERN.match(key):
            raise DataFileError(path, line, f"key {key!r} may hold only letters, digits and '_'")
        if key in seen:
            raise DataFileError(path, line, f"duplicate key {key!r} (first on line {seen[key]})")
        seen[key] = line
        first = parse_iso_date(path, line, row["date"])
        if first is None:
            raise DataFileError(path, line, "empty date")
        last = parse_iso_date(path, line, row.get("date_latest", "")) or first
        if last < first:
            raise DataFileError(path, line, f"date_latest {last} is before date {first}")
        for column in ("event_type", "label", "source"):
            if not row[column]:
                raise DataFileError(path, line, f"empty {column}")
        keywords = row.get("keywords", "")
        if keywords:
            compile_pattern(path, line, keywords)
        rows.append({
            "key": key, "date": first.isoformat(), "date_latest": last.isoformat(),
            "event_type": row["event_type"], "actors": actor_list(row.get("actors", "")),
            "keywords": keywords, "label": row["label"], "source": row["source"],
        })
    frame = pd.DataFrame(rows, columns=list(CHRONOLOGY_COLUMNS))
    return frame.sort_values(["date", "key"], kind="stable").reset_index(drop=True)


def actor_list(value) -> list[str]:
    if isinstance(value, (list, tuple)):
        return [str(v).strip() for v in value if str(v).strip()]
    if not isinstance(value, str):
        return []
    return [v.strip() for v in value.split(";") if v.strip()]

@dataclass(frozen=True)
class Pinned:
    """An event whose date is known independently of the undated article."""

    key: str
    event_type: str
    actors: frozenset[str]
    keywords: re.Pattern | None
    first: dt.date
    last: dt.date
    # dated by a weekday or 'yesterday' in a dated article, not by a date: a weaker reading
    # (the weekday may belong to another verb of the sentence), used only where no event
    # pinned by a date matches
    relative: bool = False
    # pinned by an article, not by the analyst's chronology: without keywords, an event
    # with no actor ('the strike on Friday') tells nothing of which event it is
    from_article: bool = False
    # known only by its week ('this week' in a dated article): used only where no event
    # pinned to a day matches
    weekly: bool = False
    # the party that acted, in an article's mention ('a ballistic-missile attack by Chad on
    # Oct. 1, 2024': Chad); '' when unknown or from the chronology
    agent: str = ""
    # an event that happens once to its one party, who is named alone with no agent ('X was
    # killed on Wednesday'; data/incidents.yaml once_per_party): that party is the event
    once: bool = False

    def acted_alone(self, event_type: str, agent: str) -> bool:
        """An act another article dates by its calendar date and names one party of, the one
        that acted ('a ballistic-missile attack by Chad on Tuesday, Oct. 1, 2024'): a mention
        of the same type whose agent is that party ('N'Djamena fired some 200 ballistic missiles
        at Portview last week') may be the same act with its target named. Only good enough to
        resolve the mention's own relative date (see clues.clues_for_mention)."""
        return (self.from_article and not self.relative and not self.weekly
                and event_type == self.event_type and bool(agent)
                and self.agent == agent and self.actors == frozenset({agent}))

    def matches(self, event_type: str, actors: set[str], text: str,
                undergoes: bool = False) -> bool:
        """The same event: same type, and the mention names as many of the event's actors as
        it can (both parties of a call, not one shared name), and the keywords if any.
        `undergoes`: the mention names one party and no agent, as a `once` event does."""
        if event_type != self.event_type:
            return False
        if self.from_article and (not self.actors or len(self.actors) < min(
                MIN_SHARED_ACTORS, len(actors))):
            # another article's event with no party ('the strike on Friday') is any event of
            # its type; one with one party ('B-land restricted ...') is not one the mention
            # names two parties of ('A-land restricted flights to B-land')
            return False
        if self.once and undergoes and actors == self.actors:
            return self.keywords is None or bool(self.keywords.search(text or ""))
        if self.from_article and self.relative and len(self.actors) < MIN_SHARED_ACTORS:
            # dated only by a weekday of its article, one shared party is one shared name:
            # 'the US received a briefing' is not another day's 'briefing Tuesday'
            return False
        if self.actors and len(self.actors & actors) < min(MIN_SHARED_ACTORS, len(self.actors)):
            return False
        return self.keywords is None or bool(self.keywords.search(text or ""))


def pinned_from_chronology(chronology: pd.DataFrame) -> list[Pinned]:
    return [Pinned(row["key"], row["event_type"], frozenset(actor_list(row["actors"])),
                   re.compile(row["keywords"], re.IGNORECASE) if row.get("keywords") else None,
                   dt.date.fromisoformat(row["date"]),
                   dt.date.fromisoformat(row.get("date_latest") or row["date"]))
            for row in chronology.to_dict("records")]


def iso_or_none(value) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(value)) if value else None
    except ValueError:
        return None
