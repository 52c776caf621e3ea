"""data/labels.yaml loaded and validated: event-type groups, joins and label templates."""

from __future__ import annotations

import re
import string
from dataclasses import dataclass, field
from pathlib import Path

from trustbrief.knowledge import DataFileError, compile_pattern, load_yaml, require_keys

LABEL_MAX = 70


@dataclass(frozen=True)
class Group:
    name: str
    types: tuple[str, ...]
    window_days: int = 1
    unique_for: frozenset = frozenset()
    symmetric: bool = False
    plans_separate: bool = False
    # a lede dated only by its publication within this many days of an event of its block
    # retells that event (events.cluster); statements are news on the day they are made
    retold_days: int = 7
    # acts that recur between the same parties (calls, demands, statements): an undated
    # mention joins a dated event of its block only from an article that dates that event
    recurring: bool = False
    # kinds of act within the group's types, told apart by the trigger's words ((kind, compiled
    # pattern), first match wins): an expulsion and a suspension two days later are two acts
    kinds: tuple = ()
    # the sides word one act as different types (an arrest, an abduction): articles' words
    # for it are conflicting accounts of what happened (events.tellings)
    told_apart: bool = False

    def kind_of(self, trigger: str) -> str:
        """The kind of act the trigger's words tell ('' when no kind names it)."""
        return next((kind for kind, pattern in self.kinds if pattern.search(trigger)), "")


@dataclass(frozen=True)
class Join:
    """One operation told twice in a sentence: `source` mentions join a `into` mention."""

    source: frozenset
    into: frozenset
    # the source tells of the act ('informed that X will be postponing'): its factuality
    # (the telling happened) need not be the act's (planned)
    telling: bool = False


@dataclass(frozen=True)
class ReportedDates:
    """A lede reports the news: an asserted mention without a time expression in one of a
    document's first `lede_sentences` sentences happened between `days_before` days before
    publication and publication (date basis 'reported')."""

    lede_sentences: int = 2
    days_before: int = 1
    max_publication_days: int = 1  # a publication range wider than this dates nothing
    # a sentence matching one of these retells what was said before ('authorities had said
    # the jet was hit'): background, not the news of the day
    background: re.Pattern | None = None


@dataclass(frozen=True)
class AfterIncident:
    """What a side says of an incident came after it: an undated asserted mention of `types`
    whose sentence names an incident the corpus dates (data/incidents.yaml) happened between
    the incident's first day and its article's publication, when the article was published at
    most `max_days` after the incident (date basis 'reported')."""

    types: frozenset = frozenset()
    max_days: int = 2


@dataclass(frozen=True)
class DuringActs:
    """A contact (`contacts` types) whose sentence says it took place while an act went on
    (`cue`) happened on the day its article dates the acts (`acts` types): events/answers.py."""

    contacts: frozenset
    acts: frozenset
    cue: re.Pattern


@dataclass(frozen=True)
class LabelRules:
    """Event grouping and label templates (data/labels.yaml)."""

    groups: dict[str, Group] = field(default_factory=dict)
    templates: dict[str, tuple[str, ...]] = field(default_factory=dict)
    planned_format: str = "{label} (planned)"
    joins: tuple[Join, ...] = ()
    equivalents: tuple[frozenset, ...] = ()
    reported: ReportedDates | None = None  # how an undated lede is dated (None: never)
    # what one participant of a contact says to another that day joins the contact
    # (data/labels.yaml said_in_contacts: source = what is said, into = the contacts)
    said_in_contacts: Join | None = None
    # reports (these types) by the outlet a document is, or relays, are its sourcing
    own_source_types: frozenset = frozenset()
    # statements (these types) told with an act of their speaker's side on its day, in the
    # act's article, are its announcement (events/announcements.py)
    announcements: frozenset = frozenset()
    # an undated answer (`source` types, an interception) aimed at the agent of acts its
    # article dates on one day (`into` types, an attack) happened that day (events/answers.py)
    answers: tuple[Join, ...] = ()
    # nouns that stand for a state as a bare subject ('the country informed B-land ...'):
    # a phrase opening on one names the focus side it stands for (events/labels.py)
    state_nouns: frozenset = frozenset()
    # what is said of a dated incident (an account of a crash) is dated after it (AfterIncident)
    after_incident: AfterIncident | None = None
    during_acts: DuringActs | None = None  # how a contact during an act is dated (None: never)
    # countries whose short name takes 'the' (data/world/countries.yaml with_the): a label
    # reads 'China and the Philippines meet', never 'China and Philippines meet'
    names_with_the: frozenset = frozenset()
    alleged_format: str = "{label} (alleged)"  # an act its doer did only in a charge
    # the same when the label does not name the accused ('Pipeline blast (attributed to B)')
    alleged_agent_format: str = "{label} (attributed to {agent})"

    def same_kind(self, a: str, b: str) -> bool:
        """May a chronology row of type a stand for an event of type b?"""
        return a == b or any(a in eq and b in eq for eq in self.equivalents)

    def group_of(self, event_type: str) -> Group:
        for group in self.groups.values():
            if event_type in group.types:
                return group
        return Group(name=event_type, types=(event_type,))

    def templates_for(self, event_type: str) -> tuple[str, ...]:
        return self.templates.get(event_type) or self.templates.get("default") or (
            "{agent} {verb} {target}", "{type_name} by {agent}", "{type_name}")


def _group(path: Path, name: str, spec, seen_types: dict[str, str]) -> Group:
    """One entry of labels.yaml `groups`, validated; records its types in seen_types."""
    where = f"groups.{name}"
    require_keys(path, where, spec, ["types"],
                 ["window_days", "unique_for", "symmetric", "plans_separate",
                  "retold_days", "recurring", "kinds", "told_apart"])
    types = spec["types"]
    if not isinstance(types, list) or not types or not all(isinstance(t, str) for t in types):
        raise DataFileError(path, where, "types must be a non-empty list of event types")
    for t in types:
        if t in seen_types:
            raise DataFileError(path, where, f"type {t!r} is already in group "
                                f"{seen_types[t]!r}")
        seen_types[t] = name
    window, retold = spec.get("window_days", 1), spec.get("retold_days", 7)
    for key, value in (("window_days", window), ("retold_days", retold)):
        if not isinstance(value, int) or value < 0:
            raise DataFileError(path, where, f"{key} must be an integer >= 0, got {value!r}")
    unique = spec.get("unique_for", []) or []
    if not isinstance(unique, list):
        raise DataFileError(path, where, "unique_for must be a list of actor types")
    return Group(name, tuple(types), window, frozenset(unique),
                 bool(spec.get("symmetric", False)), bool(spec.get("plans_separate", False)),
                 retold, bool(spec.get("recurring", False)),
                 _kinds(path, f"{where}.kinds", spec.get("kinds") or {}),
                 bool(spec.get("told_apart", False)))


def _kinds(path: Path, where: str, spec) -> tuple:
    """groups.NAME.kinds: kind -> regular expressions of its trigger words, compiled."""
    if not isinstance(spec, dict):
        raise DataFileError(path, where, "expected a mapping of kind -> list of patterns")
    out = []
    for kind, patterns in spec.items():
        if not isinstance(patterns, list) or not patterns:
            raise DataFileError(path, f"{where}.{kind}", "expected a list of patterns")
        try:
            out.append((str(kind), re.compile("|".join(f"(?:{p})" for p in patterns), re.I)))
        except re.error as err:
            raise DataFileError(path, f"{where}.{kind}", f"bad pattern: {err}") from err
    return tuple(out)


def load_labels(data_dir: Path | str) -> LabelRules:
    """Read data/labels.yaml (groups, templates, planned and alleged formats) with
    validation."""
    path = Path(data_dir) / "labels.yaml"
    doc = load_yaml(path) or {}
    require_keys(path, "top level", doc, ["groups", "templates"],
                 ["planned_format", "alleged_format", "alleged_agent_format", "joins",
                  "chronology_equivalents",
                  "reported_dates", "said_in_contacts", "own_source_types", "announcements",
                  "answers", "state_nouns", "after_incident", "during_acts"])
    groups = {}
    seen_types: dict[str, str] = {}
    for name, spec in (doc["groups"] or {}).items():
        groups[name] = _group(path, name, spec, seen_types)
    templates = {}
    for etype, items in (doc["templates"] or {}).items():
        where = f"templates.{etype}"
        if isinstance(items, str):
            items = [items]
        if not isinstance(items, list) or not items:
            raise DataFileError(path, where, "expected a list of template strings")
        for text in items:
            _check_template(path, where, text)
        templates[etype] = tuple(items)
    planned = doc.get("planned_format", "{label} (planned)")
    alleged = doc.get("alleged_format", "{label} (alleged)")
    alleged_agent = doc.get("alleged_agent_format", "{label} (attributed to {agent})")
    for key, value in (("planned_format", planned), ("alleged_format", alleged),
                       ("alleged_agent_format", alleged_agent)):
        if "{label}" not in str(value):
            raise DataFileError(path, key, "must contain {label}")
    if "{agent}" not in str(alleged_agent):
        raise DataFileError(path, "alleged_agent_format", "must contain {agent}")
    joins = []
    for n, item in enumerate(doc.get("joins") or [], start=1):
        where = f"joins[{n}]"
        require_keys(path, where, item, ["from", "to"], ["telling"])
        joins.append(Join(_type_list(path, f"{where}.from", item["from"]),
                          _type_list(path, f"{where}.to", item["to"]),
                          bool(item.get("telling", False))))
    equivalents = tuple(_type_list(path, f"chronology_equivalents[{n}]", item)
                        for n, item in enumerate(doc.get("chronology_equivalents") or [], 1))
    return LabelRules(groups, templates, str(planned), tuple(joins), equivalents,
                      _reported_dates(path, doc.get("reported_dates")),
                      _said_in_contacts(path, doc.get("said_in_contacts")),
                      _optional_types(path, doc, "own_source_types"),
                      _optional_types(path, doc, "announcements"),
                      _answers(path, doc.get("answers")),
                      _words(path, doc, "state_nouns"),
                      _after_incident(path, doc.get("after_incident")),
                      _during_acts(path, doc.get("during_acts")),
                      names_with_the=_names_with_the(Path(data_dir)),
                      alleged_format=str(alleged),
                      alleged_agent_format=str(alleged_agent))


def _names_with_the(data_dir: Path) -> frozenset:
    """The short names of the world knowledge's countries that take 'the'."""
    if not (data_dir / "world").is_dir():
        return frozenset()
    from trustbrief.knowledge.world import load_world

    return frozenset(c.name for c in load_world(data_dir).countries.values() if c.the)


def _after_incident(path: Path, spec) -> AfterIncident | None:
    if spec is None:
        return None
    require_keys(path, "after_incident", spec, ["types", "max_days"])
    if not isinstance(spec["max_days"], int) or spec["max_days"] < 0:
        raise DataFileError(path, "after_incident.max_days", "must be an integer >= 0")
    return AfterIncident(_type_list(path, "after_incident.types", spec["types"]),
                         spec["max_days"])


def _during_acts(path: Path, spec) -> DuringActs | None:
    if spec is None:
        return None
    require_keys(path, "during_acts", spec, ["contacts", "acts", "cue"])
    return DuringActs(_type_list(path, "during_acts.contacts", spec["contacts"]),
                      _type_list(path, "during_acts.acts", spec["acts"]),
                      compile_pattern(path, "during_acts.cue", str(spec["cue"])))


def _answers(path: Path, spec) -> tuple[Join, ...]:
    if spec is None:
        return ()
    if not isinstance(spec, dict) or not spec:
        raise DataFileError(path, "answers", "expected a mapping: answering type -> answered "
                            "types")
    return tuple(Join(frozenset([source]), _type_list(path, f"answers.{source}", into))
                 for source, into in spec.items())


def _words(path: Path, doc: dict, key: str) -> frozenset:
    value = doc.get(key) or []
    if not isinstance(value, list) or not all(isinstance(w, str) and w.strip() for w in value):
        raise DataFileError(path, key, "expected a list of words")
    return frozenset(w.strip().lower() for w in value)


def _optional_types(path: Path, doc: dict, key: str) -> frozenset:
    return frozenset() if doc.get(key) is None else _type_list(path, key, doc[key])


def _said_in_contacts(path: Path, said) -> Join | None:
    if said is None:
        return None
    require_keys(path, "said_in_contacts", said, ["said", "contacts"])
    return Join(_type_list(path, "said_in_contacts.said", said["said"]),
                _type_list(path, "said_in_contacts.contacts", said["contacts"]))


def _reported_dates(path: Path, spec) -> ReportedDates | None:
    if spec is None:
        return None
    names = ("lede_sentences", "days_before", "max_publication_days")
    require_keys(path, "reported_dates", spec, list(names), ["background"])
    for name in names:
        if not isinstance(spec[name], int) or spec[name] < 0:
            raise DataFileError(path, f"reported_dates.{name}", "must be an integer >= 0")
    cues = spec.get("background") or []
    if not isinstance(cues, list) or not all(isinstance(c, str) and c for c in cues):
        raise DataFileError(path, "reported_dates.background", "must be a list of regexes")
    try:
        background = re.compile("|".join(f"(?:{c})" for c in cues)) if cues else None
    except re.error as exc:
        raise DataFileError(path, "reported_dates.background", f"bad regex: {exc}") from None
    return ReportedDates(*(spec[name] for name in names), background)


def _type_list(path: Path, where: str, value) -> frozenset:
    if not isinstance(value, list) or not value or not all(isinstance(t, str) and t
                                                           for t in value):
        raise DataFileError(path, where, "expected a non-empty list of event types")
    return frozenset(value)


TEMPLATE_FIELDS = {"agent", "agent_side", "target", "target_nonstate", "target_person",
                   "target_role", "target_short_role", "place", "participants",
                   "meeting_parties", "verb", "type_name", "phrase"}
# placeholders that name who or what was acted on (or the whole event: {phrase})
OBJECT_FIELDS = frozenset({"target", "target_nonstate", "target_person", "participants",
                           "meeting_parties", "place", "phrase"})


def _check_template(path: Path, where: str, text) -> None:
    if not isinstance(text, str) or not text.strip():
        raise DataFileError(path, where, f"template {text!r} is not a non-empty string")
    try:
        names = {f for _, f, _, _ in string.Formatter().parse(text) if f is not None}
    except ValueError as exc:
        raise DataFileError(path, where, f"template {text!r}: {exc}") from None
    if re.search(r"\sor\s|/", text):
        raise DataFileError(path, where, f"template {text!r} offers alternatives (' or ', '/'): "
                            "a label states one thing the article says")
    unknown = sorted(names - TEMPLATE_FIELDS)
    if unknown:
        raise DataFileError(path, where, f"template {text!r} uses unknown placeholder(s) "
                            f"{', '.join(unknown)}; known: {', '.join(sorted(TEMPLATE_FIELDS))}")
