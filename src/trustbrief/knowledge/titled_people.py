"""People a story's articles name with a qualified title, as story actors (issue 15, Actors).

'Japanese Foreign Minister Kenji Morita', "South Korea's Defence Minister Lee Min", 'the
Japanese foreign minister, Kenji Morita,' and 'Kenji Morita, the Japanese foreign minister'
tie a full name to a role (data/world/roles.yaml) and to the side whose adjective or name
qualifies the title. Each such person becomes a story actor {name, side, role}, as if the
story file listed them: knowledge.story then gives them their surname as an alias, their
role's titles and their place on a role channel, so 'Morita' later in an article is that
person. Rules: a name is never guessed without a qualified title ('Defence Minister Hiroshi
Sato' names no side); a name the gazetteer already knows keeps its reading; a name titled
for two sides or two roles is left out (no guess)."""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable

# levels of data/world/roles.yaml whose holders become people: leaders and ministers (the
# leaders', foreign and defence channels). Not yet officials: an ambassador as a person is
# the key participant of his summons, so events.cluster would split "summoned South Korea's
# ambassador, Lee" from the protest with South Korea it belongs to.
PERSON_LEVELS = ("leader", "minister")
WORD = r"[A-Z][a-z]+(?:-[A-Za-z][a-z]+)?"  # 'Kenji', 'Min-jae', 'Dae-sung'
FULL_NAME = rf"(?P<name>{WORD}(?:\s{WORD}){{1,2}})"  # a first name and a surname at least
# capitalised words that are no name ('On Tuesday, the Japanese foreign minister ...')
CALENDAR_WORDS = {w.casefold() for w in [*calendar.day_name, *calendar.month_name] if w}


def _alternation(forms: Iterable[str]) -> str:
    return "|".join(re.escape(f) for f in sorted(set(forms), key=len, reverse=True))


def _patterns(world, pair: tuple[str, str]) -> list[tuple[re.Pattern, str]]:
    """(pattern, side) per side: title then name, and name then ', the' title."""
    roles = [r for r in world.roles.values() if r.level in PERSON_LEVELS]
    titles = _alternation(f for r in roles for f in r.forms)
    found = []
    for side in pair:
        country = world.country(side)
        if country is None:
            continue
        quals = _alternation([*country.adjectives, f"{country.name}'s", f"{country.name}’s"])
        title = rf"(?i:(?P<qual>{quals})\s+(?P<title>{titles}))"
        found.append((re.compile(rf"\b{title},?\s{FULL_NAME}\b"), side))
        found.append((re.compile(rf"\b{FULL_NAME},\s(?i:the)\s{title}\b"), side))
    return found


def titled_people(texts: Iterable[str], world, pair: tuple[str, str], known_forms: set[str],
                  filled: frozenset[tuple[str, str]] = frozenset()) -> list[dict]:
    """Story actors {name, side, role} for the full names the texts tie to a qualified title.
    `known_forms`: casefolded names and aliases the gazetteer already has; `filled`: (side,
    role id) the gazetteer already has a person for: the listed holder keeps the role (a
    variant spelling, 'Ilham Aliev', would otherwise be a second head of state)."""
    role_of = {f.casefold(): r.id for r in world.roles.values() if r.level in PERSON_LEVELS
               for f in r.forms}
    patterns = _patterns(world, pair)
    readings: dict[str, set[tuple[str, str]]] = {}
    for text in texts:
        for pattern, side in patterns:
            for m in pattern.finditer(text):
                name = m.group("name")
                if name.casefold() not in known_forms and CALENDAR_WORDS.isdisjoint(
                        w.casefold() for w in name.split()):
                    role = role_of[m.group("title").casefold()]
                    readings.setdefault(name, set()).add((side, role))
    people = [{"name": name, "side": side, "role": role}
              for name, found in readings.items() if len(found) == 1
              for side, role in found if (side, role) not in filled]
    return _with_safe_surnames(people, known_forms)


def _with_safe_surnames(people: list[dict], known_forms: set[str]) -> list[dict]:
    """A person is known by the surname too, unless that surname already names someone the
    gazetteer knows ('Halevi' of a listed general) or another titled person ('Sato' of two
    ministers): then only the full name is theirs, as a shared alias would be ambiguous (and
    the gazetteer refuses a name or alias two actors share)."""
    surnames = [p["name"].split()[-1].casefold() for p in people]
    shared = {s for s in surnames if surnames.count(s) > 1} | (set(surnames) & known_forms)
    return [p if p["name"].split()[-1].casefold() not in shared else {**p, "aliases": [p["name"]]}
            for p in people]
