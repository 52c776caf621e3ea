"""Everything extraction reads from data files, loaded once into one Lexicons object.

The loaders live by file: gazetteer.py (actors and their forms), vocabulary.py (event types),
cues.py (trust cues, attribution), syntax.py (how the parse is read); patterns.py builds their
regexes. This module composes them and re-exports the names the other modules use.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from trustbrief import contract
from trustbrief.extract.cues import Attribution, Cue, load_attribution, load_trust_cues
from trustbrief.extract.gazetteer import ACTOR_TYPES, Actor, Form, load_gazetteer
from trustbrief.extract.patterns import (
    literal_regex,
    lookup_key,
    named_alternation,
    words_alternation,
)
from trustbrief.extract.syntax import Reader, load_syntax
from trustbrief.extract.vocabulary import PASSIVE_AUX, EventType, TriggerRule, load_event_types
from trustbrief.knowledge import DataFileError

__all__ = ["ACTOR_TYPES", "MEASURE_KINDS", "PASSIVE_AUX", "SCHEMA", "Actor", "Attribution", "Cue",
           "EventType", "Form", "Lexicons", "TriggerRule", "lookup_key", "named_alternation",
           "load_lexicons"]

DEFAULT_DATA_DIR = Path(__file__).resolve().parents[3] / "data"
MEASURE_KINDS = ("duration", "count")

# Column descriptions of the stage's tables: the contract is their one definition.
SCHEMA = contract.descriptions("actor_mentions", "mentions", "claims", "trust_signals")


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
    cue_conditional: re.Pattern | None = None  # 'if' opening a clause: a notice cue is a demand
    not_party_before: re.Pattern | None = None  # 'visit to ' before a destination: no party
    syntax: object = None  # syntax.Syntax: how the parse is read (data/syntax.yaml)
    reader: object = field(default=None, compare=False, repr=False)  # syntax.Reader
    # keys of the names of a state's institutions ('white house', 'kremlin'): see _institutions
    institutions: frozenset = frozenset()
    # keys of the seats of government standing for a whole state ('beirut', 'baku'): _seats
    seats: frozenset = frozenset()
    # words right before a gazetteer title that make it another office or a past holder
    # ('Vice President', 'Deputy Prime Minister', 'former President'): see _another_office
    another_office_before: re.Pattern | None = None


def load_lexicons(data_dir: Path | str = DEFAULT_DATA_DIR, gazetteer: dict | None = None
                  ) -> Lexicons:
    """Read and validate the four extraction data files; compile every pattern once.
    `gazetteer`: the actors composed for a story (knowledge.story.compose_gazetteer); default:
    data/gazetteer.yaml with the default story of data/stories/ (its people), if any."""
    from trustbrief.knowledge.story import story_gazetteer

    data_dir = Path(data_dir)
    if gazetteer is None:
        gazetteer = story_gazetteer(data_dir)
    actors, forms, form_pattern, side_actor, pron_pat, pron_rules = load_gazetteer(
        data_dir / "gazetteer.yaml", gazetteer)
    (types, trig, trig_rules, polarity, clause_break, intro, loc_before,
     tgt_before, passive, passive_subject, planner_gap) = load_event_types(
         data_dir / "event_types.yaml")
    for _type_id, _form, rule in trig_rules.values():
        if rule.agent and rule.agent not in actors:
            raise DataFileError(data_dir / "event_types.yaml", rule.where,
                                f"agent {rule.agent!r} is not an actor of gazetteer.yaml")
    cue_pattern, cues, negation, intensifiers, not_stimulus, inside, conditional, not_party = \
        load_trust_cues(data_dir / "trust_cues.yaml")
    syntax = load_syntax(data_dir)
    for rule_id, type_id, _ in syntax.triggers:
        if type_id not in types:
            raise DataFileError(data_dir / "syntax.yaml", f"triggers {rule_id}",
                                f"unknown event type {type_id!r} (see event_types.yaml)")
    for rule_id, kinds in syntax.retypes:
        unknown = sorted(set(kinds) - set(types))
        if unknown:
            raise DataFileError(data_dir / "syntax.yaml", f"triggers {rule_id}",
                                f"unknown event type(s) to retype: {', '.join(unknown)}")
    return Lexicons(actors, forms, form_pattern, side_actor, pron_pat, pron_rules, types, trig,
                    trig_rules, *polarity, clause_break, intro, loc_before, tgt_before,
                    cue_pattern, cues, negation, intensifiers, not_stimulus, inside,
                    load_attribution(data_dir / "attribution.yaml"),
                    passive_pronouns=passive, passive_subject=passive_subject,
                    planner_gap=planner_gap, cue_conditional=conditional,
                    not_party_before=not_party, syntax=syntax,
                    reader=Reader(syntax), institutions=_institutions(data_dir),
                    seats=_seats(data_dir),
                    another_office_before=_another_office(data_dir))


def _another_office(data_dir: Path) -> re.Pattern | None:
    """The words that, right before a gazetteer title, make it no title of the person who
    holds it (data/world/roles.yaml another_office: 'Vice President', 'Deputy Prime
    Minister', 'former President'). Searched with the title's start as the end."""
    if not (data_dir / "world").is_dir():
        return None
    from trustbrief.knowledge.world import load_world

    heads = {lookup_key(word) for word in load_world(data_dir).another_office}
    if not heads:
        return None
    words = words_alternation(literal_regex(h) for h in heads)
    return re.compile(rf"(?i)(?<![\w-])(?:{words})[\s-]+$")


def _seats(data_dir: Path) -> frozenset:
    """Keys of the metonyms (data/world/) that stand for a state's whole government, its
    capital first ('Paris', 'Portview'): the place named, where a name is a place."""
    if not (data_dir / "world").is_dir():
        return frozenset()
    from trustbrief.knowledge.world import load_world

    return frozenset(lookup_key(f.text) for f in load_world(data_dir).forms
                     if f.kind == "metonym" and f.role == "government")


def _institutions(data_dir: Path) -> frozenset:
    """Keys of the metonyms (data/world/) that name one institution of a state, not its whole
    government ('the White House', 'the Kremlin'; not a capital): a body speaking under such
    a name is named so, its side still the state's, as a reader names it."""
    if not (data_dir / "world").is_dir():
        return frozenset()
    from trustbrief.knowledge.world import load_world

    return frozenset(lookup_key(re.sub(r"^the\s+", "", f.text, flags=re.IGNORECASE))
                     for f in load_world(data_dir).forms
                     if f.kind == "metonym" and f.role != "government")
