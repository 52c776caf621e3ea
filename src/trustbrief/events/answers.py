"""Acts that answer another act, or contacts held while it went on, take its day from the
article.

News writing dates an attack once ('a ballistic-missile attack by Chad on Tuesday, Oct. 1') and
then tells what answered it without a time expression ('Two A-land destroyers joined
B-land air defense units in firing interceptors to shoot down inbound Chadian missiles'). An
interception happens while the attack does, so a reader dates it by the attack. Rule
`answers` (data/labels.yaml): an undated asserted mention of an answering type whose target is
the agent (or the agent's side) of the article's dated mentions of an answered type takes their
day, with their date basis, when those mentions all give that one day. A week, a month, a lede's
publication window or two different days date nothing: then the answer stays open.

A contact told as held while an act went on ('My call with Minister X took place while the
operation was actually already underway') happened on the act's day (rule `during_acts`): an
undated asserted contact whose sentence says so takes the day of the acts its article tells
(of the rule's types, whoever did them: the sentence names the act, not its doer), as the
corpus dates them - the acts clustered as the stage clusters every mention - when they all
make one event of one day; date basis 'relative-inferred'. Several acts, a week or no date
leave the contact open.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping

from trustbrief.contract.vocab import DateBasis
from trustbrief.events.cluster import cluster_mentions
from trustbrief.events.facts import best_date
from trustbrief.events.label_rules import DuringActs, Join
from trustbrief.events.records import VAGUE_SPAN_DAYS, Rec

# bases of a date read from the sentence itself (not a lede's publication window)
STATED_BASES = frozenset({"explicit", "relative", "relative-inferred"})
INFERRED = DateBasis.RELATIVE_INFERRED.value  # a contact dated by the act it was held during


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


def date_contacts_during_acts(recs: list[Rec], rule: DuringActs | None,
                              kinds: Mapping[str, dict]) -> list[Rec]:
    """Give each undated contact held while an act went on (see above) the one day of the
    acts its article tells, as the corpus dates them."""
    if rule is None:
        return recs
    during = [r for r in recs if r.event_type in rule.contacts and r.lo is None
              and r.polarity == "asserted" and rule.cue.search(r.text)]
    if not during:
        return recs
    days = _act_days([r for r in recs if r.event_type in rule.acts], kinds)
    by_doc: dict[str, set[tuple[int, int]]] = defaultdict(set)
    for r in recs:
        if r.pos in days:
            by_doc[r.doc_id].add(days[r.pos])
    for r in during:
        spans = by_doc.get(r.doc_id, set())
        if len(spans) == 1 and (span := next(iter(spans)))[0] == span[1]:
            r.lo = r.hi = span[0]
            r.basis = INFERRED
    return recs


def _act_days(acts: list[Rec], kinds: Mapping[str, dict]) -> dict[int, tuple[int, int]]:
    """Mention position -> the days of its act's event, for the acts the corpus dates to a
    span narrower than a week by what is said to have happened (clustered as the stage
    clusters them all)."""
    days = {}
    for cluster in cluster_mentions(acts, kinds)[0]:
        asserted = [r for r in cluster if r.polarity == "asserted"]
        lo, hi, _, _ = best_date(asserted)
        if lo is not None and hi - lo < VAGUE_SPAN_DAYS:
            days.update((r.pos, (lo, hi)) for r in asserted)
    return days
