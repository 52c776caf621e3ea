"""The story's reference chronology: anchors dates of events the articles mention."""

from __future__ import annotations

import re
from collections import defaultdict

from trustbrief.events.context import Context
from trustbrief.events.facts import precision_of
from trustbrief.events.label_rules import LabelRules
from trustbrief.events.labels import choose_type
from trustbrief.events.records import CREATING, Rec, as_list, day_number, day_text
from trustbrief.tables import cell_text


def chronology_rows(chronology, rules: LabelRules) -> list[dict]:
    """dating.load_chronology rows, with the matching rules of dating: the event type (here its
    group), ANY shared actor when actors are listed, and the keywords regex on the text."""
    if chronology is None or len(chronology) == 0:
        return []
    rows = []
    for c in chronology.to_dict("records"):
        lo = day_number(c.get("date"))
        if lo is None:
            continue
        hi = day_number(c.get("date_latest")) or lo
        etype = cell_text(c.get("event_type"))
        keywords = cell_text(c.get("keywords"))
        rows.append({
            "key": cell_text(c.get("key")), "lo": lo, "hi": max(hi, lo),
            "group": rules.group_of(etype).name if etype else "", "event_type": etype,
            "actors": set(as_list(c.get("actors"))), "source": cell_text(c.get("source")),
            "pattern": re.compile(keywords, re.IGNORECASE) if keywords else None,
        })
    return rows


def chronology_match(recs: list[Rec], ctx: Context, event_type: str | None = None
                     ) -> tuple[int, list[dict]]:
    """(score, chronology rows this event matches, best first).

    Stricter than dating: the row's type must be the event's own type (or one the labels file
    calls equivalent: a phone call row never dates a meeting), the row's actors must all be
    the event's own participants, or at least two of them (both sides of a call), and the
    keywords regex must match a mention's sentence. event_type: labels.choose_type(recs), when
    known.
    """
    if not ctx.chronology:
        return 0, []
    etype = event_type or choose_type(recs)
    rows = [c for c in ctx.chronology
            if not c["event_type"] or ctx.rules.same_kind(c["event_type"], etype)]
    if not rows:  # most events: no row of their kind, no participants to gather
        return 0, []
    key_people = {t for r in recs for t in r.targets} | \
        ({r.agent for r in recs} if recs[0].group.symmetric else set())
    own = key_people | {a for r in recs for a in [*r.actors, r.agent] if a}
    texts = [r.text for r in recs]
    scored = []
    for c in rows:
        shared = c["actors"] & own
        if c["actors"] and shared != c["actors"] and len(shared) < 2:
            continue
        if c["pattern"] is not None and not any(c["pattern"].search(t) for t in texts):
            continue
        scored.append((2 * len(c["actors"] & key_people) + len(c["actors"] & own) + 1, c))
    if not scored:
        return 0, []
    top = max(s for s, _ in scored)
    return top, [c for s, c in scored if s == top]


def fill_from_chronology(rows: list[dict], clusters: list[list[Rec]],
                         matches: list[tuple[int, list[dict]]]) -> None:
    """Fill open dates (in place, on the new rows) from matching chronology rows.

    A row describes one event: when several open events claim it, the best match (score,
    then mentions) gets it; a row a dated event agrees with dates no open one (an undated
    'the two spoke' of another article is not that call once more). Dated events only
    record the row they agree with.
    """
    claims: dict[str, list[tuple[tuple, int, dict]]] = defaultdict(list)
    agreed: set[str] = set()
    for i, (row, recs, (score, found)) in enumerate(zip(rows, clusters, matches, strict=True)):
        if not found:
            continue
        if row["date"] and row["date_basis"] != "reported":  # the analyst beats a lede's guess
            lo, hi = day_number(row["date_earliest"]), day_number(row["date_latest"])
            near = [c for c in found if not (c["hi"] < lo - 1 or c["lo"] > hi + 1)]
            if near:
                row["chronology_key"] = near[0]["key"]
                agreed.add(near[0]["key"])
            continue
        chosen = _closest_row(found, recs, row["status"] == "planned")
        if chosen is None:
            continue
        rank = (-score, -sum(r.polarity in CREATING for r in recs), row["key"])
        claims[chosen["key"]].append((rank, i, chosen))
    for key in sorted(set(claims) - agreed):
        _, i, chosen = min(claims[key], key=lambda c: c[0])
        rows[i].update(date=day_text(chosen["lo"]), date_earliest=day_text(chosen["lo"]),
                       date_latest=day_text(chosen["hi"]),
                       date_precision=precision_of(chosen["lo"], chosen["hi"]),
                       date_basis="chronology", chronology_key=chosen["key"],
                       date_source=chosen["source"])


def _closest_row(matches: list[dict], recs: list[Rec], planned: bool) -> dict | None:
    """Several rows can match (two calls between the same leaders): a past event is the
    latest row on or before its first article (an article cannot report as done what happened
    after it was written: no row then); a planned one the first row on or after it."""
    pubs = [r.pub_hi for r in recs if r.pub_hi is not None and r.polarity == "asserted"] \
        or [r.pub_lo for r in recs if r.pub_lo is not None]
    first = min(pubs) if pubs else None
    ordered = sorted(matches, key=lambda c: (c["lo"], c["key"]))
    if first is None:
        return ordered[-1]
    if planned:
        ahead = [c for c in ordered if c["hi"] >= first]
        return ahead[0] if ahead else ordered[-1]
    before = [c for c in ordered if c["lo"] <= first]
    return before[-1] if before else None
