"""DOC lexicons"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from trustbrief import contract, knowledge
from trustbrief.extract.syntax import Reader, load_syntax
from trustbrief.knowledge import DataFileError

DEFAULT_DATA_DIR = Path(__file__).resolve().parents[3] / "data"

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
    syntax: object = None  # syntax.Syntax: how the parse is read (data/syntax.yaml)
    reader: object = field(default=None, compare=False, repr=False)  # syntax.Reader


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
    texts = ([t for forms_ in data["actors"] for t in _surface_texts(forms_)]
             + [a for s in sides.values() for a in (s.get("adjectives") or [])])
    texts += _world_forms(path.parent, actors, add, forms)
    pattern = _compile(path, "actors", r"(?<!\w)(?:" + _first_char_alternation(texts)
                       + r")(?![\w])")
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


WORLD_KINDS = {"country": "name", "adjective": "adjective", "metonym": "alias"}


def _world_forms(data_dir: Path, actors: dict, add, forms: dict) -> list[str]:
    """Every country of the world knowledge (data/world/) as a state actor, with its names,
    demonyms and metonyms ('the Kremlin'); a country the gazetteer already holds keeps the
    gazetteer's actor and side, and the gazetteer's forms win over the world's. Returns the
    surface texts added."""
    if not (data_dir / "world").is_dir():
        return []
    from trustbrief.knowledge.world import load_world

    world = load_world(data_dir)
    known = {_key(n): a for a in actors.values() if a.type == "state"
             for n in (a.name,)}
    added = []
    for form in world.forms:
        kind = WORLD_KINDS.get(form.kind)
        if kind is None or not form.country:
            continue
        # the gazetteer wins, except its 'other' demonyms (kept there only to block titles)
        bare = form.text[4:] if form.text.lower().startswith("the ") else form.text
        if any(f.side != "other" for t in (form.text, bare) for f in forms.get(_key(t), ())):
            continue
        forms.pop(_key(form.text), None)
        country = world.country(form.country)
        if country is None:
            continue
        actor = next((known[_key(n)] for n in country.names if _key(n) in known), None)
        if actor is None:
            actor = actors.get(country.name) or Actor(country.name, "state", country.name,
                                                      "institution", ())
            actors[country.name] = actor
            known[_key(country.name)] = actor
        add(form.text, Form(actor.name, actor.side, kind))
        added.append(form.text)
    return added


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
    syntax = load_syntax(data_dir)
    return Lexicons(actors, forms, form_pattern, side_actor, pron_pat, pron_rules, types, trig,
                    trig_rules, *polarity, clause_break, intro, loc_before, tgt_before,
                    cue_pattern, cues, negation, intensifiers, not_stimulus, inside,
                    _load_attribution(data_dir / "attribution.yaml"),
                    passive_pronouns=passive, passive_subject=passive_subject,
                    planner_gap=planner_gap, syntax=syntax, reader=Reader(syntax))
