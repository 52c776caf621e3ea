"""The time_expressions table: found per sentence, then resolved against publication dates."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

import pandas as pd

from trustbrief import contract
from trustbrief.tables import frame_records
from trustbrief.timex.find import find_time_expressions
from trustbrief.timex.resolve import (
    UNRESOLVED,
    WEEKDAY_CODES,
    Resolved,
    is_anchor_relative,
    resolve_spec,
)
from trustbrief.timex.vocabulary import Vocabulary, default_vocabulary

# Column descriptions from the contract: the columns found in the text, then the resolved ones.
SCHEMA = contract.descriptions("time_expressions")


_COLUMNS = SCHEMA["time_expressions"]


_FIRST_RESOLVED = list(_COLUMNS).index("date")


BASE_COLUMNS = dict(list(_COLUMNS.items())[:_FIRST_RESOLVED])


RESOLVED_COLUMNS = dict(list(_COLUMNS.items())[_FIRST_RESOLVED:])


def extract_time_expressions(sentences: pd.DataFrame,
                             vocab: Vocabulary | None = None) -> pd.DataFrame:
    """One row per time expression in each sentence (start/end within the sentence text)."""
    records = sentences[["doc_id", "sent_id", "text"]].itertuples(index=False, name=None)
    return time_expression_frame(time_expression_rows(records, vocab))


def time_expression_rows(records, vocab: Vocabulary | None = None) -> list[dict]:
    """The rows of extract_time_expressions for (doc_id, sent_id, text) records: the
    per-document part, which extraction runs in its workers."""
    vocab = vocab or default_vocabulary()
    rows = []
    for doc_id, sent_id, text in records:
        for n, expr in enumerate(find_time_expressions(text, vocab), start=1):
            rows.append({
                "time_id": f"{sent_id}-t{n}", "doc_id": doc_id, "sent_id": sent_id,
                "start": expr.start, "end": expr.end, "text": expr.text, "kind": expr.kind,
                "spec": expr.spec,
                "measure_days": expr.measure_days if expr.kind == "duration" else float("nan"),
                "measure_approx": expr.measure_approx,
            })
    return rows


def time_expression_frame(rows: list[dict]) -> pd.DataFrame:
    """Rows of time_expression_rows (any number of documents) as the time_expressions table."""
    return time_expression_table(pd.DataFrame(rows, columns=list(BASE_COLUMNS)))


def time_expression_table(frame: pd.DataFrame) -> pd.DataFrame:
    """The time_expressions table of a frame of time_expression_rows (not changed)."""
    frame = frame.astype({"start": int, "end": int, "measure_days": float})
    return frame.sort_values(["doc_id", "sent_id", "start"], kind="stable").reset_index(drop=True)


def _iso(day: dt.date | None) -> str:
    return day.isoformat() if day else ""


def _parse(value) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(value)) if value else None
    except ValueError:
        return None


WEEKDAY_WORD = re.compile(r"[^\W\d_]+\.?")
YEARLESS = ("md:", "m:", "s:")  # a calendar day, month or season printed without its year


def printed_weekday(text: str, vocab: Vocabulary | None = None) -> str | None:
    """The weekday code written inside a date expression ('Saturday, December 28')."""
    vocab = vocab or default_vocabulary()
    for word in WEEKDAY_WORD.findall(text or ""):
        code = vocab.weekdays.get(word.lower().rstrip("."))
        if code:
            return code
    return None


def resolve_with_range(spec: str, published: dt.date | None, earliest: dt.date | None,
                       latest: dt.date | None, weekday: str | None = None,
                       stated_years: frozenset[int] = frozenset()) -> Resolved:
    """Resolve against a publication date known only within [earliest, latest]:
    the best date comes from `published`, the bounds cover every possible anchor. Without
    `published`, only a date printed without its year resolves (see _yearless_in_range)."""
    best = resolve_spec(spec, published)
    if best.date is None:
        return _yearless_in_range(spec, earliest, latest, weekday, stated_years) \
            if published is None else best
    ends = [r for r in (resolve_spec(spec, earliest or published),
                        resolve_spec(spec, latest or published)) if r.date is not None]
    low = min([best.earliest] + [r.earliest for r in ends])
    high = max([best.latest] + [r.latest for r in ends])
    if (low, high) == (best.earliest, best.latest):
        return best
    return Resolved(best.date, low, high, "range", best.basis)


def _yearless_in_range(spec: str, earliest: dt.date | None, latest: dt.date | None,
                       weekday: str | None, stated_years: frozenset[int] = frozenset()
                       ) -> Resolved:
    """A day or month printed without its year ('killed him on Wednesday, October 16', 'in
    July') in an article dated only to [earliest, latest]: its year is the one every anchor of
    the range reads it in. A reading moves with its anchor only forward (the nearest such day
    or month), so the range's two ends give every reading there is; when they differ, the
    weekday printed with the day chooses between them, and a weekday no reading has leaves
    the date unresolved. A reading that falls after the range's first day is the nearest
    such day only for the anchors after it: an article of an earlier day of the range names
    by it the day a year before ('shortly after the Oct. 7 attack' in an article of July to
    November), so that reading is one too. When they still differ, the year the article prints
    in its full dates (`stated_years`: 'on February 3, 2025' ... 'on February 11') chooses:
    news writing gives the year once and leaves it out of the other dates of that year.
    Expressions relative to the article's day ('on Wednesday', 'last month') stay unresolved:
    they need its day."""
    if (earliest is None or latest is None or not spec.startswith(YEARLESS)
            or is_anchor_relative(spec)):
        return UNRESOLVED
    readings = {resolve_spec(spec, anchor) for anchor in (earliest, latest)}
    readings = {r for r in readings if r.date is not None and r.basis == "explicit"}
    readings |= {past for r in readings if earliest < r.earliest
                 for past in (_year_before(r),) if past is not None}
    if weekday is not None:
        readings = {r for r in readings
                    if r.precision == "day" and WEEKDAY_CODES[r.date.weekday()] == weekday}
    if len(readings) > 1 and stated_years:
        readings = {r for r in readings if r.date.year in stated_years}
    return readings.pop() if len(readings) == 1 else UNRESOLVED


def _year_before(reading: Resolved) -> Resolved | None:
    """The same day or month a year earlier (None for 29 February)."""
    try:
        return dataclasses.replace(reading, date=reading.date.replace(year=reading.date.year - 1),
                                   earliest=reading.earliest.replace(
                                       year=reading.earliest.year - 1),
                                   latest=reading.latest.replace(year=reading.latest.year - 1))
    except ValueError:
        return None


FULL_DATE_SPEC = re.compile(r"abs:(\d{4})-\d{2}-\d{2}$")  # a day printed with its year


def _stated_years(time_expressions: pd.DataFrame) -> dict[str, frozenset[int]]:
    """doc_id -> the years of the full dates (day, month and year) its article prints."""
    years: dict[str, set[int]] = {}
    for doc_id, spec in time_expressions[["doc_id", "spec"]].itertuples(index=False, name=None):
        full = FULL_DATE_SPEC.match(str(spec))
        if full:
            years.setdefault(doc_id, set()).add(int(full.group(1)))
    return {doc_id: frozenset(found) for doc_id, found in years.items()}


def resolve_time_expressions(time_expressions: pd.DataFrame, documents: pd.DataFrame,
                             vocab: Vocabulary | None = None) -> pd.DataFrame:
    """Add date, date_earliest, date_latest, precision, basis using each document's date."""
    anchors = {
        row["doc_id"]: (_parse(row.get("published")), _parse(row.get("published_earliest")),
                        _parse(row.get("published_latest")), row.get("published_basis", ""))
        for row in frame_records(documents)}
    vocab = vocab or default_vocabulary()
    out = time_expressions[list(BASE_COLUMNS)].copy()
    stated_years = _stated_years(out)
    resolved = []
    known: dict[tuple, tuple] = {}  # the same spec in articles of the same days: read once
    for doc_id, spec, text in zip(*(out[c].tolist() for c in ("doc_id", "spec", "text")),
                                  strict=True):
        published, earliest, latest, doc_basis = anchors.get(doc_id, (None, None, None, ""))
        weekday = printed_weekday(text, vocab) if str(spec).startswith("md:") else None
        asked = (spec, published, earliest, latest, weekday,
                 stated_years.get(doc_id, frozenset()))
        cells = known.get(asked)
        if cells is None:
            r = resolve_with_range(*asked)
            cells = known[asked] = (_iso(r.date), _iso(r.earliest), _iso(r.latest),
                                    r.precision, r.basis)
        if cells[4] == "relative" and doc_basis == "inferred":
            cells = (*cells[:4], "relative-inferred")
        resolved.append(cells)
    for i, column in enumerate(RESOLVED_COLUMNS):
        out[column] = [r[i] for r in resolved] if resolved else pd.Series(dtype=str)
    return out
