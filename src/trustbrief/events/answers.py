"""Acts that answer another act and happen while it does take its day from the article.

News writing dates an attack once ('a ballistic-missile attack by Iran on Tuesday, Oct. 1') and
then tells what answered it without a time expression ('The USS Bulkeley and USS Cole joined
Israeli air defense units in firing interceptors to shoot down inbound Iranian missiles'). An
interception happens while the attack does, so a reader dates it by the attack. Rule
`answers` (data/labels.yaml): an undated asserted mention of an answering type whose target is
the agent (or the agent's side) of the article's dated mentions of an answered type takes their
day, with their date basis, when those mentions all give that one day. A week, a month, a lede's
publication window or two different days date nothing: then the answer stays open.
"""

from __future__ import annotations

from collections import defaultdict

from trustbrief.events.label_rules import Join
from trustbrief.events.records import Rec

# bases of a date read from the sentence itself (not a lede's publication window)
STATED_BASES = frozenset({"explicit", "relative", "relative-inferred"})


def date_answers(recs: list[Rec], answers: tuple[Join, ...]) -> list[Rec]:
    """Give each undated answer (a `source` type of an answers rule) the one day on which its
    article dates the answered acts (`into` types) of the party it is aimed at."""
    if not answers:
        return recs
    by_doc: dict[str, list[Rec]] = defaultdict(list)
    for r in recs:
        by_doc[r.doc_id].append(r)
    for told in by_doc.values():
        for rule in answers:
            days = _days_by_party(told, rule.into)
            for r in told:
                if r.event_type in rule.source and r.polarity == "asserted" and r.lo is None:
                    _take_day(r, days)
    return recs


def _days_by_party(told: list[Rec], types: frozenset) -> dict[str, set[tuple[int, str]]]:
    """party (agent or agent side) -> {(day, basis)} of the article's dated acts of `types`."""
    days: dict[str, set[tuple[int, str]]] = defaultdict(set)
    for r in told:
        if r.event_type not in types or r.polarity != "asserted" or r.lo is None:
            continue
        day = (r.lo, r.basis) if r.lo == r.hi and r.basis in STATED_BASES else (None, "")
        for party in {r.agent, r.agent_side} - {""}:
            days[party].add(day)
    return days


def _take_day(r: Rec, days: dict[str, set[tuple[int, str]]]) -> None:
    aimed_at = (set(r.targets) | set(r.target_sides)) - {""}
    found = set().union(*(days.get(party, set()) for party in aimed_at))
    if len({day for day, _ in found}) != 1:
        return  # none, two days, or an act dated only vaguely: no one day to take
    day, basis = min(found)
    if day is None:
        return
    r.lo = r.hi = day
    r.basis = basis
