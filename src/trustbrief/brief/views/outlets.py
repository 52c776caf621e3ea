"""Outlet names for charts and prose: unknown outlets numbered, long names shortened uniquely.
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


def outlet_labels(documents: pd.DataFrame | None, limit: int = SHORT_OUTLET_CHARS
                  ) -> dict[str, tuple[str, str]]:
    """doc_id -> (short name, full name): ('Outlet', 'Outlet') or ('unknown #2', '“Title of
    the article”'): an article of unknown outlet is named by its title, never its file.
    Short names are unique."""
    if documents is None or documents.empty:
        return {}
    number = {f: i for i, f in enumerate(_unknown_files(documents), start=1)}
    out, fulls = {}, {}
    for doc_id, outlet, file, title in zip(
            text_column(documents, "doc_id"), text_column(documents, "outlet"),
            text_column(documents, "file"), text_column(documents, "title"), strict=True):
        if is_unknown_outlet(outlet):
            out[doc_id] = (f"unknown #{number[file or doc_id]}", article_name(outlet, title))
        else:
            fulls[doc_id] = outlet
    shorts = short_outlet_names(list(dict.fromkeys(fulls.values())), limit=limit)
    out.update({d: (shorts[o], o) for d, o in fulls.items()})
    return out


def short_outlet_names(names: Sequence[str], documents: pd.DataFrame | None = None,
                       limit: int = SHORT_OUTLET_CHARS) -> dict[str, str]:
    """Full outlet name -> unique short name. 'unknown outlet (FILE)' becomes 'unknown #N',
    numbered by the documents' unknown-outlet files (else by the files named here)."""
    files = _unknown_files(documents)
    named = sorted({m["file"] for m in map(_UNKNOWN_NAMED.match, names) if m})
    files += [f for f in named if f not in files]
    number = {f: i for i, f in enumerate(files, start=1)}
    out, seen = {}, Counter()
    for name in dict.fromkeys(names):
        match = _UNKNOWN_NAMED.match(name)
        if match:
            out[name] = f"unknown #{number[match['file']]}"
        elif is_unknown_outlet(name):
            out[name] = "unknown outlet"
        else:
            text = short_outlet(name, limit)
            out[name] = text + "\u200b" * seen[text]  # invisible, keeps two outlets apart
            seen[text] += 1
    return out
