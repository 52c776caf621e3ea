"""Events stage: mentions from all documents -> canonical events.

Clustering (never all pairs, O(n log n)):
  1. every usable mention (not from a duplicate document, with an event type and somebody
     taking part) gets a block: its event-type group (data/labels.yaml `groups`) and its key
     participant (the main target - a person first -, else the agent; for symmetric groups
     such as contacts the set of persons taking part). A mention without a target joins the
     block where its agent acts on someone, and a contact naming one person joins that
     person's only pair, when that is unambiguous (else the one nearest in date);
  2. inside a block, dated mentions are sorted by date and swept: a mention whose range starts
     more than `window_days` after the running end starts a new event. Groups with
     `unique_for` (a person is killed once) keep one event per key participant whatever the
     dates, so a wrong date becomes a conflict instead of a second event;
  3. open-dated mentions join the latest event of their block dated on or before their
     document's publication (planned ones: the first not over yet), or form one event if the
     block has no dated mention; agents of different sides split non-symmetric events;
  4. an event needs an asserted or planned mention: negated and hypothetical mentions only
     add evidence to events that exist, and do not count as corroboration.

Per event: best date (explicit > relative > relative-inferred; the range most mentions agree
with, then the one a matching chronology row agrees with, then the narrowest), disagreeing
mentions as date conflicts; the analyst chronology fills dates no article gives (one row, one
event; never a new event); label from templates; corroboration (documents, outlets,
independent origins); the advance notice the other focus side got, for operations; analyst
annotations last. Every step is a pure function of the input frames.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import logging
import re
import string
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from trustbrief import contract
from trustbrief.knowledge import DataFileError, load_yaml, parse_iso_date, require_keys
from trustbrief.tables import cell_text, frame_records, native_list, str_column

log = logging.getLogger("trustbrief")

LABEL_MAX = 70
BASIS_RANK = {"explicit": 0, "relative": 1, "relative-inferred": 2, "chronology": 3}
CREATING = {"asserted", "planned"}
NOTICE_LEVELS = ("minutes", "hours", "days")  # specific accounts, beat 'none'
ANNOTATION_ACTIONS = ("label", "date", "merge", "split")

# Column descriptions of the stage's tables: the contract is their one definition.
SCHEMA = contract.descriptions("events", "conflicts", "overrides")

MENTION_COLUMNS = [
    "mention_id", "event_id", "doc_id", "sent_id", "event_type", "plover", "actors", "agent",
    "agent_side", "targets", "target_sides", "time_id", "date", "date_earliest", "date_latest",
    "date_basis", "time_text", "trigger", "polarity", "text",
]
# the input mentions (extract.SCHEMA) with event_id filled; these columns at least
SCHEMA["mentions"] = {c: f"mention column {c} (event_id filled by the events stage)"
                      for c in MENTION_COLUMNS}


# ---------------------------------------------------------------------------------------------
# Analyst knowledge: grouping/label rules and annotations
# ---------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Group:
    name: str
    types: tuple[str, ...]
    window_days: int = 1
    unique_for: frozenset = frozenset()
    symmetric: bool = False
    plans_separate: bool = False


@dataclass(frozen=True)
class Join:
    """One operation told twice in a sentence: `source` mentions join a `into` mention."""

    source: frozenset
    into: frozenset


@dataclass(frozen=True)
class LabelRules:
    """Event grouping and label templates (data/labels.yaml)."""

    groups: dict[str, Group] = field(default_factory=dict)
    templates: dict[str, tuple[str, ...]] = field(default_factory=dict)
    planned_format: str = "{label} (planned)"
    joins: tuple[Join, ...] = ()
    equivalents: tuple[frozenset, ...] = ()

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
            "{agent} {verb} {target}", "{agent_side} {type_name}", "{type_name}")


def load_labels(data_dir: Path | str) -> LabelRules:
    """Read data/labels.yaml (groups, templates, planned_format) with validation."""
    path = Path(data_dir) / "labels.yaml"
    doc = load_yaml(path) or {}
    require_keys(path, "top level", doc, ["groups", "templates"],
                 ["planned_format", "joins", "chronology_equivalents"])
    groups = {}
    seen_types: dict[str, str] = {}
    for name, spec in (doc["groups"] or {}).items():
        where = f"groups.{name}"
        require_keys(path, where, spec, ["types"],
                     ["window_days", "unique_for", "symmetric", "plans_separate"])
        types = spec["types"]
        if not isinstance(types, list) or not types or not all(isinstance(t, str) for t in types):
            raise DataFileError(path, where, "types must be a non-empty list of event types")
        for t in types:
            if t in seen_types:
                raise DataFileError(path, where, f"type {t!r} is already in group "
                                    f"{seen_types[t]!r}")
            seen_types[t] = name
        window = spec.get("window_days", 1)
        if not isinstance(window, int) or window < 0:
            raise DataFileError(path, where, f"window_days must be an integer >= 0, got {window!r}")
        unique = spec.get("unique_for", []) or []
        if not isinstance(unique, list):
            raise DataFileError(path, where, "unique_for must be a list of actor types")
        groups[name] = Group(name, tuple(types), window, frozenset(unique),
                             bool(spec.get("symmetric", False)),
                             bool(spec.get("plans_separate", False)))
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
    if "{label}" not in str(planned):
        raise DataFileError(path, "planned_format", "must contain {label}")
    joins = []
    for n, item in enumerate(doc.get("joins") or [], start=1):
        where = f"joins[{n}]"
        require_keys(path, where, item, ["from", "to"])
        joins.append(Join(_type_list(path, f"{where}.from", item["from"]),
                          _type_list(path, f"{where}.to", item["to"])))
    equivalents = tuple(_type_list(path, f"chronology_equivalents[{n}]", item)
                        for n, item in enumerate(doc.get("chronology_equivalents") or [], 1))
    return LabelRules(groups, templates, str(planned), tuple(joins), equivalents)


def _type_list(path: Path, where: str, value) -> frozenset:
    if not isinstance(value, list) or not value or not all(isinstance(t, str) and t
                                                           for t in value):
        raise DataFileError(path, where, "expected a non-empty list of event types")
    return frozenset(value)


TEMPLATE_FIELDS = {"agent", "agent_side", "target", "target_role", "target_short_role", "place",
                   "participants", "verb", "type_name"}
OBJECT_FIELDS = {"target", "participants", "place"}  # a label names who or what was acted on


def _check_template(path: Path, where: str, text) -> None:
    if not isinstance(text, str) or not text.strip():
        raise DataFileError(path, where, f"template {text!r} is not a non-empty string")
    try:
        names = {f for _, f, _, _ in string.Formatter().parse(text) if f is not None}
    except ValueError as exc:
        raise DataFileError(path, where, f"template {text!r}: {exc}") from None
    unknown = sorted(names - TEMPLATE_FIELDS)
    if unknown:
        raise DataFileError(path, where, f"template {text!r} uses unknown placeholder(s) "
                            f"{', '.join(unknown)}; known: {', '.join(sorted(TEMPLATE_FIELDS))}")


ANNOTATION_COLUMNS = ["id", "event", "action", "value", "note"]
ANNOTATION_ID = re.compile(r"^[A-Za-z0-9_-]+$")


def load_annotations(data_dir: Path | str) -> pd.DataFrame:
    """Read data/annotations.yaml -> DataFrame[id, event, action, value, note].

    A missing file means no annotations. Values are checked per action (dates parse, labels
    fit, split lists are lists) so a typo fails here with the annotation id and the reason.
    The events stage's other knowledge file, data/labels.yaml, is loaded here too (when it
    exists) and travels in `frame.attrs["labels"]`, so build_events(found, docs, annotations)
    groups and names events as the analyst wrote without a further argument.
    """
    frame = _read_annotations(Path(data_dir) / "annotations.yaml")
    if (Path(data_dir) / "labels.yaml").exists():
        frame.attrs["labels"] = load_labels(data_dir)
    return frame


def _read_annotations(path: Path) -> pd.DataFrame:
    if not path.exists():
        return pd.DataFrame(columns=ANNOTATION_COLUMNS)
    doc = _load_yaml_checked(path) or {}
    require_keys(path, "top level", doc, ["annotations"])
    items = doc["annotations"] or []
    if not isinstance(items, list):
        raise DataFileError(path, "annotations", "expected a list of corrections")
    rows, seen = [], set()
    for n, item in enumerate(items, start=1):
        where = f"annotations[{n}]"
        require_keys(path, where, item, ["id", "event", "action", "value"], ["note"])
        ann_id = str(item["id"])
        where = f"annotation {ann_id!r}"
        if not ANNOTATION_ID.match(ann_id):
            raise DataFileError(path, where, "id may hold only letters, digits, '-' and '_'")
        if ann_id in seen:
            raise DataFileError(path, where, "id is used twice")
        seen.add(ann_id)
        action = str(item["action"])
        if action not in ANNOTATION_ACTIONS:
            raise DataFileError(path, where, f"action {action!r} is not one of "
                                f"{', '.join(ANNOTATION_ACTIONS)}")
        value = _check_annotation_value(path, where, action, item["value"])
        rows.append({"id": ann_id, "event": str(item["event"]).strip(), "action": action,
                     "value": value, "note": str(item.get("note") or "")})
    return pd.DataFrame(rows, columns=ANNOTATION_COLUMNS)


def _load_yaml_checked(path: Path):
    """load_yaml, plus values YAML itself rejects (an impossible unquoted date)."""
    try:
        return load_yaml(path)
    except DataFileError:
        raise
    except ValueError as exc:
        raise DataFileError(path, None, f"invalid value: {exc}") from None


def _check_annotation_value(path: Path, where: str, action: str, value):
    if action == "label":
        text = str(value or "").strip()
        if not text or len(text) > LABEL_MAX:
            raise DataFileError(path, where, f"label must be 1-{LABEL_MAX} characters")
        return text
    if action == "date":
        text = value.isoformat() if isinstance(value, dt.date) else str(value or "").strip()
        first, _, last = text.partition("..")
        lo = parse_iso_date(path, where, first)
        hi = parse_iso_date(path, where, last) if last else lo
        if lo is None or hi is None or hi < lo:
            raise DataFileError(path, where, f"date {text!r} must be YYYY-MM-DD or an ordered "
                                "YYYY-MM-DD..YYYY-MM-DD range")
        return f"{lo.isoformat()}..{hi.isoformat()}"
    if action == "merge":
        text = str(value or "").strip()
        if not text:
            raise DataFileError(path, where, "merge needs the key of the event to merge in")
        return text
    if not isinstance(value, list) or not value:
        raise DataFileError(path, where, "split needs a list of doc ids or mention ids")
    return [str(v) for v in value]


# ---------------------------------------------------------------------------------------------
# Input normalization
# ---------------------------------------------------------------------------------------------

def as_list(value) -> list[str]:
    """A list column may arrive as a Python list or a ';'-joined string."""
    if isinstance(value, str):
        return [v.strip() for v in value.split(";") if v.strip()] if value else []
    if isinstance(value, (list, tuple)):
        return [str(v) for v in value if str(v)]
    if value is None or (isinstance(value, float) and value != value):
        return []
    return [v.strip() for v in str(value).split(";") if v.strip()]





def _ordinal(value) -> int | None:
    text = cell_text(value)
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text[:10]).toordinal()
    except ValueError:
        return None


def _iso(ordinal: int | None) -> str:
    return dt.date.fromordinal(ordinal).isoformat() if ordinal is not None else ""


def _truthy(value) -> bool:
    return str(value).strip().lower() in {"true", "yes", "1"}


def event_type_table(event_types) -> dict[str, dict]:
    """Event-type metadata -> {type: {plover, lane, operation, verb}}.

    Accepts a mapping (type -> dict), a DataFrame with an `event_type` (or `type`/`name`)
    column, or an object with an `event_types` attribute holding either (extract.Lexicons).
    """
    if event_types is None:
        return {}
    if hasattr(event_types, "event_types") and not isinstance(event_types, (Mapping,
                                                                           pd.DataFrame)):
        event_types = event_types.event_types
    rows: dict[str, dict] = {}
    if isinstance(event_types, pd.DataFrame):
        id_col = next((c for c in ("event_type", "type", "name", "id")
                       if c in event_types.columns), None)
        if id_col is None:
            raise ValueError("event_types frame needs an event_type column")
        items = {str(r[id_col]): r for r in event_types.to_dict("records")}
    elif isinstance(event_types, Mapping):
        items = dict(event_types)
    else:
        items = {getattr(e, "name", getattr(e, "id", str(i))): e
                 for i, e in enumerate(event_types)}
    for name, spec in items.items():
        get = spec.get if isinstance(spec, Mapping) else (lambda k, d=None, s=spec:
                                                           getattr(s, k, d))
        rows[str(name)] = {
            "plover": cell_text(get("plover", "")),
            "lane": cell_text(get("lane", "")),
            "operation": _truthy(get("operation", False)),
            "verb": cell_text(get("verb", "") or get("label_verb", "") or get("label", "")),
        }
    return rows


def gazetteer_table(gazetteer) -> dict[str, dict]:
    """Gazetteer -> {canonical name: {side, type, role}}; accepts a frame, mapping or list."""
    if gazetteer is None:
        return {}
    if hasattr(gazetteer, "actors") and not isinstance(gazetteer, (Mapping, pd.DataFrame)):
        gazetteer = gazetteer.actors
    if isinstance(gazetteer, pd.DataFrame):
        records = gazetteer.to_dict("records")
    elif isinstance(gazetteer, Mapping):
        records = [dict(v, name=k) if isinstance(v, Mapping) else
                   {"name": k, **{a: getattr(v, a, "") for a in ("side", "type", "roles",
                                                                     "level")}}
                   for k, v in gazetteer.items()]
    else:
        records = [r if isinstance(r, Mapping) else
                   {a: getattr(r, a, "") for a in ("name", "side", "type", "roles", "level")}
                   for r in gazetteer]
    table = {}
    for r in records:
        name = cell_text(r.get("name") or r.get("canonical") or r.get("actor"))
        if not name:
            continue
        roles = as_list(r.get("roles", r.get("role", "")))
        side, level = cell_text(r.get("side")), cell_text(r.get("level"))
        role = roles[0] if roles else ""
        short = f"{side} {level}" if side and level and cell_text(r.get("type")) == "person" \
            and side not in ("other", "media") else role
        table[name] = {"side": side, "type": cell_text(r.get("type")), "role": role,
                       "short_role": short}
    return table


# ---------------------------------------------------------------------------------------------
# Mention records and blocking
# ---------------------------------------------------------------------------------------------

@dataclass(slots=True)
class Rec:
    """One usable mention, in plain Python for a fast sweep."""

    pos: int
    mention_id: str
    doc_id: str
    sent_id: str
    event_type: str
    group: Group
    agent: str
    agent_side: str
    targets: tuple[str, ...]
    target_sides: tuple[str, ...]
    actors: tuple[str, ...]
    locations: tuple[str, ...]
    lo: int | None
    hi: int | None
    basis: str
    polarity: str
    text: str
    pub_lo: int | None
    pub_hi: int | None
    main: str = ""  # main target, set once by cluster_mentions
    trigger: str = ""
    trigger_start: int = -1
    nearby: frozenset = frozenset()  # every actor named in the mention's sentence


def _records(mentions: pd.DataFrame, documents: pd.DataFrame, rules: LabelRules
             ) -> list[Rec]:
    dup = set(documents.loc[documents["duplicate_of"].map(cell_text) != "", "doc_id"]) \
        if "duplicate_of" in documents else set()
    pub = _publication_ranges(documents)
    # plain column lists + memoized dates: row dicts from pandas are the slow part at 100k rows
    ordinal = _memo(_ordinal)
    groups = _memo(rules.group_of)
    text_columns = ("mention_id", "doc_id", "sent_id", "event_type", "agent", "agent_side",
                    "date", "date_earliest", "date_latest", "date_basis", "polarity", "text",
                    "trigger")
    columns = [str_column(mentions, name) for name in text_columns]
    columns += [_name_tuples(mentions, name)
                for name in ("targets", "target_sides", "actors", "locations")]
    columns.append(_int_column(mentions, "trigger_start"))
    recs = []
    for pos, (mention_id, doc, sent_id, etype, agent, agent_side, date, earliest, latest,
              basis, polarity, text, trigger, targets, target_sides, actors, locations,
              trigger_start) in enumerate(zip(*columns, strict=True)):
        if not etype or doc in dup:
            continue
        basis = basis or "open"
        lo, hi = ordinal(earliest), ordinal(latest)
        lo = lo if lo is not None else ordinal(date)
        hi = hi if hi is not None else lo
        if basis == "open" or lo is None:
            lo = hi = None
            basis = "open"
        pub_lo, pub_hi = pub.get(doc, (None, None))
        recs.append(Rec(
            pos, mention_id, doc, sent_id, etype, groups(etype), agent, agent_side, targets,
            target_sides, actors, locations, lo, hi, basis, polarity or "asserted", text,
            pub_lo, pub_hi, "", trigger, trigger_start))
    return recs


def _publication_ranges(documents: pd.DataFrame) -> dict[str, tuple[int | None, int | None]]:
    """doc_id -> (earliest, latest) publication day as ordinals."""
    names = [c for c in ("published", "published_earliest", "published_latest")
             if c in documents]
    pub = {}
    for d in frame_records(documents, ["doc_id", *names]):
        lo = _ordinal(d.get("published_earliest")) or _ordinal(d.get("published"))
        hi = _ordinal(d.get("published_latest")) or _ordinal(d.get("published"))
        pub[d["doc_id"]] = (lo, hi)
    return pub


def _name_tuples(frame: pd.DataFrame, name: str) -> list[tuple[str, ...]]:
    """tuple(as_list(v)) for each cell. The same lists of names repeat a lot, so each
    distinct one is parsed once."""
    if name not in frame:
        return [()] * len(frame)
    cache: dict = {}
    out = []
    for value in frame[name].tolist():
        key = tuple(value) if type(value) is list else value
        try:
            parsed = cache.get(key)
        except TypeError:  # an unhashable cell: parse it on its own
            key, parsed = None, None
        if parsed is None:
            parsed = tuple(as_list(value))
            if _plain_key(key):
                cache[key] = parsed
        out.append(parsed)
    return out


def _plain_key(key) -> bool:
    """Only str keys are cached: 1 == True == 1.0 as keys, but they print differently."""
    if type(key) is str:
        return True
    return type(key) is tuple and all(type(v) is str for v in key)


def _int_column(frame: pd.DataFrame, name: str) -> list[int]:
    """[_int(cell_text(v)) for v in frame[name]] (-1 when missing or not a number)."""
    if name not in frame:
        return [-1] * len(frame)
    column = frame[name]
    if column.dtype.kind in "iu" and isinstance(column.dtype, np.dtype):
        return column.tolist()  # int(float(str(i))) == i for character offsets
    return [_int(v) for v in str_column(frame, name)]


def _int(value: str) -> int:
    try:
        return int(float(value))
    except ValueError:
        return -1


PLACE_TYPES = ("place", "state")


def apply_joins(recs: list[Rec], rules: LabelRules, kinds: Mapping[str, dict]) -> list[Rec]:
    """One operation told twice in one sentence (data/labels.yaml `joins`): the `from` mention
    takes the `to` mention's group and targets, so both land in one event."""
    if not rules.joins:
        return recs
    by_sent: dict[tuple[str, str], list[Rec]] = defaultdict(list)
    for r in recs:
        by_sent[(r.doc_id, r.sent_id)].append(r)
    for sent in by_sent.values():
        for join in rules.joins:
            hosts = [h for h in sent if h.event_type in join.into and h.targets]
            for r in sent:
                if r.event_type not in join.source:
                    continue
                host = next((h for h in hosts if _joinable(r, h, kinds)), None)
                if host is not None:
                    r.group, r.targets = host.group, host.targets
                    r.target_sides = host.target_sides
    return recs


def _joinable(r: Rec, host: Rec, kinds: Mapping[str, dict]) -> bool:
    if r.agent_side and host.agent_side and r.agent_side != host.agent_side:
        return False
    if r.polarity != host.polarity:
        return False
    def places(rec: Rec) -> set[str]:
        return {t for t in rec.targets if kinds.get(t, {}).get("type") in PLACE_TYPES} | \
            set(rec.locations)
    others = {t for t in r.targets if kinds.get(t, {}).get("type") not in PLACE_TYPES}
    if others - set(host.targets):
        return False
    host_places = places(host)
    return not host_places or not places(r) or bool(places(r) & host_places)


class _Cache(dict):
    """A dict that computes a missing value with `fn` (a hit is a plain C lookup)."""

    def __init__(self, fn):
        super().__init__()
        self.fn = fn

    def __missing__(self, key):
        value = self[key] = self.fn(key)
        return value


def _memo(fn):
    """A per-call cache (dates and types repeat across thousands of mentions)."""
    return _Cache(fn).__getitem__


def _main_target(all_targets: tuple[str, ...], agent: str, kinds: Mapping[str, dict]) -> str:
    """The participant an event is 'about': a person target first, then any non-place one."""
    if not all_targets:
        return ""
    targets = [t for t in all_targets if t != agent]
    for wanted in ("person",):
        for t in targets:
            if kinds.get(t, {}).get("type") == wanted:
                return t
    for t in targets:
        if kinds.get(t, {}).get("type") != "place":
            return t
    return targets[0] if targets else ""


def _participants_key(agent: str, targets: tuple[str, ...], kinds: Mapping[str, dict]) -> str:
    """Block key of a symmetric group (contacts): the persons taking part, else everybody
    named who is not a place."""
    named = {p for p in [agent, *targets] if p and kinds.get(p, {}).get("type") != "place"}
    persons = {p for p in named if kinds.get(p, {}).get("type") == "person"}
    return "+".join(sorted(persons or named))


def _cluster_block(recs: list[Rec], kinds: Mapping[str, dict], key: str) -> list[list[Rec]]:
    """Split one block (same group, same key participant) into events."""
    group = recs[0].group
    dated = sorted((r for r in recs if r.lo is not None), key=lambda r: (r.lo, r.hi, r.pos))
    undated = [r for r in recs if r.lo is None]
    unique = bool(group.unique_for) and kinds.get(key, {}).get("type") in group.unique_for
    segments: list[list[Rec]] = []
    if unique:
        segments = [dated] if dated else []
    else:
        end = None
        for r in dated:
            if end is None or r.lo > end + group.window_days:
                segments.append([])
                end = r.hi
            segments[-1].append(r)
            end = max(end, r.hi)
    if not segments:
        return _split_by_agent(undated, group)
    starts = [min(r.lo for r in seg) for seg in segments]
    ends = [max(r.hi for r in seg) for seg in segments]
    for r in undated:
        segments[_segment_for(r, starts, ends)].append(r)
    return [part for seg in segments for part in _split_by_agent(seg, group)]


def _plans_apart(recs: list[Rec], kinds: Mapping[str, dict], key: str) -> list[list[Rec]]:
    """Contacts: what was planned ('scheduled to speak today') is not what happened. Plans
    form their own events; a dated plan joins an asserted event only when an asserted mention
    is dated within the window (the plan came true). Negated and hypothetical mentions stay
    with what happened."""
    planned = [r for r in recs if r.polarity == "planned"]
    if not planned:
        return _cluster_block(recs, kinds, key)
    rest = [r for r in recs if r.polarity != "planned"]
    done = _cluster_block(rest, kinds, key) if rest else []
    window = recs[0].group.window_days
    out = [list(c) for c in done]
    for plan in _cluster_block(planned, kinds, key):
        days = [r.lo for r in plan if r.lo is not None]
        home = None
        if not days:  # an undated plan came true when an asserted contact follows its article
            pubs = [r.pub_lo for r in plan if r.pub_lo is not None]
            after = [c for c in out if pubs and any(r.polarity == "asserted" and r.lo is not None
                                                     and r.lo >= min(pubs) for r in c)]
            home = min(after, key=lambda c: min(r.lo for r in c if r.lo is not None),
                       default=None)
        if days:
            lo, hi = min(days), max(r.hi for r in plan if r.hi is not None)
            home = next((c for c in out if any(
                r.polarity == "asserted" and r.lo is not None and r.lo <= hi + window
                and r.hi >= lo - window for r in c)), None)
        if home is None:
            out.append(list(plan))
        else:
            home.extend(plan)
    return out


def _segment_for(rec: Rec, starts: list[int], ends: list[int]) -> int:
    """Which dated event of its block an open-dated mention most likely speaks of."""
    if rec.polarity == "planned" and rec.pub_lo is not None:
        # a plan speaks of the first event not over when the article was written
        pending = [k for k, e in enumerate(ends) if e >= rec.pub_lo]
        if pending:
            return min(pending, key=lambda k: (starts[k], k))
    if rec.pub_hi is None:
        return len(starts) - 1
    i = bisect.bisect_right(starts, rec.pub_hi) - 1  # starts are sorted by the sweep
    return max(i, 0)


def _split_by_agent(recs: list[Rec], group: Group) -> list[list[Rec]]:
    """Different agent sides are different events; agentless mentions join the largest."""
    if not recs:
        return []
    sides = Counter(r.agent_side for r in recs if r.agent_side)
    if group.symmetric or group.unique_for or len(sides) <= 1:
        return [recs]
    order = sorted(sides, key=lambda s: (-sides[s], s))
    parts = {s: [r for r in recs if r.agent_side == s] for s in order}
    parts[order[0]].extend(r for r in recs if not r.agent_side)
    return [parts[s] for s in order]


def _attach_targetless(blocks: dict[tuple[str, str], list[Rec]], kinds: Mapping[str, dict]
                       ) -> dict[tuple[str, str], list[Rec]]:
    """'Iran's missile attack' (no target) joins the block where Iran attacks someone, and
    'Gallant's visit' (one participant) the block of Gallant's contacts with someone, when
    that block is unambiguous (one candidate, or the one nearest in date)."""
    acting: dict[tuple[str, str], set[tuple[str, str]]] = defaultdict(set)
    dates: dict[tuple[str, str], list[int]] = defaultdict(list)
    for bkey, recs in blocks.items():
        if recs[0].group.symmetric and "+" in bkey[1]:
            if any(r.polarity in CREATING for r in recs):
                for person in bkey[1].split("+"):
                    acting[(bkey[0], person)].add(bkey)
        for r in recs:
            if not r.group.symmetric and r.agent and r.polarity in CREATING and r.main:
                acting[(r.group.name, r.agent)].add(bkey)
            if r.lo is not None:
                dates[bkey].append(r.lo)
    for days in dates.values():
        days.sort()
    out: dict[tuple[str, str], list[Rec]] = defaultdict(list)
    partners: dict = {}
    for bkey in sorted(blocks):
        for r in blocks[bkey]:
            out[_target_block(r, bkey, acting, dates, kinds, partners)].append(r)
    return out


def _target_block(r: Rec, bkey, acting, dates, kinds, partners: dict | None = None
                  ) -> tuple[str, str]:
    """partners: a cache of the best pairs per (block, actors named around the mention)."""
    if r.group.symmetric:
        if not bkey[1] or "+" in bkey[1]:
            return bkey
        named = _named_around(r, bkey[1], kinds)
        memo = (bkey, frozenset(named[1]))  # all the scores depend on
        candidates = partners.get(memo) if partners is not None else None
        if candidates is None:
            candidates = _best_pairs(r, bkey, acting, kinds, named)
            if partners is not None:
                partners[memo] = candidates
    elif not r.agent or r.main:
        return bkey
    else:
        candidates = sorted(acting.get((r.group.name, r.agent), set()) - {bkey})
    if len(candidates) == 1:
        return candidates[0]
    if not candidates or r.lo is None:
        return bkey
    near = [(_distance(dates.get(c, []), r.lo), c) for c in candidates]
    return min(near)[1] if min(near)[0] < 10**7 else bkey


def _best_pairs(r: Rec, bkey, acting, kinds, named) -> list[tuple[str, str]]:
    """The blocks of pairs the one-participant mention fits best (closest pair first)."""
    pairs = sorted(acting.get((r.group.name, bkey[1]), set()) - {bkey})
    scores = {c: _partner_score(r, bkey[1], c[1].split("+"), kinds, named) for c in pairs}
    best = max(scores.values(), default=0)
    candidates = [c for c in pairs if best > 0 and scores[c] == best]
    smallest = min((c[1].count("+") for c in candidates), default=0)
    return [c for c in candidates if c[1].count("+") == smallest]  # the closest pair


def _named_around(r: Rec, person: str, kinds: Mapping[str, dict]
                  ) -> tuple[str, set[str], set[str]]:
    """(person's side, actors the mention's sentence names, their other sides): the same for
    every candidate pair, so computed once per mention."""
    own = kinds.get(person, {}).get("side", "")
    named = set(r.nearby) | set(r.targets) | set(r.locations)
    sides = {kinds.get(a, {}).get("side", "") for a in named if a != person} - {"", own}
    return own, named, sides


def _partner_score(r: Rec, person: str, pair: list[str], kinds: Mapping[str, dict],
                   named_around: tuple[str, set[str], set[str]] | None = None) -> float:
    """How well a one-participant contact mention points at the other members of a pair.

    'Gallant is to meet US officials' may be his contact with his US counterpart; 'Netanyahu
    held a meeting with senior ministers' is no contact with a foreign leader: a partner of
    another side counts only when the sentence names him or his side; a partner of the same
    side, unnamed, counts half (a domestic pair is likely but unproven). Returns the mean."""
    own, named, sides = named_around or _named_around(r, person, kinds)
    partners = [p for p in pair if p != person]

    def hit(partner: str) -> float:
        side = kinds.get(partner, {}).get("side", "")
        return 1.0 if partner in named or side in sides else 0.5 if side == own else 0.0
    return sum(hit(p) for p in partners) / len(partners) if partners else 0.0


def _distance(sorted_days: list[int], day: int) -> int:
    """Days from `day` to the nearest of sorted_days (bisect, not a scan)."""
    i = bisect.bisect_left(sorted_days, day)
    near = [abs(sorted_days[k] - day) for k in (i - 1, i) if 0 <= k < len(sorted_days)]
    return min(near, default=10**7)


def cluster_mentions(recs: list[Rec], kinds: Mapping[str, dict]
                     ) -> tuple[list[list[Rec]], list[str]]:
    """Block by (group, key participant), sweep by date; keep clusters with a real mention.

    Returns the clusters and, for each, its block's key participant."""
    blocks: dict[tuple[str, str], list[Rec]] = defaultdict(list)
    # the same (targets, agent) pairs come back thousands of times: each is worked out once
    main_target = _memo(lambda who: _main_target(*who, kinds))
    participants_key = _memo(lambda who: _participants_key(*who, kinds))
    for r in recs:
        r.main = main_target((r.targets, r.agent))
        key = participants_key((r.agent, r.targets)) if r.group.symmetric else \
            (r.main or r.agent)
        if not key:
            continue  # nobody takes part: too vague to be (or join) an event
        blocks[(r.group.name, key)].append(r)
    blocks = _attach_targetless(blocks, kinds)
    clusters, participants = [], []
    for block_key in sorted(blocks):
        block = blocks[block_key]
        split = _plans_apart if block[0].group.plans_separate else _cluster_block
        for cluster in split(block, kinds, block_key[1]):
            if any(r.polarity in CREATING for r in cluster):
                clusters.append(cluster)
                participants.append(block_key[1])
    return clusters, participants


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _cluster_keys(clusters: list[list[Rec]], participants: list[str]) -> list[str]:
    """group:participant keys; a block with several events numbers them by date (#2, #3)."""
    base = [f"{c[0].group.name}:{_slug(p) or 'unspecified'}"
            for c, p in zip(clusters, participants, strict=True)]
    order = sorted(range(len(clusters)), key=lambda i: (
        base[i], min((r.lo for r in clusters[i] if r.lo is not None), default=10**7),
        min(r.pos for r in clusters[i])))
    keys, seen = [""] * len(clusters), Counter()
    for i in order:
        seen[base[i]] += 1
        keys[i] = base[i] if seen[base[i]] == 1 else f"{base[i]}#{seen[base[i]]}"
    return keys


# ---------------------------------------------------------------------------------------------
# Per-event facts
# ---------------------------------------------------------------------------------------------

@dataclass
class Context:
    """Lookups shared by all events, built once."""

    types: dict[str, dict]
    kinds: dict[str, dict]
    rules: LabelRules
    focus: tuple[str, str]
    outlet_of: dict[str, str]
    claims_by_sent: dict[tuple[str, str], Counter]
    claims_by_doc: dict[str, Counter]
    signals_by_sent: dict[tuple[str, str], list[dict]]
    actors_by_sent: dict[tuple[str, str], set[str]] = field(default_factory=dict)
    chronology: list[dict] = field(default_factory=list)
    document_origins: dict[str, str] = field(default_factory=dict)  # filled by _origin_of


def _context(found, documents, event_types, gazetteer, rules, focus) -> Context:
    outlet_of, by_sent, by_doc = _origin_lookups(found, documents)
    if gazetteer is None and event_types is not None and not isinstance(
            event_types, (Mapping, pd.DataFrame)):
        gazetteer = getattr(event_types, "gazetteer", None) or getattr(event_types, "actors",
                                                                        None)
    return Context(event_type_table(event_types), gazetteer_table(gazetteer), rules,
                   tuple(focus), outlet_of, by_sent, by_doc, _signals_by_sentence(found),
                   _actors_by_sentence(found))


def _columns(frame: pd.DataFrame, names: Iterable[str]) -> Iterable[tuple]:
    """Rows of `names` as tuples, with the values frame_records would give."""
    return zip(*(native_list(frame[name]) for name in names), strict=True)


def _origin_lookups(found, documents) -> tuple[dict[str, str], dict[tuple[str, str], Counter],
                                               dict[str, Counter]]:
    """(outlet of each document, outlets cited per sentence, outlets cited per document)."""
    outlet_of = {d["doc_id"]: _known_outlet(d.get("outlet")) for d in frame_records(
        documents, [c for c in ("doc_id", "outlet") if c in documents])}
    by_sent: dict[tuple[str, str], Counter] = defaultdict(Counter)
    by_doc: dict[str, Counter] = defaultdict(Counter)
    if "cited_outlets" in documents:
        # corpus lists the outlets a document cites as its source, in order of appearance
        for doc_id, cited in _columns(documents, ["doc_id", "cited_outlets"]):
            for rank, outlet in enumerate(as_list(cited)):
                by_doc[doc_id][outlet] += 0.5 / (rank + 1)
    claims = found.get("claims")
    if claims is not None and len(claims) and "cited_outlet" in claims:
        for doc_id, sent_id, cited in _columns(claims, ["doc_id", "sent_id", "cited_outlet"]):
            outlet = cell_text(cited)
            if outlet:
                by_sent[(doc_id, sent_id)][outlet] += 1
                by_doc[doc_id][outlet] += 1
    return outlet_of, by_sent, by_doc


# the trust-signal fields the events stage reads (notice, direction of the surprise)
SIGNAL_FIELDS = ("doc_id", "sent_id", "direction", "negated", "notice", "category", "text")


def _signals_by_sentence(found) -> dict[tuple[str, str], list[dict]]:
    signals: dict[tuple[str, str], list[dict]] = defaultdict(list)
    ts = found.get("trust_signals")
    if ts is not None and len(ts):
        for s in frame_records(ts, [c for c in SIGNAL_FIELDS if c in ts]):
            signals[(s["doc_id"], s["sent_id"])].append(s)
    return signals


def _actors_by_sentence(found) -> dict[tuple[str, str], set[str]]:
    actors_by_sent: dict[tuple[str, str], set[str]] = defaultdict(set)
    am = found.get("actor_mentions")
    if am is not None and len(am) and "actor" in am:
        for doc_id, sent_id, actor in _columns(am, ["doc_id", "sent_id", "actor"]):
            named = actor if type(actor) is str else cell_text(actor)  # the rare non-str
            if named:
                actors_by_sent[(doc_id, sent_id)].add(actor)
    return dict(actors_by_sent)


def _known_outlet(value) -> str:
    """corpus writes 'unknown' for an outlet it could not tell; that is no outlet."""
    text = cell_text(value).strip()
    return "" if text.lower() in ("", "unknown") else text


def _ranked(values: Iterable[str]) -> list[str]:
    """Distinct non-empty values, most frequent first, then alphabetical."""
    counts = Counter(values)  # counted in C
    for empty in [v for v in counts if not v]:
        del counts[empty]
    if len(counts) <= 1:
        return list(counts)
    return sorted(counts, key=lambda v: (-counts[v], v))


def best_date(recs: list[Rec], known: Iterable[tuple[int, int]] = ()
              ) -> tuple[int | None, int | None, str, list[Rec]]:
    """(earliest, latest, basis, mentions disagreeing) from the mentions' date ranges.

    Only the most reliable basis present votes; among its distinct ranges the one overlapping
    the most mentions wins, then one agreeing with a matching chronology row (`known`), then
    the narrowest, then the earliest. Counting overlaps uses two sorted lists and bisect, so
    an event with k mentions costs O(k log k).
    """
    known = list(known)
    dated = [r for r in recs if r.lo is not None]
    if not dated:
        return None, None, "open", []
    tier = min(BASIS_RANK.get(r.basis, 9) for r in dated)
    voters = [r for r in dated if BASIS_RANK.get(r.basis, 9) == tier]
    los = sorted(r.lo for r in voters)
    his = sorted(r.hi for r in voters)

    def support(lo: int, hi: int) -> int:
        return bisect.bisect_right(los, hi) - bisect.bisect_left(his, lo)

    ranges = sorted({(r.lo, r.hi) for r in voters})
    def unknown_to_chronology(lo: int, hi: int) -> bool:
        return not any(k_lo <= hi and lo <= k_hi for k_lo, k_hi in known)

    lo, hi = min(ranges, key=lambda x: (-support(*x), unknown_to_chronology(*x),
                                        x[1] - x[0], x))
    basis = min((r.basis for r in voters), key=lambda b: BASIS_RANK.get(b, 9))
    disagree = [r for r in dated if r.hi < lo or r.lo > hi]
    return lo, hi, basis, disagree


def precision_of(lo: int | None, hi: int | None) -> str:
    if lo is None:
        return "unknown"
    if lo == hi:
        return "day"
    first, last = dt.date.fromordinal(lo), dt.date.fromordinal(hi)
    if first.day == 1 and (last + dt.timedelta(days=1)).day == 1 and first.month == last.month:
        return "month"
    return "week" if hi - lo == 6 else "range"


def _origin_of(doc_id: str, sents: set[str], ctx: Context) -> str:
    """The origin of a document's account: the outlet its relevant sentences (or, failing
    that, the whole document) cite most; a document citing nothing is its own origin."""
    found = [c for c in (ctx.claims_by_sent.get((doc_id, s)) for s in sents) if c]
    if not found:
        return _document_origin(doc_id, ctx)
    if len(found) == 1:
        return _most_cited(found[0])  # one citing sentence (the usual case): no sum to build
    cited: Counter = Counter()
    for counts in found:
        cited.update(counts)
    return _most_cited(cited)


def _most_cited(cited: Mapping[str, float]) -> str:
    return min(cited, key=lambda o: (-cited[o], o))


def _document_origin(doc_id: str, ctx: Context) -> str:
    """The origin of a whole document; every event the document mentions asks for it, so it
    is worked out once per document."""
    origin = ctx.document_origins.get(doc_id)
    if origin is None:
        cited = ctx.claims_by_doc.get(doc_id)
        origin = _most_cited(cited) if cited else (ctx.outlet_of.get(doc_id) or doc_id)
        ctx.document_origins[doc_id] = origin
    return origin


def corroboration(recs: list[Rec], ctx: Context) -> dict:
    sents_by_doc: dict[str, set[str]] = defaultdict(set)
    for r in recs:
        sents_by_doc[r.doc_id].add(r.sent_id)
    docs = sorted(sents_by_doc)
    outlets = sorted({ctx.outlet_of.get(d, "") for d in docs} - {""})
    unknown = sum(1 for d in docs if not ctx.outlet_of.get(d))
    origins = sorted({_origin_of(d, sents_by_doc[d], ctx) for d in docs})
    return {"doc_ids": docs, "n_documents": len(docs), "outlets": outlets,
            "n_outlets": len(outlets) + unknown, "origins": origins, "n_origins": len(origins)}


def _side_from_signals(recs: list[Rec], ctx: Context) -> str:
    """Whose operation it was when no mention names the agent: a trust signal 'US->Israel'
    ('the US was caught off guard by ...') in a sentence about it points at Israel."""
    a, b = ctx.focus
    subjects = []
    for key in sorted({(r.doc_id, r.sent_id) for r in recs}):
        for sig in ctx.signals_by_sent.get(key, []):
            left, right, mutual = direction_sides(sig.get("direction"))
            if not mutual and right in (a, b) and left in ("", "?", a, b) and left != right \
                    and _notice_of_signal(sig):
                subjects.append(right)
    return next(iter(_ranked(subjects)), "")


def direction_sides(direction) -> tuple[str, str, bool]:
    """'US->Israel' -> ('US', 'Israel', False); 'Israel<->US' -> ('Israel', 'US', True);
    '?' marks a side extract could not tell."""
    text = cell_text(direction).replace(" ", "")
    if "<->" in text:
        left, _, right = text.partition("<->")
        return left, right, True
    left, _, right = text.partition("->")
    return left, right, False


def _notice_of_signal(sig: dict) -> str:
    if _truthy(sig.get("negated")):
        return ""
    level = cell_text(sig.get("notice"))
    if level:
        return level
    return "none" if cell_text(sig.get("category")) == "surprise" else ""


def notice(recs: list[Rec], agent_side: str, operation: bool, ctx: Context
           ) -> tuple[str, str, dict[str, list[tuple[str, str]]]]:
    """(level, side notified, accounts level -> [(doc_id, text)]) for an operation.

    Only operations by one focus side against a third party get a level; the most specific
    account wins (minutes/hours/days over a vague 'caught off guard' = none), ties go to the
    account more documents give, then the shorter notice.
    """
    a, b = ctx.focus
    if not operation or agent_side not in (a, b):
        return "n/a", "", {}
    other = b if agent_side == a else a
    target_sides = {s for r in recs for s in r.target_sides if s}
    if target_sides and target_sides <= {a, b}:
        return "n/a", "", {}
    accounts: dict[str, list[tuple[str, str]]] = defaultdict(list)
    seen = set()
    for r in recs:
        if (r.doc_id, r.sent_id) in seen:
            continue
        seen.add((r.doc_id, r.sent_id))
        for sig in ctx.signals_by_sent.get((r.doc_id, r.sent_id), []):
            left, right, mutual = direction_sides(sig.get("direction"))
            if mutual and other not in (left, right):
                continue
            if not mutual and left not in ("", "?", other):
                continue  # someone else's surprise, or the other side's own complaint
            level = _notice_of_signal(sig)
            if level:
                accounts[level].append((r.doc_id, cell_text(sig.get("text")) or r.text))
    if not accounts:
        return "unknown", other, {}
    specific = [lv for lv in NOTICE_LEVELS if lv in accounts]
    pool = specific or sorted(accounts)
    level = min(pool, key=lambda lv: (-len({d for d, _ in accounts[lv]}),
                                      NOTICE_LEVELS.index(lv) if lv in NOTICE_LEVELS else 9))
    return level, other, dict(accounts)


def _choose_type(recs: list[Rec]) -> str:
    creating = [r for r in recs if r.polarity in CREATING] or recs
    types = recs[0].group.types
    present = {r.event_type for r in creating}
    ranked = [t for t in types if t in present]
    return ranked[0] if ranked else _ranked(r.event_type for r in creating)[0]


@functools.lru_cache(maxsize=1024)
def _placeholders(template: str) -> tuple[str, ...]:
    return tuple(f for _, f, _, _ in string.Formatter().parse(template) if f)


def make_label(fields: dict, event_type: str, ctx: Context, planned: bool) -> str:
    """First template whose placeholders are all known and which fits in 70 characters;
    if none fits, the first usable one cut at a word boundary with an ellipsis."""
    filled = []
    for template in ctx.rules.templates_for(event_type):
        names = _placeholders(template)
        if not all(fields.get(n) for n in names):
            continue
        if fields.get("excerpt") and not OBJECT_FIELDS & set(names) and \
                {"verb", "type_name"} & set(names):
            break  # 'X urges' says nothing: '<agent> <verb> (<the clause>)' says more
        label = re.sub(r"\s+", " ", template.format(**{n: fields[n] for n in names})).strip()
        label = label[:1].upper() + label[1:]
        if planned:
            label = ctx.rules.planned_format.format(label=label)
        if len(label) <= LABEL_MAX:
            return label
        filled.append(label)
    if not filled and fields.get("excerpt"):
        head = fields.get("agent") or fields.get("agent_side") or ""
        verb = fields.get("verb") or fields.get("type_name") or event_type
        label = f"{head} {verb}".strip()
        label = label[:1].upper() + label[1:]
        room = LABEL_MAX - len(label) - 3 - (len(ctx.rules.planned_format) - 7 if planned else 0)
        excerpt = _cut(fields["excerpt"], room)
        if excerpt:
            label = f"{label} ({excerpt})"
        filled = [ctx.rules.planned_format.format(label=label) if planned else label]
    if not filled:
        fallback = fields.get("type_name") or event_type
        filled = [fallback[:1].upper() + fallback[1:]]
    best = filled[0]
    if len(best) <= LABEL_MAX:
        return best
    cut = best[:LABEL_MAX - 1].rsplit(" ", 1)[0].rstrip(" ,;:-")
    return cut + "…"


def _cut(text: str, room: int) -> str:
    if len(text) <= room:
        return text
    return text[:max(room - 1, 0)].rsplit(" ", 1)[0].rstrip(" ,;:-") + "…" if room > 8 else ""


CLAUSE_BREAK = re.compile(r"[,;:()\[\]\"“”—–]|\s-\s")


def trigger_excerpt(rec: Rec, before: int = 3, after: int = 3) -> str:
    """A few words around the trigger, inside its clause: 'avoid American objections'."""
    start = rec.trigger_start
    if start < 0 or not rec.trigger:
        return ""
    end = start + len(rec.trigger)
    left = CLAUSE_BREAK.split(rec.text[:start])[-1].split()[-before:]
    right = CLAUSE_BREAK.split(rec.text[end:])[0].split()[:after]
    return " ".join([*left, rec.text[start:end], *right]).strip(" .")


def _label_fields(recs: list[Rec], event_type: str, agent: str, agent_side: str,
                  targets: list[str], ctx: Context, evidence: Rec | None = None) -> dict:
    target = next((t for t in targets if ctx.kinds.get(t, {}).get("type") == "person"),
                  next((t for t in targets if ctx.kinds.get(t, {}).get("type") != "place"), ""))
    places = [a for a in _ranked(p for r in recs for p in r.locations) if a != target] or \
        [a for a in _ranked(p for r in recs for p in [*r.actors, *r.targets])
         if ctx.kinds.get(a, {}).get("type") == "place" and a != target]
    people = _ranked(p for r in recs for p in [r.agent, *r.targets]
                     if p and ctx.kinds.get(p, {}).get("type") != "place")
    return {
        "agent": agent, "agent_side": agent_side, "target": target,
        "target_role": ctx.kinds.get(target, {}).get("role", ""),
        "target_short_role": ctx.kinds.get(target, {}).get("short_role", "")
        or ctx.kinds.get(target, {}).get("role", ""),
        "excerpt": trigger_excerpt(evidence or _evidence(recs)),
        "place": places[0] if places else "",
        "participants": " and ".join(sorted(people[:2])) if len(people) >= 2 else "",
        "verb": ctx.types.get(event_type, {}).get("verb", ""),
        "type_name": event_type.replace("_", " "),
    }


def _evidence(recs: list[Rec]) -> Rec:
    return min(recs, key=lambda r: (r.polarity not in CREATING, r.polarity != "asserted",
                                    BASIS_RANK.get(r.basis, 9), r.doc_id, r.sent_id, r.pos))


def summarize(recs: list[Rec], key: str, ctx: Context, known: Iterable[tuple[int, int]] = ()
              ) -> tuple[dict, list[dict]]:
    """One event row plus its conflict rows (event_id filled later); `known` are the date
    ranges of matching chronology rows (a tie-breaker between article dates)."""
    event_type = _choose_type(recs)
    meta = ctx.types.get(event_type, {})
    creating = [r for r in recs if r.polarity in CREATING] or recs
    # full clauses (agent and target) say best who did what to whom
    agent = next(iter(_ranked(r.agent for r in creating if r.targets)), "") or \
        next(iter(_ranked(r.agent for r in creating)), "")
    agent_side = next(iter(_ranked(r.agent_side for r in creating)), "") or \
        ctx.kinds.get(agent, {}).get("side", "") or \
        (_side_from_signals(recs, ctx) if meta.get("operation") else "")
    targets = [t for t in _ranked(t for r in creating for t in r.targets) if t != agent]
    actors = _ranked(a for r in recs for a in [*r.actors, r.agent, *r.targets])
    planned = all(r.polarity != "asserted" for r in creating)
    # what happened is dated by what is said to have happened, never by a plan or a 'would'
    daters = [r for r in recs if r.polarity == ("planned" if planned else "asserted")]
    lo, hi, basis, disagree = best_date(daters, known)
    corr = corroboration(creating, ctx)
    level, notified, accounts = notice(recs, agent_side, meta.get("operation", False), ctx)
    ev = _evidence(recs)
    fields = _label_fields(recs, event_type, agent, agent_side, targets, ctx, ev)
    row = {
        "event_id": "", "date": _iso(lo), "date_earliest": _iso(lo), "date_latest": _iso(hi),
        "date_precision": precision_of(lo, hi), "event_type": event_type,
        "plover": meta.get("plover", ""), "actors": actors,
        "label": make_label(fields, event_type, ctx, planned),
        "n_documents": corr["n_documents"], "n_outlets": corr["n_outlets"],
        "n_origins": corr["n_origins"], "doc_ids": corr["doc_ids"], "us_notice": level,
        "evidence": ev.text, "lane": meta.get("lane", ""),
        "operation": bool(meta.get("operation", False)), "origins": corr["origins"],
        "outlets": corr["outlets"], "date_basis": basis,
        "date_conflict": sorted({f"{_range_text(r.lo, r.hi)} ({r.doc_id})" for r in disagree}),
        "key": key, "label_source": "template", "status": "planned" if planned else "asserted",
        "agent": agent, "agent_side": agent_side, "targets": targets, "notice_to": notified,
        "named_targets": [t for t in targets if ctx.kinds.get(t, {}).get("type") != "place"],
        "notice_accounts": [f"{lv}: {';'.join(sorted({d for d, _ in accounts[lv]}))}"
                            for lv in sorted(accounts)],
        "chronology_key": "", "date_source": "", "n_mentions": len(recs),
        "mention_ids": sorted(r.mention_id for r in recs), "evidence_sent_id": ev.sent_id,
    }
    conflicts = _date_conflicts(lo, hi, disagree, recs, ctx) + \
        _notice_conflicts(level, accounts, ctx)
    return row, conflicts


def _range_text(lo: int | None, hi: int | None) -> str:
    if lo is None:
        return ""
    return _iso(lo) if lo == hi else f"{_iso(lo)}..{_iso(hi)}"


def _conflict_row(fact: str, account: str, value: str, items: list[tuple[str, str]],
                  ctx: Context) -> dict:
    docs = sorted({d for d, _ in items})
    return {"fact": fact, "event_id": "", "account": account, "value": value, "doc_ids": docs,
            "outlets": sorted({ctx.outlet_of.get(d, "") for d in docs} - {""}),
            "evidence": min(items)[1] if items else ""}


def _date_conflicts(lo, hi, disagree: list[Rec], recs: list[Rec], ctx: Context) -> list[dict]:
    if not disagree:
        return []
    agree = [(r.doc_id, r.text) for r in recs
             if r.lo is not None and not (r.hi < lo or r.lo > hi)]
    rows = [_conflict_row("date", "accepted", _range_text(lo, hi), agree, ctx)]
    by_value: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for r in disagree:
        by_value[_range_text(r.lo, r.hi)].append((r.doc_id, r.text))
    rows += [_conflict_row("date", "disagrees", v, items, ctx)
             for v, items in sorted(by_value.items())]
    return rows


def _notice_conflicts(level: str, accounts: dict, ctx: Context) -> list[dict]:
    if len(accounts) < 2:
        return []
    return [_conflict_row("notice", "accepted" if lv == level else "disagrees", lv,
                          accounts[lv], ctx) for lv in sorted(accounts)]


# ---------------------------------------------------------------------------------------------
# Chronology (optional): fills open dates, never adds events
# ---------------------------------------------------------------------------------------------

def _chronology_rows(chronology, rules: LabelRules) -> list[dict]:
    """dating.load_chronology rows, with the matching rules of dating: the event type (here its
    group), ANY shared actor when actors are listed, and the keywords regex on the text."""
    if chronology is None or len(chronology) == 0:
        return []
    rows = []
    for c in chronology.to_dict("records"):
        lo = _ordinal(c.get("date"))
        if lo is None:
            continue
        hi = _ordinal(c.get("date_latest")) or lo
        etype = cell_text(c.get("event_type"))
        keywords = cell_text(c.get("keywords"))
        rows.append({
            "key": cell_text(c.get("key")), "lo": lo, "hi": max(hi, lo),
            "group": rules.group_of(etype).name if etype else "", "event_type": etype,
            "actors": set(as_list(c.get("actors"))), "source": cell_text(c.get("source")),
            "pattern": re.compile(keywords, re.IGNORECASE) if keywords else None,
        })
    return rows


def _chronology_match(recs: list[Rec], ctx: Context) -> tuple[int, list[dict]]:
    """(score, chronology rows this event matches, best first).

    Stricter than dating: the row's type must be the event's own type (or one the labels file
    calls equivalent: a phone call row never dates a meeting), the row's actors must all be
    the event's own participants, or at least two of them (both sides of a call), and the
    keywords regex must match a mention's sentence.
    """
    if not ctx.chronology:
        return 0, []
    etype = _choose_type(recs)
    key_people = {t for r in recs for t in r.targets} | \
        ({r.agent for r in recs} if recs[0].group.symmetric else set())
    own = key_people | {a for r in recs for a in [*r.actors, r.agent] if a}
    texts = [r.text for r in recs]
    scored = []
    for c in ctx.chronology:
        if c["event_type"] and not ctx.rules.same_kind(c["event_type"], etype):
            continue
        shared = c["actors"] & own
        if c["actors"] and shared != c["actors"] and len(shared) < 2:
            continue
        if c["pattern"] is not None and not any(c["pattern"].search(t) for t in texts):
            continue
        scored.append((2 * len(c["actors"] & key_people) + len(c["actors"] & own) + 1, c))
    if not scored:
        return 0, []
    top = max(s for s, _ in scored)
    return top, [c for s, c in scored if s == top]


def fill_from_chronology(rows: list[dict], clusters: list[list[Rec]],
                         matches: list[tuple[int, list[dict]]]) -> None:
    """Fill open dates (in place, on the new rows) from matching chronology rows.

    A row describes one event: when several open events claim it, the best match (score,
    then mentions) gets it. Dated events only record the row they agree with.
    """
    claims: dict[str, list[tuple[tuple, int, dict]]] = defaultdict(list)
    for i, (row, recs, (score, found)) in enumerate(zip(rows, clusters, matches, strict=True)):
        if not found:
            continue
        if row["date"]:
            lo, hi = _ordinal(row["date_earliest"]), _ordinal(row["date_latest"])
            near = [c for c in found if not (c["hi"] < lo - 1 or c["lo"] > hi + 1)]
            if near:
                row["chronology_key"] = near[0]["key"]
            continue
        chosen = _closest_row(found, recs, row["status"] == "planned")
        if chosen is None:
            continue
        rank = (-score, -sum(r.polarity in CREATING for r in recs), row["key"])
        claims[chosen["key"]].append((rank, i, chosen))
    for key in sorted(claims):
        _, i, chosen = min(claims[key], key=lambda c: c[0])
        rows[i].update(date=_iso(chosen["lo"]), date_earliest=_iso(chosen["lo"]),
                       date_latest=_iso(chosen["hi"]),
                       date_precision=precision_of(chosen["lo"], chosen["hi"]),
                       date_basis="chronology", chronology_key=chosen["key"],
                       date_source=chosen["source"])


def _closest_row(matches: list[dict], recs: list[Rec], planned: bool) -> dict | None:
    """Several rows can match (two calls between the same leaders): a past event is the
    latest row on or before its first article (an article cannot report as done what happened
    after it was written: no row then); a planned one the first row on or after it."""
    pubs = [r.pub_hi for r in recs if r.pub_hi is not None and r.polarity == "asserted"] \
        or [r.pub_lo for r in recs if r.pub_lo is not None]
    first = min(pubs) if pubs else None
    ordered = sorted(matches, key=lambda c: (c["lo"], c["key"]))
    if first is None:
        return ordered[-1]
    if planned:
        ahead = [c for c in ordered if c["hi"] >= first]
        return ahead[0] if ahead else ordered[-1]
    before = [c for c in ordered if c["lo"] <= first]
    return before[-1] if before else None


# ---------------------------------------------------------------------------------------------
# Annotations
# ---------------------------------------------------------------------------------------------

def _override(ann: dict, event_id: str, old, new, applied: bool, why: str) -> dict:
    return {"annotation": ann["id"], "event_id": event_id, "field": ann["action"],
            "old": cell_text(old), "new": cell_text(new), "note": ann.get("note", ""),
            "applied": "yes" if applied else "no", "why": why}


def apply_structural(clusters: list[list[Rec]], keys: list[str], annotations: list[dict]
                     ) -> tuple[list[list[Rec]], list[str], list[dict]]:
    """merge and split annotations, by key, before events are summarized."""
    clusters, keys = [list(c) for c in clusters], list(keys)
    log_rows = []
    for ann in annotations:
        if ann["action"] not in ("merge", "split"):
            continue
        if ann["event"] not in keys:
            log_rows.append(_override(ann, "", ann["event"], ann["value"], False,
                                      f"no event has key {ann['event']!r}"))
            continue
        i = keys.index(ann["event"])
        if ann["action"] == "merge":
            if ann["value"] not in keys or ann["value"] == ann["event"]:
                log_rows.append(_override(ann, "", ann["value"], ann["event"], False,
                                          f"no other event has key {ann['value']!r}"))
                continue
            j = keys.index(ann["value"])
            clusters[i].extend(clusters[j])
            log_rows.append(_override(ann, ann["event"], ann["value"], ann["event"], True,
                                      f"{len(clusters[j])} mentions merged"))
            del clusters[j], keys[j]
            continue
        wanted = set(ann["value"])
        moved = [r for r in clusters[i] if r.doc_id in wanted or r.mention_id in wanted]
        kept = [r for r in clusters[i] if r not in moved]
        if not moved or not kept:
            log_rows.append(_override(ann, ann["event"], ann["event"], ";".join(ann["value"]),
                                      False, "the split would leave an event empty"))
            continue
        clusters[i] = kept
        clusters.append(moved)
        keys.append(f"{ann['event']}/{ann['id']}")
        log_rows.append(_override(ann, ann["event"], ann["event"], keys[-1], True,
                                  f"{len(moved)} mentions moved"))
    return clusters, keys, log_rows


def apply_fields(events: pd.DataFrame, annotations: list[dict]) -> tuple[pd.DataFrame,
                                                                         list[dict]]:
    """label and date annotations, by key or event id, after ids are assigned."""
    events = events.copy()
    rows = []
    for ann in annotations:
        if ann["action"] not in ("label", "date"):
            continue
        hit = events.index[(events["key"] == ann["event"]) | (events["event_id"] == ann["event"])]
        if len(hit) == 0:
            rows.append(_override(ann, "", "", ann["value"], False,
                                  f"no event has key or id {ann['event']!r}"))
            continue
        i = hit[0]
        event_id = events.at[i, "event_id"]
        if ann["action"] == "label":
            rows.append(_override(ann, event_id, events.at[i, "label"], ann["value"], True,
                                  "label replaced"))
            events.at[i, "label"] = ann["value"]
            events.at[i, "label_source"] = "annotation"
            continue
        lo, _, hi = ann["value"].partition("..")
        old = _range_text(_ordinal(events.at[i, "date_earliest"]),
                          _ordinal(events.at[i, "date_latest"]))
        rows.append(_override(ann, event_id, old, _range_text(_ordinal(lo), _ordinal(hi)),
                              True, "date replaced"))
        events.at[i, "date"], events.at[i, "date_earliest"] = lo, lo
        events.at[i, "date_latest"] = hi
        events.at[i, "date_precision"] = precision_of(_ordinal(lo), _ordinal(hi))
        events.at[i, "date_basis"] = "annotation"
    return events, rows


# ---------------------------------------------------------------------------------------------
# Public entry point
# ---------------------------------------------------------------------------------------------

def build_events(found: Mapping[str, pd.DataFrame], documents: pd.DataFrame,
                 annotations: pd.DataFrame | None = None, event_types=None,
                 chronology: pd.DataFrame | None = None, *,
                 rules: LabelRules | None = None, gazetteer=None,
                 focus: tuple[str, str] = ("US", "Israel")) -> dict[str, pd.DataFrame]:
    """Mentions -> events, mentions (event_id filled), conflicts, overrides.

    event_types: event-type metadata (mapping, frame, or extract.Lexicons, which also gives
    the gazetteer). chronology: optional analyst chronology (dating.load_chronology), used only
    to fill the dates of events no article dates (date_basis 'chronology', date_source) and to
    break ties between article dates; it never adds events. rules: grouping and label
    templates (load_labels; default: the ones load_annotations attached). gazetteer: actor
    types and roles (frame/mapping/Lexicons). focus: the pair whose advance notice is tracked.
    """
    if rules is None and annotations is not None:
        rules = annotations.attrs.get("labels")
    rules = rules or LabelRules()
    mentions = found["mentions"]
    ctx = _context(found, documents, event_types, gazetteer, rules, focus)
    ctx.chronology = _chronology_rows(chronology, rules)
    recs = apply_joins(_records(mentions, documents, rules), rules, ctx.kinds)
    for r in recs:
        r.nearby = frozenset(ctx.actors_by_sent.get((r.doc_id, r.sent_id), ()))
    clusters, participants = cluster_mentions(recs, ctx.kinds)
    keys = _cluster_keys(clusters, participants)
    anns = [] if annotations is None else annotations.to_dict("records")
    clusters, keys, override_rows = apply_structural(clusters, keys, anns)

    rows, conflicts = [], []
    matches = [_chronology_match(cluster, ctx) for cluster in clusters]
    for cluster, key, (_, found_rows) in zip(clusters, keys, matches, strict=True):
        row, rows_conflicts = summarize(cluster, key, ctx,
                                        [(c["lo"], c["hi"]) for c in found_rows])
        rows.append(row)
        conflicts.append(rows_conflicts)
    fill_from_chronology(rows, clusters, matches)
    events = pd.DataFrame(rows, columns=list(SCHEMA["events"]))
    order = sorted(range(len(rows)), key=lambda i: (
        rows[i]["date"] == "", rows[i]["date"], rows[i]["event_type"], rows[i]["label"],
        rows[i]["key"]))
    ids = {i: f"e{rank:03d}" for rank, i in enumerate(order, start=1)}
    events["event_id"] = [ids[i] for i in range(len(rows))]
    events, field_rows = apply_fields(events, anns)
    events = events.iloc[order].reset_index(drop=True)

    conflict_rows = [dict(c, event_id=ids[i]) for i, cs in enumerate(conflicts) for c in cs]
    conflict_frame = pd.DataFrame(conflict_rows, columns=list(SCHEMA["conflicts"]))
    conflict_frame = conflict_frame.sort_values(["event_id", "fact", "account", "value"],
                                                kind="stable").reset_index(drop=True)
    overrides = pd.DataFrame(override_rows + field_rows, columns=list(SCHEMA["overrides"]))
    overrides = overrides.sort_values("annotation", kind="stable").reset_index(drop=True)
    return {"events": events,
            "mentions": _mentions_with_ids(mentions, clusters, ids),
            "conflicts": conflict_frame, "overrides": overrides}


def _mentions_with_ids(mentions: pd.DataFrame, clusters: list[list[Rec]], ids: dict[int, str]
                       ) -> pd.DataFrame:
    event_of = [""] * len(mentions)
    for i, cluster in enumerate(clusters):
        for r in cluster:
            event_of[r.pos] = ids[i]
    out = mentions.copy()
    out["event_id"] = event_of
    for col in MENTION_COLUMNS:  # the extract contract; extra input columns are kept as they are
        if col not in out:
            out[col] = ""
    return out.sort_values("mention_id", kind="stable").reset_index(drop=True)


def origin_finder(found: Mapping[str, pd.DataFrame], documents: pd.DataFrame):
    """(doc_id, sent_ids) -> name of the independent origin of that account, with the same
    rule as the events' n_origins (cited outlet of the sentences, else of the document, else
    the document's own outlet, else the document itself)."""
    # origins need the outlets and citations only, not the signals or actors per sentence
    outlet_of, by_sent, by_doc = _origin_lookups(found, documents)
    ctx = Context({}, {}, LabelRules(), ("", ""), outlet_of, by_sent, by_doc, {})

    def origin(doc_id: str, sent_ids: Iterable[str] = ()) -> str:
        return _origin_of(doc_id, set(sent_ids), ctx)
    return origin
