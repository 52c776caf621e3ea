"""The story's period as a range for the articles collected for it (see trustbrief.dating).

An analyst collects a story's articles for its period (the story file's `period`); a
follow-up may come after its last day, so the period is widened to the days of the corpus's
dated articles. That span is
- the range of an article with no clue at all (period_verdict), and
- a limit on the range of an article whose clues only bound it from one side ('after the
  Oct. 1 attack' leaves it open to the corpus's last dated article and two months more,
  decide.decide's lookaround): the candidate days are re-scored within the span
  (within_period), so weekly clues ('said on Sunday') choose among its days only.
A story with no period (inferred from a folder) gives an article whose clues decide nothing
the span of the corpus's dated articles, widened on both sides (collection_span), and limits
nothing else.
The clues outrank the period: a range that lies wholly outside the span is kept (an older
article collected as background), and the period never pins a day the clues alone leave
open (a range cut down to two days by the period's edge stays a range) - but for a numeric
stamp the page lets be read two ways ('11/05/2024': 11 May or 5 November): the day is
printed, and the period only tells which reading is the page's when the other lies outside it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable

from trustbrief.dating.chronology import iso_or_none
from trustbrief.dating.clues import Clue
from trustbrief.dating.decide import Verdict

Span = tuple[dt.date, dt.date]
# dated articles that make a collection's span for a story that declares no period: one
# dated article is a day, not the span of a collection
MIN_DATED_FOR_SPAN = 2


def period_span(period: tuple[str, str], rows: list[dict]) -> Span | None:
    """The story's first and last day widened to the corpus's dated articles; None when the
    story gives no period."""
    first, last = (iso_or_none(day) for day in period)
    if first is None or last is None:
        return None
    dated = [d for d in (iso_or_none(r.get("published")) for r in rows) if d]
    return min([first, *dated]), max([last, *dated])


def _period_clue(doc_id: str, first: dt.date, last: dt.date, text: str) -> Clue:
    return Clue(doc_id, "", text, "period", lambda d: first <= d <= last, (), ("period",), 0.0)


def collection_span(window: Span | None, rows: list[dict]) -> Span | None:
    """For a story that declares no period (one inferred from a folder): the corpus's window,
    its dated articles' days widened on each side (dating.stage's _corpus_span: an undated
    article may be background before the first or a follow-up after the last), once there
    are MIN_DATED_FOR_SPAN dated articles; else None."""
    dated = sum(1 for r in rows if iso_or_none(r.get("published")))
    return window if dated >= MIN_DATED_FOR_SPAN else None


def period_verdict(row: dict, span: Span | None,
                   source: str = "the story's period and the corpus's dated articles"
                   ) -> Verdict | None:
    """An article with no clue at all: the period span, narrowed by what the corpus stage
    bounds (an update stamp). None without a period. `source` says where the span is from."""
    if span is None:
        return None
    lower, upper = iso_or_none(row.get("published_earliest")), \
        iso_or_none(row.get("published_latest"))
    first, last = max(span[0], lower or span[0]), min(span[1], upper or span[1])
    if last < first:
        return None
    text = f"no date in the text: {source}, {first.isoformat()} to {last.isoformat()}"
    return Verdict(None, first, last, [_period_clue(row["doc_id"], first, last, text)],
                   0.0, 0.0)


def within_period(doc_id: str, verdict: Verdict, span: Span | None,
                  bounds: tuple[dt.date | None, dt.date | None],
                  redecide: Callable[[tuple[dt.date, dt.date]], Verdict | None]) -> Verdict:
    """The range of an unpinned `verdict` re-scored within the period span (see the module
    docstring): `redecide(bounds)` decides the article's clues again within the given
    bounds. The verdict unchanged when it is pinned, within the span already, or outside it."""
    if span is None or verdict.published is not None:
        return verdict
    if span[0] <= verdict.earliest and verdict.latest <= span[1]:
        return verdict
    if verdict.latest < span[0] or span[1] < verdict.earliest:
        return verdict  # the clues place it outside the story's period: they outrank it
    lower = max(d for d in (bounds[0], span[0], verdict.earliest) if d is not None)
    upper = min(d for d in (bounds[1], span[1], verdict.latest) if d is not None)
    narrowed = redecide((lower, upper))
    if narrowed is None or narrowed.earliest < verdict.earliest \
            or narrowed.latest > verdict.latest:
        return verdict
    text = (f"within the story's period and the corpus's dated articles, "
            f"{span[0].isoformat()} to {span[1].isoformat()}")
    used = [c for c in narrowed.used if c.kind != "period"]
    printed = narrowed.published is not None and any(
        c.kind == "printed" and "|" in str(c.identity[-1]) for c in used)
    return dataclasses.replace(narrowed, published=narrowed.published if printed else None,
                               used=[_period_clue(doc_id, span[0], span[1], text), *used])
