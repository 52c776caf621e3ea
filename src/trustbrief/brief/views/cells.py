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


def when_label(day: pd.Timestamp | None, precision: str = "") -> str:
    """An event's date in a sentence: its month alone when the articles give only the month
    ('February 2025', never a made-up '1 Feb 2025'), else its day."""
    if day is not None and precision == "month":
        return f"{day:%B %Y}"
    return day_label(day)


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


def short_day(date: str, precision: str = "") -> str:
    """'4 Oct', or 'Sep' for an event the articles date only to a month (never '1 Sep')."""
    day = to_date(date)
    if day is None:
        return "undated"
    return f"{day:%b}" if precision == "month" else f"{day.day} {day:%b}"

def epoch_ms(day: pd.Timestamp) -> int:
    """Milliseconds since 1970 (UTC): exact positions on a Vega-Lite UTC time scale."""
    return int((day - pd.Timestamp("1970-01-01")) / pd.Timedelta(milliseconds=1))


# A side named by an initialism ('US', 'U.S.', 'UK', 'UAE', 'EU', 'UN') takes 'the' when it
# stands as a noun ('notice to the US', 'relations between the US and Israel'); a name or an
# acronym read as a word ('Israel', 'NATO') does not. As a modifier it takes none ('US
# officials', 'US distrust'): the templates say which they mean.
_INITIALISM = re.compile(r"(?:[A-Z]\.?){2,3}")


def side_noun(side: str) -> str:
    """'the US', 'Israel': a side's name where it stands as a noun."""
    return f"the {side}" if _INITIALISM.fullmatch(side) else side


def side_adjective(side: str) -> str:
    """'Azerbaijani', 'Israeli', 'US': a side's name where it qualifies a noun ('Azerbaijani
    distrust'). A country's first adjective in the world knowledge; an initialism, or a side
    the world knowledge does not hold or holds no adjective for, keeps its name."""
    if _INITIALISM.fullmatch(side):
        return side
    try:
        country = load_world(WORLD_DATA_DIR).country(side)
    except (OSError, ValueError):  # no world knowledge beside the package: the name will do
        return side
    return country.adjectives[0] if country is not None and country.adjectives else side


def sentence_start(text: str) -> str:
    """A sentence whose first word may be a side ('the US gave ...'): its first letter up."""
    return text[:1].upper() + text[1:]
