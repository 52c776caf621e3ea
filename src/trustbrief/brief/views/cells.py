"""Reading cells of the processed tables: text columns, numbers, list cells, dates.

The tables arrive as all-string CSV frames or as pipeline frames with Python lists; these
helpers read both the same way.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from pathlib import Path

import pandas as pd

from trustbrief.contract.vocab import UNDAYED_SPAN_DAYS
from trustbrief.knowledge.world import load_world

# The world knowledge a side's adjective comes from (data/world/countries.yaml).
WORLD_DATA_DIR = Path(__file__).resolve().parents[4] / "data"

def text_column(frame: pd.DataFrame | None, name: str, default: str = "") -> pd.Series:
    """A column as strings; a missing column is a column of `default`."""
    if frame is None or name not in getattr(frame, "columns", ()):
        index = frame.index if frame is not None else pd.RangeIndex(0)
        return pd.Series([default] * len(index), index=index, dtype=object)
    return frame[name].map(lambda v: "" if v is None or (isinstance(v, float) and math.isnan(v))
                           else v if isinstance(v, (list, tuple)) else str(v))


def numbers(frame: pd.DataFrame | None, name: str, default: float = 0.0) -> pd.Series:
    values = pd.to_numeric(text_column(frame, name), errors="coerce")
    return values.fillna(default).astype(float)


def as_list(value) -> list[str]:
    """A list cell: a Python list (pipeline frames) or ';'-joined text (CSV)."""
    if isinstance(value, (list, tuple)):
        return [str(v) for v in value if str(v)]
    if not isinstance(value, str) or not value.strip():
        return []
    return [v.strip() for v in value.split(";") if v.strip()]


def to_date(value) -> pd.Timestamp | None:
    """ISO date text -> UTC-naive Timestamp (None for empty or unparseable)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    text = str(value).strip()[:10]
    if not text:
        return None
    try:
        return pd.Timestamp(text)
    except ValueError:
        return None


def short(text: str, limit: int) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: max(limit - 1, 1)].rstrip() + "…"


def quoted(label: str) -> str:
    """An event label inside a sentence: labels are headlines ('Police raided the offices of
    ...'), so a sentence quotes them rather than use them as a noun."""
    return f"“{label}”" if label else ""


def day_label(day: pd.Timestamp | None) -> str:
    return "" if day is None else f"{day.day} {day:%b %Y}"


def when_label(day: pd.Timestamp | None, precision: str = "", span=None) -> str:
    """An event's date in a sentence: its month alone when the articles give only the month
    ('February 2025', never a made-up '1 Feb 2025'); its span when they date it only to a
    few days (`span`, see short_span: '8–9 Oct 2025', never its first day); else its day."""
    if day is not None and precision == "month":
        return f"{day:%B %Y}"
    if short_span(day, span):
        return range_text(*span)
    return day_label(day)


def event_span(row) -> tuple[pd.Timestamp | None, pd.Timestamp | None]:
    """An event row's (earliest, latest) day, from its date_earliest and date_latest."""
    get = row.get if hasattr(row, "get") else (lambda k, d=None: getattr(row, k, d))
    return to_date(get("date_earliest", None)), to_date(get("date_latest", None))


def dates_by_event(events: pd.DataFrame | None) -> dict[str, dict]:
    """event_id -> its date_precision, date_earliest and date_latest (text), for a finding or
    chart that names an event's date from another table's row."""
    if events is None or events.empty or "event_id" not in events:
        return {}
    cols = ("date_precision", "date_earliest", "date_latest")
    return {e: dict(zip(cols, values, strict=True)) for e, *values in zip(
        text_column(events, "event_id"), *(text_column(events, c) for c in cols), strict=True)}


def short_span(day: pd.Timestamp | None, span) -> bool:
    """Whether an event the articles date to a span of days shorter than a week ('8–9 Oct':
    a lede dated by its publication window, a two-day summit) holds `day`: then its date is
    the span, as the cadence tells it, not its first day."""
    first, last = span if span else (None, None)
    return day is not None and first is not None and last is not None and \
        first <= day <= last and 0 < (last - first).days < UNDAYED_SPAN_DAYS


def range_text(first: pd.Timestamp | None, last: pd.Timestamp | None) -> str:
    """'8–10 Oct 2024', '30 Sep – 2 Oct 2024', or one day when both ends agree."""
    if first is None or last is None or first == last:
        return day_label(first if first is not None else last)
    if (first.year, first.month) == (last.year, last.month):
        return f"{first.day}–{last.day} {last:%b %Y}"
    if first.year == last.year:
        return f"{first.day} {first:%b} – {last.day} {last:%b %Y}"
    return f"{day_label(first)} – {day_label(last)}"


def truthy(value) -> bool:
    return str(value).strip().lower() in ("true", "1", "yes", "y")


def whole_days(value) -> int | None:
    number = pd.to_numeric(value, errors="coerce")
    return None if pd.isna(number) else int(round(float(number)))


def unique_row_labels(labels: Sequence[str], limit: int) -> list[str]:
    """Shortened labels made unique with invisible zero-width spaces, so two events with
    the same wording stay two rows of a chart."""
    seen: dict[str, int] = {}
    out = []
    for label in labels:
        text = short(label, limit)
        count = seen.get(text, 0)
        seen[text] = count + 1
        out.append(text + "\u200b" * count)
    return out


def short_day(date: str, precision: str = "", span=None) -> str:
    """'4 Oct', 'Sep' for an event the articles date only to a month (never '1 Sep'), '8–9
    Oct' for one they date to a few days (when_label)."""
    day = to_date(date)
    if day is None:
        return "undated"
    if precision == "month":
        return f"{day:%b}"
    if short_span(day, span):
        return without_year(range_text(*span))
    return f"{day.day} {day:%b}"


def without_year(text: str) -> str:
    """'8–9 Oct 2025' -> '8–9 Oct' (an axis or a row shows the year); a span across two years
    keeps both."""
    return text[:-5] if re.fullmatch(r"[^\d]*\d{1,2}[^\d]*(?:\d{1,2}[^\d]*)?\d{4}", text) \
        else text

def epoch_ms(day: pd.Timestamp) -> int:
    """Milliseconds since 1970 (UTC): exact positions on a Vega-Lite UTC time scale."""
    return int((day - pd.Timestamp("1970-01-01")) / pd.Timedelta(milliseconds=1))


# A side named by an initialism ('US', 'U.S.', 'UK', 'UAE', 'EU', 'UN') takes 'the' when it
# stands as a noun ('notice to the US', 'relations between the US and Israel'); a name or an
# acronym read as a word ('Israel', 'NATO') does not. As a modifier it takes none ('US
# officials', 'US distrust'): the templates say which they mean.
_INITIALISM = re.compile(r"(?:[A-Z]\.?){2,3}")


def side_noun(side: str) -> str:
    """'the US', 'the Philippines', 'Israel': a side's name where it stands as a noun (an
    initialism, or a country the world knowledge says takes 'the')."""
    if _INITIALISM.fullmatch(side):
        return f"the {side}"
    country = _world_country(side)
    return f"the {side}" if country is not None and country.the else side


def _world_country(side: str):
    try:
        return load_world(WORLD_DATA_DIR).country(side)
    except (OSError, ValueError):  # no world knowledge beside the package: the name will do
        return None


def side_adjective(side: str) -> str:
    """'Azerbaijani', 'Israeli', 'US': a side's name where it qualifies a noun ('Azerbaijani
    distrust'). A country's first adjective in the world knowledge; an initialism, or a side
    the world knowledge does not hold or holds no adjective for, keeps its name."""
    if _INITIALISM.fullmatch(side):
        return side
    country = _world_country(side)
    return country.adjectives[0] if country is not None and country.adjectives else side


def sentence_start(text: str) -> str:
    """A sentence whose first word may be a side ('the US gave ...'): its first letter up."""
    return text[:1].upper() + text[1:]
