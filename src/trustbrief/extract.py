"""Extraction: sentences -> actor mentions, event mentions, claims and trust signals.

All story knowledge (actors and their aliases, event triggers, trust cues, attribution
phrasing) lives in data/gazetteer.yaml, data/event_types.yaml, data/trust_cues.yaml and
data/attribution.yaml; this module holds the mechanics only. Every pattern is compiled once
into a few large alternations by `load_lexicons`; `extract` then makes a handful of regex
passes per sentence and a few heuristics over the actor positions it found.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from trustbrief import contract, knowledge, parallel, timex
from trustbrief.knowledge import DataFileError

DEFAULT_DATA_DIR = Path(__file__).resolve().parents[2] / "data"

ACTOR_TYPES = ("person", "state", "organization", "outlet", "place")
POLARITIES = ("negated", "planned", "hypothetical")
CATEGORIES = ("distrust", "surprise", "anger", "transparency_demand", "withholding", "positive")
NOTICES = ("none", "minutes", "hours", "days")
EXPERIENCER_MODES = ("subject", "nearest_before", "after")
MEASURE_KINDS = ("duration", "count")

# Column descriptions of the stage's tables: the contract is their one definition.
SCHEMA = contract.descriptions("actor_mentions", "mentions", "claims", "trust_signals")


# ------------------------------------------------------------------------ lexicon objects

@dataclass(frozen=True)
class Actor:
    name: str
    type: str
    side: str
    level: str
    roles: tuple[str, ...]


@dataclass(frozen=True)
class Form:
    """One gazetteer surface form: which actor (or side, for adjectives) it can mean."""

    actor: str
    side: str
    kind: str  # name | alias | title | epithet | adjective
    requires: tuple[str, ...] = ()


@dataclass(frozen=True)
class EventType:
    id: str
    plover: str
    lane: str
    operation: bool
    verb: str
    symmetric: bool
    agent_types: frozenset
    requires_types: frozenset
    absorbs: frozenset
    has_targets: bool
    target_marker: re.Pattern | None


@dataclass(frozen=True)
class Cue:
    family: str
    category: str
    polarity: int
    weight: float
    notice: str
    negative: bool
    experiencer: str
    mutual: bool
    inside: bool


@dataclass(frozen=True)
class Attribution:
    speech: re.Pattern
    speaker_after: re.Pattern
    speaker_before: re.Pattern
    anonymous: re.Pattern
    source_noun: re.Pattern  # a cheap test that `anonymous` may match at all
    unnamed: re.Pattern
    source_speaking: re.Pattern
    source_introduced: re.Pattern
    count_words: dict
    source_roles: tuple  # (compiled noun regex, role)
    modifiers: frozenset
    citation_before: re.Pattern
    citation_after: re.Pattern
    report_back: re.Pattern
    min_quote_words: int
    # up to the last character before a position that no anonymous-source phrase can hold
    # ('four senior US officials': words, spaces, hyphens), so a scan can start after it
    phrase_barrier: re.Pattern | None = None


@dataclass(frozen=True)
class Lexicons:
    actors: dict
    forms: dict
    form_pattern: re.Pattern
    side_actor: dict
    pronoun_pattern: re.Pattern | None
    pronoun_rules: dict
    event_types: dict
    trigger_pattern: re.Pattern
    trigger_rules: dict
    polarity_before: re.Pattern
    polarity_after: re.Pattern | None
    polarity_rules: dict
    polarity_windows: dict
    clause_break: re.Pattern
    intro_clause: re.Pattern
    location_before: re.Pattern
    target_before: re.Pattern
    cue_pattern: re.Pattern
    cues: dict
    negation: re.Pattern
    intensifiers: tuple
    not_stimulus_before: re.Pattern
    experiencer_after: re.Pattern
    attribution: Attribution
    # surface form -> its reading out of context, filled as extraction meets them
    readings: dict = field(default_factory=dict, compare=False, repr=False)
    passive_pronouns: dict = field(default_factory=dict)  # 'he' -> actor types it can be
    passive_subject: re.Pattern | None = None  # 'he was ' right before a passive verb
    planner_gap: re.Pattern | None = None  # ' is also considering ' between agent and noun


# ---------------------------------------------------------------------- loading helpers

def _str_list(path, where, value) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise DataFileError(path, where, "expected a list of non-empty strings")
    return [v.strip() for v in value]


def _choice(path, where, value, allowed) -> str:
    if value not in allowed:
        raise DataFileError(path, where, f"{value!r} is not one of: {', '.join(allowed)}")
    return value


def _check_regex(path, where, pattern: str) -> str:
    knowledge.compile_pattern(path, where, pattern)
    return pattern


def _key(text: str) -> str:
    """Normalized lookup key of a surface form: quotes unified, spaces collapsed, lowercase."""
    text = text.replace("’", "'").replace("“", '"').replace("”", '"')
    return " ".join(text.split()).lower()


def _is_acronym(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def _literal_regex(text: str) -> str:
    """A gazetteer form as a regex: any space run, either apostrophe or quote style."""
    parts, last_space = [], False
    for ch in text:
        if ch.isspace():
            if not last_space:
                parts.append(r"\s+")
            last_space = True
            continue
        last_space = False
        if ch in "'’":
            parts.append("['’]")
        elif ch in '"“”':
            parts.append('["“”]')
        else:
            parts.append(re.escape(ch))
    body = "".join(parts)
    return f"(?-i:{body})" if _is_acronym(text) else body


def _first_char_alternation(literals) -> str:
    """Alternation of literal forms grouped by first character, longest first in each group.

    Grouping lets the regex engine skip whole groups with one cheap look-ahead, which keeps
    a gazetteer of hundreds of forms fast.
    """
    groups: dict[str, list[str]] = {}
    for lit in literals:
        first = lit[0].lower()
        first = '"' if first in '"“”' else first
        groups.setdefault(first, []).append(lit)
    branches = []
    for first in sorted(groups):
        alts = sorted(set(groups[first]), key=lambda s: (-len(s), s))
        if first.isalpha() and not any(_is_acronym(a) for a in alts):
            # a case-exact class in front lets the engine skip the group at C speed
            rests = [_exact_lead(_literal_regex(a[1:])) if a[1:2] else "" for a in alts]
            branches.append(f"{_exact_char(first)}(?:{'|'.join(rests)})")
            continue
        head = '["“”]' if first == '"' else re.escape(first)
        branches.append(f"(?={head})(?:{'|'.join(_literal_regex(a) for a in alts)})")
    return "|".join(branches)


def _regex_structure(pattern: str, start: int = 0):
    """(index, char, depth) of a pattern's structural characters: escapes and [...] classes
    skipped; depth counts open groups after the character."""
    depth, escaped, in_class = 0, False, False
    for i in range(start, len(pattern)):
        ch = pattern[i]
        if escaped:
            escaped = False
        elif ch == "\\":
            escaped = True
        elif in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
        else:
            depth += (ch == "(") - (ch == ")")
            yield i, ch, depth


def _top_level_alternatives(pattern: str, keep_empty: bool = False) -> list[str]:
    """Split 'a|b(c|d)' into ['a', 'b(c|d)'] so each alternative can be ordered on its own."""
    cuts = [i for i, ch, depth in _regex_structure(pattern) if ch == "|" and depth == 0]
    bounds = [-1, *cuts, len(pattern)]
    parts = [pattern[lo + 1:hi] for lo, hi in zip(bounds, bounds[1:], strict=False)]
    return [p for p in parts if p or keep_empty]


def _closing_paren(pattern: str, open_at: int) -> int:
    for i, ch, depth in _regex_structure(pattern, open_at):
        if ch == ")" and depth == 0:
            return i
    return -1


def _first_letters(alt: str) -> str:
    """The letters a match of `alt` can start with (sorted, lowercase), or '' when unknown."""
    if alt[:1].isalpha() and alt[1:2] not in ("?", "*", "{"):
        return alt[0].lower()
    if alt.startswith("(?:"):
        close = _closing_paren(alt, 0)
        if close > 0 and alt[close + 1:close + 2] not in ("?", "*", "{"):
            firsts = [_first_letters(a) for a in _top_level_alternatives(alt[3:close])]
            if all(firsts):
                return "".join(sorted(set("".join(firsts))))
    return ""


QUANTIFIERS = ("?", "*", "+", "{")


def _exact_char(ch: str) -> str:
    """One character as a case-exact class ('[tT]'): the regex engine skips an alternative
    that starts with a plain class at C speed, but tries an IGNORECASE literal in full."""
    if ch.lower() != ch.upper() and len(ch.upper()) == 1:
        return f"(?-i:[{re.escape(ch.lower())}{re.escape(ch.upper())}])"
    return re.escape(ch)


def _split_first_char(alt: str) -> list[tuple[str, str]] | None:
    """'kill(?:s|ed)?' -> [('k', 'ill(?:s|ed)?')]; '(?:fir|launch)ed' -> [('f', 'ired'),
    ('l', 'aunched')] (the same alternatives in the same order); None when the first character
    is not a plain letter."""
    if alt[:1].isalpha() and alt[1:2] not in QUANTIFIERS:
        return [(alt[0].lower(), alt[1:])]
    close = _closing_paren(alt, 0) if alt.startswith("(?") else -1
    if alt.startswith(("(?<!", "(?<=")) and close > 0:
        # a look-behind checked once the first character is consumed covers one more character
        split = _split_first_char(alt[close + 1:])
        behind = f"{alt[:4]}(?:{alt[4:close]}).)"
        return None if split is None else [(c, behind + rest) for c, rest in split]
    if (alt.startswith("(?:") and close > 0 and alt[close + 1:close + 2] == "?"
            and alt[close + 2:close + 3] not in ("?", "+")):
        # '(?:X)?Y' tries 'XY' first, then 'Y'
        with_group = _split_first_char(alt[:close + 1] + alt[close + 2:])
        without = _split_first_char(alt[close + 2:])
        return None if with_group is None or without is None else with_group + without
    if alt.startswith("(?:"):
        if close > 0 and alt[close + 1:close + 2] not in QUANTIFIERS:
            pieces = []
            for inner in _top_level_alternatives(alt[3:close], keep_empty=True):
                split = _split_first_char(inner) if inner else None
                if split is None:
                    return None
                pieces += [(c, rest + alt[close + 1:]) for c, rest in split]
            return pieces
    return None


def _exact_lead(rest: str) -> str:
    return _exact_char(rest[0]) + rest[1:] if (
        rest[:1].isalpha() and rest[1:2] not in QUANTIFIERS) else rest


def _named_alternation(patterns) -> tuple[str, dict]:
    """(regex naming each alternative with an empty group at its end, group name -> payload).

    Python's regex takes the first alternative that matches at a position, so alternatives
    are tried longest source first: 'strike back' before 'striking', 'missile strike' before
    'strike'.
    """
    split = [(alt, payload) for pattern, payload in patterns
             for alt in _top_level_alternatives(pattern)]
    ordered = sorted(enumerate(split), key=lambda ip: (-len(ip[1][0]), ip[0]))
    # A trie of depth two with case-exact classes ('[sS](?:[tT]rike...|[hH]ell...)'): the
    # engine then rejects almost every alternative at a word start by one class test, several
    # times faster than trying each. An alternative starting with a group is distributed over
    # the group's alternatives, in order, so each letter keeps the global longest-first order;
    # those starting otherwise ('\d+ missiles') are tried first, as a whole. The empty group
    # at each alternative's end is the last one closed, so `match.lastgroup` names it.
    groups: dict[str, list[str]] = {}
    unsplit: list[str] = []
    rules = {}
    for n, (_, (pattern, payload)) in enumerate(ordered):
        pieces = _split_first_char(pattern)
        if pieces is None:
            unsplit.append(f"(?:{pattern})(?P<g{n}_>)")
            rules[f"g{n}_"] = payload
            continue
        for k, (letter, rest) in enumerate(pieces):
            name = f"g{n}{letter}{k}" if letter.isascii() else f"g{n}u{ord(letter)}k{k}"
            groups.setdefault(letter, []).append(f"{_exact_lead(rest)}(?P<{name}>)")
            rules[name] = payload
    parts = unsplit + [f"{_exact_char(c)}(?:{'|'.join(alts)})"
                       for c, alts in sorted(groups.items())]
    return "|".join(parts), rules


def _first_chars(alt: str) -> str | None:
    """A character class body for the first character of any match of `alt`, or None."""
    if alt.startswith("\\s"):
        return "\\s"
    if alt[:1] and not alt[:1].isalnum() and alt[:1] not in "\\()[]{}.^$|?*+" and alt[
            1:2] not in ("?", "*", "{"):
        return re.escape(alt[0])
    if alt.startswith("(?:"):
        close = _closing_paren(alt, 0)
        if close > 0 and alt[close + 1:close + 2] not in ("?", "*", "{"):
            firsts = [_first_chars(a) for a in _top_level_alternatives(alt[3:close], True)]
            return "".join(firsts) if all(firsts) else None
    return None


def _guarded(pattern: str) -> str:
    """'(?=[;,\\s])(?:...)' when every match starts with one of a few punctuation or space
    characters: the engine then leaves every other position after one class test."""
    firsts = [_first_chars(a) for a in _top_level_alternatives(pattern, True)]
    return f"(?=[{''.join(firsts)}])(?:{pattern})" if all(firsts) else pattern


def _compile(path, where, pattern: str, flags=re.IGNORECASE) -> re.Pattern:
    try:
        return re.compile(pattern, flags)
    except re.error as exc:
        raise DataFileError(path, where, f"patterns do not compile together: {exc}") from None


def _words_alternation(words) -> str:
    return "|".join(sorted(words, key=lambda w: (-len(w), w)))


# ------------------------------------------------------------------------- gazetteer

def _load_gazetteer(path: Path, data: dict | None = None):
    """The gazetteer file, or `data` already composed for a story (knowledge.story); side ids
    are the keys of its `sides` mapping, so a new pair of governments needs no code."""
    data = knowledge.load_yaml(path) if data is None else data
    knowledge.require_keys(path, "top level", data, ["sides", "actors"], ["pronoun_phrases"])
    sides = data["sides"]
    if not isinstance(sides, dict):
        raise DataFileError(path, "sides", "expected a mapping side -> {adjectives: [...]}")
    side_ids = tuple(str(side) for side in sides)
    actors: dict[str, Actor] = {}
    forms: dict[str, list[Form]] = {}

    def add(text: str, form: Form):
        forms.setdefault(_key(text), [])
        if form not in forms[_key(text)]:
            forms[_key(text)].append(form)

    if not isinstance(data["actors"], list):
        raise DataFileError(path, "actors", "expected a list of actors")
    for i, item in enumerate(data["actors"]):
        where = f"actors[{i}]"
        knowledge.require_keys(path, where, item, ["name", "type", "side"],
                               ["level", "roles", "names", "aliases", "titles", "epithets"])
        name = str(item["name"]).strip()
        if name in actors:
            raise DataFileError(path, where, f"actor {name!r} listed twice")
        kind = _choice(path, f"{where}.type", item["type"], ACTOR_TYPES)
        side = _choice(path, f"{where}.side", item["side"], side_ids)
        level = str(item.get("level") or ("institution" if kind != "person" else ""))
        actors[name] = Actor(name, kind, side, level,
                             tuple(_str_list(path, f"{where}.roles", item.get("roles"))))
        add(name, Form(name, side, "name"))
        for text in _str_list(path, f"{where}.names", item.get("names")):
            add(text, Form(name, side, "name"))
        for text in _str_list(path, f"{where}.aliases", item.get("aliases")):
            add(text, Form(name, side, "alias"))
        for text in _str_list(path, f"{where}.titles", item.get("titles")):
            add(text, Form(name, side, "title"))
        for j, ep in enumerate(item.get("epithets") or []):
            if isinstance(ep, str):
                add(ep, Form(name, side, "epithet"))
                continue
            knowledge.require_keys(path, f"{where}.epithets[{j}]", ep, ["text"], ["requires"])
            add(str(ep["text"]), Form(name, side, "epithet", tuple(
                _str_list(path, f"{where}.epithets[{j}].requires", ep.get("requires")))))
    for key, form_list in forms.items():
        owners = {f.actor for f in form_list if f.kind in ("name", "alias")}
        if len(owners) > 1:
            raise DataFileError(path, key, f"name or alias shared by {', '.join(sorted(owners))}; "
                                "list it as a title so that context decides")
        for form in form_list:
            for req in form.requires:
                if req not in actors:
                    raise DataFileError(path, form.actor, f"epithet requires unknown actor {req!r}")
    side_actor = {}
    for side, spec in sides.items():
        knowledge.require_keys(path, f"sides.{side}", spec, ["adjectives"])
        # an adjective stands for the side's state (else its first organization)
        owners = [a for a in actors.values() if a.side == side]
        owners.sort(key=lambda a: (a.type != "state", a.type != "organization"))
        side_actor[side] = owners[0].name if owners else ""
        for adj in _str_list(path, f"sides.{side}.adjectives", spec["adjectives"]):
            add(adj, Form(side_actor[side], side, "adjective"))
    pattern = _compile(path, "actors", r"(?<!\w)(?:" + _first_char_alternation(
        [t for forms_ in data["actors"] for t in _surface_texts(forms_)]
        + [a for s in sides.values() for a in (s.get("adjectives") or [])]) + r")(?![\w])")
    pronoun_rules, pronoun_parts = {}, []
    for i, item in enumerate(data.get("pronoun_phrases") or []):
        where = f"pronoun_phrases[{i}]"
        knowledge.require_keys(path, where, item, ["pattern", "refers", "count"])
        _check_regex(path, where, item["pattern"])
        refers = _choice(path, f"{where}.refers", item["refers"], ACTOR_TYPES)
        pronoun_parts.append((item["pattern"], (refers, int(item["count"]))))
    pronoun_pattern = None
    if pronoun_parts:
        alt, pronoun_rules = _named_alternation(pronoun_parts)
        pronoun_pattern = _compile(path, "pronoun_phrases", rf"(?<!\w)(?:{alt})(?!\w)")
    frozen_forms = {k: tuple(v) for k, v in forms.items()}
    return actors, frozen_forms, pattern, side_actor, pronoun_pattern, pronoun_rules


def _surface_texts(item: dict) -> list[str]:
    texts = [str(item["name"])]
    for key in ("names", "aliases", "titles"):
        texts += [str(t) for t in item.get(key) or []]
    for ep in item.get("epithets") or []:
        texts.append(ep if isinstance(ep, str) else str(ep["text"]))
    return texts


# ----------------------------------------------------------------------- event types

PASSIVE_AUX = r"(?:was|were|been|being|is|are|be|get|got)\s+(?:\w+ly\s+)?"

@dataclass(frozen=True)
class TriggerRule:
    """What one trigger pattern needs beyond matching."""

    needs_party: bool = False  # only with an agent, a target or `object_after`
    object_after: re.Pattern | None = None  # 'to the Iranian attack' right after the trigger
    agent: str = ""  # a codename's known agent ('Operation True Promise II': Iran)
    where: str = ""  # data file and key, for errors


PLAIN_TRIGGER = TriggerRule()


def _trigger_entry(path, where, entry) -> tuple[str, TriggerRule]:
    """A verbs/nouns entry: a regex, or {pattern, needs_party, object_after}."""
    if isinstance(entry, str) and entry.strip():
        return _check_regex(path, where, entry.strip()), PLAIN_TRIGGER
    if not isinstance(entry, dict):
        raise DataFileError(path, where, "expected a regex or a mapping with 'pattern'")
    knowledge.require_keys(path, where, entry, ["pattern"], ["needs_party", "object_after"])
    if not isinstance(entry.get("needs_party", False), bool):
        raise DataFileError(path, f"{where}.needs_party", "expected true or false")
    after = entry.get("object_after")
    return _check_regex(path, where, str(entry["pattern"])), TriggerRule(
        bool(entry.get("needs_party", False)),
        knowledge.compile_pattern(path, f"{where}.object_after", rf"\s*(?:{after})(?![\w-])")
        if after else None)


def _load_event_types(path: Path):
    data = knowledge.load_yaml(path)
    knowledge.require_keys(path, "top level", data,
                           ["plover_categories", "lanes", "event_types", "polarity",
                            "clause_breaks", "intro_clause", "location_prepositions",
                            "target_prepositions"],
                           ["codenames", "passive_pronouns", "planning_verbs"])
    plover = set(_str_list(path, "plover_categories", data["plover_categories"]))
    lanes = tuple(_str_list(path, "lanes", data["lanes"]))
    types, triggers = {}, []
    for type_id, spec in (data["event_types"] or {}).items():
        where = f"event_types.{type_id}"
        knowledge.require_keys(path, where, spec, ["plover", "lane", "operation", "verb"],
                               ["symmetric", "agent_types", "requires_types", "absorbs",
                                "verbs", "nouns", "has_targets", "target_marker"])
        _choice(path, f"{where}.plover", spec["plover"], sorted(plover))
        _choice(path, f"{where}.lane", spec["lane"], lanes)
        if not isinstance(spec["operation"], bool):
            raise DataFileError(path, f"{where}.operation", "expected true or false")
        agent_types = _str_list(path, f"{where}.agent_types", spec.get("agent_types")) or [
            "person", "state", "organization"]
        for t in agent_types + _str_list(path, f"{where}.requires_types",
                                         spec.get("requires_types")):
            _choice(path, f"{where}.agent_types", t, ACTOR_TYPES)
        types[type_id] = EventType(
            type_id, spec["plover"], spec["lane"], spec["operation"], str(spec["verb"]),
            bool(spec.get("symmetric", False)), frozenset(agent_types),
            frozenset(_str_list(path, f"{where}.requires_types", spec.get("requires_types"))),
            frozenset(_str_list(path, f"{where}.absorbs", spec.get("absorbs"))),
            bool(spec.get("has_targets", True)),
            knowledge.compile_pattern(path, f"{where}.target_marker",
                                      rf"\b(?:{spec['target_marker']})\s+(?:the\s+)?$")
            if spec.get("target_marker") else None)
        for form in ("verbs", "nouns"):
            entries = spec.get(form) or []
            if not isinstance(entries, list):
                raise DataFileError(path, f"{where}.{form}", "expected a list of patterns")
            for j, entry in enumerate(entries):
                pat, rule = _trigger_entry(path, f"{where}.{form}[{j}]", entry)
                triggers.append((pat, (type_id, form[:-1], rule)))
        if not spec.get("verbs") and not spec.get("nouns"):
            raise DataFileError(path, where, "needs at least one verb or noun pattern")
    for i, item in enumerate(data.get("codenames") or []):
        where = f"codenames[{i}]"
        knowledge.require_keys(path, where, item, ["pattern", "event_type", "agent"])
        _choice(path, f"{where}.event_type", item["event_type"], sorted(types))
        _check_regex(path, where, str(item["pattern"]))
        triggers.append((str(item["pattern"]), (item["event_type"], "noun", TriggerRule(
            agent=str(item["agent"]), where=f"{path.name}: {where}"))))
    for t in types.values():
        for absorbed in t.absorbs:
            if absorbed not in types:
                raise DataFileError(path, f"event_types.{t.id}.absorbs",
                                    f"unknown event type {absorbed!r}")
    alt, rules = _named_alternation(triggers)
    trigger_pattern = _compile(path, "event_types", rf"(?<![\w-])(?:{alt})(?![\w-])")
    pol = data["polarity"]
    knowledge.require_keys(path, "polarity", pol, POLARITIES)
    before, after, windows = [], [], {}
    for name in POLARITIES:
        knowledge.require_keys(path, f"polarity.{name}", pol[name], ["before", "window"],
                               ["after"])
        if not isinstance(pol[name]["window"], int) or pol[name]["window"] <= 0:
            raise DataFileError(path, f"polarity.{name}.window", "expected a positive integer")
        windows[name] = pol[name]["window"]
        for pat in _str_list(path, f"polarity.{name}.before", pol[name]["before"]):
            before.append((_check_regex(path, f"polarity.{name}", pat), name))
        for pat in _str_list(path, f"polarity.{name}.after", pol[name].get("after")):
            after.append((_check_regex(path, f"polarity.{name}", pat), name))
    alt_b, rules_b = _named_alternation(before)
    polarity_before = _compile(path, "polarity", rf"(?<![\w-])(?:{alt_b})(?![\w-])")
    polarity_after, pol_rules = None, {f"before_{k}": v for k, v in rules_b.items()}
    if after:
        alt_a, rules_a = _named_alternation(after)
        polarity_after = _compile(path, "polarity", rf"(?<![\w-])(?:{alt_a})(?![\w-])")
        pol_rules.update({f"after_{k}": v for k, v in rules_a.items()})
    breaks = _str_list(path, "clause_breaks", data["clause_breaks"])
    clause_break = _compile(path, "clause_breaks", _guarded("|".join(f"(?:{b})" for b in breaks)))
    intro = knowledge.compile_pattern(path, "intro_clause", str(data["intro_clause"]))
    intro = re.compile(intro.pattern)  # case matters: a capitalized sentence opener
    loc = _str_list(path, "location_prepositions", data["location_prepositions"])
    tgt = _str_list(path, "target_prepositions", data["target_prepositions"])
    location_before = re.compile(rf"\b(?:{_words_alternation(loc)})\s+(?:the\s+)?$", re.I)
    target_before = re.compile(
        rf"\b(?:{_words_alternation(tgt)})\s+(?:the\s+)?(?:[\w'’-]+\s+){{0,2}}$", re.I)
    pronouns = data.get("passive_pronouns") or {}
    if not isinstance(pronouns, dict):
        raise DataFileError(path, "passive_pronouns", "expected a mapping pronoun -> types")
    passive = {str(p).lower(): frozenset(_choice(path, f"passive_pronouns.{p}", t, ACTOR_TYPES)
                                         for t in _str_list(path, f"passive_pronouns.{p}", ts))
               for p, ts in pronouns.items()}
    passive_subject = re.compile(
        rf"\b(?P<pron>{_words_alternation([re.escape(p) for p in passive])})\s+"
        rf"(?:(?:has|have|had)\s+)?{PASSIVE_AUX}$", re.I) if passive else None
    planners = _str_list(path, "planning_verbs", data.get("planning_verbs"))
    for j, pat in enumerate(planners):
        _check_regex(path, f"planning_verbs[{j}]", pat)
    planner_gap = _compile(path, "planning_verbs", (
        r"(?:['’]s)?\s+(?:(?:is|are|was|were|has|have|had|will|would|may|might|could|also|"
        r"now|reportedly|still|\w+ly|been|be|not)\s+){0,4}"
        rf"(?:{'|'.join(f'(?:{p})' for p in planners)})\s+(?:[\w-]+\s+){{0,2}}?")) if (
        planners) else None
    return (types, trigger_pattern, rules, (polarity_before, polarity_after, pol_rules, windows),
            clause_break, intro, location_before, target_before, passive, passive_subject,
            planner_gap)


# ------------------------------------------------------------------------ trust cues

def _load_trust_cues(path: Path):
    data = knowledge.load_yaml(path)
    knowledge.require_keys(path, "top level", data, ["families", "negations", "intensifiers",
                                                     "not_stimulus_before", "experiencer_after"])
    patterns = []
    for i, fam in enumerate(data["families"] or []):
        where = f"families[{i}]"
        knowledge.require_keys(path, where, fam, ["family", "category", "polarity", "cues"],
                               ["weight", "experiencer", "mutual", "experiencer_after"])
        category = _choice(path, f"{where}.category", fam["category"], CATEGORIES)
        if fam["polarity"] not in (-1, 1):
            raise DataFileError(path, f"{where}.polarity", "expected -1 or 1")
        mode = _choice(path, f"{where}.experiencer", fam.get("experiencer", "subject"),
                       EXPERIENCER_MODES)
        for j, cue in enumerate(fam["cues"] or []):
            cw = f"{where}.cues[{j}]"
            knowledge.require_keys(path, cw, cue, ["pattern"],
                                   ["notice", "weight", "negative", "experiencer"])
            notice = cue.get("notice", "")
            if notice:
                _choice(path, f"{cw}.notice", notice, NOTICES)
            weight = cue.get("weight", fam.get("weight", 1.0))
            if not isinstance(weight, (int, float)) or weight <= 0:
                raise DataFileError(path, f"{cw}.weight", "expected a positive number")
            patterns.append((_check_regex(path, cw, cue["pattern"]), Cue(
                str(fam["family"]), category, int(fam["polarity"]), float(weight), notice,
                bool(cue.get("negative", False)),
                _choice(path, f"{cw}.experiencer", cue.get("experiencer", mode),
                        EXPERIENCER_MODES),
                bool(fam.get("mutual", False)), bool(fam.get("experiencer_after", False)))))
    alt, cues = _named_alternation(patterns)
    cue_pattern = _compile(path, "families", rf"(?<![\w-])(?:{alt})(?![\w-])")
    negs = _str_list(path, "negations", data["negations"])
    negation = _compile(path, "negations", rf"(?<![\w-])(?:{'|'.join(negs)})(?![\w-])")
    intensifiers = []
    for pat, factor in (data["intensifiers"] or {}).items():
        if not isinstance(factor, (int, float)) or factor <= 0:
            raise DataFileError(path, f"intensifiers.{pat}", "expected a positive number")
        intensifiers.append((knowledge.compile_pattern(
            path, f"intensifiers.{pat}", rf"(?<![\w-])(?:{pat})(?![\w-])"), float(factor)))
    not_stimulus = knowledge.compile_pattern(path, "not_stimulus_before",
                                             str(data["not_stimulus_before"]))
    inside = knowledge.compile_pattern(path, "experiencer_after", str(data["experiencer_after"]))
    return cue_pattern, cues, negation, tuple(intensifiers), not_stimulus, inside


# ----------------------------------------------------------------------- attribution

def _load_attribution(path: Path) -> Attribution:
    data = knowledge.load_yaml(path)
    keys = ["speech_verbs", "speech_adverbs", "count_words", "source_modifiers", "source_nouns",
            "source_speaking", "source_introduced", "unnamed_sources", "citation_before",
            "citation_after", "report_back", "min_quote_words"]
    knowledge.require_keys(path, "top level", data, keys)
    speech = [_check_regex(path, "speech_verbs", p)
              for p in _str_list(path, "speech_verbs", data["speech_verbs"])]
    # only ever tested for presence, so the faster trie order changes no result
    speech_alt = _named_alternation([(p, None) for p in speech])[0]
    adverbs = _words_alternation(_str_list(path, "speech_adverbs", data["speech_adverbs"]))
    counts = data["count_words"]
    if not isinstance(counts, dict) or not all(isinstance(v, int) for v in counts.values()):
        raise DataFileError(path, "count_words", "expected a mapping word -> integer")
    mods = _str_list(path, "source_modifiers", data["source_modifiers"])
    nouns = data["source_nouns"]
    if not isinstance(nouns, dict):
        raise DataFileError(path, "source_nouns", "expected a mapping regex -> role")
    for pat in nouns:
        _check_regex(path, f"source_nouns.{pat}", pat)
    noun_alt = "|".join(f"(?:{p})" for p in nouns)
    count_alt = _words_alternation([re.escape(str(w)) for w in counts])
    mod_alt = _words_alternation([re.escape(m) for m in mods])
    anonymous = _compile(path, "source_nouns", (
        rf"(?<![\w-])(?:(?P<count>{count_alt})\s+)?(?:(?:{mod_alt})\s+)*"
        rf"(?:(?P<side>(?-i:[A-Z][\w.’'-]*))\s+)?(?:(?:{mod_alt})\s+)*"
        rf"(?P<noun>{noun_alt})(?![\w-])"))
    phrase_chars = set("".join(str(w) for w in counts) + "".join(mods))
    extra = "".join(sorted(c for c in phrase_chars if not re.match(r"[\w\s.’'-]", c)))
    barrier = re.compile(rf"(?s:.*)[^\w\s.’'\-{re.escape(extra)}]")
    min_words = data["min_quote_words"]
    if not isinstance(min_words, int) or min_words < 1:
        raise DataFileError(path, "min_quote_words", "expected a positive integer")

    def joined(key):
        pats = [_check_regex(path, key, p) for p in _str_list(path, key, data[key])]
        return _compile(path, key, "|".join(f"(?:{p})" for p in pats))

    return Attribution(
        speech=_compile(path, "speech_verbs", rf"(?<![\w-])(?:{speech_alt})(?![\w-])"),
        speaker_after=_compile(path, "speech_verbs", (
            rf"^(?:['’]s)?\s*(?:,[^,]{{1,90}},\s*)?(?:(?:{adverbs})\s+)*(?:{speech_alt})\b")),
        speaker_before=_compile(path, "speech_verbs", rf"\b(?:{speech_alt})\s+$"),
        anonymous=anonymous,
        source_noun=_compile(path, "source_nouns", rf"(?<![\w-])(?:{noun_alt})(?![\w-])"),
        unnamed=joined("unnamed_sources"),
        source_speaking=knowledge.compile_pattern(path, "source_speaking",
                                                  str(data["source_speaking"])),
        source_introduced=knowledge.compile_pattern(path, "source_introduced",
                                                    str(data["source_introduced"])),
        count_words={str(k).lower(): int(v) for k, v in counts.items()},
        source_roles=tuple((re.compile(rf"^(?:{p})$", re.I), str(r)) for p, r in nouns.items()),
        modifiers=frozenset(m.lower() for m in mods),
        citation_before=joined("citation_before"),
        citation_after=joined("citation_after"),
        report_back=joined("report_back"),
        min_quote_words=min_words,
        phrase_barrier=barrier,
    )


def load_lexicons(data_dir: Path | str = DEFAULT_DATA_DIR, gazetteer: dict | None = None
                  ) -> Lexicons:
    """Read and validate the four extraction data files; compile every pattern once.
    `gazetteer`: the actors composed for a story (knowledge.story.compose_gazetteer); default:
    data/gazetteer.yaml with the default story of data/stories/ (its people), if any."""
    from trustbrief.knowledge.story import story_gazetteer

    data_dir = Path(data_dir)
    if gazetteer is None:
        gazetteer = story_gazetteer(data_dir)
    actors, forms, form_pattern, side_actor, pron_pat, pron_rules = _load_gazetteer(
        data_dir / "gazetteer.yaml", gazetteer)
    (types, trig, trig_rules, polarity, clause_break, intro, loc_before,
     tgt_before, passive, passive_subject, planner_gap) = _load_event_types(
         data_dir / "event_types.yaml")
    for _type_id, _form, rule in trig_rules.values():
        if rule.agent and rule.agent not in actors:
            raise DataFileError(data_dir / "event_types.yaml", rule.where,
                                f"agent {rule.agent!r} is not an actor of gazetteer.yaml")
    cue_pattern, cues, negation, intensifiers, not_stimulus, inside = _load_trust_cues(
        data_dir / "trust_cues.yaml")
    return Lexicons(actors, forms, form_pattern, side_actor, pron_pat, pron_rules, types, trig,
                    trig_rules, *polarity, clause_break, intro, loc_before, tgt_before,
                    cue_pattern, cues, negation, intensifiers, not_stimulus, inside,
                    _load_attribution(data_dir / "attribution.yaml"),
                    passive_pronouns=passive, passive_subject=passive_subject,
                    planner_gap=planner_gap)


# ----------------------------------------------------------------------- actor finding

@dataclass(slots=True, eq=False)
class Hit:
    """An actor reference in a sentence. `actors` holds several names for 'the two'.
    Compared by identity: each hit is one occurrence, and membership tests among a
    sentence's hits ('h not in locations') need no field-by-field comparison."""

    start: int
    end: int
    surface: str
    kind: str
    actors: tuple = ()
    sides: tuple = ()
    types: tuple = ()
    forms: tuple = field(default=(), repr=False)

    @property
    def side(self) -> str:
        return self.sides[0] if self.sides else ""

    @property
    def actor(self) -> str:
        return self.actors[0] if self.actors else ""


def _resolved(hit: Hit, names, lex: Lexicons, kind: str | None = None) -> Hit:
    names = tuple(n for n in names if n)
    return Hit(hit.start, hit.end, hit.surface, kind or hit.kind, names,
               tuple(lex.actors[n].side for n in names), tuple(lex.actors[n].type for n in names))


def _raw_hits(text: str, lex: Lexicons) -> list[Hit]:
    """Gazetteer matches; direct forms (names, aliases, plain epithets) resolve at once."""
    hits, readings = [], lex.readings
    for m in lex.form_pattern.finditer(text):
        surface = m.group()
        reading = readings.get(surface)
        if reading is None:
            reading = readings[surface] = _reading(surface, lex)
        hits.append(Hit(*m.span(), surface, *reading))
    return hits


def _reading(surface: str, lex: Lexicons) -> tuple:
    """(kind, actors, sides, types, forms) of a gazetteer surface form out of context."""
    forms = lex.forms.get(_key(surface), ())
    direct = [f for f in forms if f.kind in ("name", "alias")
              or (f.kind == "epithet" and not f.requires)]
    if direct:
        actor = lex.actors[direct[0].actor]
        return direct[0].kind, (actor.name,), (actor.side,), (actor.type,), ()
    adj = next((f for f in forms if f.kind == "adjective"), None)
    if adj is not None:
        return ("adjective", (adj.actor,) if adj.actor else (), (adj.side,),
                (lex.actors[adj.actor].type,) if adj.actor else ("state",), ())
    return "contextual", (), (), (), tuple(forms)


TITLE_NAME_GAP = re.compile(r"[\s,]{0,3}")  # 'Defense Secretary, Lloyd Austin'
OWNER_TITLE_GAP = re.compile(r"(?:['’]s)?\s{0,3}")  # "Israel's defense minister"


def _resolve_title(hit: Hit, hits: list[Hit], i: int, text: str, context: list[set[str]],
                   lex: Lexicons) -> Hit | None:
    """A title means the person named right after it, else the candidate its context fits."""
    nxt = hits[i + 1] if i + 1 < len(hits) else None
    if (nxt and nxt.kind in ("name", "alias") and "person" in nxt.types
            and TITLE_NAME_GAP.fullmatch(text, hit.end, nxt.start)):
        return _resolved(hit, [nxt.actor], lex, "title")
    candidates = [f for f in hit.forms if f.kind == "title"]
    prev = hits[i - 1] if i > 0 else None
    if prev and prev.sides and OWNER_TITLE_GAP.fullmatch(text, prev.end, hit.start):
        candidates = [f for f in candidates if f.side == prev.side]
        if len(candidates) == 1:
            return _resolved(hit, [candidates[0].actor], lex, "title")
    return _by_context(hit, candidates, context, lex, "title")


def _by_context(hit, candidates, context, lex, kind) -> Hit | None:
    """Pick the candidate whose side is present closest (sentence, neighbours, document);
    `context` holds the sides named at each level."""
    for level in context:
        present = [f for f in candidates if f.side in level]
        if len({f.actor for f in present}) == 1:
            return _resolved(hit, [present[0].actor], lex, kind)
        if present:
            return None
    return None


def _document_hits(doc_sents: list[str], lex: Lexicons) -> list[list[Hit]]:
    """Resolve every actor reference of one document, in reading order."""
    raw = [_raw_hits(text, lex) for text in doc_sents]
    sent_sides = [_named_sides(hits) for hits in raw]
    doc_sides = set().union(*sent_sides)
    out: list[list[Hit]] = []
    for n, (text, hits) in enumerate(zip(doc_sents, raw, strict=True)):
        if any(hit.kind == "contextual" for hit in hits):
            near = sent_sides[max(0, n - 1)] | (
                sent_sides[n + 1] if n + 1 < len(raw) else set())
            resolved = _resolve_contextual(text, hits, raw[n - 1] if n else [],
                                           [sent_sides[n], near, doc_sides], lex)
        else:
            resolved = list(hits)
        pronouns = _pronoun_hits(text, resolved, out[-PRONOUN_REACH:], lex)
        if pronouns:  # gazetteer hits come in reading order already
            resolved += pronouns
            resolved.sort(key=lambda h: (h.start, -h.end))
        out.append(resolved)
    return out


def _named_sides(hits: list[Hit]) -> set[str]:
    """Sides a sentence names outright (titles and epithets still unresolved; not media)."""
    return {s for h in hits if h.kind != "contextual" for s in h.sides if s != "media"}


def _resolve_contextual(text: str, hits: list[Hit], previous: list[Hit],
                        context: list[set[str]], lex: Lexicons) -> list[Hit]:
    """The sentence's hits with titles and epithets resolved (dropped where unresolved).
    `context`: sides present in the sentence, its neighbours and the document."""
    named = None  # actors named in this sentence or the previous one, for epithets
    resolved = []
    for i, hit in enumerate(hits):
        if hit.kind != "contextual":
            resolved.append(hit)
            continue
        if any(f.kind == "title" for f in hit.forms):
            res = _resolve_title(hit, hits, i, text, context, lex)
        else:
            if named is None:
                named = {h.actor for h in hits + previous
                         if h.kind not in ("contextual", "adjective")}
            eps = [f for f in hit.forms
                   if f.kind == "epithet" and not named.isdisjoint(f.requires)]
            res = _resolved(hit, [eps[0].actor], lex, "epithet") if eps else None
        if res is not None:
            resolved.append(res)
    return resolved


PRONOUN_REACH = 3  # sentences back where 'the two' looks for whom it means


def _pronoun_hits(text, hits, history, lex) -> list[Hit]:
    """'the two' -> the last N distinct actors of the phrase's type before it.
    `history`: the resolved hits of the sentences before, oldest first."""
    if lex.pronoun_pattern is None:
        return []
    found = []
    for m in lex.pronoun_pattern.finditer(text):
        refers, count = lex.pronoun_rules[m.lastgroup]
        before = [pair for sentence in history for pair in _actor_pairs(sentence)]
        before += _actor_pairs(h for h in hits if h.end <= m.start())
        chosen: list[str] = []
        for actor, kind in reversed(before):
            if kind == refers and actor not in chosen:
                chosen.append(actor)
            if len(chosen) == count:
                break
        if len(chosen) == count:
            found.append(_resolved(Hit(m.start(), m.end(), m.group(), ""), chosen[::-1], lex,
                                   "pronoun-phrase"))
    return found


def _actor_pairs(hits) -> list[tuple[str, str]]:
    """(actor, type) of each actor the hits name, in order (adjectives name no one)."""
    return [(a, t) for h in hits if h.kind != "adjective"
            for a, t in zip(h.actors, h.types, strict=True)]


# ------------------------------------------------------------------------- clauses

def _clauses(text: str, lex: Lexicons) -> list[tuple[int, int]]:
    cuts = {0, len(text)}
    intro = lex.intro_clause.match(text)
    if intro:
        cuts.add(intro.end())
    for m in lex.clause_break.finditer(text):
        cuts.add(m.start())
    bounds = sorted(cuts)
    return [(a, b) for a, b in zip(bounds, bounds[1:], strict=False) if b > a]


def _clause_of(pos: int, clauses) -> tuple[int, int]:
    for a, b in clauses:
        if a <= pos < b:
            return a, b
    return clauses[-1] if clauses else (0, 0)


# -------------------------------------------------------------------------- events

PASSIVE_BEFORE = re.compile(rf"\b{PASSIVE_AUX}$", re.I)
BY_GAP = re.compile(r"\b(?P<prep>by|from)\s+(?:(?:the|an?|its|their)\s+)?$", re.I)
PARTICIPLE = re.compile(r"\b\w+(?:ed|en)\b", re.I)
# between an agent and a nominal trigger: a possessive or up to two modifiers, no preposition
NOUN_AGENT_GAP = re.compile(
    r"(?:['’]s?)?(?:\s+|\s*-\s*)(?:(?!(?:of|to|for|with|from|on|in|at|about|by|the|a|an)\b)"
    r"[\w-]+\s+){0,2}", re.I)
PHRASE_GAP = re.compile(
    r"(?:['’]s)?[\s,]+(?:(?!(?:to|and|or|of|with|from|by|in|on|at|for)\b)[\w-]+\s+)?", re.I)
TARGET_REACH = 60  # characters after the trigger where its target may start


def _polarity(text, start, end, clause, spans, lex) -> str:
    """The nearest polarity cue before (or after) the trigger in its clause; a cue separated
    from the trigger by another trigger belongs to that one ('planned retaliation after a
    missile attack': the attack is not planned)."""
    reach = max(lex.polarity_windows.values())
    best, best_dist = "asserted", None
    for m in lex.polarity_before.finditer(text, max(clause[0], start - reach), start):
        name = lex.polarity_rules[f"before_{m.lastgroup}"]
        if start - m.start() > lex.polarity_windows[name] or any(
                m.end() <= s and e <= start for s, e, _ in spans):
            continue
        dist = start - m.end()
        if best_dist is None or dist <= best_dist:
            best, best_dist = name, dist
    if lex.polarity_after is not None:
        m = lex.polarity_after.search(text, end, min(clause[1], end + 40))
        if m and (best_dist is None or m.start() - end < best_dist) and not any(
                end <= s and e <= m.start() for s, e, _ in spans):
            best = lex.polarity_rules[f"after_{m.lastgroup}"]
    return best


def _agent_ok(hit: Hit, etype: EventType) -> bool:
    return bool(hit.actors) and not etype.agent_types.isdisjoint(hit.types)


BY_WORD = re.compile(r"\b(?:by|from)\s", re.I)  # where a BY_GAP match can start at the earliest


def _by_agent(text, end, after, form, etype):
    """'killed by Israel', 'the killing of X by Y', 'assurances from X' -> (phrase, direct)."""
    first = BY_WORD.search(text, end, max(h.start for h in after)) if after else None
    if first is None:
        return [], False
    for i, h in enumerate(after):
        if h.start <= first.start():
            continue  # no 'by'/'from' between the trigger and this hit
        m = BY_GAP.search(text, end, h.start)
        if not m or (m.group("prep").lower() == "from" and form != "noun"):
            continue
        gap = text[end:m.start()]
        if len(gap) <= TARGET_REACH and not PARTICIPLE.search(gap) and _agent_ok(h, etype):
            return _chain(after[i:], text), not gap.strip()
    return [], False


def _chain(cands: list[Hit], text: str) -> list[Hit]:
    """The first candidate and the hits chained to it ('Hamas leader Ismail Haniyeh')."""
    chain = cands[:1]
    for h in cands[1:]:
        if not PHRASE_GAP.fullmatch(text, chain[-1].end, h.start):
            break
        chain.append(h)
    return chain


def _head(phrase: list[Hit]) -> list[Hit]:
    """A person in the phrase wins over the group it leads ('Hamas leader Ismail Haniyeh')."""
    people = [h for h in phrase if "person" in h.types]
    return people[:1] if people else phrase[:1]


def _owned_meeting(text, start, end, form, etype, others: list[Hit]) -> list[str]:
    """Participants of 'their meeting' (the people 'their' stands for) or of "Gallant's visit
    to Washington" (the owner and the partner after 'with'/'to'), not everyone named in the
    clause ('... his desire to speak with Biden first': Biden did not take part)."""
    owner = next((h for h in reversed(others) if h.end <= start), None)
    if owner is None or owner.kind == "adjective" or not (
            NOUN_AGENT_GAP.fullmatch(text, owner.end, start)):
        return []
    if owner.kind == "pronoun-phrase":
        return list(owner.actors) if len(owner.actors) > 1 else []
    # only a possessive owns the trigger, which is then a noun even if spelt like a verb
    if text[owner.end:owner.end + 1] not in ("'", "’") or not _agent_ok(owner, etype):
        return []
    partners = [h for h in others if _agent_ok(h, etype) and h.side != "media"
                and h.kind != "adjective" and end <= h.start <= end + TARGET_REACH
                and PARTNER_BEFORE.search(text, max(0, h.start - 12), h.start)]
    return list(dict.fromkeys([owner.actors[0]] + [a for h in partners[:1] for a in h.actors]))


PARTNER_BEFORE = re.compile(r"\b(?:with|between|and|to)\s+(?:the\s+)?$", re.I)


def _symmetric(text, others: list[Hit], end: int, etype: EventType) -> list[str]:
    """Participants: the people of the clause; with fewer than two, the party named with
    'with', 'between', 'and' or 'to' after the trigger ('a visit to Washington')."""
    people = list(dict.fromkeys(a for h in others if "person" in h.types for a in h.actors))
    if len(people) >= 2:
        return people
    partners = [h for h in others if "person" not in h.types and _agent_ok(h, etype)
                and h.side != "media" and h.kind != "adjective"
                and end <= h.start <= end + TARGET_REACH
                and PARTNER_BEFORE.search(text, max(0, h.start - 12), h.start)]
    names = people + [a for h in partners[:2 - len(people)] for a in h.actors]
    return list(dict.fromkeys(names))


PLACE_TYPES = frozenset({"place", "state"})


def _roles(text, start, end, form, etype: EventType, hits, lex):
    """(agent names, target names, location hits) for one trigger."""
    locations = [h for h in hits if end <= h.start <= end + TARGET_REACH
                 and h.kind != "pronoun-phrase" and not PLACE_TYPES.isdisjoint(h.types)
                 and lex.location_before.search(text, max(0, h.start - 12), h.start)]
    others = [h for h in hits if h.actors and h not in locations]
    if etype.symmetric:
        names = _owned_meeting(text, start, end, form, etype, others) or _symmetric(
            text, others, end, etype)
        return names[:1], names[1:], locations
    before = [h for h in others if h.end <= start]
    after = [h for h in others if h.start >= end
             and (not etype.has_targets or h.side != "media")]
    by_phrase, direct_by = _by_agent(text, end, after, form, etype)
    by_agent = _head(by_phrase)[0] if by_phrase else None
    if by_phrase:
        after = [h for h in after if h not in by_phrase]
    agent, targets = None, []
    if form == "verb" and (direct_by or PASSIVE_BEFORE.search(text, max(0, start - 30), start)):
        agent, targets = by_agent, before[-1:]
        pronoun = lex.passive_subject.search(text, max(0, start - 40), start) if (
            lex.passive_subject is not None) else None
        if pronoun:  # 'when he was informed': he, not the actor named just before
            targets = _pronoun_subject(text, before, pronoun, lex) or [NO_ONE]
    elif form == "verb":
        agent = next((h for h in reversed(before) if _agent_ok(h, etype)), None)
    else:
        adjacent = before[-1] if before else None
        if adjacent and NOUN_AGENT_GAP.fullmatch(text, adjacent.end, start):
            possessive = text[adjacent.end:adjacent.end + 1] in ("'", "’")
            if "person" in adjacent.types and not possessive:
                targets = [adjacent]  # 'the Nasrallah killing'
            elif adjacent.kind == "alias" and not possessive and etype.operation:
                locations = locations + [adjacent]  # 'the Beirut strike'
            elif _agent_ok(adjacent, etype):
                agent = adjacent
        agent = agent or by_agent or _planner(text, start, before, etype, lex)
    if not etype.has_targets:
        targets = []
    elif not targets:
        targets = _targets_after(text, end, form, etype, after, agent, lex)
    agent_names = list(agent.actors[:1]) if agent else []
    target_names = [a for h in targets for a in h.actors if a not in agent_names]
    if not target_names and etype.operation:
        target_names = [a for h in locations for a in h.actors]
    return agent_names, list(dict.fromkeys(target_names)), locations


NO_ONE = Hit(0, 0, "", "none")  # a target slot known to be empty: do not look further


def _planner(text, start, before: list[Hit], etype: EventType, lex: Lexicons) -> Hit | None:
    """'Israel is also considering strikes on Iran': the subject of a verb of planning whose
    object is the nominal trigger acts."""
    if lex.planner_gap is None or not before or not _agent_ok(before[-1], etype):
        return None
    return before[-1] if lex.planner_gap.fullmatch(text, before[-1].end, start) else None


def _pronoun_subject(text, before: list[Hit], pronoun: re.Match, lex: Lexicons) -> list[Hit]:
    """The clause's subject if the pronoun can stand for it ('US Defense Secretary Lloyd
    Austin was furious with Gallant when he was informed' -> Austin); none rather than a guess
    (never the actor named just before the pronoun)."""
    fits = lex.passive_pronouns[pronoun.group("pron").lower()]
    subject = _head(_chain([h for h in before if h.end <= pronoun.start()
                            and h.kind != "pronoun-phrase"], text))
    return subject if subject and set(subject[0].types) & fits else []


DIRECT_OBJECT_GAP = re.compile(r"\s+(?:the\s+)?")
CLAUSE_PUNCTUATION = re.compile(r"[,.;:]")
LIST_PUNCTUATION = re.compile(r"[,;:]")


def _targets_after(text, end, form, etype, after, agent, lex) -> list[Hit]:
    """The object of a verb, the 'of/on/against X' of a noun, or the type's marked target."""
    if not after:
        return []
    cands = [h for h in after if agent is None or h.actors != agent.actors]
    marker = etype.target_marker
    marked = [i for i, h in enumerate(cands) if marker is not None
              and h.start - end <= 2 * TARGET_REACH
              and marker.search(text, max(end, h.start - 15), h.start)]
    if marked:
        return _head(_chain(cands[marked[0]:], text))
    cands = [h for h in cands if h.start - end <= TARGET_REACH]
    if form == "noun":
        first = next((i for i, h in enumerate(cands)
                      if lex.target_before.search(text, max(end, h.start - 40), h.start)
                      # a direct object: gerunds, and nouns that double as verbs ('strikes')
                      or DIRECT_OBJECT_GAP.fullmatch(text, end, h.start)), None)
        cands = cands[first:] if first is not None else []
    elif cands and CLAUSE_PUNCTUATION.search(text, end, cands[0].start):
        cands = []  # a verb's object follows it within the clause, before any comma
    return _head(_chain(cands, text))



def _nearest_lanes(text, times, spans, clauses) -> dict[str, str]:
    """time_id -> lane of the trigger nearest to it in its clause.

    A time expression belongs to the nearest event and to events of the same lane ('killed
    in an Israeli strike on Friday' dates the killing too), never to events of another lane
    ('met on Monday to discuss the missile attack': Monday is not the attack's day).
    """
    lanes = {}
    for t in times:
        clause = _clause_of(t["start"], clauses)
        near = []
        for s, e, lane in spans:
            if not clause[0] <= s < clause[1]:
                continue
            if e <= t["start"]:
                near.append((t["start"] - e, lane))
            else:  # adverbials mostly follow their verb: a later trigger counts less
                comma = bool(LIST_PUNCTUATION.search(text, t["end"], s))
                near.append((2 * max(0, s - t["end"]) + 1000 * comma, lane))
        if near:
            lanes[t["time_id"]] = min(near)[1]
    return lanes


def _governing(times, clause, span, lanes, measures: bool):
    """The clause's time expression (or measure) nearest the trigger, among those whose
    nearest trigger is of the same lane."""
    start, end, lane = span
    best, best_dist = None, None
    for t in times:
        if (t["kind"] in MEASURE_KINDS) != measures or not clause[0] <= t["start"] < clause[1]:
            continue
        if lanes.get(t["time_id"]) != lane:
            continue
        dist = start - t["end"] if t["end"] <= start else max(0, t["start"] - end)
        if best_dist is None or dist < best_dist:
            best, best_dist = t, dist
    return best


def _trigger_matches(text: str, hits: list[Hit], lex: Lexicons) -> list[re.Match]:
    """Trigger matches that are not part of an actor's name (a word of the name, not an
    event)."""
    matches = []
    for m in lex.trigger_pattern.finditer(text):
        start, end = m.span()
        for h in hits:
            if h.start <= start and end <= h.end:
                break
        else:
            matches.append(m)
    return matches


def _sentence_mentions(sent: dict, hits: list[Hit], times: list[dict], lex: Lexicons,
                       clauses: list[tuple[int, int]] | None = None):
    text = sent["text"]
    matches = _trigger_matches(text, hits, lex)
    if not matches:
        return []
    clauses = _clauses(text, lex) if clauses is None else clauses
    rules, event_types = lex.trigger_rules, lex.event_types
    spans = [(*m.span(), event_types[rules[m.lastgroup][0]].lane) for m in matches]
    lanes = _nearest_lanes(text, times, spans, clauses) if times else {}
    sent_types = None  # actor types in the sentence, for event types that require one
    by_clause: dict[tuple, list[Hit]] = {}  # clause -> its hits
    found = []
    for m in matches:
        type_id, form, rule = rules[m.lastgroup]
        etype = event_types[type_id]
        if etype.requires_types:
            if sent_types is None:
                sent_types = {t for h in hits for t in h.types}
            if not etype.requires_types & sent_types:
                continue
        start, end = m.span()
        clause = _clause_of(start, clauses)
        in_clause = by_clause.get(clause)
        if in_clause is None:
            in_clause = by_clause[clause] = [h for h in hits if clause[0] <= h.start < clause[1]]
        agent, targets, locations = _roles(text, start, end, form, etype, in_clause, lex)
        if rule.agent:
            agent, targets = [rule.agent], [t for t in targets if t != rule.agent]
        if rule.needs_party and not (agent or targets or (
                rule.object_after is not None and rule.object_after.match(text, end))):
            continue  # 'what the response will entail': no one responds to anything
        span = (start, end, etype.lane)
        found.append({
            "event_type": type_id, "clause": clause, "agent": agent[0] if agent else "",
            "targets": targets, "locations": [a for h in locations for a in h.actors],
            "time": _governing(times, clause, span, lanes, False) if times else None,
            "measure": _governing(times, clause, span, lanes, True) if times else None,
            "trigger": m.group(), "trigger_start": start, "form": form,
            "polarity": _polarity(text, start, end, clause, spans, lex)})
    return _merge_same_type(_unabsorbed(found, event_types))


def _unabsorbed(found: list[dict], event_types: dict) -> list[dict]:
    """Drop mentions absorbed by another type's mention in the same clause."""
    absorbed = {(f["event_type"], f["clause"]) for f in found
                if event_types[f["event_type"]].absorbs}
    if not absorbed:
        return found
    return [f for f in found if not any(
        f["event_type"] in event_types[t].absorbs and c == f["clause"] for t, c in absorbed)]


def _merge_same_type(found: list[dict]) -> list[dict]:
    """One mention per event type and sentence unless they name different targets."""
    if len(found) < 2:
        return found
    merged: list[dict] = []
    for f in found:
        twin = next((g for g in merged if g["event_type"] == f["event_type"]
                     and (not g["targets"] or not f["targets"]
                          or set(g["targets"]) & set(f["targets"]))), None)
        if twin is None:
            merged.append(dict(f))
            continue
        twin["agent"] = twin["agent"] or f["agent"]
        twin["targets"] = list(dict.fromkeys(twin["targets"] + f["targets"]))
        twin["locations"] = list(dict.fromkeys(twin["locations"] + f["locations"]))
        twin["time"] = twin["time"] or f["time"]
        twin["measure"] = twin["measure"] or f["measure"]
        # the verb is the predicate ('scheduled to meet ... during a visit': planned); between
        # equals, an asserted mention beats a hypothetical one ('possible operations similar to
        # the recent killing') but not a planned one ('scheduled to meet ... visit')
        if (f["form"], twin["form"]) == ("verb", "noun") or (
                f["form"] == twin["form"] and twin["polarity"] == "hypothetical"):
            twin["polarity"], twin["form"] = f["polarity"], f["form"]
    return merged


def _mention_rows(sent, found, lex) -> list[dict]:
    rows = []
    for n, f in enumerate(found, start=1):
        etype = lex.event_types[f["event_type"]]
        agent, targets = f["agent"], [t for t in f["targets"] if t != f["agent"]]
        actors = list(dict.fromkeys(([agent] if agent else []) + targets + f["locations"]))
        time, measure = f["time"], f["measure"]
        rows.append({
            "mention_id": f"{sent['sent_id']}-m{n}", "event_id": "", "doc_id": sent["doc_id"],
            "sent_id": sent["sent_id"], "event_type": etype.id, "actors": actors,
            "date": "", "date_earliest": "", "date_latest": "",
            "date_basis": "unresolved" if time else "open",
            "time_text": time["text"] if time else "", "trigger": f["trigger"],
            "text": sent["text"], "plover": etype.plover, "lane": etype.lane,
            "operation": etype.operation, "agent": agent,
            "agent_side": lex.actors[agent].side if agent else "", "targets": targets,
            "target_sides": [lex.actors[t].side for t in targets],
            "locations": f["locations"], "time_id": time["time_id"] if time else "",
            "measure_id": measure["time_id"] if measure else "",
            "measure_text": measure["text"] if measure else "", "polarity": f["polarity"],
            "trigger_start": f["trigger_start"]})
    return rows


# -------------------------------------------------------------------------- claims

QUOTE = re.compile(r'"([^"]+)"|“([^”]+)”|“([^”]+)$')


def _quote_matches(text: str) -> list[re.Match]:
    """QUOTE's matches; most sentences hold no quotation mark, so skip the scan there."""
    return list(QUOTE.finditer(text)) if '"' in text or "“" in text else []


def _quotes(text: str, att: Attribution) -> list[str]:
    out = []
    for m in _quote_matches(text):
        body = next(g for g in m.groups() if g is not None).strip(" ,;:")
        if len(body.split()) >= att.min_quote_words:
            out.append(body)
    return out


def _cited_outlet(text, hits, att: Attribution) -> str:
    """The outlet named as origin; one introduced by 'citing'/'according to' wins."""
    before, after = [], []
    for h in hits:
        if "outlet" not in h.types:
            continue
        if att.citation_before.search(text, max(0, h.start - 60), h.start):
            before.append(h.actor)
        elif att.citation_after.search(text[h.end:h.end + 120]):
            after.append(h.actor)
    return (before or after or [""])[0]


def _speaks(text, start, end, att: Attribution) -> bool:
    """Is the phrase at start:end the one speaking (subject of a speech verb, or cited)?"""
    return bool(att.speaker_after.search(text[end:end + 120])
                or att.source_speaking.search(text[end:end + 40])
                or att.source_introduced.search(text, max(0, start - 25), start))


def _anonymous_speaker(text, hits, att: Attribution):
    found = _anonymous_source(text, hits, att)
    if found is not None:
        return found
    m = att.unnamed.search(text)
    if m:
        return m.start(), {"speaker": m.group(), "speaker_count": None, "speaker_side": "",
                           "speaker_role": "source"}
    return None


def _source_phrases(text: str, att: Attribution):
    """The matches of `att.anonymous`, as its finditer would give them, scanning only from
    the last character before each source noun that such a phrase cannot contain."""
    pos = 0
    while noun := att.source_noun.search(text, pos):
        barrier = att.phrase_barrier.match(text, pos, noun.start())
        # every phrase ends in a source noun, so one starts at or before this one
        m = att.anonymous.search(text, barrier.end() if barrier else pos)
        if m is None:
            return
        yield m
        pos = max(m.end(), pos + 1)  # never stall on an empty match


def _anonymous_source(text, hits, att: Attribution):
    """'four US officials said' -> (start, claim fields), or None."""
    titles = [h for h in hits if h.kind in ("title", "name", "alias", "epithet")]
    for m in _source_phrases(text, att):
        noun_start = m.start("noun")
        if any(h.start < m.end() and noun_start < h.end and "person" in h.types for h in titles):
            continue  # 'National Security Adviser' is a person's title, not a source
        if not _speaks(text, m.start(), m.end(), att):
            continue
        noun = m.group("noun")
        side_word, side = m.group("side"), ""
        if side_word and side_word.lower() not in att.modifiers:
            at = next((h for h in hits if h.start <= m.start("side") < h.end), None)
            if at is not None and at.side == "media":
                continue  # 'Axios reporters' are not officials
            side = at.side if at is not None else ""
        count_word = (m.group("count") or "").lower()
        plural = noun.lower().endswith(("s", "people"))
        count = att.count_words.get(count_word) if count_word else (None if plural else 1)
        role = next((r for p, r in att.source_roles if p.match(noun)), noun.lower())
        return m.start(), {"speaker": m.group().strip(), "speaker_count": count or None,
                           "speaker_side": side, "speaker_role": role}
    return None


PERSON_TYPES = frozenset({"person"})
BODY_TYPES = frozenset({"organization", "state"})
CLAUSE_END = re.compile(r"\s*(?:[,.;:]|$)")


def _speaking_actor(text, hits, att, types: frozenset, lex):
    for i, h in enumerate(hits):
        if types.isdisjoint(h.types) or h.kind in ("pronoun-phrase", "adjective"):
            continue
        if h.side == "media":
            continue
        # the last hit of a phrase speaks ('Pentagon deputy press secretary Sabrina Singh')
        nxt = hits[i + 1] if i + 1 < len(hits) else None
        if nxt and nxt.actors == h.actors and nxt.start - h.end <= 3:
            continue
        # 'X said' / 'X, who ..., told' / '..., said X.' (the last only at a clause end)
        if att.speaker_after.search(text[h.end:h.end + 120]) or (
                CLAUSE_END.match(text, h.end)  # the cheaper test first
                and att.speaker_before.search(text, max(0, h.start - 20), h.start)):
            return h.start, i, h
    return None


def _named_role(text, hits, i, lex) -> str:
    """Title printed before the name ('Pentagon deputy press secretary'), else the gazetteer's."""
    h = hits[i]
    first = i
    while first > 0 and hits[first - 1].end >= hits[first].start - 2 and (
            hits[first - 1].actors == h.actors or hits[first - 1].kind in ("alias", "name")
            and "person" not in hits[first - 1].types):
        first -= 1
    if first < i and any(hits[k].kind == "title" for k in range(first, i)):
        return text[hits[first].start:hits[i - 1].end]
    roles = lex.actors[h.actor].roles
    return roles[0] if roles else ""


def _claim(sent, hits, last_outlet, lex) -> dict | None:
    att, text = lex.attribution, sent["text"]
    quotes = _quotes(text, att)
    outlet = _cited_outlet(text, hits, att)
    if not outlet and last_outlet and att.report_back.search(text):
        outlet = last_outlet
    if not (quotes or outlet or att.speech.search(text)):
        return None
    claim = {"speaker": "", "speaker_type": "unattributed", "speaker_count": None,
             "speaker_side": "", "speaker_role": ""}
    # the official named first frames the sentence ('According to US officials, ... Austin
    # responded'); a government body speaks only when no official does ('what the Israeli
    # government says ..., four US officials said')
    speakers = [(rank, found[0], kind, found) for rank, kind, found in (
        (0, "anonymous", _anonymous_speaker(text, hits, att)),
        (0, "named", _speaking_actor(text, hits, att, PERSON_TYPES, lex)),
        (1, "org", _speaking_actor(text, hits, att, BODY_TYPES, lex))) if found]
    kind, found = min(speakers)[2:] if speakers else ("", None)
    if kind == "anonymous":
        claim.update(found[1], speaker_type="anonymous_official")
    elif kind == "named":
        _, i, h = found
        claim.update(speaker=h.actor, speaker_type="named_official", speaker_count=1,
                     speaker_side=h.side, speaker_role=_named_role(text, hits, i, lex))
    elif kind == "org":
        h = found[2]
        claim.update(speaker=h.actor, speaker_type="organization", speaker_side=h.side,
                     speaker_role=lex.actors[h.actor].type)
    elif outlet:
        claim.update(speaker=outlet, speaker_type="outlet", speaker_side="media",
                     speaker_role="outlet")
    elif not quotes:
        return None  # a speech verb with no speaker and nothing quoted: not a claim
    claim.update(claim_id=f"{sent['sent_id']}-c1", doc_id=sent["doc_id"],
                 sent_id=sent["sent_id"], cited_outlet=outlet, quote=" … ".join(quotes),
                 text=text)
    return claim


# ---------------------------------------------------------------------- trust signals

MUTUAL_AFTER = re.compile(r"^\W*(?:\w+\W+){0,4}?between\b", re.I)
ADJACENT_GAP = re.compile(r"(?:['’]s)?\s+(?:[\w-]+\s+)?")


def _majority_side(doc_sides: Counter, exclude: str) -> str:
    ranked = sorted(((-n, s) for s, n in doc_sides.items()
                     if s not in (exclude, "media", "other") and n))
    return ranked[0][1] if ranked else ""


@dataclass(slots=True)
class _CueContext:
    """What the direction of one cue is read from."""

    text: str
    start: int
    end: int
    clause: tuple
    hits: list  # actors with a side, media excluded, attack targets and places excluded
    all_hits: list
    speaker_side: str
    doc_sides: Counter
    principal: tuple  # the document's two most frequent sides
    quote: tuple | None  # (start, end) of the direct quote holding the cue


def _first_side(hits, not_side="") -> str:
    return next((h.side for h in hits if h.side != not_side), "")


def _direction(cue: Cue, ctx: _CueContext, lex: Lexicons) -> str:
    """'A->B': A (the experiencer) distrusts / is surprised by / is angry with B."""
    text, start, end = ctx.text, ctx.start, ctx.end
    in_clause = [h for h in ctx.hits if ctx.clause[0] <= h.start < ctx.clause[1]]
    after = [h for h in in_clause if h.start >= start]
    far_before = [h for h in reversed(ctx.hits) if h.end <= start and h.side in ctx.principal]
    if MUTUAL_AFTER.match(text[end:end + 50]):
        sides = list(dict.fromkeys(s for h in after for s in h.sides))
        if len(sides) >= 2:
            return "<->".join(sorted(sides[:2]))
    subject = in_clause[0] if in_clause and in_clause[0].end <= start else None
    if subject and len(set(subject.sides)) >= 2 and cue.experiencer == "subject":
        return "<->".join(sorted(set(subject.sides))[:2])
    fallback = [ctx.speaker_side] if ctx.speaker_side != "media" else []
    if ctx.quote and fallback and fallback[0]:
        # a quoted speaker talks about their own side: '"We were caught off guard," a US official'
        exp = fallback[0]
        quoted = [h for h in ctx.hits if ctx.quote[0] <= h.start < ctx.quote[1]]
        stim = _first_side(quoted, exp) or _majority_side(ctx.doc_sides, exp)
        return _arrow(exp, stim, cue.mutual)
    if cue.experiencer == "after":
        stim = _first_side(far_before[:1] or [subject] * bool(subject) or after)
        exp = _first_side(after, stim) or _first_side(
            [h for h in far_before if h.side], stim)
        exp = exp or next((s for s in fallback if s and s != stim), "")
        return _arrow(exp or _majority_side(ctx.doc_sides, stim), stim, cue.mutual)
    exp_hit = None
    inside = next((h for h in after if lex.experiencer_after.fullmatch(text, end, h.start)),
                  None) if cue.inside else None
    if inside is not None:
        exp_hit = inside
    elif cue.experiencer == "subject":
        last = [h for h in ctx.all_hits if h.end <= start][-1:]
        adjacent = last[0] if last and last[0] in ctx.hits and ADJACENT_GAP.fullmatch(
            text, last[0].end, start) else None
        exp_hit = adjacent or subject
    exp = exp_hit.side if exp_hit else ""
    stim = _first_side([h for h in after if h is not exp_hit], exp)
    if not exp:
        exp = (_first_side(far_before, stim) or next((s for s in fallback if s and s != stim), "")
               or _majority_side(ctx.doc_sides, stim))
    if not stim:
        stim = _first_side([subject] * bool(subject) + far_before, exp)
        stim = stim or _majority_side(ctx.doc_sides, exp)
    return _arrow(exp, stim, cue.mutual)


def _arrow(exp: str, stim: str, mutual: bool = False) -> str:
    if mutual and exp and stim:
        return "<->".join(sorted({exp, stim}))
    return f"{exp or '?'}->{stim or '?'}"


def _direction_hits(text, hits, found, lex) -> list[Hit]:
    """Actors that can be a side of a trust cue: not media, not what was attacked or where."""
    attacked = {a for f in found
                if lex.event_types[f["event_type"]].lane in ("operations", "third-party actions")
                for a in f["targets"] + f["locations"]}
    return [h for h in hits if h.sides and h.side != "media" and h.actors
            and attacked.isdisjoint(h.actors)
            and not lex.not_stimulus_before.search(text, max(0, h.start - 20), h.start)]


def _signals(sent, hits, found, speaker_side, doc_sides, lex, clauses=None) -> list[dict]:
    text = sent["text"]
    cues = list(lex.cue_pattern.finditer(text))
    if not cues:
        return []
    clauses = _clauses(text, lex) if clauses is None else clauses
    usable = _direction_hits(text, hits, found, lex)
    quotes = [m.span() for m in _quote_matches(text)]
    principal = tuple(s for s, _ in sorted(
        ((s, n) for s, n in doc_sides.items() if s not in ("media", "other")),
        key=lambda sn: (-sn[1], sn[0]))[:2])
    rows = []
    for m in cues:
        cue = lex.cues[m.lastgroup]
        start, end = m.start(), m.end()
        clause = _clause_of(start, clauses)
        negated = not cue.negative and bool(
            lex.negation.search(text[max(clause[0], start - 30):start]))
        weight = cue.weight
        scope = text[max(clause[0], start - 25):end]
        for pattern, factor in lex.intensifiers:
            if pattern.search(scope):
                weight *= factor
                break
        quote = next((q for q in quotes if q[0] <= start < q[1]), None)
        ctx = _CueContext(text, start, end, clause, usable, hits, speaker_side, doc_sides,
                          principal, quote)
        rows.append({
            "signal_id": f"{sent['sent_id']}-g{len(rows) + 1}", "doc_id": sent["doc_id"],
            "sent_id": sent["sent_id"], "cue": m.group(), "category": cue.category,
            "polarity": cue.polarity, "direction": _direction(cue, ctx, lex),
            "negated": negated, "notice": cue.notice, "weight": round(weight, 3),
            "text": text, "family": cue.family})
    return rows


# ---------------------------------------------------------------------- the stage

def _frame(rows: list[dict], table: str) -> pd.DataFrame:
    cols = list(SCHEMA[table])
    frame = pd.DataFrame(rows, columns=cols) if rows else pd.DataFrame(columns=cols)
    return frame.reset_index(drop=True)


def _times_by_sentence(time_expressions: pd.DataFrame) -> dict[str, list[dict]]:
    if time_expressions is None or time_expressions.empty:
        return {}
    cols = ["time_id", "sent_id", "start", "end", "text", "kind"]
    records = time_expressions[cols].to_dict("records")
    for rec in records:
        rec["start"], rec["end"] = int(rec["start"]), int(rec["end"])
    return _grouped_by_sentence(records)


def _grouped_by_sentence(time_rows: list[dict]) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {}
    for rec in time_rows:
        out.setdefault(rec["sent_id"], []).append(rec)
    return out


PARALLEL_MIN_SENTENCES = 5000  # below this, starting worker processes costs more than it saves


def _extract_documents(docs: list[list[dict]], lexicons: Lexicons, times: dict | None,
                       vocabulary=None) -> tuple:
    """Rows of the four tables for whole documents (each a list of sentence dicts), and a
    fifth list: the time expression rows, found here when `times` (time expressions by
    sentence id) is None - in the same worker, so each sentence is read once."""
    actor_rows, mention_rows, claim_rows, signal_rows, time_rows = [], [], [], [], []
    for records in docs:
        doc_times = times
        if times is None:
            found_times = timex.time_expression_rows(
                ((r["doc_id"], r["sent_id"], r["text"]) for r in records), vocabulary)
            time_rows += found_times
            doc_times = _grouped_by_sentence(found_times)
        doc_hits = _document_hits([r["text"] for r in records], lexicons)
        doc_sides = Counter(s for hits in doc_hits for h in hits for s in h.sides)
        last_outlet = ""
        for sent, hits in zip(records, doc_hits, strict=True):
            actor_rows += _actor_rows(sent, hits)
            clauses = _clauses(sent["text"], lexicons)
            found = _sentence_mentions(sent, hits, doc_times.get(sent["sent_id"], []),
                                       lexicons, clauses)
            mention_rows += _mention_rows(sent, found, lexicons)
            claim = _claim(sent, hits, last_outlet, lexicons)
            if claim:
                claim_rows.append(claim)
                last_outlet = claim["cited_outlet"] or last_outlet
            signal_rows += _signals(sent, hits, found, claim["speaker_side"] if claim else "",
                                    doc_sides, lexicons, clauses)
    return actor_rows, mention_rows, claim_rows, signal_rows, time_rows


def _extract_document(records: list[dict], lexicons: Lexicons, times: dict | None,
                      vocabulary) -> tuple:
    return _extract_documents([records], lexicons, times, vocabulary)


def _extract_parallel(docs: list[list[dict]], lexicons: Lexicons, times: dict | None,
                      vocabulary, workers: int) -> tuple:
    """Documents are independent and come back in order, so the output is the same as one
    process's. Forked workers inherit the compiled lexicons and the documents."""
    parts = parallel.map_in_order(_extract_document, docs, lexicons, times, vocabulary,
                                  workers=workers)
    return tuple([row for part in parts for row in part[k]] for k in range(5))


def extract(sentences: pd.DataFrame, documents: pd.DataFrame, lexicons: Lexicons,
            time_expressions: pd.DataFrame | None = None, workers: int | None = None,
            vocabulary: timex.Vocabulary | None = None) -> dict[str, pd.DataFrame]:
    """Find time expressions, actors, event mentions, claims and trust signals in every
    sentence.

    Time expressions are found here (with `vocabulary`, default the shipped one) unless a
    `time_expressions` frame is passed to reuse. `workers`: processes to use (default: see
    parallel.worker_count - every core for a large corpus, else 1); the output does not
    depend on it. Inputs are not modified.
    """
    missing = {"doc_id", "sent_id", "text"} - set(sentences.columns)
    if missing:
        raise ValueError(f"sentences lack column(s): {', '.join(sorted(missing))}")
    times = None if time_expressions is None else _times_by_sentence(time_expressions)
    docs = list(_documents_in_order(sentences))
    n_workers = parallel.worker_count(len(sentences), PARALLEL_MIN_SENTENCES, workers)
    if n_workers > 1 and len(docs) > 1:
        rows = _extract_parallel(docs, lexicons, times, vocabulary, n_workers)
    else:
        rows = _extract_documents(docs, lexicons, times, vocabulary)
    actor_rows, mention_rows, claim_rows, signal_rows, time_rows = rows
    if time_expressions is None:
        time_expressions = timex.time_expression_frame(time_rows)
    claims = _frame(claim_rows, "claims")
    claims["speaker_count"] = claims["speaker_count"].astype("Int64")
    return {
        "time_expressions": time_expressions.copy(),
        "actor_mentions": _frame(actor_rows, "actor_mentions"),
        "mentions": _frame(mention_rows, "mentions"),
        "claims": claims,
        "trust_signals": _frame(signal_rows, "trust_signals"),
    }


def _documents_in_order(sentences: pd.DataFrame):
    """Each document's sentences as dicts (doc_id, sent_id, text), documents and sentences
    sorted by id; one pass over plain lists rather than a pandas groupby per document."""
    ordered = sorted(zip(sentences["doc_id"].astype(str).tolist(),
                         sentences["sent_id"].astype(str).tolist(),
                         sentences["text"].astype(str).tolist(), strict=True))
    records: list[dict] = []
    for doc_id, sent_id, text in ordered:
        if records and records[-1]["doc_id"] != doc_id:
            yield records
            records = []
        records.append({"doc_id": doc_id, "sent_id": sent_id, "text": text})
    if records:
        yield records


def _actor_rows(sent, hits) -> list[dict]:
    return [{"doc_id": sent["doc_id"], "sent_id": sent["sent_id"], "start": h.start,
             "end": h.end, "surface": h.surface, "actor": actor, "side": side, "kind": h.kind}
            for h in hits if h.kind != "adjective"
            for actor, side in zip(h.actors, h.sides, strict=True)]


def date_mentions(mentions: pd.DataFrame, time_expressions: pd.DataFrame) -> pd.DataFrame:
    """Copy each mention's governing time expression's resolved dates into the mention.

    A mention without a governing expression keeps empty dates and date_basis 'open'; one whose
    expression is not resolved (yet) gets date_basis 'unresolved'. Never the publication date.
    """
    out = mentions.copy()
    te = time_expressions
    lookup = {}  # time_id -> (date, date_earliest, date_latest, basis, text), NA read as ''
    if te is not None and not te.empty:
        def values(col: str) -> list:
            if col not in te.columns:
                return ["unresolved" if col == "basis" else ""] * len(te)
            column = te[col].astype(object)
            return ["" if missing else v for v, missing in zip(
                column.tolist(), column.isna().tolist(), strict=True)]
        lookup = {time_id: (str(d or ""), str(e or ""), str(la or ""), str(b or "unresolved"),
                            str(t))
                  for time_id, d, e, la, b, t in zip(*(values(c) for c in (
                      "time_id", "date", "date_earliest", "date_latest", "basis", "text")),
                      strict=True)}
    # one tuple per mention (shared ones for the undated), then one column per field
    open_dates, unresolved = ("", "", "", "open", ""), ("", "", "", "unresolved", "")
    rows = [lookup.get(time_id, unresolved) if time_id else open_dates
            for time_id in out["time_id"].tolist()]
    names = ("date", "date_earliest", "date_latest", "date_basis", "time_text")
    columns = list(zip(*rows, strict=True)) if rows else [()] * len(names)
    for name, column in zip(names, columns, strict=True):
        out[name] = pd.Series(list(column), index=out.index, dtype=object)
    return out
