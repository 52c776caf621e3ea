"""The event vocabulary: data/event_types.yaml (event types, trigger patterns, codenames, lexical
polarity cues, clause breaks, role prepositions) loaded, validated and compiled."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from trustbrief import knowledge
from trustbrief.extract.gazetteer import ACTOR_TYPES
from trustbrief.extract.patterns import (
    check_regex,
    guarded,
    named_alternation,
    one_of,
    regex_of,
    str_list,
    words_alternation,
)
from trustbrief.knowledge import DataFileError

POLARITIES = ("negated", "planned", "hypothetical")


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
    from_claims: bool = False  # made from claims (statements.py), not from trigger words
    notice: bool = False  # the partner's advance notice is tracked though no operation
    possessor_undergoes: bool = False  # "X's dismissal": the owning person undergoes it
    # the type the act is when armed forces do it ('raids launched by the army': a ground
    # operation; a police raid stays a raid)
    by_armed_forces: str = ""
    # an operation that answers fire or flights aimed at its doer (shooting them down): no
    # notice is owed to a partner, so the events stage does not count it among operations
    defensive: bool = False
    # the act is itself one side giving the other notice ('cautioned the minister about an
    # imminent action'): its notice is the lead its own sentences state
    gives_notice: bool = False
    # an act only the forces of the state where it happens do (arrests): with no doer named,
    # the state named as its place is the doer ('arrests of Chadians in France')
    host_acts: bool = False
    # (modals, verbs of saying that do not ask): a statement whose speaker's words put such a
    # modal on another side's party is this type ('said "X must apologize"': a demand)
    said_with: tuple = ()
    # an act that a charge gives a doer as it does an operation's ('accused X of abducting
    # two miners': X abducts, alleged), though it is no operation
    ascribable: bool = False


PASSIVE_AUX = r"(?:was|were|been|being|is|are|be|get|got)\s+(?:\w+ly\s+)?"

@dataclass(frozen=True)
class TriggerRule:
    """What one trigger pattern needs beyond matching."""

    needs_party: bool = False  # only with an agent, a target or `object_after`
    object_after: re.Pattern | None = None  # 'to the Chadian attack' right after the trigger
    agent: str = ""  # a codename's known agent ('Operation Desert Lantern': Chad)
    # a dependency trigger (data/syntax.yaml `triggers`): roles from the tree only, and two
    # named parties of different sides ('X and Y spoke', 'X told Y'), else no mention
    between_sides: bool = False
    where: str = ""  # data file and key, for errors


PLAIN_TRIGGER = TriggerRule()
DEPENDENCY_TRIGGER = TriggerRule(between_sides=True)


def _trigger_entry(path, where, entry) -> tuple[str, TriggerRule]:
    """A verbs/nouns entry: a regex, or {pattern, needs_party, object_after}."""
    if isinstance(entry, str) and entry.strip():
        return check_regex(path, where, entry.strip()), PLAIN_TRIGGER
    if not isinstance(entry, dict):
        raise DataFileError(path, where, "expected a regex or a mapping with 'pattern'")
    knowledge.require_keys(path, where, entry, ["pattern"], ["needs_party", "object_after"])
    if not isinstance(entry.get("needs_party", False), bool):
        raise DataFileError(path, f"{where}.needs_party", "expected true or false")
    after = entry.get("object_after")
    return check_regex(path, where, str(entry["pattern"])), TriggerRule(
        bool(entry.get("needs_party", False)),
        knowledge.compile_pattern(path, f"{where}.object_after", rf"\s*(?:{after})(?![\w-])")
        if after else None)


def load_event_types(path: Path):
    data = knowledge.load_yaml(path)
    knowledge.require_keys(path, "top level", data,
                           ["plover_categories", "lanes", "event_types", "polarity",
                            "clause_breaks", "intro_clause", "location_prepositions",
                            "target_prepositions"],
                           ["codenames", "passive_pronouns", "planning_verbs"])
    plover = set(str_list(path, "plover_categories", data["plover_categories"]))
    lanes = tuple(str_list(path, "lanes", data["lanes"]))
    types, triggers = {}, []
    for type_id, spec in (data["event_types"] or {}).items():
        types[type_id] = _event_type(path, type_id, spec, plover, lanes)
        triggers += _type_triggers(path, type_id, spec)
    triggers += _codenames(path, data.get("codenames") or [], types)
    for t in types.values():
        for absorbed in t.absorbs:
            if absorbed not in types:
                raise DataFileError(path, f"event_types.{t.id}.absorbs",
                                    f"unknown event type {absorbed!r}")
        if t.by_armed_forces and t.by_armed_forces not in types:
            raise DataFileError(path, f"event_types.{t.id}.by_armed_forces",
                                f"unknown event type {t.by_armed_forces!r}")
    alt, rules = named_alternation(triggers)
    trigger_pattern = regex_of(path, "event_types", rf"(?<![\w-])(?:{alt})(?![\w-])")
    passive, passive_subject = _passive_pronouns(path, data.get("passive_pronouns") or {})
    return (types, trigger_pattern, rules, _polarity(path, data["polarity"]),
            *_clause_patterns(path, data), passive, passive_subject,
            _planner_gap(path, data.get("planning_verbs")))


def _event_type(path: Path, type_id: str, spec, plover: set, lanes: tuple) -> EventType:
    where = f"event_types.{type_id}"
    knowledge.require_keys(path, where, spec, ["plover", "lane", "operation", "verb"],
                           ["symmetric", "agent_types", "requires_types", "absorbs",
                            "verbs", "nouns", "has_targets", "target_marker", "from_claims",
                            "notice", "possessor_undergoes", "by_armed_forces",
                            "defensive", "gives_notice", "host_acts", "said_with",
                            "ascribable"])
    one_of(path, f"{where}.plover", spec["plover"], sorted(plover))
    one_of(path, f"{where}.lane", spec["lane"], lanes)
    for flag in ("operation", "notice", "possessor_undergoes", "defensive", "gives_notice",
                 "host_acts", "ascribable"):
        if not isinstance(spec.get(flag, False), bool):
            raise DataFileError(path, f"{where}.{flag}", "expected true or false")
    agent_types = str_list(path, f"{where}.agent_types", spec.get("agent_types")) or [
        "person", "state", "organization"]
    for t in agent_types + str_list(path, f"{where}.requires_types",
                                     spec.get("requires_types")):
        one_of(path, f"{where}.agent_types", t, ACTOR_TYPES)
    return EventType(
        type_id, spec["plover"], spec["lane"], spec["operation"], str(spec["verb"]),
        bool(spec.get("symmetric", False)), frozenset(agent_types),
        frozenset(str_list(path, f"{where}.requires_types", spec.get("requires_types"))),
        frozenset(str_list(path, f"{where}.absorbs", spec.get("absorbs"))),
        bool(spec.get("has_targets", True)),
        knowledge.compile_pattern(path, f"{where}.target_marker",
                                  rf"\b(?:{spec['target_marker']})\s+(?:the\s+)?$")
        if spec.get("target_marker") else None, bool(spec.get("from_claims", False)),
        spec.get("notice", False), spec.get("possessor_undergoes", False),
        str(spec.get("by_armed_forces") or ""), spec.get("defensive", False),
        spec.get("gives_notice", False), spec.get("host_acts", False),
        _said_with(path, where, spec.get("said_with")), ascribable=spec.get("ascribable", False))


def _said_with(path: Path, where: str, spec) -> tuple:
    """(modals, not_after) of a type's `said_with`, or () without one."""
    if not spec:
        return ()
    if not isinstance(spec, dict):
        raise DataFileError(path, f"{where}.said_with", "expected {modals: [...], not_after: "
                                                        "[...]}")
    return (frozenset(str_list(path, f"{where}.said_with.modals", spec.get("modals"))),
            frozenset(str_list(path, f"{where}.said_with.not_after", spec.get("not_after"))))


def _type_triggers(path: Path, type_id: str, spec) -> list[tuple]:
    """(pattern, (type id, 'verb' | 'noun', TriggerRule)) of one type's verbs and nouns."""
    where, triggers = f"event_types.{type_id}", []
    for form in ("verbs", "nouns"):
        entries = spec.get(form) or []
        if not isinstance(entries, list):
            raise DataFileError(path, f"{where}.{form}", "expected a list of patterns")
        for j, entry in enumerate(entries):
            pat, rule = _trigger_entry(path, f"{where}.{form}[{j}]", entry)
            triggers.append((pat, (type_id, form[:-1], rule)))
    if not spec.get("verbs") and not spec.get("nouns") and not spec.get("from_claims"):
        raise DataFileError(path, where, "needs at least one verb or noun pattern")
    return triggers


def _codenames(path: Path, items: list, types: dict) -> list[tuple]:
    triggers = []
    for i, item in enumerate(items):
        where = f"codenames[{i}]"
        knowledge.require_keys(path, where, item, ["pattern", "event_type", "agent"])
        one_of(path, f"{where}.event_type", item["event_type"], sorted(types))
        check_regex(path, where, str(item["pattern"]))
        triggers.append((str(item["pattern"]), (item["event_type"], "noun", TriggerRule(
            agent=str(item["agent"]), where=f"{path.name}: {where}"))))
    return triggers


def _polarity(path: Path, pol) -> tuple:
    """(cues before, cues after or None, group name -> polarity, polarity -> window)."""
    knowledge.require_keys(path, "polarity", pol, POLARITIES)
    before, after, windows = [], [], {}
    for name in POLARITIES:
        knowledge.require_keys(path, f"polarity.{name}", pol[name], ["before", "window"],
                               ["after"])
        if not isinstance(pol[name]["window"], int) or pol[name]["window"] <= 0:
            raise DataFileError(path, f"polarity.{name}.window", "expected a positive integer")
        windows[name] = pol[name]["window"]
        for pat in str_list(path, f"polarity.{name}.before", pol[name]["before"]):
            before.append((check_regex(path, f"polarity.{name}", pat), name))
        for pat in str_list(path, f"polarity.{name}.after", pol[name].get("after")):
            after.append((check_regex(path, f"polarity.{name}", pat), name))
    alt_b, rules_b = named_alternation(before)
    polarity_before = regex_of(path, "polarity", rf"(?<![\w-])(?:{alt_b})(?![\w-])")
    polarity_after, pol_rules = None, {f"before_{k}": v for k, v in rules_b.items()}
    if after:
        alt_a, rules_a = named_alternation(after)
        polarity_after = regex_of(path, "polarity", rf"(?<![\w-])(?:{alt_a})(?![\w-])")
        pol_rules.update({f"after_{k}": v for k, v in rules_a.items()})
    return polarity_before, polarity_after, pol_rules, windows


def _clause_patterns(path: Path, data) -> tuple:
    """(clause break, intro clause, location preposition before, target preposition before)."""
    breaks = str_list(path, "clause_breaks", data["clause_breaks"])
    clause_break = regex_of(path, "clause_breaks", guarded("|".join(f"(?:{b})" for b in breaks)))
    intro = knowledge.compile_pattern(path, "intro_clause", str(data["intro_clause"]))
    intro = re.compile(intro.pattern)  # case matters: a capitalized sentence opener
    loc = str_list(path, "location_prepositions", data["location_prepositions"])
    tgt = str_list(path, "target_prepositions", data["target_prepositions"])
    location_before = re.compile(rf"\b(?:{words_alternation(loc)})\s+(?:the\s+)?$", re.I)
    target_before = re.compile(
        rf"\b(?:{words_alternation(tgt)})\s+(?:the\s+)?(?:[\w'’-]+\s+){{0,2}}$", re.I)
    return clause_break, intro, location_before, target_before


def _passive_pronouns(path: Path, pronouns) -> tuple:
    if not isinstance(pronouns, dict):
        raise DataFileError(path, "passive_pronouns", "expected a mapping pronoun -> types")
    passive = {str(p).lower(): frozenset(one_of(path, f"passive_pronouns.{p}", t, ACTOR_TYPES)
                                         for t in str_list(path, f"passive_pronouns.{p}", ts))
               for p, ts in pronouns.items()}
    passive_subject = re.compile(
        rf"\b(?P<pron>{words_alternation([re.escape(p) for p in passive])})\s+"
        rf"(?:(?:has|have|had)\s+)?{PASSIVE_AUX}$", re.I) if passive else None
    return passive, passive_subject


def _planner_gap(path: Path, value) -> re.Pattern | None:
    planners = str_list(path, "planning_verbs", value)
    for j, pat in enumerate(planners):
        check_regex(path, f"planning_verbs[{j}]", pat)
    if not planners:
        return None
    return regex_of(path, "planning_verbs", (
        r"(?:['’]s)?\s+(?:(?:is|are|was|were|has|have|had|will|would|may|might|could|also|"
        r"now|reportedly|still|\w+ly|been|be|not)\s+){0,4}"
        rf"(?:{'|'.join(f'(?:{p})' for p in planners)})\s+(?:[\w-]+\s+){{0,2}}?"))
