"""Outlet names for charts and prose: an article of unknown outlet named by its title, long
names shortened uniquely.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

import pandas as pd

from trustbrief.brief.views.cells import short, text_column

UNKNOWN_OUTLET_VALUES = ("", "unknown", "unknown outlet", "none", "n/a")


def is_unknown_outlet(outlet: str) -> bool:
    return str(outlet).strip().lower() in UNKNOWN_OUTLET_VALUES


def looks_like_doc_id(origin: str) -> bool:
    """doc_ids are 'd' + 10 hex digits (corpus.documents); a bare id never names an origin."""
    return len(origin) == 11 and origin[0] == "d" and all(c in "0123456789abcdef"
                                                          for c in origin[1:])


TITLE_CHARS = 60  # an unknown outlet's article is named by at most this much of its title


def article_name(outlet: str, title: str) -> str:
    """The outlet, or the article's title in quotes when the outlet is unknown."""
    if not is_unknown_outlet(outlet):
        return outlet
    title = " ".join(str(title or "").split())
    return f"“{short(title, TITLE_CHARS)}”" if title else "an article of unknown outlet"


def document_names(documents: pd.DataFrame | None) -> dict[str, str]:
    """doc_id -> the outlet, or the article's title when the outlet is unknown."""
    if documents is None or documents.empty:
        return {}
    names = {}
    for doc_id, outlet, title in zip(text_column(documents, "doc_id"),
                                     text_column(documents, "outlet"),
                                     text_column(documents, "title"), strict=True):
        names[doc_id] = article_name(outlet, title)
    return names


SHORT_OUTLET_CHARS = 14


_UNKNOWN_NAMED = re.compile(r"^unknown(?: outlet)?\s*\((?P<file>.*)\)$", re.IGNORECASE)


def short_outlet(name: str, limit: int = SHORT_OUTLET_CHARS) -> str:
    """An outlet name for a narrow column: a leading 'The ' goes first, then the tail."""
    text = " ".join(str(name).split())
    if len(text) > limit and text.lower().startswith("the "):
        text = text[4:]
    return short(text, limit)


def _unknown_files(documents: pd.DataFrame | None) -> list[str]:
    """Files of unknown-outlet documents in a stable order: they number 'unknown #1', '#2'..."""
    if documents is None or documents.empty:
        return []
    return sorted({f or d for d, f, o in zip(
        text_column(documents, "doc_id"), text_column(documents, "file"),
        text_column(documents, "outlet"), strict=True) if is_unknown_outlet(o)})


TITLE_MIN_CHARS = 22  # a title needs a few words to be recognised, even in a narrow column


def title_name(title: str, limit: int) -> str:
    """An article of unknown outlet named in a narrow place: its title, quoted and short."""
    # a title that opens with a quotation keeps it inside the name's own quotes
    title = " ".join(str(title or "").split()).strip("\"“”'‘’ ")
    if not title:
        return "article of unknown outlet"
    room = max(limit, TITLE_MIN_CHARS) - 2
    if len(title) > room:  # cut between words, so the name reads as words
        cut = title[:room - 1]
        title = (cut.rsplit(" ", 1)[0] if " " in cut else cut).rstrip(" ,:;-–") + "…"
    return f"“{title}”"


def _unique(names: dict[str, str]) -> dict[str, str]:
    """Make short names unique with invisible zero-width spaces (two outlets stay two)."""
    seen: Counter = Counter()
    out = {}
    for key, text in names.items():
        out[key] = text + "\u200b" * seen[text]
        seen[text] += 1
    return out


def outlet_labels(documents: pd.DataFrame | None, limit: int = SHORT_OUTLET_CHARS
                  ) -> dict[str, tuple[str, str]]:
    """doc_id -> (short name, full name): ('Outlet', 'Outlet') or ('“Title of…”', '“Title of
    the article”'): an article of unknown outlet is named by its title, never by its file or
    a number. Short names are unique."""
    if documents is None or documents.empty:
        return {}
    shorts, fulls, keys = {}, {}, {}
    for doc_id, outlet, title in zip(
            text_column(documents, "doc_id"), text_column(documents, "outlet"),
            text_column(documents, "title"), strict=True):
        unknown = is_unknown_outlet(outlet)
        # an outlet's articles share its short name; each unknown-outlet article has its own
        keys[doc_id] = doc_id if unknown else outlet
        shorts[keys[doc_id]] = title_name(title, limit) if unknown else short_outlet(outlet,
                                                                                     limit)
        fulls[doc_id] = article_name(outlet, title) if unknown else outlet
    unique = _unique(shorts)
    return {d: (unique[keys[d]], fulls[d]) for d in fulls}


def short_outlet_names(names: Sequence[str], documents: pd.DataFrame | None = None,
                       limit: int = SHORT_OUTLET_CHARS) -> dict[str, str]:
    """Full outlet name -> unique short name. 'unknown outlet (FILE)' (an older table
    shape) becomes the title of that file's article when the documents are given, else
    'unknown #N' numbered by file."""
    titles = dict(zip(text_column(documents, "file"), text_column(documents, "title"),
                      strict=True)) if documents is not None and len(documents) else {}
    files = _unknown_files(documents)
    named = sorted({m["file"] for m in map(_UNKNOWN_NAMED.match, names) if m})
    files += [f for f in named if f not in files]
    number = {f: i for i, f in enumerate(files, start=1)}
    out = {}
    for name in dict.fromkeys(names):
        match = _UNKNOWN_NAMED.match(name)
        if match and titles.get(match["file"]):
            out[name] = title_name(titles[match["file"]], limit)
        elif match:
            out[name] = f"unknown #{number[match['file']]}"
        elif is_unknown_outlet(name):
            out[name] = "unknown outlet"
        else:
            out[name] = short_outlet(name, limit)
    return _unique(out)


def outlet_order(name: str) -> tuple[bool, str]:
    """Named outlets first, then articles named by their title, alphabetically."""
    return (name.startswith(("“", "unknown")), name.lower())


def unknown_file_names(documents: pd.DataFrame | None) -> dict[str, str]:
    """'unknown outlet (FILE)' (how the metrics stage names such an article) -> the article's
    title in quotes: prose and tooltips never show a file name."""
    if documents is None or documents.empty:
        return {}
    return {f"unknown outlet ({f})": article_name("", t) for f, t in zip(
        text_column(documents, "file"), text_column(documents, "title"), strict=True) if f}
