"""How cells that are not plain text are written in the CSV tables, and read back.

One codec per kind of cell; every stage and the brief use these instead of splitting text
themselves:
- lists: items joined with ';' (items never contain ';'); in memory a Python list.
- booleans: 'True' / 'False' (pandas' own spelling); read back leniently.
- attributed values: 'VALUE (DOC_ID DOC_ID ...)' (events.date_conflict,
  cadence.stated_gaps / stated_counts): a value and the documents that give it.
- notice accounts: 'LEVEL: DOC_ID;DOC_ID' per level (events.notice_accounts). Inside a
  list cell the ';' of the ids and of the list are the same character, so the reader
  starts a new account at every 'LEVEL:' it meets.
- readings by basis: 'BASIS:COUNT;BASIS:COUNT' (trust_index.basis).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

LIST_SEP = ";"
TRUE_TEXT = ("true", "yes", "1", "y")
FALSE_TEXT = ("false", "no", "0", "n", "")
_ATTRIBUTED = re.compile(r"^(?P<value>.*?)\s*\((?P<ids>[^()]*)\)\s*$")
_DOC_ID = re.compile(r"d[0-9a-f]{10}(?:-\d+)?")
_LEVEL = re.compile(r"^\s*(?P<level>[a-z/]+)\s*:\s*(?P<rest>.*)$")


def is_missing(value) -> bool:
    """None, NaN and pandas' NA."""
    if value is None:
        return True
    try:
        return bool(value != value)  # NaN and NA are not equal to themselves
    except TypeError:  # NA's comparison raises in a boolean context
        return True


# -- lists ---------------------------------------------------------------------------------

def format_list(items: Iterable) -> str:
    """['a', 'b'] -> 'a;b'."""
    return LIST_SEP.join(map(str, items))


def parse_list(value) -> list[str]:
    """A list cell as a list of non-empty strings: a Python list (in memory) or ';'-joined
    text (read from CSV); None, NaN and '' are the empty list."""
    if isinstance(value, (list, tuple)):
        return [str(v) for v in value if str(v)]
    if is_missing(value):
        return []
    return [v.strip() for v in str(value).split(LIST_SEP) if v.strip()]


# -- booleans ------------------------------------------------------------------------------

def format_bool(value: bool) -> str:
    return "True" if value else "False"


def parse_bool(value) -> bool:
    """True/False, 'True'/'False', 'true', 'yes', '1', ... -> bool; ValueError otherwise."""
    if isinstance(value, bool):
        return value
    if is_missing(value):
        return False
    text = str(value).strip().lower()
    if text in TRUE_TEXT:
        return True
    if text in FALSE_TEXT:
        return False
    raise ValueError(f"{value!r} is not a boolean (True/False)")


# -- attributed values: 'nearly 50 days (d39974e08cc)' ---------------------------------------

def format_attributed(value: str, doc_ids: Iterable[str]) -> str:
    return f"{value} ({' '.join(doc_ids)})"


def parse_attributed(item: str) -> tuple[str, list[str]]:
    """'nearly 50 days (d39974e08cc)' -> ('nearly 50 days', ['d39974e08cc']); an item
    without document ids is (item, [])."""
    text = str(item).strip()
    match = _ATTRIBUTED.match(text)
    if not match:
        return text, []
    ids = _DOC_ID.findall(match["ids"])
    return (match["value"].strip(), ids) if ids else (text, [])


# -- notice accounts: 'minutes: d1;d2' per level ----------------------------------------------

def format_notice_account(level: str, doc_ids: Iterable[str]) -> str:
    return f"{level}: {LIST_SEP.join(doc_ids)}"


def parse_notice_accounts(value) -> dict[str, list[str]]:
    """events.notice_accounts (a list of 'level: d1;d2', or that list ';'-joined from CSV)
    -> {level: [doc ids]}, levels in the order met."""
    items = value if isinstance(value, (list, tuple)) else parse_list(value)
    accounts: dict[str, list[str]] = {}
    level = ""
    for item in items:
        for part in str(item).split(LIST_SEP):
            match = _LEVEL.match(part)
            if match:
                level, part = match["level"], match["rest"]
                accounts.setdefault(level, [])
            part = part.strip()
            if part and level:
                accounts[level].append(part)
    return accounts


# -- readings by basis: 'publication:101;sentence:1' ------------------------------------------

def format_counts(counts: Mapping[str, int]) -> str:
    return LIST_SEP.join(f"{key}:{n}" for key, n in counts.items())


def parse_counts(value) -> dict[str, int]:
    """'publication:101;sentence:1' -> {'publication': 101, 'sentence': 1}."""
    counts: dict[str, int] = {}
    for item in parse_list(value):
        key, _, n = item.partition(":")
        counts[key.strip()] = counts.get(key.strip(), 0) + int(n or 0)
    return counts
