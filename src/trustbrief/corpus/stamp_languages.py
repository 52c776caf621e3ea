"""Month and weekday names of other languages, for the stamps of English pages that print
them: bilingual state portals and agencies ('mardi 15 octobre 2024 16:20', '14 de octubre de
2024', '26 октября 2024, 18:40').

The names come from dateparser's locale data (a dependency already, and the field's standard
date library), for the languages data/datelines.yaml lists in `stamp_languages`; nothing is
typed here. Only forms that cannot be an English word or a stray syllable are taken: a
form of four letters or more, one with a letter outside ASCII, or the full name itself
('mai'), so 'set', 'ago' and 'out' (Spanish and Portuguese abbreviations) never read as months.
"""

from __future__ import annotations

import importlib
from pathlib import Path

from trustbrief.knowledge import DataFileError

MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august",
          "september", "october", "november", "december")
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def stamp_names(path: Path, data: dict) -> tuple[dict[str, int], list[str]]:
    """(lower-case month name -> number, weekday names) of `stamp_languages`."""
    languages = data.get("stamp_languages") or []
    if not isinstance(languages, list) or not all(isinstance(x, str) for x in languages):
        raise DataFileError(path, "stamp_languages", "expected a list of language codes")
    months: dict[str, int] = {}
    weekdays: list[str] = []
    for code in languages:
        try:
            info = importlib.import_module(
                f"dateparser.data.date_translation_data.{code}").info
        except ImportError:
            raise DataFileError(path, "stamp_languages",
                                f"{code!r}: no such language in dateparser") from None
        for number, key in enumerate(MONTHS, start=1):
            months.update((form, number) for form in _forms(info.get(key, [])))
        for key in WEEKDAYS:
            weekdays.extend(_forms(info.get(key, [])))
    return months, weekdays


def _forms(forms: list[str]) -> list[str]:
    names = [f.lower() for f in forms if f.replace("-", "").isalpha()]
    longest = max(names, key=len, default="")
    return [f for f in names if len(f) >= 4 or not f.isascii() or f == longest]
