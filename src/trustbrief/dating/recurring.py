"""Recurring events of the same parties: when a match to another article's event is ambiguous.

Two leaders who speak every few weeks have many calls; 'X and Y spoke on
Wednesday' matches any of them, and also the ones no article dates. A match to such an event
is no anchor: its clues choose among the days the other clues allow and never bound the
range themselves (kind 'recurring', see dating.decide). The corpus shows that the parties
had this kind of event on two or more days when
- the events the mention matches lie on separate days (two dated calls), or
- the events it matches are known only by a weekday of their article ('spoke on
  Wednesday' in a dated article), and the corpus's mentions of that kind of event between
  the same parties name two different weekdays ('spoke on Thursday' in one article, 'spoke
  on Wednesday' in another; a full date names its weekday too): one event has one day, so
  these are two events. (An event pinned by a date is matched by more than a weekday; a
  weekday another verb of its sentence owns would make it look recurring.)
Either reading only weakens a clue, so a two-day event read as two (a summit's 'met on
Monday' and 'talks on Tuesday') costs a pin, never a wrong day.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from trustbrief import timex

MIN_SHARED_ACTORS = 2  # the same parties: two names in common (as dating.chronology)


def weekday_of(spec: str) -> str | None:
    """The weekday code a time expression names: 'weekday:past:WED' -> 'WED'; a full date
    'abs:2024-10-01' -> its weekday; anything else (a week, a month, 'today') -> None."""
    spec = str(spec or "")
    if spec.startswith("weekday:"):
        parts = spec.split(":")
        return parts[2] if len(parts) > 2 and parts[2] in timex.WEEKDAY_CODES else None
    if spec.startswith("abs:"):
        resolved = timex.resolve_spec(spec, None)
        if resolved.date is not None and resolved.earliest == resolved.latest:
            return timex.WEEKDAY_CODES[resolved.date.weekday()]
    return None


def named_weekdays(mentions: list[dict], specs_of: Callable[[dict], list[str]]
                   ) -> dict[str, list]:
    """event_type -> [(actors, weekday code)] for every mention of two or more parties whose
    own time expression (`specs_of(mention)`: the specs that date it) names one weekday."""
    out: dict[str, list] = {}
    for m in mentions:
        if len(m["actors"]) < MIN_SHARED_ACTORS:
            continue
        codes = {weekday_of(spec) for spec in specs_of(m)} - {None}
        if len(codes) == 1:
            out.setdefault(m["event_type"], []).append((frozenset(m["actors"]), codes.pop()))
    return out


def is_recurring(m: dict, matched: tuple[tuple[dt.date, dt.date], ...],
                 weekdays: dict[str, list] | None = None) -> bool:
    """The mention's event is one of several of its parties (see the module docstring):
    `matched` are the days of the events it matches, `weekdays` is named_weekdays of the
    corpus's mentions."""
    ordered = sorted(matched)
    if any(later[0] > earlier[1] for earlier, later in zip(ordered, ordered[1:], strict=False)):
        return True
    actors = set(m["actors"])
    codes = {code for parties, code in (weekdays or {}).get(m["event_type"], [])
             if len(parties & actors) >= MIN_SHARED_ACTORS}
    codes |= {timex.WEEKDAY_CODES[first.weekday()] for first, last in matched if first == last}
    return len(codes) > 1
