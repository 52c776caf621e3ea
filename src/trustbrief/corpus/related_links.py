"""Lines under a related-articles heading ('Related coverage', 'Read more', 'See also'):
other articles' titles, dates and bylines, never this article's stamp; and, among the last
lines only, under a comments' heading ('3 Comments', 'Leave a Reply'): readers' comments
and their stamps.

The heading patterns and how many lines below a related-articles heading are links live in
data/datelines.yaml (`related_links`); trustbrief.corpus.datelines loads them into its
Grammar.
"""

from __future__ import annotations

import re
from pathlib import Path

from trustbrief import knowledge
from trustbrief.knowledge import DataFileError


def load_related(path: Path, data: dict) -> tuple[re.Pattern | None, int, re.Pattern | None]:
    """(heading pattern, lines below it, headings that count only among the last lines)
    from datelines.yaml's `related_links`, if any."""
    related = data.get("related_links")
    if not related:
        return None, 0, None
    knowledge.require_keys(path, "related_links", related, ("heading", "lines"),
                           ("tail_heading",))
    if not isinstance(related["lines"], int) or related["lines"] < 0:
        raise DataFileError(path, "related_links.lines", "expected a non-negative whole number")
    return (_pattern(path, "heading", related["heading"]), related["lines"],
            _pattern(path, "tail_heading", related.get("tail_heading")))


def _pattern(path: Path, key: str, value) -> re.Pattern | None:
    if value is None:
        return None
    try:
        return re.compile(value, re.IGNORECASE)
    except (re.error, TypeError) as exc:
        raise DataFileError(path, f"related_links.{key}", f"bad pattern: {exc}") from None


def link_lines(lines: list[str], grammar) -> set[int]:
    """Indexes of the (non-blank, stripped) `lines` under a related-articles heading: the
    grammar's `related_lines` below it, or, under a heading among the last `tail_lines`
    lines (there a comments' heading, `related_tail`, counts too), every line to the end (a
    list of related links or comments closes the page); grammar: a datelines Grammar."""
    if grammar is None or grammar.related is None:
        return set()
    tail = len(lines) - grammar.limits["tail_lines"]
    below = grammar.related_tail
    return {j for i, line in enumerate(lines) if grammar.related.fullmatch(line)
            or (i >= tail and below is not None and below.fullmatch(line))
            for j in range(i + 1, len(lines) if i >= tail else i + 1 + grammar.related_lines)}


def link_spans(text: str, grammar) -> list[tuple[int, int]]:
    """(start, end) in `text` of the lines link_lines() gives, for readers of the raw text
    (the boilerplate rules' captured dates)."""
    if grammar is None or grammar.related is None:
        return []
    spans = [m.span() for m in re.finditer(r"[^\n]+", text) if m.group().strip()]
    lines = [text[s:e].strip() for s, e in spans]
    return [spans[j] for j in sorted(link_lines(lines, grammar)) if j < len(spans)]
