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
from collections import Counter
from collections.abc import Callable, Iterable
from difflib import SequenceMatcher

WORD = r"[A-Z][a-z]+(?:-[A-Za-z][a-z]+)?"  # 'Kenji', 'Min-jae', 'Dae-sung'
FULL_NAME = rf"(?P<name>{WORD}(?:\s{WORD}){{1,2}})"  # a first name and a surname at least
# a name after its title ends where the capitalised words end: 'spokesman Major General Pat
# Roe' (a rank, then a name) is no 'Major General Pat'
NAME_ENDS = r"(?!\s[A-Z][a-z])"
# capitalised words that are no name ('On Tuesday, the Japanese foreign minister ...')
CALENDAR_WORDS = {w.casefold() for w in [*calendar.day_name, *calendar.month_name] if w}


def _alternation(forms: Iterable[str]) -> str:
    """Longest forms first; forms of one length in their own order, so that the pattern's
    text (part of the titled memo's fingerprint) is the same in every process - ordered by
    the set alone, it changed with the hash seed and the memo was never read back."""
    return "|".join(re.escape(f) for f in sorted(set(forms), key=lambda f: (-len(f), f)))


def _patterns(world, pair: tuple[str, str]) -> tuple[Callable[[str], bool],
                                                     list[tuple[re.Pattern, str]]]:
    """(pattern, side) per side: title then name, and name then ', the' title; and a test a
    text must pass to hold any of them (the qualified title, of either side, they all need):
    the rest of the texts (most sentences) are not scanned."""
    title_forms = [f for r in _person_roles(world) for f in r.forms]
    titles = _alternation(title_forms)
    found, every_qual = [], []
    for side in pair:
        country = world.country(side)
        if country is None:
            continue
        qualifiers = _qualifiers(country)
        every_qual += qualifiers
        title = rf"(?i:(?P<qual>{_alternation(qualifiers)})\s+(?P<title>{titles}))"
        found.append((re.compile(rf"\b{title},?\s{FULL_NAME}\b{NAME_ENDS}"), side))
        found.append((re.compile(rf"\b{FULL_NAME},\s(?i:the)\s{title}\b"), side))
    return _could_hold(every_qual, title_forms), found


def _person_roles(world) -> list:
    """The roles of data/world/roles.yaml whose holders become people (their `person`)."""
    return [r for r in world.roles.values() if r.person]


def _qualifiers(country) -> list[str]:
    """What qualifies a title as this country's: its adjectives ('Russian President'), its
    names possessive ("Azerbaijan's President") and its names used as adjectives, as headline
    English does ('US President', 'Azerbaijan President'); a name always stands before its
    title here, so 'in Russia, President X' (comma) is never read as Russia's president."""
    names = {country.name, *country.names}
    return [*country.adjectives, *sorted(names),
            *(f"{name}{mark}" for name in sorted(names) for mark in ("'s", "’s")),
            *_institution_metonyms(country)]


def _institution_metonyms(country) -> list[str]:
    """The metonyms of a country's institutions, without their article, as qualifiers
    ('White House National Security Adviser', 'Kremlin Security Council Secretary');
    not a capital or other seat of the whole government ('in Portview Foreign
    Minister X said' would make X Chad's)."""
    forms = (re.sub(r"^the\s+", "", form, flags=re.IGNORECASE)
             for form, role in country.metonyms.items() if role != "government")
    return sorted(set(forms))


# Letters outside ASCII that a case-blind pattern reads as an ASCII letter ('ſ' as 's') though
# str.lower() leaves them alone (tests/test_titled_people.py checks every code point).
ODD_CASE = re.compile("[\u0130\u0131\u017f]")


def _could_hold(qualifiers: list[str], titles: list[str]) -> Callable[[str], bool]:
    """Whether a text may hold a qualifier, spaces and a title, case-blind: its lowered form
    searched for the lowered forms, 10x faster than re.IGNORECASE (which tries every
    alternative at every position). Exact: a text with a letter lowering cannot map
    (ODD_CASE), or forms with letters outside ASCII, are always let through."""
    forms = [*qualifiers, *titles]
    if not all(c.isascii() or c.lower() == c.upper() == c for form in forms for c in form):
        return lambda text: True
    lowered = re.compile(rf"(?:{_alternation(q.lower() for q in qualifiers)})\s+"
                         rf"(?:{_alternation(t.lower() for t in titles)})")
    return lambda text: (lowered.search(text.lower()) is not None
                         or ODD_CASE.search(text) is not None)


class TitleScan:
    """The name patterns of one pair's qualified titles, and what they find in texts."""

    def __init__(self, world, pair: tuple[str, str]):
        self.role_of = {f.casefold(): r.id for r in _person_roles(world) for f in r.forms}
        self.could_hold, self.patterns = _patterns(world, pair)
        # what the matches depend on besides this module's code (for a cache of them)
        self.about = [sorted(self.role_of.items()),
                      [[p.pattern, p.flags, side] for p, side in self.patterns]]

    def matches(self, texts: Iterable[str]) -> list[list[str]]:
        """[name, side, role id] of every full name a qualified title names, in text order."""
        found = []
        for text in texts:
            if not self.patterns or not self.could_hold(text):
                continue
            for pattern, side in self.patterns:
                for m in pattern.finditer(text):
                    role = self.role_of.get(m.group("title").casefold())
                    if role is not None:
                        found.append([m.group("name"), side, role])
        return found


def titled_people(texts: Iterable[str], world, pair: tuple[str, str], known_forms: set[str],
                  filled: frozenset[tuple[str, str]] = frozenset()) -> list[dict]:
    """Story actors {name, side, role} for the full names the texts tie to a qualified title.
    `known_forms`: casefolded names and aliases the gazetteer already has; `filled`: (side,
    role id) the gazetteer already has a person for: the listed holder keeps the role (a
    variant spelling, 'Jan Tariev', would otherwise be a second head of state)."""
    return people_named(TitleScan(world, pair).matches(texts), known_forms, filled)


def people_named(matches: Iterable[list[str]], known_forms: set[str],
                 filled: frozenset[tuple[str, str]] = frozenset()) -> list[dict]:
    """titled_people from TitleScan.matches (of every text, in order)."""
    readings: dict[str, set[tuple[str, str]]] = {}
    counts: Counter = Counter()
    for name, side, role in matches:
        if name.casefold() not in known_forms and CALENDAR_WORDS.isdisjoint(
                w.casefold() for w in name.split()):
            readings.setdefault(name, set()).add((side, role))
            counts[name] += 1
    people = [{"name": name, "side": side, "role": role}
              for name, found in readings.items() if len(found) == 1
              for side, role in found if (side, role) not in filled]
    return _with_safe_surnames(_spellings_merged(people, counts), known_forms)


SPELLING_LIKENESS = 0.8  # 'Tariyev' / 'Tariev' 0.92, 'Sergei' / 'Sergey' 0.83, 'Roe' / 'Rix' 0.33


def _same_person_spelt_otherwise(name: str, other: str) -> bool:
    """Two transliterations of one name: as many words, each beginning with the same letter
    and differing by a letter or two ('Jan Tariyev' / 'Jan Tariev', 'Sergei Roe' /
    'Sergey Roe'); 'Jan Roe' / 'Jan Rix' are two people."""
    words, others = name.casefold().split(), other.casefold().split()
    return len(words) == len(others) and all(
        a[:1] == b[:1] and SequenceMatcher(None, a, b).ratio() >= SPELLING_LIKENESS
        for a, b in zip(words, others, strict=True))


def _spellings_merged(people: list[dict], counts: Counter) -> list[dict]:
    """One person per name spelt two ways for one side and role (articles transliterate
    alike names differently): the spelling the articles use most is the person, the other
    spelling and its surname become aliases; people of different roles or sides never
    merge (a father and son, two ministers)."""
    kept: list[dict] = []
    for person in sorted(people, key=lambda p: -counts[p["name"]]):
        same = next((k for k in kept if (k["side"], k["role"]) == (person["side"],
                                                                   person["role"])
                     and _same_person_spelt_otherwise(k["name"], person["name"])), None)
        if same is None:
            kept.append(dict(person))
            continue
        same.setdefault("aliases", [same["name"].split()[-1]])
        same["aliases"] += [person["name"], person["name"].split()[-1]]
    order = {p["name"]: i for i, p in enumerate(people)}
    return sorted(kept, key=lambda p: order[p["name"]])


def _with_safe_surnames(people: list[dict], known_forms: set[str]) -> list[dict]:
    """A person is known by the surname too, unless that surname already names someone the
    gazetteer knows ('Roe' of a listed general) or another titled person ('Sato' of two
    ministers): then only the full name is theirs, as a shared alias would be ambiguous (and
    the gazetteer refuses a name or alias two actors share)."""
    surnames = [p["name"].split()[-1].casefold() for p in people]
    shared = {s for s in surnames if surnames.count(s) > 1} | (set(surnames) & known_forms)
    return [p if p["name"].split()[-1].casefold() not in shared else
            {**p, "aliases": [p["name"], *(a for a in p.get("aliases") or []
                                           if a.casefold() not in shared)]}
            for p in people]
