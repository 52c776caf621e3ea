"""The trust index: readings from trust signals and event impacts, by day, with a band."""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Mapping

import pandas as pd

from trustbrief import events as ev
from trustbrief.events.records import memoized, truthy
from trustbrief.metrics.channels import Channels
from trustbrief.metrics.frames import (
    SCHEMA,
    focus_pair,
    live_docs,
    published_days,
    typed_frame,
    value_list,
)
from trustbrief.origins import Origins
from trustbrief.tables import cell_text, frame_records, str_column

METHOD = """\
Trust index (focus OBSERVER->SUBJECT, e.g. A->B: how far A trusts B).
Readings. Every trust signal extract found whose direction is OBSERVER->SUBJECT, mutual
between the two, or of unknown direction is one reading: its polarity (-1 erodes trust, +1
builds it) times its weight; a negated cue counts with its sign flipped, times
`negated_factor`. A signal inside one side (direction A->A: the act's parties all on one
side, 'the prime minister vetoed his minister's trip') is no reading. Every operation by
SUBJECT against a third party adds a reading on its date from the advance notice OBSERVER
got (`notice_impact`: none < minutes < hours < days).
Dates. A signal takes the date of the time expression governing its sentence (basis
'sentence'); else, in a sentence about a dated operation ('caught off guard by the strike'),
the operation's date ('event'); else its document's publication date ('publication');
signals with none of these are left out.
Independence. Readings are grouped by origin (trustbrief.origins, the one rule: the outlet
the sentence cites, else the document's origin - the wire or scoop it relays, a copy's
original - else its outlet): three copies of one report are one origin. On each day, each
origin's readings are averaged into one vote; the day's change is the mean of the votes.
Index. The index is the running sum of the daily changes, starting at 0 (no change); it is
relative, not an absolute level of trust.
Uncertainty. A day's change has standard error sd / sqrt(number of independent origins that
day); the errors add up in quadrature along the running sum, and the band is index +/- z
standard errors: more independent origins behind a day make its step, and the band, narrower.
"""


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
    times = typed_frame(found, "time_expressions")
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
    signals = typed_frame(found, "trust_signals")
    if signals.empty:
        return []
    live = live_docs(documents)
    published = published_days(documents)
    if event_dates is None:
        event_dates = _sentence_event_dates(events_tables)[0]
    times = _sentence_times(found)
    a, b = focus
    readings = []
    sides = memoized(ev.direction_sides)  # a handful of distinct directions
    for doc_id, sent_id, direction, polarity, weight, negated in zip(
            *(value_list(signals, name) for name in SIGNAL_FIELDS), strict=True):
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


# how a reading is dated (one integer column each in trust_index: n_dated_by_<basis>)
READING_BASES = ("sentence", "event", "publication")

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
                params: Channels | None = None, origins: Origins | None = None
                ) -> pd.DataFrame:
    """The trust index with its band (see METHOD); `origins`: Origins.from_tables(documents,
    found["claims"]) when the caller has it."""
    params = params or Channels()
    focus = focus_pair(focus)
    origin = (origins or Origins.from_tables(documents, found.get("claims"))).of
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
            **{f"n_dated_by_{basis}": bases[basis] for basis in READING_BASES},
        })
    return pd.DataFrame(rows, columns=list(SCHEMA["trust_index"]))
