"""Channels and their contacts, one row per channel, from the metrics stage's cadence and
contacts tables; the cell notations of that stage (cited gaps, planned contacts) parsed.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import pandas as pd

from trustbrief.brief.views.cells import (
    as_list,
    day_label,
    range_text,
    short,
    text_column,
    to_date,
    when_label,
    whole_days,
    without_year,
)
from trustbrief.brief.views.events import event_frame
from trustbrief.contract.vocab import UNDAYED_SPAN_DAYS, ContactStatus

CADENCE_COLUMNS = ("channel", "channel_label", "actors", "as_of", "last_contact",
                   "last_contact_label", "last_contact_status", "days_since",
                   "previous_gap_days", "previous_gap_basis", "stated_gaps", "stated_counts",
                   "next_planned_label", "next_planned_date", "next_planned_status",
                   "evidence", "doc_ids")


CONTACT_COLUMNS = ("channel", "event_id", "date", "date_basis", "label", "event_type", "status",
                   "evidence", "doc_ids", "outlets")


CONTACT_STATUSES = tuple(c.value for c in ContactStatus)


# Old cadence rows (one per statement) whose basis says what the row is.
_STATED_GAP_BASES = ("stated", "stated-duration")


_STATED_COUNT_BASES = ("stated-count",)


# The view's stated_gaps / stated_counts: 'nearly 50 days (d39974e08cc)' items, one per
# row of the metrics stage's stated_measures table (see cadence_channels).
_CITED_DOCS = re.compile(r"\s*\((?P<ids>d[0-9a-f]{10}(?:[;, ]+d[0-9a-f]{10})*)\)\s*$")


def split_cited(item: str) -> tuple[str, list[str]]:
    """'nearly 50 days (d39974e08cc)' -> ('nearly 50 days', ['d39974e08cc'])."""
    match = _CITED_DOCS.search(item)
    if not match:
        return item.strip(), []
    return item[:match.start()].strip(), re.findall(r"d[0-9a-f]{10}", match["ids"])


def stated_items(value) -> list[str]:
    """A ';'-joined stated_gaps / stated_counts cell as plain phrases (doc ids dropped), each
    phrase once: many articles repeating 'over 125 times' state one count."""
    return list(dict.fromkeys(split_cited(v)[0] for v in as_list(value) if split_cited(v)[0]))


def next_planned(ch) -> tuple[str, str, str]:
    """(label, ISO date, status) of a channel's next planned or blocked contact, from a view
    row (dict or itertuples row); the status defaults to 'planned'."""
    get = ch.get if isinstance(ch, dict) else lambda name, default="": getattr(ch, name, default)
    status = get("next_planned_status", "") or "planned"
    date = get("next_planned_date", "") or ""
    return get("next_planned_label", "") or "", date if to_date(date) else "", status


def _stated_cells(stated: pd.DataFrame | None, measure: str) -> dict[str, str]:
    """channel -> ';'-joined 'value (doc_id)' items of the stated_measures of one kind."""
    if stated is None or stated.empty:
        return {}
    out: dict[str, list[str]] = {}
    for channel, kind, value, doc in zip(*(text_column(stated, c) for c in (
            "channel", "measure", "value", "doc_id")), strict=True):
        if kind == measure and value:
            out.setdefault(channel, []).append(f"{value} ({doc})" if doc else value)
    return {channel: ";".join(items) for channel, items in out.items()}


def cadence_channels(cadence: pd.DataFrame | None, as_of=None,
                     stated: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per channel with the CADENCE_COLUMNS (all strings), sorted by channel label.

    Reads the current table (one row per channel) and the older one (one row per
    statement: channel, last_contact, date, days_since, basis, value, channel_name).
    `stated`: the metrics stage's stated_measures table, which fills the view's
    stated_gaps and stated_counts ('nearly 50 days (d...)' items).
    """
    if cadence is None or cadence.empty or "channel" not in cadence.columns:
        return pd.DataFrame(columns=list(CADENCE_COLUMNS))
    if "channel_label" in cadence.columns:
        frame = pd.DataFrame({c: text_column(cadence, c) for c in CADENCE_COLUMNS})
        for column, measure in (("stated_gaps", "silence"), ("stated_counts", "contacts")):
            cells = _stated_cells(stated, measure)
            frame[column] = [cells.get(ch, "") for ch in frame["channel"]]
    else:
        frame = _cadence_from_statements(cadence, as_of)
    frame = frame[frame["channel"] != ""].drop_duplicates("channel")
    frame["channel_label"] = frame["channel_label"].where(frame["channel_label"] != "",
                                                          frame["channel"])
    return frame.reset_index(drop=True)  # the metrics stage's order


def _cadence_from_statements(cadence: pd.DataFrame, as_of) -> pd.DataFrame:
    """The older per-statement cadence table folded into one row per channel."""
    old = pd.DataFrame({c: text_column(cadence, c) for c in
                        ("channel", "channel_name", "last_contact", "date", "days_since",
                         "basis", "value", "evidence", "doc_ids")})
    rows = []
    for channel, group in old.groupby("channel", sort=True):
        stated = group[group["basis"].isin(_STATED_GAP_BASES)]
        counts = group[group["basis"].isin(_STATED_COUNT_BASES)]
        dated = group[~group["basis"].isin(_STATED_GAP_BASES + _STATED_COUNT_BASES)
                      & (group["last_contact"] != "")]
        gaps = [d for d in map(whole_days, stated["days_since"]) if d is not None]
        last = max(dated["last_contact"], default="")
        if not last and len(stated):
            last = max(stated["date"], default="")
        day = to_date(as_of) or to_date(max(group["date"], default=""))
        since = "" if not last or day is None else str((day - to_date(last)).days)
        top = (stated if gaps else group).iloc[0]
        rows.append({
            "channel": channel, "channel_label": max(group["channel_name"], key=len) or channel,
            "actors": "", "as_of": "" if day is None else f"{day:%Y-%m-%d}", "last_contact": last,
            "last_contact_label": "", "last_contact_status": "asserted" if last else "",
            "days_since": since, "previous_gap_days": str(max(gaps)) if gaps else "",
            "previous_gap_basis": "stated" if gaps else "",
            "stated_gaps": ";".join(v for v in stated["value"] if v),
            "stated_counts": ";".join(v for v in counts["value"] if v),
            "next_planned_label": "", "next_planned_date": "", "next_planned_status": "",
            "evidence": top["evidence"], "doc_ids": top["doc_ids"]})
    return pd.DataFrame(rows, columns=list(CADENCE_COLUMNS))


def cadence_contacts(channels: pd.DataFrame, contacts: pd.DataFrame | None = None,
                     events: pd.DataFrame | None = None,
                     blocked_types: Sequence[str] = ("visit_blocked",)) -> pd.DataFrame:
    """Dated contacts per channel (CONTACT_COLUMNS + day), one row per channel and event.

    Without a contacts table, each channel's last contact and next planned date stand in,
    and blocked events whose actors include a channel's actors are added to it.
    """
    if contacts is not None and not contacts.empty and "channel" in contacts.columns:
        frame = pd.DataFrame({c: text_column(contacts, c) for c in CONTACT_COLUMNS})
    else:
        frame = _contacts_from_channels(channels, events, blocked_types)
    frame = frame.assign(status=frame["status"].where(frame["status"].isin(CONTACT_STATUSES),
                                                      "asserted"))
    frame["day"] = frame["date"].map(to_date)
    frame = frame[frame["day"].notna() & frame["channel"].isin(set(channels["channel"]))]
    frame = frame.drop_duplicates(["channel", "event_id", "date", "status"])
    ends, starts, span_ends = _contact_spans(frame, events)
    frame = frame.assign(day_end=ends, span_start=starts, span_end=span_ends)
    return frame.sort_values(["channel", "date", "event_id"]).reset_index(drop=True)


def _contact_spans(frame: pd.DataFrame, events: pd.DataFrame | None
                   ) -> tuple[list, list, list]:
    """Each contact's last possible day, and the first and last day of its label, from its
    event's date range. The last possible day is the event's date_latest when the articles
    date it only to a span wider than a week ('met in September'), else its day. The label's
    span is the event's range when that is shorter than a week ('8–9 Oct': a lede's
    'reported' date, a two-day summit): drawn at its day, labelled with the span, as the
    findings tell it; otherwise the day twice."""
    spans = {}
    if events is not None and not events.empty and "date_latest" in events:
        spans = {e: (to_date(lo), to_date(hi)) for e, lo, hi in zip(
            text_column(events, "event_id"), text_column(events, "date_earliest"),
            text_column(events, "date_latest"), strict=True)}
    ends, starts, span_ends = [], [], []
    for event_id, day in zip(frame["event_id"], frame["day"], strict=True):
        lo, hi = spans.get(event_id, (None, None))
        wide = hi is not None and (hi - day).days >= UNDAYED_SPAN_DAYS
        ends.append(hi if wide else day)
        short_span = not wide and lo is not None and hi is not None and lo <= day <= hi and \
            (hi - lo).days < UNDAYED_SPAN_DAYS
        starts.append(lo if short_span else day)
        span_ends.append(hi if short_span else day)
    return ends, starts, span_ends


def vague_when(day: pd.Timestamp, end: pd.Timestamp) -> str:
    """A contact's date as the articles know it: 'September 2025' for a month, '1–20 Sep
    2025' for another span, else the day."""
    if end is None or end == day:
        return day_label(day)
    return when_label(day, "month") if day.day == 1 and (end + pd.Timedelta(days=1)).day == 1 \
        and day.month == end.month else range_text(day, end)


def contact_silences(points: pd.DataFrame) -> pd.DataFrame:
    """The stretches of each channel with no held (or blocked: the attempt was made) contact
    in any contact's span: from the last day the contacts so far may fall on to the first day
    the next one may. A bound set by a contact dated only to a month makes the count a
    minimum (`at_least`). Columns: channel, first, last, days, at_least, before, after (the
    contacts' rows on either side)."""
    rows = []
    held = points[points["status"].isin(("asserted", "blocked"))]
    for channel, mine in held.groupby("channel", sort=True):
        mine = mine.sort_values(["day", "day_end", "event_id"])
        reach = None
        for r in mine.itertuples():
            if reach is not None and (r.day - reach.day_end).days >= 1:
                rows.append({"channel": channel, "first": reach.day_end, "last": r.day,
                             "days": (r.day - reach.day_end).days,
                             "at_least": reach.day_end != reach.day or r.day_end != r.day,
                             "before": reach, "after": r})
            if reach is None or r.day_end > reach.day_end:
                reach = r
    return pd.DataFrame(rows, columns=["channel", "first", "last", "days", "at_least", "before",
                                       "after"])


def _contacts_from_channels(channels, events, blocked_types) -> pd.DataFrame:
    rows = []
    for r in channels.itertuples():
        if r.last_contact:
            rows.append({"channel": r.channel, "event_id": f"{r.channel}:last",
                         "date": r.last_contact, "label": r.last_contact_label,
                         "status": r.last_contact_status, "evidence": r.evidence,
                         "doc_ids": r.doc_ids})
        label, date, status = next_planned(r)
        if date and date != r.last_contact:
            rows.append({"channel": r.channel, "event_id": f"{r.channel}:next",
                         "date": date, "label": label, "status": status, "doc_ids": r.doc_ids})
    ev = event_frame(events)
    blocked = ev[ev["event_type"].isin(blocked_types)]
    for r in channels.itertuples():
        actors = set(as_list(r.actors))
        if any(row["channel"] == r.channel and row["status"] == "blocked" for row in rows):
            continue
        for e in blocked.itertuples():
            # all of the channel's actors take part (the metrics stage's rule for contacts)
            if actors and actors <= set(as_list(text_column(events, "actors")[e.Index])):
                rows.append({"channel": r.channel, "event_id": e.event_id, "date": e.date,
                             "label": e.label, "event_type": e.event_type, "status": "blocked",
                             "evidence": e.evidence, "doc_ids": e.doc_ids})
    frame = pd.DataFrame(rows, columns=list(CONTACT_COLUMNS), dtype=object)
    return frame.fillna("")


def silence_is_current(ch) -> bool:
    """A stated gap that matches the days since the last contact describes the silence
    after it (up to the time of writing), not a gap before it."""
    gap, since = whole_days(ch.previous_gap_days), whole_days(ch.days_since)
    return bool(gap and since is not None and abs(gap - since) <= max(7, 0.2 * gap))


def gap_text(days: int, basis: str, since: pd.Timestamp | None = None,
             at_least: bool = False) -> str:
    """'~50 days without contact (stated)': stated gaps are approximate; a measured gap is
    only an absence of DATED contact ('33 days without a dated contact'), and one that began
    before the chart's first day says since when ('no dated contact since 18 Aug 2024 (416
    days)')."""
    span = ("at least " if at_least else "") + f"{days} day" + ("" if days == 1 else "s")
    if basis == "stated":
        return f"~{span} without contact (stated)"
    if since is not None:  # short enough to stand whole on a phone's chart
        return f"no dated contact since {day_label(since)} ({span})"
    return f"{span} without a dated contact"


def contact_when(r) -> str:
    """A contact's date as certain as the articles know it, with its year: 'September 2025'
    or '1–20 Sep 2025' for a contact dated only to a span (vague_when), '8–9 Oct 2025' for a
    short span (its event's date range), else the day."""
    day, day_end = r.day, getattr(r, "day_end", r.day)
    if day_end != day:
        return vague_when(day, day_end)
    return range_text(getattr(r, "span_start", None) or day, getattr(r, "span_end", None) or day)


def contact_text(r) -> str:
    """'blocked 9 Oct: A and B meet': the status leads, so the label's own '(planned)' goes."""
    label = re.sub(r"\s*\(planned\)\s*$", "", str(r.label or ""))
    when = without_year(contact_when(r))
    return f"{r.status} {when}: {label}" if label else f"{r.status} {when}"


def contact_day(r) -> str:
    """'21 Aug', '8–9 Oct' (a short span); a contact dated only to a month (its bar spans
    it): 'Aug 2024'."""
    return without_year(contact_when(r)) if getattr(r, "day_end", r.day) == r.day else \
        f"{r.day:%b %Y}"


MIN_SILENCE_DAYS = 7  # dated contacts closer than this leave no silence worth a bar


def gap_rows(channels: pd.DataFrame) -> pd.DataFrame:
    """The gap bar of each channel: before the last contact, or after it when it is the
    current silence (then it ends at the next planned contact or as-of date). A silence
    reported without any dated contact ends at the time of writing (as-of)."""
    rows = []
    for ch in channels.itertuples():
        last, days = to_date(ch.last_contact), whole_days(ch.previous_gap_days)
        as_of = to_date(ch.as_of)
        basis = ch.previous_gap_basis or "events"
        if not days or (last is None and as_of is None) or (
                basis != "stated" and days < MIN_SILENCE_DAYS):  # a day or two is no silence
            continue
        if last is None:
            first, end = as_of - pd.Timedelta(days=days), as_of
        else:
            first, end = last - pd.Timedelta(days=days), last
        if last is not None and silence_is_current(ch):  # up to the time of writing, not past
            first, end = last, last + pd.Timedelta(days=days)
            end = min(end, to_date(ch.as_of) or end)
        rows.append({"channel": ch.channel, "first": first, "last": end, "days": days,
                     "basis": basis, "text": gap_text(days, basis),
                     "stated": ", ".join(stated_items(ch.stated_gaps)) or "-",
                     "evidence": short(ch.evidence, 240)})
    return pd.DataFrame(rows, columns=["channel", "first", "last", "days", "basis", "text",
                                       "stated", "evidence"])
