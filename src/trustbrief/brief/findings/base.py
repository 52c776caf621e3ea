"""What every finding shares: the Finding and Citation types, table access, windows and
the small words of generated prose (plural, join, period).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

import pandas as pd

from trustbrief.brief.views.cells import as_list, day_label, text_column, to_date
from trustbrief.brief.views.outlets import is_unknown_outlet

UNKNOWN_OUTLET = "unknown outlet"


LITTLE_NOTICE = ("none", "minutes")


class Citation(NamedTuple):
    outlet: str  # the outlet, or 'unknown outlet'
    date: str  # ISO publication date, '... (date inferred)', or 'undated'
    doc_id: str
    file: str
    url: str


@dataclass(frozen=True)
class Finding:
    text: str
    citations: list[Citation] = field(default_factory=list)
    kind: str = ""  # notice | relations | reciprocal | one_sided | trust | cadence | ...
    available: bool = True  # False: the sentence reports missing data
    origins: tuple[str, ...] = ()  # independent origins the finding counted, when it did
    # What those origins stand behind when it is less than every cited article ('the less
    # attested direction, A-land against B-land'): the basis line names it, or a reader takes
    # '11 articles, 3 independent origins' for the sourcing of all eleven.
    origins_of: str = ""
    supports: bool = True  # False: the data answers the question, but not with the pattern
    #                       the judgement asserts (no operation came without notice)
    # The most confidence the data allows, whatever the sourcing, and why: a claim of absence
    # ('no contact for 55 days') is only as strong as the dating of what might fill the gap.
    ceiling: str = "high"
    ceiling_reason: str = ""
    # Words the judgement's clause needs beyond the pair (the side that acted, an event's
    # label and day): judgements.CLAUSES names them.
    terms: dict[str, str] = field(default_factory=dict)


def format_citation(citation: Citation) -> str:
    """'Outlet, 2024-10-09' or 'unknown outlet (file.txt), undated' (plain text)."""
    outlet = citation.outlet
    if outlet == UNKNOWN_OUTLET and citation.file:
        outlet = f"{outlet} ({citation.file})"
    return f"{outlet}, {citation.date}"


def table_of(tables, name: str) -> pd.DataFrame:
    """A table from a dict or from report.Tables; missing tables are empty frames."""
    try:
        frame = tables[name]
    except (KeyError, TypeError, IndexError):
        return pd.DataFrame()
    return frame if isinstance(frame, pd.DataFrame) else pd.DataFrame()


def parse_focus(focus: str) -> tuple[str, str]:
    observer, _, subject = str(focus).partition("->")
    return observer.strip(), subject.strip()


def rows_in_window(frame: pd.DataFrame, start, end, column: str = "date") -> pd.DataFrame:
    mask = pd.Series([in_window(d, start, end) for d in text_column(frame, column)],
                     index=frame.index, dtype=bool)
    return frame[mask]


def in_window(date: str, start, end) -> bool:
    day = to_date(date)
    if day is None:
        return False
    lo, hi = to_date(start), to_date(end)
    return (lo is None or day >= lo) and (hi is None or day <= hi)


def period_words(start, end) -> str:
    lo, hi = to_date(start), to_date(end)
    if lo is not None and hi is not None:
        return f"between {day_label(lo)} and {day_label(hi)}"
    return "in the period covered"


def plural(n: int, word: str, plural: str | None = None) -> str:
    return f"{n} {word if n == 1 else (plural or word + 's')}"


def some_of(part: int, whole: int, noun: str, the: str = "") -> str:
    """'3 of the 4 dated operations'; 'all 3 dated operations' when the part is the whole,
    never '3 of 3'; 'the only dated operation' for one of one."""
    if part == whole == 1:
        return f"the only {noun}"
    if part == whole:
        return f"all {plural(whole, noun)}"
    return f"{part} of {the}{plural(whole, noun)}"


def join_words(items: list[str]) -> str:
    items = [i for i in items if i]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def cite_documents(doc_ids, documents: pd.DataFrame) -> list[Citation]:
    """Citations for documents, sorted by date then outlet, without duplicates."""
    rows = {}
    if not documents.empty:
        for r in documents.assign(**{c: text_column(documents, c) for c in (
                "doc_id", "outlet", "file", "url", "published", "published_basis")}).itertuples():
            rows[r.doc_id] = r
    out = []
    for doc_id in dict.fromkeys(as_list(doc_ids) if isinstance(doc_ids, str) else doc_ids):
        r = rows.get(doc_id)
        if r is None:
            out.append(Citation(UNKNOWN_OUTLET, "undated", doc_id, "", ""))
            continue
        date = r.published or "undated"
        if r.published and r.published_basis == "inferred":
            date += " (date inferred)"
        outlet = UNKNOWN_OUTLET if is_unknown_outlet(r.outlet) else r.outlet
        out.append(Citation(outlet, date, doc_id, r.file, r.url))
    return sorted(out, key=lambda c: (c.date == "undated", c.date, c.outlet, c.doc_id))


def event_index(events: pd.DataFrame) -> dict[str, dict]:
    if events.empty:
        return {}
    cols = ("event_id", "label", "date", "doc_ids", "n_documents", "n_outlets", "n_origins",
            "origins", "lane", "operation")
    frame = pd.DataFrame({c: text_column(events, c) for c in cols})
    return {r["event_id"]: r for r in frame.to_dict("records")}


def signed(value: float) -> str:
    """2 decimals with a typographic minus sign."""
    return f"{value:.2f}".replace("-", "\u2212")


def as_int(value) -> int:
    number = pd.to_numeric(value, errors="coerce")
    return 0 if pd.isna(number) else int(number)


def docs_of(frame: pd.DataFrame) -> list[str]:
    return [d for cell in text_column(frame, "doc_ids") for d in as_list(cell)]


def span_words(start, end) -> str:
    lo, hi = to_date(start), to_date(end)
    if lo is None or hi is None:
        return "in the period covered"
    return f"{day_label(lo)} to {day_label(hi)}"


def source_names(documents: pd.DataFrame) -> dict[str, str]:
    """doc_id -> outlet, or the article's title when the outlet is unknown (for prose)."""
    from trustbrief.brief.citations import source_name

    return {r["doc_id"]: source_name(r) for r in documents.assign(
        **{c: text_column(documents, c) for c in ("doc_id", "outlet", "title")}
    ).to_dict("records")} if len(documents) else {}
