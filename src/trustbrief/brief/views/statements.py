"""Attributed trust statements: who said the observer trusts (or distrusts) the subject,
when they said it, on the record or not, and from which independent origin.

A statement is a sentence holding a trust signal of the focus direction (not negated), joined
with the claim of its sentence (the speaker and the speaker's type). A sentence is one
statement however many cue words it holds ('surprised, angry over ...' is one statement of
distrust, not two); its cues are listed together. A sentence whose speaker is of the subject's
side is no statement of the observer's distrust: an A-land official does not voice B-land
distrust of A-land (the chart and the counts say who voices it). It is dated by when it was
made: the extraction's `stated_on` when the sentence says so; otherwise only the article's
publication bounds it ('made by' that date), and it is drawn hollow.
"""

from __future__ import annotations

import pandas as pd

from trustbrief.brief.views.cells import text_column, to_date
from trustbrief.brief.views.outlets import outlet_labels
from trustbrief.contract import SpeakerType
from trustbrief.origins import Origins

COLUMNS = ["doc_id", "sent_id", "category", "cue", "polarity", "speaker", "speaker_type",
           "origin", "day", "dated_by", "text"]
SPEAKER_KINDS = tuple(SpeakerType)


def norm_direction(direction: str) -> str:
    """'A -> B' as 'A->B': a direction compared whatever its spacing."""
    return "->".join(part.strip() for part in str(direction).split("->"))


def _truthy(value: str) -> bool:
    return str(value).strip().lower() in ("true", "1", "yes")


def _published(documents: pd.DataFrame) -> dict[str, pd.Timestamp | None]:
    """doc_id -> the latest day the article can have been published (bounds its statements)."""
    out = {}
    for doc_id, day, latest in zip(text_column(documents, "doc_id"),
                                   text_column(documents, "published"),
                                   text_column(documents, "published_latest"), strict=True):
        out[doc_id] = to_date(day) or to_date(latest)
    return out


def trust_statements(signals: pd.DataFrame | None, claims: pd.DataFrame | None,
                     documents: pd.DataFrame | None, focus: str) -> pd.DataFrame:
    """One row per statement of the focus direction (COLUMNS), oldest first: one per
    sentence and polarity, its cues joined."""
    if signals is None or signals.empty:
        return pd.DataFrame(columns=COLUMNS)
    focus_direction = norm_direction(focus)
    subject = focus_direction.partition("->")[2]
    mine = signals[(text_column(signals, "direction").map(norm_direction) == focus_direction)
                   & ~text_column(signals, "negated").map(_truthy)]
    speakers = {(d, s): (name, kind, side) for d, s, name, kind, side in zip(
        text_column(claims, "doc_id"), text_column(claims, "sent_id"),
        text_column(claims, "speaker"), text_column(claims, "speaker_type"),
        text_column(claims, "speaker_side"), strict=True)}
    origins = Origins.from_tables(documents if documents is not None else pd.DataFrame(),
                                  claims)
    published = _published(documents)
    # an article that is its own origin is named by its outlet or title, never by its id
    names = {d: name for d, (name, _) in outlet_labels(documents).items()}
    rows: dict[tuple, dict] = {}
    for r in mine.assign(stated_on=text_column(mine, "stated_on")).to_dict("records"):
        name, kind, side = speakers.get((r["doc_id"], r["sent_id"]),
                                        ("", SpeakerType.UNATTRIBUTED, ""))
        if subject and norm_direction(side) == subject:
            continue
        polarity = pd.to_numeric(r.get("polarity"), errors="coerce")
        key = (r["doc_id"], r["sent_id"], polarity < 0)
        if key in rows:
            _merge_cue(rows[key], r)
            continue
        stated = to_date(r["stated_on"])
        rows[key] = {
            "doc_id": r["doc_id"], "sent_id": r["sent_id"], "category": r.get("category", ""),
            "cue": r.get("cue", ""), "polarity": polarity, "speaker": name,
            "speaker_type": kind if kind in SPEAKER_KINDS else SpeakerType.UNATTRIBUTED,
            "origin": _named(origins.of(r["doc_id"], [r["sent_id"]]), names),
            "day": stated or published.get(r["doc_id"]),
            "dated_by": "stated" if stated is not None else "published",
            "text": r.get("text", "")}
    frame = pd.DataFrame(list(rows.values()), columns=COLUMNS)
    return frame.sort_values(["day", "origin", "doc_id", "sent_id"],
                             na_position="last").reset_index(drop=True)


def _merge_cue(row: dict, signal: dict) -> None:
    """A second cue of a statement's sentence: listed with the first, dated when it is."""
    cue = str(signal.get("cue", ""))
    if cue and cue not in row["cue"].split("; "):
        row["cue"] = f"{row['cue']}; {cue}" if row["cue"] else cue
    stated = to_date(signal.get("stated_on"))
    if stated is not None and row["dated_by"] != "stated":
        row["day"], row["dated_by"] = stated, "stated"


def in_period(statements: pd.DataFrame, start, end) -> pd.DataFrame:
    """Statements made in [start, end]; one bounded only by a later publication counts if
    the article appeared in the period (it may have been made earlier)."""
    lo, hi = to_date(start), to_date(end)
    keep = [day is not None and (lo is None or day >= lo) and (hi is None or day <= hi)
            for day in statements["day"]]
    return statements[pd.Series(keep, index=statements.index, dtype=bool)]


def made_text(group: pd.DataFrame) -> str:
    """When a group of statements was made: '3–8 Oct' when the sentences date them, else
    'by 8 Oct' (the latest publication that reports them)."""
    stated = [d for d, how in zip(group["day"], group["dated_by"], strict=True)
              if how == "stated" and d is not None]
    bounds = [d for d in group["day"] if d is not None]
    if stated:
        lo, hi = min(stated), max(stated)
        return f"{lo.day} {lo:%b}" if lo == hi else f"{lo.day} {lo:%b}–{hi.day} {hi:%b}"
    if bounds:
        latest = max(bounds)
        return f"by {latest.day} {latest:%b}"
    return "undated"


def _named(origin: str, names: dict[str, str]) -> str:
    return names.get(origin, origin)
