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

from trustbrief import events as ev
from trustbrief.knowledge import DataFileError, compile_pattern, load_yaml, require_keys

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

SCHEMA: dict[str, dict[str, str]] = {
    "trust_index": {
        "date": "day with at least one reading (YYYY-MM-DD)",
        "index": "running sum of daily changes (0 = where the record starts)",
        "low": "lower edge of the uncertainty band",
        "high": "upper edge of the uncertainty band",
        "n_signals": "readings that day (trust signals and event impacts)",
        "n_origins": "independent origins behind the day's readings",
        "events": "labels of the events whose impact or signals fall on that day",
        "change": "the day's change (mean of the origins' votes)",
        "basis": "how the day's readings were dated: sentence|event|publication counts",
    },
    "notice_ledger": {
        "event_id": "event",
        "label": "event label",
        "date": "event date ('' if unknown)",
        "actor": "who carried out the operation (agent, else its side)",
        "notice": "advance notice the other focus side got: none|minutes|hours|days|unknown",
        "accounts": "every account of the notice as 'level: doc ids'",
        "evidence": "the sentence the event rests on",
        "doc_ids": "documents mentioning the event",
        "outlets": "outlets mentioning the event",
        "notice_to": "side whose advance notice is recorded",
        "n_origins": "independent origins of the event",
    },
    "cadence": {
        "channel": "channel id (data/channels.yaml)",
        "last_contact": "date of the last contact this account implies ('' for counts)",
        "date": "as-of date: the latest publication date in the corpus",
        "days_since": "days from last_contact to the as-of date ('' if unknown)",
        "basis": "event | event-planned | stated-duration | stated-count",
        "evidence": "the event label or the sentence stating the measure",
        "value": "the measure as written ('nearly 50 days', 'over 125 times') or the event id",
        "doc_ids": "documents behind the account",
        "channel_name": "how the brief names the channel",
    },
    "count_conflicts": {
        "fact": "what the accounts disagree on (days_since_contact)",
        "channel": "channel id",
        "account": "accepted (latest implied contact) or disagrees",
        "value": "the measure as written",
        "last_contact": "date of the last contact the account implies",
        "doc_ids": "documents giving this account",
        "outlets": "outlets giving this account",
        "evidence": "the sentence giving this account",
    },
    "sourcing": {
        "publisher": "outlet that published the documents ('unknown' if not known)",
        "named_official": "claims attributed to a named official",
        "anonymous_official": "claims attributed to anonymous officials",
        "outlet": "claims attributed to another outlet",
        "organization": "claims attributed to an organization",
        "unattributed": "claims without attribution",
        "total": "all claims",
    },
}

SPEAKER_TYPES = ("named_official", "anonymous_official", "outlet", "organization",
                 "unattributed")
NOTICE_DEFAULTS = {"none": -1.0, "unknown": -0.5, "minutes": -0.75, "hours": -0.5, "days": 0.0}
CONFLICT_TOLERANCE_DAYS = 3  # implied last-contact dates closer than this agree


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


def load_channels(data_dir: Path | str) -> Channels:
    """Read and validate data/channels.yaml."""
    path = Path(data_dir) / "channels.yaml"
    doc = load_yaml(path) or {}
    require_keys(path, "top level", doc, ["channels"], ["contact_cues", "silence_cues", "index"])
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
    return Channels(tuple(channels), contact, silence, impact, **numbers)


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

def _text(value) -> str:
    return ev._text(value)


def _focus(focus) -> tuple[str, str]:
    if isinstance(focus, str):
        left, _, right = focus.replace(" ", "").partition("->")
        return left, right
    a, b = focus
    return str(a), str(b)


def _frame(found: Mapping, name: str) -> pd.DataFrame:
    frame = found.get(name)
    return frame if frame is not None else pd.DataFrame()


def _live_docs(documents: pd.DataFrame) -> set[str]:
    """Documents that count: duplicates never do."""
    if "duplicate_of" not in documents:
        return set(documents["doc_id"])
    return set(documents.loc[documents["duplicate_of"].map(_text) == "", "doc_id"])


def _published(documents: pd.DataFrame) -> dict[str, str]:
    return {d: _text(p)[:10] for d, p in zip(documents["doc_id"], documents.get(
        "published", pd.Series([""] * len(documents))), strict=True)}


def _ordinal(value) -> int | None:
    return ev._ordinal(value)


def _iso(ordinal: int | None) -> str:
    return ev._iso(ordinal)


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
    operations = events[events["operation"].map(ev._truthy)] if "operation" in events \
        else events
    dates = dict(zip(operations["event_id"], operations["date"], strict=True))
    labels = dict(zip(events["event_id"], events["label"], strict=True))
    by_sent: dict[tuple[str, str], tuple[str, str]] = {}
    for doc, sent, eid in zip(mentions["doc_id"], mentions["sent_id"], mentions["event_id"],
                              strict=True):
        date = _text(dates.get(eid, ""))
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
    for doc, sent, date, kind in zip(times["doc_id"], times["sent_id"], times["date"], kinds,
                                     strict=True):
        if _text(date) and _text(kind) not in ("duration", "count"):
            out.setdefault((doc, sent), _text(date)[:10])
    return out


def _signal_readings(events_tables, found, documents, focus, params: Channels, origin):
    """One reading per usable trust signal: (date, origin, value, basis, event_id)."""
    signals = _frame(found, "trust_signals")
    if signals.empty:
        return []
    live = _live_docs(documents)
    published = _published(documents)
    event_dates, _ = _sentence_event_dates(events_tables)
    times = _sentence_times(found)
    a, b = focus
    readings = []
    for s in signals.to_dict("records"):
        if s["doc_id"] not in live:
            continue
        left, right, mutual = ev.direction_sides(s.get("direction"))
        if mutual and not {left, right} == {a, b}:
            continue
        if not mutual and (left not in ("", "?", a) or right not in ("", "?", b)):
            continue
        key = (s["doc_id"], s["sent_id"])
        eid = event_dates.get(key, ("", ""))[1]
        if key in times:
            date, basis = times[key], "sentence"
        elif key in event_dates:
            date, basis = event_dates[key][0], "event"
        else:
            date, basis = published.get(s["doc_id"], ""), "publication"
        if not date:
            continue
        value = float(s.get("polarity") or 0) * float(s.get("weight") or 1.0)
        if ev._truthy(s.get("negated")):
            value = -value * params.negated_factor
        readings.append((date, origin(s["doc_id"], [s["sent_id"]]), value, basis, eid))
    return readings


def _event_readings(events_tables, focus, params: Channels):
    """Operations by the focus subject against a third party, scored by the notice given."""
    events = events_tables.get("events", pd.DataFrame())
    if events.empty:
        return []
    a, b = focus
    out = []
    for e in events.to_dict("records"):
        if not e.get("operation") or e.get("agent_side") != b or e.get("notice_to") != a:
            continue
        level = _text(e.get("us_notice"))
        if level not in params.notice_impact or not _text(e.get("date")):
            continue
        for origin in ev.as_list(e.get("origins")) or [e["event_id"]]:
            out.append((e["date"], origin, params.notice_impact[level], "event", e["event_id"]))
    return out


def trust_index(events_tables, found, documents, focus=("US", "Israel"),
                params: Channels | None = None) -> pd.DataFrame:
    """The trust index with its band (see METHOD)."""
    params = params or Channels()
    focus = _focus(focus)
    origin = ev.origin_finder(found, documents)
    readings = _signal_readings(events_tables, found, documents, focus, params, origin) + \
        _event_readings(events_tables, focus, params)
    labels = _sentence_event_dates(events_tables)[1]
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

def notice_ledger(events_tables) -> pd.DataFrame:
    events = events_tables.get("events", pd.DataFrame())
    rows = []
    for e in ([] if events.empty else events.to_dict("records")):
        if not e.get("operation") or e.get("us_notice") in ("", "n/a"):
            continue
        rows.append({
            "event_id": e["event_id"], "label": e["label"], "date": e["date"],
            "actor": e.get("agent") or e.get("agent_side", ""), "notice": e["us_notice"],
            "accounts": list(e.get("notice_accounts") or []), "evidence": e["evidence"],
            "doc_ids": list(e["doc_ids"]), "outlets": list(e.get("outlets") or []),
            "notice_to": e.get("notice_to", ""), "n_origins": e.get("n_origins", 0),
        })
    frame = pd.DataFrame(rows, columns=list(SCHEMA["notice_ledger"]))
    return frame.sort_values(["date", "event_id"], kind="stable").reset_index(drop=True)


def _channel_events(channel: Channel, events: pd.DataFrame, as_of: int | None) -> list[dict]:
    rows = []
    for e in ([] if events.empty else events.to_dict("records")):
        day = _ordinal(e.get("date"))
        if (e["event_type"] not in channel.contact_types or day is None
                or not set(channel.actors) <= set(ev.as_list(e.get("actors")))):
            continue
        planned = e.get("status") == "planned"
        if planned and as_of is not None and day > as_of:
            continue
        rows.append({
            "channel": channel.id, "last_contact": e["date"],
            "basis": "event-planned" if planned else "event",
            "evidence": f"{e['label']}: {e['evidence']}", "value": e["event_id"],
            "doc_ids": list(e["doc_ids"])})
    return rows


def _sentence_actors(found: Mapping) -> dict[tuple[str, str], set[str]]:
    """Actors named in each sentence: actor mentions plus the actors of event mentions."""
    out: dict[tuple[str, str], set[str]] = defaultdict(set)
    am = _frame(found, "actor_mentions")
    if not am.empty:
        for doc, sent, actor in zip(am["doc_id"], am["sent_id"], am["actor"], strict=True):
            if _text(actor):
                out[(doc, sent)].add(actor)
    mentions = _frame(found, "mentions")
    if not mentions.empty and "actors" in mentions:
        for doc, sent, actors in zip(mentions["doc_id"], mentions["sent_id"],
                                     mentions["actors"], strict=True):
            out[(doc, sent)].update(ev.as_list(actors))
    return out


def _sentence_texts(found: Mapping) -> dict[tuple[str, str], str]:
    """Sentence texts carried by any extracted frame (found has no sentences table)."""
    out: dict[tuple[str, str], str] = {}
    for name in ("sentences", "mentions", "trust_signals", "claims"):
        frame = _frame(found, name)
        if frame.empty or "text" not in frame:
            continue
        for doc, sent, text in zip(frame["doc_id"], frame["sent_id"], frame["text"],
                                   strict=True):
            out.setdefault((doc, sent), _text(text))
    return out


def _channel_measures(channel: Channel, found: Mapping, documents: pd.DataFrame,
                      params: Channels) -> list[dict]:
    """Silences ('have not spoken in nearly 50 days': a silence cue) and counts ('spoken by
    phone over 125 times': a contact cue) stated in a sentence naming all the channel's
    actors."""
    times = _frame(found, "time_expressions")
    if times.empty or "kind" not in times:
        return []
    actors = _sentence_actors(found)
    texts = _sentence_texts(found)
    live, published = _live_docs(documents), _published(documents)
    rows = []
    for t in times.to_dict("records"):
        key = (t["doc_id"], t["sent_id"])
        if t["kind"] not in ("duration", "count") or t["doc_id"] not in live:
            continue
        if not set(channel.actors) <= actors.get(key, set()):
            continue
        text = _text(texts.get(key, ""))
        cue = params.silence_cue if t["kind"] == "duration" else params.contact_cue
        if cue is None or not cue.search(text):
            continue
        days = t.get("measure_days")
        last = ""
        pub = _ordinal(published.get(t["doc_id"]))
        if t["kind"] == "duration" and days == days and days is not None and pub is not None:
            last = _iso(pub - int(round(float(days))))
        rows.append({
            "channel": channel.id, "last_contact": last,
            "basis": "stated-duration" if t["kind"] == "duration" else "stated-count",
            "evidence": text, "value": _text(t["text"]), "doc_ids": [t["doc_id"]]})
    return rows


def cadence(events_tables, found, documents, channels: Channels | None = None
            ) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Per channel, every account of the last contact; and the conflicts between stated ones."""
    channels = channels or Channels()
    events = events_tables.get("events", pd.DataFrame())
    live = _live_docs(documents)
    dates = [_ordinal(p) for d, p in _published(documents).items() if d in live]
    as_of = max((d for d in dates if d is not None), default=None)
    rows = []
    for channel in channels.channels:
        for row in _channel_events(channel, events, as_of) + \
                _channel_measures(channel, found, documents, channels):
            last = _ordinal(row["last_contact"])
            row.update(date=_iso(as_of),
                       days_since=(as_of - last) if last is not None and as_of is not None
                       else "", channel_name=channel.name)
            rows.append(row)
    frame = pd.DataFrame(rows, columns=list(SCHEMA["cadence"]))
    frame = frame.sort_values(["channel", "basis", "last_contact", "value"],
                              kind="stable").reset_index(drop=True)
    return frame, _count_conflicts(frame, documents)


def _count_conflicts(frame: pd.DataFrame, documents: pd.DataFrame) -> pd.DataFrame:
    outlet = {d: ev._known_outlet(o) for d, o in zip(documents["doc_id"], documents.get(
        "outlet", pd.Series([""] * len(documents))), strict=True)}
    rows = []
    stated = frame[(frame["basis"] == "stated-duration") & (frame["last_contact"] != "")]
    for channel, group in stated.groupby("channel", sort=True):
        days = [_ordinal(x) for x in group["last_contact"]]
        if max(days) - min(days) <= CONFLICT_TOLERANCE_DAYS:
            continue
        latest = max(days)
        for row, day in zip(group.to_dict("records"), days, strict=True):
            docs = sorted(row["doc_ids"])
            rows.append({
                "fact": "days_since_contact", "channel": channel,
                "account": "accepted" if day == latest else "disagrees",
                "value": row["value"], "last_contact": row["last_contact"], "doc_ids": docs,
                "outlets": sorted({_text(outlet.get(d)) for d in docs} - {""}),
                "evidence": row["evidence"]})
    out = pd.DataFrame(rows, columns=list(SCHEMA["count_conflicts"]))
    return out.sort_values(["channel", "last_contact", "value"], kind="stable"
                           ).reset_index(drop=True)


def sourcing(found, documents) -> pd.DataFrame:
    """Claims per publishing outlet and speaker type (duplicates excluded)."""
    claims = _frame(found, "claims")
    live = _live_docs(documents)
    outlet = {d: ev._known_outlet(o) or "unknown" for d, o in zip(
        documents["doc_id"], documents.get("outlet", pd.Series([""] * len(documents))),
        strict=True)}
    counts: dict[str, dict[str, int]] = {}
    for d in sorted(live):
        counts.setdefault(outlet.get(d, "unknown"), dict.fromkeys(SPEAKER_TYPES, 0))
    if not claims.empty:
        for doc, kind in zip(claims["doc_id"], claims["speaker_type"], strict=True):
            if doc not in live:
                continue
            row = counts.setdefault(outlet.get(doc, "unknown"), dict.fromkeys(SPEAKER_TYPES, 0))
            kind = _text(kind) if _text(kind) in SPEAKER_TYPES else "unattributed"
            row[kind] += 1
    rows = [{"publisher": name, **c, "total": sum(c.values())} for name, c in counts.items()]
    frame = pd.DataFrame(rows, columns=list(SCHEMA["sourcing"]))
    return frame.sort_values("publisher", kind="stable").reset_index(drop=True)


def build_metrics(events_tables: Mapping[str, pd.DataFrame], found: Mapping[str, pd.DataFrame],
                  documents: pd.DataFrame, focus=("US", "Israel"),
                  channels: Channels | None = None) -> dict[str, pd.DataFrame]:
    """trust_index, notice_ledger, cadence, count_conflicts, sourcing (see SCHEMA, METHOD)."""
    channels = channels or Channels()
    cad, conflicts = cadence(events_tables, found, documents, channels)
    return {
        "trust_index": trust_index(events_tables, found, documents, focus, channels),
        "notice_ledger": notice_ledger(events_tables),
        "cadence": cad,
        "count_conflicts": conflicts,
        "sourcing": sourcing(found, documents),
    }

