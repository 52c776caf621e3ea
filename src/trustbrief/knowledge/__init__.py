"""Loading the analyst's data files (data/*.yaml, data/*.csv) with readable errors.

Every data file starts with a comment header that explains its format. A malformed
file raises DataFileError naming the file, the line (or key) and what is wrong, so
the analyst never sees a bare traceback.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import yaml


class DataFileError(ValueError):
    """A data file the analyst edits is malformed."""

    def __init__(self, path: Path | str, where: str | int | None, reason: str):
        self.path = str(path)
        self.where = where
        self.reason = reason
        loc = f"{self.path}"
        if isinstance(where, int):
            loc += f", line {where}"
        elif where:
            loc += f", {where}"
        super().__init__(f"{loc}: {reason}")


def read_text(path: Path | str) -> str:
    path = Path(path)
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise DataFileError(path, None, "file not found") from None
    except UnicodeDecodeError as exc:
        raise DataFileError(path, None, f"not valid UTF-8 ({exc.reason})") from None


class _Loader(yaml.SafeLoader):
    """SafeLoader whose impossible dates (2024-13-01) are errors with a line, not crashes,
    and which refuses anchors and aliases (&name, *name, <<: merges): data files never need
    them, and a few nested aliases expand to billions of nodes (a 'billion laughs' file
    would hang the build)."""

    def compose_node(self, parent, index):
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise yaml.composer.ComposerError(
                None, None, "anchors and aliases (&name, *name) are not allowed in data files",
                event.start_mark)
        return super().compose_node(parent, index)


def _timestamp(loader: _Loader, node: yaml.Node):
    try:
        return yaml.SafeLoader.construct_yaml_timestamp(loader, node)
    except ValueError as exc:
        raise yaml.constructor.ConstructorError(
            None, None, f"{node.value!r} is not a real date ({exc})", node.start_mark) from None


_Loader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp)


class _FastLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """libyaml's safe loader (about 6x faster than the pure-Python one: every process reads
    ~25 data files) with the same date check; anchors and aliases are refused by
    `_refuse_aliases` before it runs, since its C composer cannot be hooked like _Loader's."""


_FastLoader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp)


def _refuse_aliases(text: str) -> None:
    """The anchors/aliases rule of _Loader, checked on libyaml's event stream."""
    if "&" not in text and "*" not in text:
        return
    for event in yaml.parse(text, Loader=_FastLoader):
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise yaml.composer.ComposerError(
                None, None, "anchors and aliases (&name, *name) are not allowed in data files",
                event.start_mark)


def load_yaml(path: Path | str) -> Any:
    """Parse a YAML data file; syntax errors name the line."""
    text = read_text(path)
    try:
        if not getattr(yaml, "__with_libyaml__", False):
            return yaml.load(text, Loader=_Loader)  # noqa: S506 - a SafeLoader subclass
        _refuse_aliases(text)
        return yaml.load(text, Loader=_FastLoader)  # noqa: S506 - a CSafeLoader subclass
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise DataFileError(path, line, f"invalid YAML: {problem}") from None


def require_keys(path: Path | str, where: str, item: Any, required: Iterable[str],
                 optional: Iterable[str] = ()) -> dict:
    """Check a YAML mapping has the required keys and no unknown ones."""
    if not isinstance(item, dict):
        raise DataFileError(path, where, f"expected a mapping, got {type(item).__name__}")
    required = list(required)
    missing = [k for k in required if k not in item]
    if missing:
        raise DataFileError(path, where, f"missing key(s): {', '.join(missing)}")
    allowed = set(required) | set(optional)
    unknown = sorted(set(item) - allowed)
    if unknown:
        raise DataFileError(path, where, f"unknown key(s): {', '.join(map(str, unknown))}; "
                            f"allowed: {', '.join(sorted(allowed))}")
    return item


def refuse_duplicate_names(path: Path | str, where: str, names: Iterable[str],
                           what: str = "name") -> None:
    """Items of a data file are referred to by name: two with one name are an error."""
    names = list(names)
    dupes = sorted({n for n in names if names.count(n) > 1})
    if dupes:
        raise DataFileError(path, where, f"duplicate {what}(s): {', '.join(dupes)}")


def load_csv(path: Path | str, required: Iterable[str], optional: Iterable[str] = ()
             ) -> list[dict[str, str]]:
    """Read a CSV data file whose leading '#' lines are a comment header.

    Returns one dict per data row, each with a '_line' key holding its line number
    in the file so later validation can point at it.
    """
    text = read_text(path)
    lines = text.splitlines(keepends=True)
    skip = 0
    while skip < len(lines) and (lines[skip].startswith("#") or not lines[skip].strip()):
        skip += 1
    body = "".join(lines[skip:])
    if not body.strip():
        raise DataFileError(path, None, "no header row")
    reader = csv.reader(io.StringIO(body))
    header = [h.strip() for h in next(reader)]
    required = list(required)
    missing = [c for c in required if c not in header]
    if missing:
        raise DataFileError(path, skip + 1, f"header lacks column(s): {', '.join(missing)}")
    allowed = set(required) | set(optional)
    unknown = [c for c in header if c not in allowed]
    if unknown:
        raise DataFileError(path, skip + 1, f"unknown column(s): {', '.join(unknown)}")
    rows = []
    for offset, values in enumerate(reader, start=skip + 2):
        if not values or all(not v.strip() for v in values) or values[0].lstrip().startswith("#"):
            continue
        if len(values) != len(header):
            raise DataFileError(path, offset, f"expected {len(header)} fields, got {len(values)}")
        row = {h: v.strip() for h, v in zip(header, values, strict=True)}
        row["_line"] = offset
        rows.append(row)
    return rows


ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def parse_iso_date(path: Path | str, where: str | int, value: str):
    """Parse YYYY-MM-DD or raise DataFileError; empty means None."""
    import datetime as dt

    value = (value or "").strip()
    if not value:
        return None
    if not ISO_DATE.match(value):
        raise DataFileError(path, where, f"date {value!r} is not YYYY-MM-DD")
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise DataFileError(path, where, f"date {value!r}: {exc}") from None


def phrase_alternatives(phrases) -> str:
    """Analyst-written phrases as one regex alternation (no group, no boundaries): longest
    first, any whitespace between words. The one builder of the dating and time-expression
    phrase lists (deadlines, named days, incidents, summits)."""
    return "|".join(r"\s+".join(map(re.escape, str(p).split()))
                    for p in sorted(phrases, key=len, reverse=True))


def compile_pattern(path: Path | str, where: str | int, pattern: str, flags: int = re.IGNORECASE
                    ) -> re.Pattern:
    """Compile an analyst-written regular expression (case-insensitive by default) and
    refuse one that backtracks catastrophically (it would hang the build on some article)."""
    from trustbrief.limits import TimeLimitExceeded, check_pattern_cost

    try:
        compiled = re.compile(pattern, flags)
    except re.error as exc:
        raise DataFileError(path, where, f"bad pattern {pattern!r}: {exc}") from None
    try:
        check_pattern_cost(compiled)
    except TimeLimitExceeded:
        raise DataFileError(path, where, f"pattern {pattern!r} is too slow on short inputs "
                            "(nested repetition such as '(a+)+' backtracks without end); "
                            "simplify it") from None
    return compiled
