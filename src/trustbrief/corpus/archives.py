"""Addresses of web archives' copies ('https://web.archive.org/web/20241120093012/https://...'):
the archived page's own address is read instead of the archive's.

An archive's address dates the capture, not the publication (a page saved weeks later would
be dated that day, or its own stamp disputed), and its host is the archive, not the outlet.
The patterns live in data/datelines.yaml (`archive_addresses`); trustbrief.corpus.datelines
loads them into its Grammar.
"""

from __future__ import annotations

import re
from pathlib import Path

from trustbrief.knowledge import DataFileError


def load_archives(path: Path, data: dict) -> tuple[re.Pattern, ...]:
    """The `archive_addresses` patterns of datelines.yaml, each with a group `original`."""
    items = data.get("archive_addresses") or []
    if not isinstance(items, list):
        raise DataFileError(path, "archive_addresses", "expected a list of patterns")
    patterns = []
    for i, item in enumerate(items):
        try:
            pattern = re.compile(item, re.IGNORECASE)
        except (re.error, TypeError) as exc:
            raise DataFileError(path, f"archive_addresses[{i}]", f"bad pattern: {exc}") from None
        if "original" not in pattern.groupindex:
            raise DataFileError(path, f"archive_addresses[{i}]", "needs a group (?P<original>...)")
        patterns.append(pattern)
    return tuple(patterns)


def original_address(url: str, grammar) -> str:
    """The archived page's own address when `url` is an archive's copy of it, else `url`
    (grammar: a datelines Grammar, or None). A copy of a copy is unwrapped too."""
    if not url or grammar is None:
        return url
    for _ in range(3):
        m = next((m for p in grammar.archives if (m := p.match(url.strip()))), None)
        if m is None:
            return url
        inner = m.group("original").strip()
        url = inner if re.match(r"https?://", inner, re.I) else f"https://{inner}"
    return url
