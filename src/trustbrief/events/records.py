"""Mentions as records (Rec) and the cell readers the events stage shares."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd

from trustbrief.contract import codecs, vocab
from trustbrief.contract.ids import sentence_number
from trustbrief.events.label_rules import Group, LabelRules, ReportedDates
from trustbrief.tables import cell_text, frame_records, native_list, str_column

BASIS_RANK = {"explicit": 0, "relative": 1, "relative-inferred": 2, "chronology": 3, "reported": 4}
# How plainly a sentence shows its date to a reader: a relative day ('spoke on Thursday') reads
# the same whether its article's publication day was stated or inferred (BASIS_RANK weighs
# that anchor when dates are voted on; the evidence only has to show the day).
SHOWN_BASIS_RANK = {**BASIS_RANK, "relative-inferred": BASIS_RANK["relative"]}

CREATING = {"asserted", "planned"}

TOLD_DAY_RULE = "/told-day"  # ends a rule dated by its telling sentence (extract/quote_days)
# in the rule of a statement in the present perfect ('has declined to comment'): the report's
# news wherever it stands, dated as a lede is (extract/statements.py)
NEWS_PERFECT_RULE = "/perfect"
PRIOR_RULE = "/prior"  # an act an 'after ...' phrase tells (extract/windows.py): no news

# A range this many days wide or wider ('this week', 'in September') says when something was
# talked about, not when it happened: it dates no event alone, nor joins or separates events.
VAGUE_SPAN_DAYS = 6


# A list cell, in memory (a list) or from CSV (';'-joined): the contract's one list codec.
as_list = codecs.parse_list


def day_number(value) -> int | None:
    text = cell_text(value)
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text[:10]).toordinal()
    except ValueError:
        return None


def day_text(ordinal: int | None) -> str:
    return dt.date.fromordinal(ordinal).isoformat() if ordinal is not None else ""


def truthy(value) -> bool:
    return str(value).strip().lower() in {"true", "yes", "1"}


def event_type_table(event_types) -> dict[str, dict]:
    """Event-type metadata -> {type: {plover, lane, operation, verb}}.

    Accepts a mapping (type -> dict), a DataFrame with an `event_type` (or `type`/`name`)
    column, or an object with an `event_types` attribute holding either (extract.Lexicons)."""
    if event_types is None:
        return {}
    if hasattr(event_types, "event_types") and not isinstance(event_types, Mapping | pd.DataFrame):
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
            # a defensive act (shooting down what was fired) owes no partner notice
            "operation": truthy(get("operation", False)) and not truthy(get("defensive", False)),
            **{flag: truthy(get(flag, False)) for flag in ("notice", "gives_notice")},
            "verb": cell_text(get("verb", "") or get("label_verb", "") or get("label", "")),
        }
    return rows


def gazetteer_table(gazetteer) -> dict[str, dict]:
    """Gazetteer -> {name: {side, type, role, level}}; accepts a frame, mapping or list."""
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
                       "level": level, "short_role": short}
    return table


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
    said_in_contact: bool = False  # moved into a contact as what was said there (contacts.py)
    phrase: str = ""  # what the sentence says happened, in its words (extract.phrases)
    # its day is the sentence's telling it, not its own ('"...," the statement read' after
    # 'On Wednesday, the ministry issued a statement': extract/quote_days.py)
    told_day: bool = False
    inferred_target: bool = False  # its target inferred from an act told before, not said
    # vocab.OUTSIDE_TARGET when done to someone no actor list names: its block is its own
    outside: str = ""
    factuality: str = ""  # 'alleged': told as done, its doer only someone's charge


def mention_records(mentions: pd.DataFrame, documents: pd.DataFrame, rules: LabelRules,
             depths: Mapping[tuple[str, str], int] | None = None) -> list[Rec]:
    """The usable mentions as Recs. depths: (doc_id, sent_id) -> the sentence's depth in the
    body's lede (dating.lede.lede_depths: headline, caption and credit lines are no body);
    without it a sentence's number in its article stands in."""
    dup = set(documents.loc[documents["duplicate_of"].map(cell_text) != "", "doc_id"]) \
        if "duplicate_of" in documents else set()
    pub = _publication_ranges(documents)
    own_sources = _own_sources(documents) if rules.own_source_types else {}
    # plain column lists + memoized dates: row dicts from pandas are the slow part at 100k rows
    ordinal = memoized(day_number)
    groups = memoized(rules.group_of)
    text_columns = ("mention_id", "doc_id", "sent_id", "event_type", "agent", "agent_side",
                    "date", "date_earliest", "date_latest", "date_basis", "polarity", "text",
                    "trigger", "phrase", "rule", "factuality")
    columns = [str_column(mentions, name) for name in text_columns]
    columns += [_name_tuples(mentions, name)
                for name in ("targets", "target_sides", "actors", "locations")]
    columns.append(_int_column(mentions, "trigger_start"))
    target_rules = str_column(mentions, "target_rule")
    recs = []
    for pos, (mention_id, doc, sent_id, etype, agent, agent_side, date, earliest, latest,
              basis, polarity, text, trigger, phrase, rule, factuality, targets, target_sides,
              actors, locations, trigger_start) in enumerate(zip(*columns, strict=True)):
        if not etype or doc in dup or (etype in rules.own_source_types and
                                       _outlet_key(agent) in own_sources.get(doc, ())):
            continue
        basis = basis or "open"
        lo, hi = ordinal(earliest), ordinal(latest)
        lo = lo if lo is not None else ordinal(date)
        hi = hi if hi is not None else lo
        if basis == "open" or lo is None:
            lo = hi = None
            basis = "open"
        pub_lo, pub_hi = pub.get(doc, (None, None))
        misread = _after_its_telling(lo, pub_hi, polarity)
        if misread:  # it states a date, a wrong one: not undated news of the day either
            lo = hi = None
            basis = "open"
        if lo is None and not misread and polarity == "asserted" and \
                rules.reported is not None and PRIOR_RULE not in rule:
            lo, hi = _reported_range(_lede_depth(doc, sent_id, depths), pub_lo, pub_hi,
                                     rules.reported, text, anywhere=NEWS_PERFECT_RULE in rule)
            basis = "open" if lo is None else "reported"
        recs.append(Rec(
            pos, mention_id, doc, sent_id, etype, groups(etype), agent, agent_side, targets,
            target_sides, actors, locations, lo, hi, basis, polarity or "asserted", text,
            pub_lo, pub_hi, "", trigger, trigger_start, phrase=phrase,
            told_day=rule.endswith(TOLD_DAY_RULE),
            inferred_target=target_rules[pos] in vocab.INFERRED_TARGET_RULES,
            outside=vocab.OUTSIDE_TARGET * target_rules[pos].endswith(vocab.OUTSIDE_TARGET),
            factuality=factuality))
    return recs


# A day of slack for time zones between an act and the article that tells it.
TELLING_SLACK_DAYS = 1


def _after_its_telling(lo: int | None, pub_hi: int | None, polarity: str) -> bool:
    """An act told as done cannot have happened after the article telling it was published:
    such a date is misread (a yearless 'the Oct. 7 attack' given the coming year) and dates
    nothing. Plans and conditions may lie ahead; an article of unknown date proves nothing."""
    return (polarity or "asserted") == "asserted" and lo is not None and pub_hi is not None \
        and lo > pub_hi + TELLING_SLACK_DAYS


def _lede_depth(doc_id: str, sent_id: str, depths: Mapping[tuple[str, str], int] | None
                ) -> int | None:
    """The sentence's depth in its article's lede; its number when the depths are unknown."""
    found = depths.get((doc_id, sent_id)) if depths else None
    return found if found is not None else sentence_number(sent_id)


def _reported_range(depth: int | None, pub_lo: int | None, pub_hi: int | None,
                    reported: ReportedDates, text: str = "", anywhere: bool = False
                    ) -> tuple[int | None, int | None]:
    """The publication window for a lede's undated news (see label_rules.ReportedDates: a
    sentence at most `lede_sentences` deep in the body's lede), or for news told `anywhere`
    in the article (a statement in the present perfect); none for a sentence retelling what
    was said before (reported.background)."""
    if pub_lo is None or pub_hi is None or depth is None or \
            (depth > reported.lede_sentences and not anywhere) or \
            pub_hi - pub_lo > reported.max_publication_days or \
            (reported.background is not None and reported.background.search(text)):
        return None, None
    return pub_lo - reported.days_before, pub_hi


def _publication_ranges(documents: pd.DataFrame) -> dict[str, tuple[int | None, int | None]]:
    """doc_id -> (earliest, latest) publication day as ordinals."""
    names = [c for c in ("published", "published_earliest", "published_latest")
             if c in documents]
    pub = {}
    for d in frame_records(documents, ["doc_id", *names]):
        lo = day_number(d.get("published_earliest")) or day_number(d.get("published"))
        hi = day_number(d.get("published_latest")) or day_number(d.get("published"))
        pub[d["doc_id"]] = (lo, hi)
    return pub


def _outlet_key(name: str) -> str:
    """'The Portview Post' and 'Portview Post' compare equal."""
    return re.sub(r"^the\s+", "", cell_text(name).strip().lower())


def _own_sources(documents: pd.DataFrame) -> dict[str, set[str]]:
    """doc_id -> the outlet the document is and the wire or outlet it relays (its origin),
    as _outlet_key names: a report by one of them is the document's own sourcing
    (data/labels.yaml own_source_types)."""
    names = [c for c in ("outlet", "origin") if c in documents]
    own: dict[str, set[str]] = {}
    for d in frame_records(documents, ["doc_id", *names]):
        keys = {_outlet_key(d.get(c)) for c in names} - {"", "unknown"}
        if keys:
            own[d["doc_id"]] = keys
    return own


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
    return type(key) is str or (type(key) is tuple and all(type(v) is str for v in key))


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


class _Cache(dict):
    """A dict that computes a missing value with `fn` (a hit is a plain C lookup)."""

    def __init__(self, fn):
        super().__init__()
        self.fn = fn

    def __missing__(self, key):
        value = self[key] = self.fn(key)
        return value


def memoized(fn):
    """A per-call cache (dates and types repeat across thousands of mentions)."""
    return _Cache(fn).__getitem__


def _columns(frame: pd.DataFrame, names: Iterable[str]) -> Iterable[tuple]:
    """Rows of `names` as tuples, with the values frame_records would give."""
    return zip(*(native_list(frame[name]) for name in names), strict=True)


def ranked_records(values: Iterable[str]) -> list[str]:
    """Distinct non-empty values, most frequent first, then alphabetical."""
    counts = Counter(values)  # counted in C
    for empty in [v for v in counts if not v]:
        del counts[empty]
    if len(counts) <= 1:
        return list(counts)
    return sorted(counts, key=lambda v: (-counts[v], v))


def evidence_of(recs: list[Rec], gives_date=None, agent: Iterable[str] = ()) -> Rec:
    """The mention that shows the event: asserted first, then one that tells the event
    itself (not what was said in it: a contact shows its call), then (with `gives_date`, a
    predicate) one that gives the event its date in its own sentence (a quote dated by the
    sentence telling it shows no date: the lede 'X says he would not support ...' shows a
    statement better than a later '"...," X said'), then one whose agent is one of `agent`
    (the event's agent and who holds its side's top office: facts.stand_ins; the label's
    subject: 'A-land statement on ...' shows A-land's statement, not a minister's told the
    same days, though the minister's sentence names the day and the lede's gives its
    publication days; of a contact, one they take part in), then the date basis that shows
    the day most plainly (SHOWN_BASIS_RANK), then one whose own words give a phrase (label
    and evidence then tell the same sentence), then the first published (the closest)."""
    agents = frozenset(agent)
    return min(recs, key=lambda r: (r.polarity not in CREATING, r.polarity != "asserted",
                                    r.said_in_contact,
                                    gives_date is not None and (
                                        r.told_day or not gives_date(r)),
                                    bool(agents) and not _acts_in(r, agents),
                                    SHOWN_BASIS_RANK.get(r.basis, 9), not r.phrase,
                                    r.pub_lo is None, r.pub_lo or 0,
                                    r.doc_id, r.sent_id, r.pos))


def _acts_in(r: Rec, agents: frozenset[str]) -> bool:
    """One of `agents` is the mention's agent or, in a contact (a symmetric event: 'X and Y
    spoke' names either first), one of its participants."""
    return r.agent in agents or (r.group.symmetric and not agents.isdisjoint(r.targets))


def precise(r: Rec) -> bool:
    """The mention is dated to a span narrower than VAGUE_SPAN_DAYS (it can date an event)."""
    return r.lo is not None and r.hi - r.lo < VAGUE_SPAN_DAYS


def stated_month(r: Rec) -> bool:
    """The mention is dated by a calendar month its text names ('in April', explicit): an
    honest month range, which can date an event told with no day."""
    if r.basis != "explicit" or r.lo is None or r.hi is None:
        return False
    first, last = dt.date.fromordinal(r.lo), dt.date.fromordinal(r.hi)
    return first.day == 1 and (first.year, first.month) == (last.year, last.month) and \
        (last + dt.timedelta(days=1)).day == 1
