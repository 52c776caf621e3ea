"""Summits that date their sentence's time expression (data/world/gatherings.yaml).

News dates a meeting held at a summit by the summit's month ('met in September in China at the
Shanghai Cooperation Organisation summit'): a thirty-day range for what happened on one or two
known days. When a sentence names a gathering and one of its sessions overlaps, and is shorter
than, the range a time expression of that sentence resolved to, the expression is read as the
session's days (precision 'day' for a one-day session, else 'range'; its basis unchanged). The
overlap is the check that the expression and the summit speak of one time: 'in September,
ahead of the G20 summit in November' overlaps no G20 session and is left as it was. A sentence
without a time expression keeps no date from its summit: it may speak of one to come.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from trustbrief.knowledge import DataFileError, load_yaml, phrase_alternatives, require_keys

GATHERINGS_FILE = Path("world") / "gatherings.yaml"


@dataclass(frozen=True)
class Gathering:
    pattern: re.Pattern  # 'X summit' / 'summit of (the) X' for each name X
    sessions: tuple[tuple[dt.date, dt.date], ...]


def _pattern(names: list[str]) -> re.Pattern:
    name = rf"(?<![\w-])(?:{phrase_alternatives(names)})(?![\w-])"
    # 'the SCO summit', "the NATO leaders' summit", 'a summit of the Shanghai Cooperation ...'
    return re.compile(rf"{name}(?:'s)?\s+(?:leaders'?\s+)?summits?\b"
                      rf"|\bsummits?\s+of\s+(?:the\s+)?{name}", re.IGNORECASE)


def _sessions(path: Path, where: str, raw) -> tuple[tuple[dt.date, dt.date], ...]:
    if not isinstance(raw, list) or not raw:
        raise DataFileError(path, where, "sessions: expected a non-empty list of [first, last]")
    sessions = []
    for i, pair in enumerate(raw):
        if (not isinstance(pair, list) or len(pair) != 2
                or not all(isinstance(d, dt.date) for d in pair) or pair[0] > pair[1]):
            raise DataFileError(path, f"{where}.sessions[{i}]",
                                "expected [first day, last day] as YYYY-MM-DD, in order")
        sessions.append((pair[0], pair[1]))
    return tuple(sessions)


def load_gatherings(data_dir: Path | str) -> tuple[Gathering, ...]:
    """data/world/gatherings.yaml, validated; no file: no gatherings."""
    path = Path(data_dir) / GATHERINGS_FILE
    if not path.exists():
        return ()
    raw = load_yaml(path) or {}
    require_keys(path, "top level", raw, ["gatherings"])
    gatherings = []
    for i, item in enumerate(raw["gatherings"] or []):
        where = f"gatherings[{i}]"
        require_keys(path, where, item, ["names", "sessions"])
        names = item["names"]
        if not isinstance(names, list) or not names or not all(
                isinstance(n, str) and n.strip() for n in names):
            raise DataFileError(path, where, "names: expected a non-empty list of names")
        gatherings.append(Gathering(_pattern(names), _sessions(path, where, item["sessions"])))
    return tuple(gatherings)


def _session_within(text: str, first: dt.date, last: dt.date,
                    gatherings: tuple[Gathering, ...]) -> tuple[dt.date, dt.date] | None:
    """The one session of a gathering the text names that overlaps [first, last] and is
    shorter than it (two such sessions: none)."""
    found = {session for g in gatherings if g.pattern.search(text) for session in g.sessions
             if session[0] <= last and first <= session[1]
             and (session[1] - session[0]) < (last - first)}
    return found.pop() if len(found) == 1 else None


def narrow_to_gatherings(time_expressions: pd.DataFrame, sentences: pd.DataFrame,
                         gatherings: tuple[Gathering, ...]) -> pd.DataFrame:
    """Resolved time expressions whose sentence names a summit held within their range, read
    as the summit's days (module docstring)."""
    if not gatherings or time_expressions.empty:
        return time_expressions
    texts = dict(zip(sentences["sent_id"].tolist(), sentences["text"].tolist(), strict=True))
    out = time_expressions.copy()
    for index, sent_id, earliest, latest in zip(out.index.tolist(), *(out[c].tolist() for c in (
            "sent_id", "date_earliest", "date_latest")), strict=True):
        text = str(texts.get(sent_id, ""))
        if not earliest or not latest or "summit" not in text.casefold():
            continue
        session = _session_within(text, dt.date.fromisoformat(str(earliest)),
                                  dt.date.fromisoformat(str(latest)), gatherings)
        if session is None:
            continue
        first, last = session
        middle = first + (last - first) // 2
        out.loc[index, ["date", "date_earliest", "date_latest", "precision"]] = [
            middle.isoformat(), first.isoformat(), last.isoformat(),
            "day" if first == last else "range"]
    return out
