"""Channel cadence: contacts per channel, last contact, stated silences and counts."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping

import pandas as pd

from trustbrief import events as ev
from trustbrief.contract.vocab import UNDAYED_SPAN_DAYS, StatedMeasure
from trustbrief.events.records import day_number, day_text
from trustbrief.metrics.channels import CONFLICT_TOLERANCE_DAYS, Channel, Channels
from trustbrief.metrics.frames import SCHEMA, live_docs, published_days, rows_of, typed_frame
from trustbrief.origins import known_outlet
from trustbrief.tables import actors_by_sentence, cell_text, frame_records


def _status(event: Mapping, blocks: list[dict]) -> str:
    """asserted | planned | blocked: a plan is blocked when a blocking event (channels.yaml
    blocking_types) involving one of its participants is dated within a week before it, or
    is undated."""
    if event.get("status") != "planned":
        return "asserted"
    day = day_number(event.get("date"))
    people = set(ev.as_list(event.get("actors")))
    for b in blocks:
        # who was stopped: the blocking event's targets ('blocks the minister's trip'), else all
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


def _sentence_texts(found: Mapping, keys: set | None = None) -> dict[tuple[str, str], str]:
    """Sentence texts carried by any extracted frame (found has no sentences table); only
    for `keys` when given."""
    out: dict[tuple[str, str], str] = {}
    for name in ("sentences", "mentions", "trust_signals", "claims"):
        frame = typed_frame(found, name)
        if frame.empty or "text" not in frame:
            continue
        for doc, sent, text in rows_of(frame, keys, ["doc_id", "sent_id", "text"]):
            key = (doc, sent)
            if key not in out and (keys is None or key in keys):
                out[key] = cell_text(text)
    return out


def _measured_sentences(found: Mapping, documents: pd.DataFrame) -> list[tuple]:
    """(time expression record, actors named in its sentence, sentence text) for every duration
    or count in a live document: built once and shared by all channels."""
    times = typed_frame(found, "time_expressions")
    if times.empty or "kind" not in times:
        return []
    live = live_docs(documents)
    keep = times["kind"].isin(("duration", "count")) & times["doc_id"].isin(live)
    records = frame_records(times[keep])
    if not records:
        return []
    keys = {(t["doc_id"], t["sent_id"]) for t in records}
    actors = actors_by_sentence(found, keys, with_event_actors=True)
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
    published = published_days(documents)
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
            ) -> dict[str, pd.DataFrame]:
    """cadence (one row per channel), stated_measures, count_conflicts and contacts; see
    SCHEMA."""
    channels = channels or Channels()
    live = live_docs(documents)
    published = published_days(documents)
    dates = [day_number(p) for d, p in published.items() if d in live]
    as_of = max((d for d in dates if d is not None), default=None)
    contact_rows = contacts(events_tables, channels)
    measured = _measured_sentences(found, documents)
    spans = _vague_spans(events_tables.get("events", pd.DataFrame()))
    by_channel: dict[str, list[dict]] = defaultdict(list)
    for c in frame_records(contact_rows):
        by_channel[c["channel"]].append({**c, "span": spans.get(c["event_id"])})
    rows, conflicts, stated = [], [], []
    for channel in channels.channels:
        row, gap_conflicts, measures = _cadence_row(channel, by_channel[channel.id], found,
                                                    documents, channels, as_of, published,
                                                    measured)
        rows.append(row)
        conflicts += gap_conflicts
        stated += measures
    frame = pd.DataFrame(rows, columns=list(SCHEMA["cadence"]))
    for col in ("days_since", "previous_gap_days"):  # '' = unknown: a missing integer
        frame[col] = pd.array([None if v == "" else v for v in frame[col]], dtype="Int64")
    frame = frame.sort_values("channel", kind="stable").reset_index(drop=True)
    out = pd.DataFrame(conflicts, columns=list(SCHEMA["count_conflicts"]))
    out = out.sort_values(["channel", "last_contact", "value"], kind="stable"
                          ).reset_index(drop=True)
    return {"cadence": frame, "stated_measures": _stated_frame(stated),
            "count_conflicts": out, "contacts": contact_rows}


def _stated_frame(measures: list[dict]) -> pd.DataFrame:
    """stated_measures rows from _channel_measures' (kept in their order per channel)."""
    rows = [{"channel": m["channel"],
             "measure": StatedMeasure.SILENCE if m["basis"] == "stated-duration"
             else StatedMeasure.CONTACTS, "value": m["value"],
             "days": m["days"] if m["basis"] == "stated-duration" else None,
             "doc_id": m["doc_ids"][0], "evidence": m["evidence"]} for m in measures]
    frame = pd.DataFrame(rows, columns=list(SCHEMA["stated_measures"]))
    frame["days"] = frame["days"].astype("float64")
    return frame.sort_values(["channel", "measure"], kind="stable").reset_index(drop=True)


def _vague_spans(events: pd.DataFrame) -> dict[str, tuple[int, int]]:
    """event_id -> (first, last day) of the events the articles date only to a span wider
    than a week ('met in September'): such a contact happened somewhere in it, on no day."""
    if events is None or events.empty or "date_latest" not in events:
        return {}
    out = {}
    for event_id, lo, hi in zip(events["event_id"].map(cell_text), events["date_earliest"],
                                events["date_latest"], strict=True):
        first, last = day_number(lo), day_number(hi)
        if first is not None and last is not None and last - first >= UNDAYED_SPAN_DAYS:
            out[event_id] = (first, last)
    return out


def _previous_gap(days: list[dict], vague: list[tuple[int, int]]) -> int | str:
    """Days between the last two contacts dated to the day, or '' when a contact dated only
    to a span (a month) may fall between them: that silence cannot be counted in days."""
    if len(days) < 2:
        return ""
    first, last = day_number(days[-2]["date"]), day_number(days[-1]["date"])
    if any(lo <= last and first < hi for lo, hi in vague):
        return ""
    return last - first


def _cadence_row(channel: Channel, mine: list[dict], found, documents, params: Channels,
                 as_of: int | None, published: dict, measured: list | None = None
                 ) -> tuple[dict, list[dict], list[dict]]:
    held = sorted((c for c in mine if c["status"] == "asserted" and day_number(c["date"])
                   is not None and (as_of is None or day_number(c["date"]) <= as_of)),
                  key=lambda c: (c["date"], c["event_id"]))
    done = [c for c in held if c.get("span") is None]  # contacts dated to the day
    vague = [c["span"] for c in held if c.get("span") is not None]
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
    previous, basis, others = _previous_gap(done, vague), "", []
    if previous != "":
        basis, others = "events", [g for g in gaps if g["days"] is not None]
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
        "next_planned_label": nxt["label"] if nxt else "",
        "next_planned_date": nxt["date"] if nxt else "",
        "next_planned_status": nxt["status"] if nxt else "",
        "evidence": " | ".join(dict.fromkeys(e for e in evidence if e)),
        "doc_ids": sorted(docs),
    }
    return row, conflicts, measures


def _gap_conflicts(channel: Channel, previous, basis: str, gaps: list[dict],
                   others: list[dict], documents: pd.DataFrame) -> list[dict]:
    """Stated silences disagreeing (beyond the tolerance) with the gap the row reports."""
    if previous == "" or not others:
        return []
    off = [g for g in others if abs(g["days"] - previous) > CONFLICT_TOLERANCE_DAYS]
    if not off:
        return []
    accepted = [g for g in gaps if g not in others]
    cited = {g["doc"] for g in (*accepted, *off)}  # the outlets of these documents only
    outlet = {d: known_outlet(o) for d, o in zip(documents["doc_id"].tolist(), documents.get(
        "outlet", pd.Series([""] * len(documents))).tolist(), strict=True) if d in cited}

    def row(g: dict, account: str) -> dict:
        last = day_text(g["pub"] - int(round(g["days"]))) if g["pub"] is not None else ""
        return {"fact": "previous_gap_days", "channel": channel.id, "account": account,
                "value": g["value"], "last_contact": last, "doc_ids": [g["doc"]],
                "outlets": sorted({outlet.get(g["doc"], "")} - {""}),
                "evidence": g["evidence"]}
    return [row(g, "accepted") for g in accepted] + [row(g, "disagrees") for g in off]
