"""Metrics stage: events + extracted signals -> trust index, notice ledger, cadence, sourcing.

Pure functions over the frames of the earlier stages; the only file read is
data/channels.yaml (load_channels). METHOD describes the trust index for the briefs.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from trustbrief import contract
from trustbrief import events as ev
from trustbrief.events.origins import known_outlet
from trustbrief.events.records import day_number, day_text, memoized, truthy
from trustbrief.knowledge import DataFileError, compile_pattern, load_yaml, require_keys
from trustbrief.tables import cell_text, frame_records, native_list, str_column

METHOD = """\
Trust index (focus OBSERVER->SUBJECT, e.g. US->Israel: how far the US trusts Israel).
Readings. Every trust signal extract found whose direction is OBSERVER->SUBJECT, mutual
between the two, or of unknown direction is one reading: its polarity (-1 erodes trust, +1
builds it) times its weight; a negated cue counts with its sign flipped, times
`negated_factor`. Every operation by SUBJECT against a third party adds a reading on its date
from the advance notice OBSERVER got (`notice_impact`: none < minutes < hours < days).
Dates. A signal takes the date of the time expression governing its sentence (basis
'sentence'); else, in a sentence about a dated operation ('caught off guard by the strike'),
the operation's date ('event'); else its document's publication date ('publication');
signals with none of these are left out.
Independence. Readings are grouped by origin (the outlet a document cites as its source, or
the document's own outlet): three rewrites of one report are one origin. On each day, each
origin's readings are averaged into one vote; the day's change is the mean of the votes.
Index. The index is the running sum of the daily changes, starting at 0 (no change); it is
relative, not an absolute level of trust.
Uncertainty. A day's change has standard error sd / sqrt(number of independent origins that
day); the errors add up in quadrature along the running sum, and the band is index +/- z
standard errors: more independent origins behind a day make its step, and the band, narrower.
"""

# Column descriptions of the stage's tables: the contract is their one definition.
SCHEMA = contract.descriptions("trust_index", "notice_ledger", "cadence", "sourcing",
                               "count_conflicts", "contacts")

SPEAKER_TYPES = ("named_official", "anonymous_official", "outlet", "organization",
                 "unattributed")
NOTICE_DEFAULTS = {"none": -1.0, "unknown": -0.5, "minutes": -0.75, "hours": -0.5, "days": 0.0}
CONFLICT_TOLERANCE_DAYS = 3  # stated gaps closer than this many days agree
SPECIFICITY = ("any", "dated_or_target", "dated")  # notice_ledger.min_specificity levels


@dataclass(frozen=True)
class Channel:
    id: str
    name: str
    actors: tuple[str, ...]
    contact_types: tuple[str, ...]


@dataclass(frozen=True)
class Channels:
    """data/channels.yaml: channels, contact cue words, trust-index weights."""

    channels: tuple[Channel, ...] = ()
    contact_cue: re.Pattern | None = None
    silence_cue: re.Pattern | None = None
    notice_impact: dict = field(default_factory=lambda: dict(NOTICE_DEFAULTS))
    negated_factor: float = 0.5
    sd: float = 1.0
    z: float = 1.96
    blocking_types: tuple[str, ...] = ()
    min_specificity: str = "any"


def load_channels(data_dir: Path | str) -> Channels:
    """Read and validate data/channels.yaml."""
    path = Path(data_dir) / "channels.yaml"
    doc = load_yaml(path) or {}
    require_keys(path, "top level", doc, ["channels"], ["contact_cues", "silence_cues", "index",
                                                        "blocking_types", "notice_ledger"])
    channels, seen = [], set()
    for n, item in enumerate(doc["channels"] or [], start=1):
        where = f"channels[{n}]"
        require_keys(path, where, item, ["id", "name", "actors", "contact_types"])
        cid = str(item["id"])
        if not re.fullmatch(r"[A-Za-z0-9_-]+", cid) or cid in seen:
            raise DataFileError(path, where, f"id {cid!r} must be unique letters, digits, _ -")
        seen.add(cid)
        for key in ("actors", "contact_types"):
            value = item[key]
            if not isinstance(value, list) or not value or not all(
                    isinstance(v, str) and v for v in value):
                raise DataFileError(path, f"channel {cid!r}", f"{key} must be a list of names")
        if len(item["actors"]) < 2:
            raise DataFileError(path, f"channel {cid!r}", "a channel needs two actors or more")
        channels.append(Channel(cid, str(item["name"]), tuple(item["actors"]),
                                tuple(item["contact_types"])))
    contact = _cue_pattern(path, doc, "contact_cues")
    silence = _cue_pattern(path, doc, "silence_cues")
    index = doc.get("index") or {}
    require_keys(path, "index", index, [], ["notice_impact", "negated_factor", "sd", "z"])
    impact = dict(NOTICE_DEFAULTS)
    for level, value in (index.get("notice_impact") or {}).items():
        if level not in NOTICE_DEFAULTS or not isinstance(value, (int, float)):
            raise DataFileError(path, f"index.notice_impact.{level}",
                                f"levels are {', '.join(NOTICE_DEFAULTS)} with numbers")
        impact[level] = float(value)
    numbers = {}
    for key, default in (("negated_factor", 0.5), ("sd", 1.0), ("z", 1.96)):
        value = index.get(key, default)
        if not isinstance(value, (int, float)) or value < 0:
            raise DataFileError(path, f"index.{key}", f"expected a number >= 0, got {value!r}")
        numbers[key] = float(value)
    if numbers["sd"] == 0:
        raise DataFileError(path, "index.sd", "must be above 0")
    blocking = doc.get("blocking_types") or []
    if not isinstance(blocking, list) or not all(isinstance(b, str) and b for b in blocking):
        raise DataFileError(path, "blocking_types", "expected a list of event types")
    ledger = doc.get("notice_ledger") or {}
    require_keys(path, "notice_ledger", ledger, [], ["min_specificity"])
    level = str(ledger.get("min_specificity", "any"))
    if level not in SPECIFICITY:
        raise DataFileError(path, "notice_ledger.min_specificity",
                            f"{level!r} is not one of {', '.join(SPECIFICITY)}")
    return Channels(tuple(channels), contact, silence, impact, **numbers,
                    blocking_types=tuple(blocking), min_specificity=level)


def _cue_pattern(path: Path, doc: dict, key: str) -> re.Pattern | None:
    cues = doc.get(key) or []
    if not isinstance(cues, list) or not all(isinstance(c, str) and c for c in cues):
        raise DataFileError(path, key, "expected a list of regular expressions")
    for i, c in enumerate(cues, start=1):
        compile_pattern(path, f"{key}[{i}]", c)
    return compile_pattern(path, key, r"\b(?:" + "|".join(cues) + r")\b") if cues else None


# ---------------------------------------------------------------------------------------------
# helpers
# ---------------------------------------------------------------------------------------------

def _focus(focus) -> tuple[str, str]:
    """'A->B', ('A', 'B') or a contract.Focus -> (observer, subject)."""
    return tuple(contract.Focus.parse(focus))


def _frame(found: Mapping, name: str) -> pd.DataFrame:
    frame = found.get(name)
    return frame if frame is not None else pd.DataFrame()


def _live_docs(documents: pd.DataFrame) -> set[str]:
    """Documents that count: duplicates never do."""
    if "duplicate_of" not in documents:
        return set(documents["doc_id"])
    duplicate_of = str_column(documents, "duplicate_of")
    return {d for d, dup in zip(documents["doc_id"].tolist(), duplicate_of, strict=True)
            if dup == ""}


def _published(documents: pd.DataFrame) -> dict[str, str]:
    return {d: p[:10] for d, p in zip(documents["doc_id"].tolist(),
                                      str_column(documents, "published"), strict=True)}


# ---------------------------------------------------------------------------------------------
# trust index
# ---------------------------------------------------------------------------------------------

def _sentence_event_dates(events_tables: Mapping) -> tuple[dict, dict]:
    """(doc_id, sent_id) -> earliest dated event mentioned there, and event_id -> label."""
    events = events_tables.get("events", pd.DataFrame())
    mentions = events_tables.get("mentions", pd.DataFrame())
    if events.empty or mentions.empty:
        return {}, {}
    # only operations date the trust signals about them ('caught off guard by the strike');
    # a sentence about a report, a plan or a call says how things stand when it is written
    operations = events[events["operation"].map(truthy)] if "operation" in events \
        else events
    dates = dict(zip(operations["event_id"].tolist(), str_column(operations, "date"),
                     strict=True))
    labels = dict(zip(events["event_id"].tolist(), events["label"].tolist(), strict=True))
    by_sent: dict[tuple[str, str], tuple[str, str]] = {}
    for doc, sent, eid in zip(mentions["doc_id"].tolist(), mentions["sent_id"].tolist(),
                              mentions["event_id"].tolist(), strict=True):
        date = dates.get(eid, "")
        if date and ((doc, sent) not in by_sent or date < by_sent[(doc, sent)][0]):
            by_sent[(doc, sent)] = (date, eid)
    return by_sent, labels


def _sentence_times(found: Mapping) -> dict[tuple[str, str], str]:
    """(doc_id, sent_id) -> the first resolved date of a time expression in the sentence."""
    times = _frame(found, "time_expressions")
    if times.empty or "date" not in times:
        return {}
    out: dict[tuple[str, str], str] = {}
    kinds = times["kind"] if "kind" in times else pd.Series([""] * len(times))
    for doc, sent, date, kind in zip(times["doc_id"].tolist(), times["sent_id"].tolist(),
                                     times["date"].tolist(), kinds.tolist(), strict=True):
        if cell_text(date) and cell_text(kind) not in ("duration", "count"):
            out.setdefault((doc, sent), cell_text(date)[:10])
    return out


def _signal_readings(events_tables, found, documents, focus, params: Channels, origin,
                     event_dates: dict | None = None):
    """One reading per usable trust signal: (date, origin, value, basis, event_id).
    event_dates: _sentence_event_dates(events_tables)[0], when the caller has it."""
    signals = _frame(found, "trust_signals")
    if signals.empty:
        return []
    live = _live_docs(documents)
    published = _published(documents)
    if event_dates is None:
        event_dates = _sentence_event_dates(events_tables)[0]
    times = _sentence_times(found)
    a, b = focus
    readings = []
    sides = memoized(ev.direction_sides)  # a handful of distinct directions
    for doc_id, sent_id, direction, polarity, weight, negated in zip(
            *(_values(signals, name) for name in SIGNAL_FIELDS), strict=True):
        if doc_id not in live:
            continue
        left, right, mutual = sides(direction)
        if mutual and not {left, right} == {a, b}:
            continue
        if not mutual and (left not in ("", "?", a) or right not in ("", "?", b)):
            continue
        key = (doc_id, sent_id)
        eid = event_dates.get(key, ("", ""))[1]
        if key in times:
            date, basis = times[key], "sentence"
        elif key in event_dates:
            date, basis = event_dates[key][0], "event"
        else:
            date, basis = published.get(doc_id, ""), "publication"
        if not date:
            continue
        value = float(polarity or 0) * float(weight or 1.0)
        if negated is True or (negated is not False and truthy(negated)):
            value = -value * params.negated_factor
        readings.append((date, origin(doc_id, [sent_id]), value, basis, eid))
    return readings


def _values(frame: pd.DataFrame, name: str) -> list:
    """A column's native values (None for each row when the frame lacks it, as a record's
    .get would give)."""
    return native_list(frame[name]) if name in frame else [None] * len(frame)


# the trust-signal fields a reading needs
SIGNAL_FIELDS = ("doc_id", "sent_id", "direction", "polarity", "weight", "negated")


def _event_readings(events_tables, focus, params: Channels):
    """Operations by the focus subject against a third party, scored by the notice given."""
    events = events_tables.get("events", pd.DataFrame())
    if events.empty:
        return []
    a, b = focus
    out = []
    for e in frame_records(events):
        if not e.get("operation") or e.get("agent_side") != b or e.get("notice_to") != a:
            continue
        level = cell_text(e.get("notice"))
        if level not in params.notice_impact or not cell_text(e.get("date")):
            continue
        for origin in ev.as_list(e.get("origins")) or [e["event_id"]]:
            out.append((e["date"], origin, params.notice_impact[level], "event", e["event_id"]))
    return out


def trust_index(events_tables, found, documents, focus,
                params: Channels | None = None) -> pd.DataFrame:
    """The trust index with its band (see METHOD)."""
    params = params or Channels()
    focus = _focus(focus)
    origin = ev.origin_finder(found, documents)
    event_dates, labels = _sentence_event_dates(events_tables)
    readings = _signal_readings(events_tables, found, documents, focus, params, origin,
                                event_dates) + _event_readings(events_tables, focus, params)
    by_day: dict[str, list] = defaultdict(list)
    for r in readings:
        by_day[r[0]].append(r)
    rows, level, variance = [], 0.0, 0.0
    for day in sorted(by_day):
        votes: dict[str, list[float]] = defaultdict(list)
        for _, org, value, _, _ in by_day[day]:
            votes[org].append(value)
        change = sum(sum(v) / len(v) for v in votes.values()) / len(votes)
        variance += params.sd ** 2 / len(votes)
        level += change
        half = params.z * math.sqrt(variance)
        bases = defaultdict(int)
        for r in by_day[day]:
            bases[r[3]] += 1
        event_ids = sorted({r[4] for r in by_day[day] if r[4]})
        rows.append({
            "date": day, "index": round(level, 4), "low": round(level - half, 4),
            "high": round(level + half, 4), "n_signals": len(by_day[day]),
            "n_origins": len(votes), "events": [labels.get(e, e) for e in event_ids],
            "change": round(change, 4),
            "basis": ";".join(f"{k}:{bases[k]}" for k in sorted(bases)),
        })
    return pd.DataFrame(rows, columns=list(SCHEMA["trust_index"]))


# ---------------------------------------------------------------------------------------------
# notice ledger, cadence, sourcing
# ---------------------------------------------------------------------------------------------

def specific_enough(event: Mapping, level: str) -> bool:
    """channels.yaml notice_ledger.min_specificity: 'dated_or_target' keeps an operation with a
    date or a named target other than a place ('Israeli airstrikes in the Middle East' goes)."""
    dated = bool(cell_text(event.get("date")))
    if level == "dated":
        return dated
    if level == "dated_or_target":
        return dated or bool(ev.as_list(event.get("named_targets")))
    return True


def readable_accounts(accounts, documents: pd.DataFrame | None,
                      names: Mapping[str, str] | None = None) -> str:
    """'minutes: d1;d2' -> 'minutes: The Jerusalem Post (2024-09-29), unknown outlet (F.txt)'.
    names: _doc_names(documents), when the caller already has it."""
    names = _doc_names(documents) if names is None else names
    parts = []
    for item in ev.as_list(accounts) if not isinstance(accounts, list) else accounts:
        level, _, docs = str(item).partition(":")
        who = [names.get(d.strip(), d.strip()) for d in re.split(r"[;,]", docs) if d.strip()]
        parts.append(f"{level.strip()}: {', '.join(who)}")
    return "; ".join(parts)


DOCUMENT_NAME_FIELDS = ("doc_id", "outlet", "published", "file")


def _present(frame: pd.DataFrame, names: tuple[str, ...]) -> list[str]:
    """The columns of `names` the frame has (a record's .get gives None for the others)."""
    return [name for name in names if name in frame]


def _doc_names(documents: pd.DataFrame | None) -> dict[str, str]:
    """doc_id -> 'Outlet (published)', or 'unknown outlet (FILE)'."""
    if documents is None or documents.empty:
        return {}
    out = {}
    for d in frame_records(documents, _present(documents, DOCUMENT_NAME_FIELDS)):
        outlet = known_outlet(d.get("outlet"))
        pub = cell_text(d.get("published"))[:10]
        if outlet:
            out[d["doc_id"]] = f"{outlet} ({pub})" if pub else outlet
        else:
            out[d["doc_id"]] = f"unknown outlet ({cell_text(d.get('file')) or d['doc_id']})"
    return out


def notice_ledger(events_tables, documents: pd.DataFrame | None = None,
                  min_specificity: str = "any") -> pd.DataFrame:
    events = events_tables.get("events", pd.DataFrame())
    rows = []
    names = _doc_names(documents)
    accepted = _accepted_notice_evidence(events_tables.get("conflicts", pd.DataFrame()))
    for e in ([] if events.empty else frame_records(events)):
        if not e.get("operation") or e.get("notice") in ("", "n/a"):
            continue
        if not specific_enough(e, min_specificity):
            continue
        rows.append({
            "event_id": e["event_id"], "label": e["label"], "date": e["date"],
            "actor": e.get("agent") or e.get("agent_side", ""), "notice": e["notice"],
            "accounts": readable_accounts(list(ev.as_list(e.get("notice_accounts"))),
                                          documents, names),
            # Where accounts disagree, the sentence behind the account the ledger shows.
            "evidence": accepted.get(e["event_id"], e["evidence"]),
            "doc_ids": list(e["doc_ids"]), "outlets": list(e.get("outlets") or []),
            "notice_to": e.get("notice_to", ""), "n_origins": e.get("n_origins", 0),
        })
    frame = pd.DataFrame(rows, columns=list(SCHEMA["notice_ledger"]))
    return frame.sort_values(["date", "event_id"], kind="stable").reset_index(drop=True)


def _accepted_notice_evidence(conflicts: pd.DataFrame) -> dict[str, str]:
    """event_id -> evidence of the notice account chosen where sources disagree."""
    if conflicts is None or conflicts.empty or "fact" not in conflicts:
        return {}
    chosen = conflicts[(conflicts["fact"] == "notice") & (conflicts["account"] == "accepted")]
    return dict(zip(chosen["event_id"], chosen["evidence"], strict=True))


def _status(event: Mapping, blocks: list[dict]) -> str:
    """asserted | planned | blocked: a plan is blocked when a blocking event (channels.yaml
    blocking_types) involving one of its participants is dated within a week before it, or
    is undated."""
    if event.get("status") != "planned":
        return "asserted"
    day = day_number(event.get("date"))
    people = set(ev.as_list(event.get("actors")))
    for b in blocks:
        # who was stopped: the blocking event's targets ('blocks Gallant's trip'), else all
        stopped = set(ev.as_list(b.get("targets"))) or set(ev.as_list(b.get("actors")))
        if not people & stopped:
            continue
        bday = day_number(b.get("date"))
        if bday is None or day is None or day - 7 <= bday <= day:
            return "blocked"
    return "planned"


def contacts(events_tables, channels: Channels) -> pd.DataFrame:
    """One row per contact event per channel (every channel actor takes part)."""
    events = events_tables.get("events", pd.DataFrame())
    records = [] if events.empty else frame_records(events)
    blocks = [e for e in records if e["event_type"] in channels.blocking_types]
    rows = []
    for channel in channels.channels:
        for e in records:
            if e["event_type"] not in channel.contact_types or \
                    not set(channel.actors) <= set(ev.as_list(e.get("actors"))):
                continue
            rows.append({
                "channel": channel.id, "event_id": e["event_id"], "date": cell_text(e["date"]),
                "date_basis": cell_text(e.get("date_basis")), "label": e["label"],
                "event_type": e["event_type"], "status": _status(e, blocks),
                "evidence": e["evidence"], "doc_ids": list(ev.as_list(e.get("doc_ids"))),
                "outlets": list(ev.as_list(e.get("outlets")))})
    frame = pd.DataFrame(rows, columns=list(SCHEMA["contacts"]))
    return frame.sort_values(["channel", "date", "event_id"], kind="stable"
                             ).reset_index(drop=True)


def _precision_rank(days: float) -> int:
    """'nearly 50 days' is more precise than 'two months': day counts beat week/month ones."""
    d = int(round(days))
    return 2 if d % 30 == 0 else 1 if d % 7 == 0 else 0


def _sentence_actors(found: Mapping, keys: set | None = None
                     ) -> dict[tuple[str, str], set[str]]:
    """Actors named in each sentence (only those in `keys` when given): actor mentions plus
    the actors of event mentions."""
    out: dict[tuple[str, str], set[str]] = defaultdict(set)
    am = _frame(found, "actor_mentions")
    if not am.empty:
        for doc, sent, actor in _rows_of(am, keys, ["doc_id", "sent_id", "actor"]):
            if cell_text(actor) and (keys is None or (doc, sent) in keys):
                out[(doc, sent)].add(actor)
    mentions = _frame(found, "mentions")
    if not mentions.empty and "actors" in mentions:
        for doc, sent, actors in _rows_of(mentions, keys, ["doc_id", "sent_id", "actors"]):
            if keys is None or (doc, sent) in keys:
                out[(doc, sent)].update(ev.as_list(actors))
    return out


def _rows_of(frame: pd.DataFrame, keys: set | None, columns: list[str]):
    """Rows of `columns` (in frame order); when `keys` are given, only rows whose doc_id and
    sent_id both occur in them (a vectorized filter, so the few wanted sentences do not cost
    a walk over every row; callers still check the exact key)."""
    if keys is not None:
        frame = frame[frame["doc_id"].isin(list({doc for doc, _ in keys}))
                      & frame["sent_id"].isin(list({sent for _, sent in keys}))]
    return zip(*(frame[c].tolist() for c in columns), strict=True)


def _sentence_texts(found: Mapping, keys: set | None = None) -> dict[tuple[str, str], str]:
    """Sentence texts carried by any extracted frame (found has no sentences table); only
    for `keys` when given."""
    out: dict[tuple[str, str], str] = {}
    for name in ("sentences", "mentions", "trust_signals", "claims"):
        frame = _frame(found, name)
        if frame.empty or "text" not in frame:
            continue
        for doc, sent, text in _rows_of(frame, keys, ["doc_id", "sent_id", "text"]):
            key = (doc, sent)
            if key not in out and (keys is None or key in keys):
                out[key] = cell_text(text)
    return out


def _measured_sentences(found: Mapping, documents: pd.DataFrame) -> list[tuple]:
    """(time expression record, actors named in its sentence, sentence text) for every duration
    or count in a live document: built once and shared by all channels."""
    times = _frame(found, "time_expressions")
    if times.empty or "kind" not in times:
        return []
    live = _live_docs(documents)
    keep = times["kind"].isin(("duration", "count")) & times["doc_id"].isin(live)
    records = frame_records(times[keep])
    if not records:
        return []
    keys = {(t["doc_id"], t["sent_id"]) for t in records}
    actors = _sentence_actors(found, keys)
    texts = _sentence_texts(found, keys)
    out = []
    for t in records:
        key = (t["doc_id"], t["sent_id"])
        out.append((t, actors.get(key, set()), cell_text(texts.get(key, ""))))
    return out


def _channel_measures(channel: Channel, found: Mapping, documents: pd.DataFrame,
                      params: Channels, measured: list | None = None) -> list[dict]:
    """Silences ('have not spoken in nearly 50 days': a silence cue) and counts ('spoken by
    phone over 125 times': a contact cue) stated in a sentence naming all the channel's
    actors."""
    if measured is None:
        measured = _measured_sentences(found, documents)
    published = _published(documents)
    rows = []
    for t, present, text in measured:
        if not set(channel.actors) <= present:
            continue
        cue = params.silence_cue if t["kind"] == "duration" else params.contact_cue
        if cue is None or not cue.search(text):
            continue
        days = t.get("measure_days")
        last = ""
        pub = day_number(published.get(t["doc_id"]))
        if t["kind"] == "duration" and days == days and days is not None and pub is not None:
            last = day_text(pub - int(round(float(days))))
        rows.append({
            "channel": channel.id, "last_contact": last,
            "basis": "stated-duration" if t["kind"] == "duration" else "stated-count",
            "evidence": text, "value": cell_text(t["text"]), "doc_ids": [t["doc_id"]],
            "days": float(days) if days is not None and days == days else None})
    return rows


def _gap_choice(gaps: list[dict]) -> tuple[dict | None, list[dict]]:
    """The most precise stated silence (then the latest document, then the shortest)."""
    usable = [g for g in gaps if g["days"] is not None]
    if not usable:
        return None, []
    best = min(usable, key=lambda g: (_precision_rank(g["days"]), -(g["pub"] or 0), g["days"],
                                      g["value"]))
    return best, [g for g in usable if g is not best]


def cadence(events_tables, found, documents, channels: Channels | None = None
            ) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """(cadence: one row per channel, count_conflicts, contacts); see SCHEMA."""
    channels = channels or Channels()
    live = _live_docs(documents)
    published = _published(documents)
    dates = [day_number(p) for d, p in published.items() if d in live]
    as_of = max((d for d in dates if d is not None), default=None)
    contact_rows = contacts(events_tables, channels)
    measured = _measured_sentences(found, documents)
    by_channel: dict[str, list[dict]] = defaultdict(list)
    for c in frame_records(contact_rows):
        by_channel[c["channel"]].append(c)
    rows, conflicts = [], []
    for channel in channels.channels:
        row, gap_conflicts = _cadence_row(channel, by_channel[channel.id], found, documents,
                                          channels, as_of, published, measured)
        rows.append(row)
        conflicts += gap_conflicts
    frame = pd.DataFrame(rows, columns=list(SCHEMA["cadence"]))
    for col in ("days_since", "previous_gap_days"):  # '' = unknown: a missing integer
        frame[col] = pd.array([None if v == "" else v for v in frame[col]], dtype="Int64")
    frame = frame.sort_values("channel", kind="stable").reset_index(drop=True)
    out = pd.DataFrame(conflicts, columns=list(SCHEMA["count_conflicts"]))
    out = out.sort_values(["channel", "last_contact", "value"], kind="stable"
                          ).reset_index(drop=True)
    return frame, out, contact_rows


def _cadence_row(channel: Channel, mine: list[dict], found, documents, params: Channels,
                 as_of: int | None, published: dict, measured: list | None = None
                 ) -> tuple[dict, list[dict]]:
    done = sorted((c for c in mine if c["status"] == "asserted" and day_number(c["date"])
                   is not None and (as_of is None or day_number(c["date"]) <= as_of)),
                  key=lambda c: (c["date"], c["event_id"]))
    last = done[-1] if done else None
    last_day = day_number(last["date"]) if last else None
    later = sorted((c for c in mine if c["status"] in ("planned", "blocked")
                    and (last_day is None or (day_number(c["date"]) or 10**7) > last_day)),
                   key=lambda c: (c["date"] == "", c["date"], c["event_id"]))
    nxt = later[0] if later else None
    measures = _channel_measures(channel, found, documents, params, measured)
    gaps = [{"value": m["value"], "doc": m["doc_ids"][0], "evidence": m["evidence"],
             "days": m["days"], "pub": day_number(published.get(m["doc_ids"][0]))}
            for m in measures if m["basis"] == "stated-duration"]
    counts = [m for m in measures if m["basis"] == "stated-count"]
    previous, basis, others = "", "", []
    if len(done) >= 2:
        previous, basis = last_day - day_number(done[-2]["date"]), "events"
        others = [g for g in gaps if g["days"] is not None]
    else:
        best, others = _gap_choice(gaps)
        if best is not None:
            previous, basis = int(round(best["days"])), "stated"
    conflicts = _gap_conflicts(channel, previous, basis, gaps, others, documents)
    used = [x for x in (last, nxt) if x]
    evidence = [x["evidence"] for x in used] + [g["evidence"] for g in gaps] + \
        [m["evidence"] for m in counts]
    docs = {d for x in used for d in x["doc_ids"]} | {g["doc"] for g in gaps} | \
        {d for m in counts for d in m["doc_ids"]}
    row = {
        "channel": channel.id, "channel_label": channel.name, "actors": list(channel.actors),
        "as_of": day_text(as_of), "last_contact": last["date"] if last else "",
        "last_contact_label": last["label"] if last else "",
        "last_contact_status": "asserted" if last else "",
        "days_since": (as_of - last_day) if last and as_of is not None else "",
        "previous_gap_days": previous, "previous_gap_basis": basis,
        "stated_gaps": "; ".join(f"{g['value']} ({g['doc']})" for g in gaps),
        "stated_counts": "; ".join(f"{m['value']} ({m['doc_ids'][0]})" for m in counts),
        "next_planned": f"{nxt['label']} - {nxt['date'] or 'date open'}, {nxt['status']}"
        if nxt else "",
        "evidence": " | ".join(dict.fromkeys(e for e in evidence if e)),
        "doc_ids": sorted(docs),
    }
    return row, conflicts


def _gap_conflicts(channel: Channel, previous, basis: str, gaps: list[dict],
                   others: list[dict], documents: pd.DataFrame) -> list[dict]:
    """Stated silences disagreeing (beyond the tolerance) with the gap the row reports."""
    if previous == "" or not others:
        return []
    off = [g for g in others if abs(g["days"] - previous) > CONFLICT_TOLERANCE_DAYS]
    if not off:
        return []
    outlet = {d: known_outlet(o) for d, o in zip(documents["doc_id"].tolist(), documents.get(
        "outlet", pd.Series([""] * len(documents))).tolist(), strict=True)}
    accepted = [g for g in gaps if g not in others]

    def row(g: dict, account: str) -> dict:
        last = day_text(g["pub"] - int(round(g["days"]))) if g["pub"] is not None else ""
        return {"fact": "previous_gap_days", "channel": channel.id, "account": account,
                "value": g["value"], "last_contact": last, "doc_ids": [g["doc"]],
                "outlets": sorted({outlet.get(g["doc"], "")} - {""}),
                "evidence": g["evidence"]}
    return [row(g, "accepted") for g in accepted] + [row(g, "disagrees") for g in off]


def sourcing(found, documents) -> pd.DataFrame:
    """Claims per publishing outlet and speaker type (duplicates excluded); each document of
    unknown outlet is its own row, 'unknown outlet (FILE)'."""
    claims = _frame(found, "claims")
    live = _live_docs(documents)
    outlet = {}
    for d in frame_records(documents, _present(documents, DOCUMENT_NAME_FIELDS)):
        outlet[d["doc_id"]] = known_outlet(d.get("outlet")) or \
            f"unknown outlet ({cell_text(d.get('file')) or d['doc_id']})"
    kinds = {"outlet": "cited_outlet"}  # claims.speaker_type 'outlet' -> column cited_outlet
    columns = [kinds.get(k, k) for k in SPEAKER_TYPES]
    counts: dict[str, dict[str, int]] = {}
    for d in sorted(live):
        counts.setdefault(outlet[d], dict.fromkeys(columns, 0))
    if not claims.empty:
        for doc, kind in zip(claims["doc_id"].tolist(), claims["speaker_type"].tolist(),
                             strict=True):
            if doc not in live:
                continue
            kind = cell_text(kind) if cell_text(kind) in SPEAKER_TYPES else "unattributed"
            counts[outlet[doc]][kinds.get(kind, kind)] += 1
    rows = [{"outlet": name, **c, "total": sum(c.values())} for name, c in counts.items()]
    frame = pd.DataFrame(rows, columns=list(SCHEMA["sourcing"]))
    return frame.sort_values("outlet", kind="stable").reset_index(drop=True)


def build_metrics(events_tables: Mapping[str, pd.DataFrame], found: Mapping[str, pd.DataFrame],
                  documents: pd.DataFrame, focus,
                  channels: Channels | None = None) -> dict[str, pd.DataFrame]:
    """trust_index, notice_ledger, cadence, count_conflicts, contacts, sourcing (SCHEMA)."""
    channels = channels or Channels()
    cad, conflicts, contact_rows = cadence(events_tables, found, documents, channels)
    return {
        "trust_index": trust_index(events_tables, found, documents, focus, channels),
        "notice_ledger": notice_ledger(events_tables, documents, channels.min_specificity),
        "cadence": cad,
        "count_conflicts": conflicts,
        "contacts": contact_rows,
        "sourcing": sourcing(found, documents),
    }
