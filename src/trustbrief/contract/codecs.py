"""How cells that are not plain text are written in the CSV tables, and read back.

One codec per kind of cell; every stage and the brief use these instead of splitting text
themselves:
- lists: items joined with ';' (items never contain ';'); in memory a Python list.
- booleans: 'True' / 'False' (pandas' own spelling); read back leniently.

Structured values are columns or child tables (events -> conflicts, notice_accounts;
cadence -> stated_measures), never text to parse; the one documented string is a signal's
direction 'A->B' (contract.Direction).
"""

from __future__ import annotations

from collections.abc import Iterable

LIST_SEP = ";"
TRUE_TEXT = ("true", "yes", "1", "y")
FALSE_TEXT = ("false", "no", "0", "n", "")


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
